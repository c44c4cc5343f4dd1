package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.venue.admission.Admission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff undo an admission made by mistake within the window; the undo is audited and announced. */
@QuarkusTest
class UndoTest {

    private static String theatre;
    private String boxOffice;

    @BeforeEach
    void aTheatre() {
        theatre = Door.venueFor(this, "theatre");
        boxOffice = BearerTokens.token(Roles.BOX_OFFICE, theatre);
    }

    private JsonPath undo(String bearer, String admissionId, int status) {
        return given().auth().oauth2(bearer).contentType(ContentType.JSON).body("{\"reason\":\"wrong person\"}")
                .when().post("/admissions/" + admissionId + "/undo").then().statusCode(status).extract().jsonPath();
    }

    @Test
    void anUndoneAdmissionGivesItsPlaceBackLetsThePassInAgainAndIsAnnounced() {
        String performance = Door.performance(theatre, 1);
        String token = Door.validToken();
        JsonPath admitted = Door.scan(boxOffice, token, performance);
        assertNotNull(admitted.getString("undoableUntil"));
        assertEquals("SOLD_OUT", Door.scan(boxOffice, Door.validToken(), performance).getString("reason"));

        JsonPath undone = undo(boxOffice, admitted.getString("admissionId"), 200);
        assertEquals(true, undone.getBoolean("undone"));
        assertEquals("wrong person", undone.getString("reason"));
        assertNotNull(undone.getString("undoneBy"));
        undo(boxOffice, admitted.getString("admissionId"), 409);

        assertEquals("VALID", Door.scan(boxOffice, token, performance).getString("reason"), "the place and the pass are free again");
        List<String> recent = given().auth().oauth2(boxOffice).when().get("/admissions/recent?limit=5").then().statusCode(200)
                .extract().path("findAll { it.undoneAt != null }.admissionId");
        assertEquals(List.of(admitted.getString("admissionId")), recent);

        var records = KafkaTopics.onTestBroker().readUntil("kulturpass.admissions",
                r -> "lu.kulturpass.admission.undone".equals(KafkaTopics.header(r, "ce_type").orElse(""))
                        && r.value().contains(admitted.getString("admissionId")), Duration.ofSeconds(20));
        JsonPath event = new JsonPath(records.get(records.size() - 1).value());
        assertEquals(performance, event.getString("performanceId"));
        assertEquals("wrong person", event.getString("reason"));
        assertEquals(theatre, event.getString("venueId"));
        assertEquals(OffsetDateTime.parse(admitted.getString("scannedAt")).toInstant(),
                OffsetDateTime.parse(event.getString("scannedAt")).toInstant(), "the day the undone admission leaves");
    }

    @Test
    void afterTheWindowARefusalOrAnotherVenuesAdmissionCannotBeUndone() {
        String performance = Door.performance(theatre, 10);
        JsonPath admitted = Door.scan(boxOffice, Door.validToken(), performance);
        UUID id = UUID.fromString(admitted.getString("admissionId"));
        undo(BearerTokens.token(Roles.BOX_OFFICE, "another-venue"), id.toString(), 404);
        // eleven minutes pass (the window is ten)
        QuarkusTransaction.requiringNew().run(() -> Admission.update("recordedAt = ?1 where id = ?2",
                OffsetDateTime.now().minusMinutes(11), id));
        undo(boxOffice, id.toString(), 409);
        JsonPath refused = Door.scan(boxOffice, Door.validToken(), null);
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).body("{}")
                .when().post("/admissions/" + refused.getString("admissionId") + "/undo").then().statusCode(409)
                .body("detail", equalTo("Only an admission can be undone; this scan was refused (PERFORMANCE_REQUIRED)"));
    }
}
