package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The venue manager keeps the venue's performances and places; each change goes out on kulturpass.performances. */
@QuarkusTest
class PerformanceTest {

    private static String theatre;
    private String manager;

    @BeforeEach
    void aTheatre() {
        Door.passServicePublishedItsKey();
        if (theatre == null) {
            theatre = Door.theatre();
        }
        manager = BearerTokens.token(Roles.VENUE_MANAGER, theatre);
    }

    @Test
    void theManagerSchedulesChangesAndCancelsAndEachChangeIsAnnounced() {
        OffsetDateTime startsAt = OffsetDateTime.parse("2026-12-31T23:30:00Z"); // 00:30 on 1 January in Luxembourg
        String id = given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body("{\"title\":\"Réveillon\",\"startsAt\":\"" + startsAt + "\",\"placesOffered\":12}")
                .when().post("/performances").then().statusCode(201)
                .body("status", equalTo("SCHEDULED")).body("placesUsed", equalTo(0)).body("day", equalTo("2027-01-01"))
                .extract().path("performanceId");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"placesOffered\":20,\"title\":\"Réveillon 2027\"}")
                .when().put("/performances/" + id).then().statusCode(200)
                .body("placesOffered", equalTo(20)).body("title", equalTo("Réveillon 2027"));
        given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, theatre)).when().get("/performances?from=2027-01-01&to=2027-01-01")
                .then().statusCode(200).body("performanceId", hasItem(id));
        given().auth().oauth2(manager).when().post("/performances/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(manager).when().post("/performances/" + id + "/cancel").then().statusCode(409)
                .contentType("application/problem+json");

        var records = KafkaTopics.onTestBroker().readUntil("kulturpass.performances",
                r -> id.equals(r.key()) && "lu.kulturpass.performance.cancelled".equals(KafkaTopics.header(r, "ce_type").orElse("")),
                Duration.ofSeconds(20));
        var mine = records.stream().filter(r -> id.equals(r.key())).toList();
        assertEquals("lu.kulturpass.performance.scheduled", KafkaTopics.header(mine.get(0), "ce_type").orElseThrow());
        assertEquals("lu.kulturpass.performance.changed", KafkaTopics.header(mine.get(1), "ce_type").orElseThrow());
        JsonPath cancelled = new JsonPath(mine.get(2).value());
        assertEquals("CANCELLED", cancelled.getString("status"));
        assertEquals(theatre, cancelled.getString("venueId"));
        assertEquals("2027-01-01", cancelled.getString("day"));
        assertEquals(20, cancelled.getInt("placesOffered"));
    }

    @Test
    void placesOfferedNeverDropBelowPlacesUsed() {
        String performance = Door.performance(theatre, 3);
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, theatre);
        Door.scan(boxOffice, Door.validToken(), performance);
        Door.scan(boxOffice, Door.validToken(), performance);
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"placesOffered\":1}")
                .when().put("/performances/" + performance).then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("2 Kulturpass places are already used for this performance: offer at least that many"));
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"placesOffered\":2}")
                .when().put("/performances/" + performance).then().statusCode(200).body("placesUsed", equalTo(2));
        assertEquals("SOLD_OUT", Door.scan(boxOffice, Door.validToken(), performance).getString("reason"));
    }

    @Test
    void onlyTheVenuesManagerChangesItsPerformancesAndBadInputIsAProblem() {
        String performance = Door.performance(theatre, 3);
        given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, theatre)).contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"startsAt\":\"2026-12-01T20:00:00+01:00\",\"placesOffered\":3}")
                .when().post("/performances").then().statusCode(403);
        given().auth().oauth2(BearerTokens.token(Roles.VENUE_MANAGER, "another-venue")).contentType(ContentType.JSON)
                .body("{\"placesOffered\":30}").when().put("/performances/" + performance).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(BearerTokens.token(Roles.VENUE_MANAGER, "another-venue")).when().get("/performances")
                .then().statusCode(200).body("performanceId", not(hasItem(performance)));
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"title\":\"No time\"}")
                .when().post("/performances").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"title\":\"x\",\"startsAt\":\"tonight\",\"placesOffered\":3}")
                .when().post("/performances").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"placesOffered\":-1}")
                .when().put("/performances/" + performance).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(manager).when().get("/performances?from=yesterday").then().statusCode(400);
    }

    @Test
    void byDefaultTheListShowsTodayAndTomorrow() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Luxembourg"));
        String performance = Door.performance(theatre, 3);
        JsonPath list = given().auth().oauth2(manager).when().get("/performances").then().statusCode(200).extract().jsonPath();
        assertEquals(true, list.getList("performanceId").contains(performance));
        assertFalse(list.getList("day", String.class).stream().anyMatch(day -> LocalDate.parse(day).isBefore(today)));
    }
}
