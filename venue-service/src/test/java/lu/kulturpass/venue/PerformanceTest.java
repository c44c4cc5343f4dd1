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
        theatre = Door.venueFor(this, "theatre");
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
        String elsewhere = BearerTokens.token(Roles.VENUE_MANAGER, Door.venueFor(this, "another theatre"));
        String atAnotherVenue = "Performance " + performance + " is at another venue: "
                + "you can only scan for, or change, your own venue's performances";
        given().auth().oauth2(elsewhere).contentType(ContentType.JSON)
                .body("{\"placesOffered\":30}").when().put("/performances/" + performance).then().statusCode(403)
                .contentType("application/problem+json").body("detail", equalTo(atAnotherVenue));
        given().auth().oauth2(elsewhere).when().post("/performances/" + performance + "/cancel").then().statusCode(403)
                .contentType("application/problem+json").body("detail", equalTo(atAnotherVenue));
        given().auth().oauth2(elsewhere).when().get("/performances")
                .then().statusCode(200).body("performanceId", not(hasItem(performance)));
        given().auth().oauth2(manager).when().get("/performances").then().statusCode(200)
                .body("find { it.performanceId == '" + performance + "' }.placesOffered", equalTo(3))
                .body("find { it.performanceId == '" + performance + "' }.status", equalTo("SCHEDULED"));
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"title\":\"No time\"}")
                .when().post("/performances").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"title\":\"x\",\"startsAt\":\"tonight\",\"placesOffered\":3}")
                .when().post("/performances").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"placesOffered\":-1}")
                .when().put("/performances/" + performance).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(manager).when().get("/performances?from=yesterday").then().statusCode(400);
    }

    @Test
    void placesOfferedCannotExceedTheAgreementsPlacesPerEvent() {
        String venue = Door.theatreOffering(10);
        String venueManager = BearerTokens.token(Roles.VENUE_MANAGER, venue);
        String atMostTen = "Your venue's agreement offers at most 10 Kulturpass places per event: offer 10 or fewer";
        given().auth().oauth2(venueManager).contentType(ContentType.JSON)
                .body("{\"title\":\"Tartuffe\",\"startsAt\":\"" + Door.laterToday() + "\",\"placesOffered\":11}")
                .when().post("/performances").then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo(atMostTen));
        assertEquals(0, Written.performancesAt(venue));

        String performance = Door.performance(venue, 10);
        given().auth().oauth2(venueManager).contentType(ContentType.JSON).body("{\"placesOffered\":11}")
                .when().put("/performances/" + performance).then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo(atMostTen));
        given().auth().oauth2(venueManager).when().get("/performances").then().statusCode(200)
                .body("find { it.performanceId == '" + performance + "' }.placesOffered", equalTo(10));
    }

    @Test
    void aVenueWithoutAnAgreementInForceCannotOfferPlacesButReadsRenamesAndCancelsItsPerformances() {
        Door.Scheduled suspended = Door.theatreWhoseAgreementWasSuspended();
        String venueManager = BearerTokens.token(Roles.VENUE_MANAGER, suspended.venue());
        String noAgreement = "Your venue has no Kulturpass agreement in force today, so it cannot offer places; "
                + "its performances stay readable, and the programme's staff can renew the agreement";
        given().auth().oauth2(venueManager).contentType(ContentType.JSON)
                .body("{\"title\":\"Tartuffe\",\"startsAt\":\"" + Door.laterToday() + "\",\"placesOffered\":4}")
                .when().post("/performances").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo(noAgreement));
        given().auth().oauth2(venueManager).contentType(ContentType.JSON).body("{\"placesOffered\":8}")
                .when().put("/performances/" + suspended.performance()).then().statusCode(403).body("detail", equalTo(noAgreement));
        assertEquals(1, Written.performancesAt(suspended.venue()));

        given().auth().oauth2(venueManager).contentType(ContentType.JSON).body("{\"title\":\"Le Misanthrope (reprise)\"}")
                .when().put("/performances/" + suspended.performance()).then().statusCode(200).body("placesOffered", equalTo(5));
        given().auth().oauth2(BearerTokens.token(Roles.BOX_OFFICE, suspended.venue())).when().get("/performances").then().statusCode(200)
                .body("performanceId", hasItem(suspended.performance()));
        given().auth().oauth2(venueManager).when().post("/performances/" + suspended.performance() + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
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
