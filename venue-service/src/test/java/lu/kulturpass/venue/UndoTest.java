package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.venue.admission.Admission;
import lu.kulturpass.venue.admission.Outcome;
import lu.kulturpass.venue.admission.Reason;
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
    void undoOfAnotherVenuesAdmissionIsRefused() {
        String performance = Door.performance(theatre, 10);
        String card = Door.validToken();
        JsonPath admitted = Door.scan(boxOffice, card, performance);
        String id = admitted.getString("admissionId");
        String elsewhere = BearerTokens.token(Roles.BOX_OFFICE, Door.venueFor(this, "another theatre"));

        given().auth().oauth2(elsewhere).contentType(ContentType.JSON).body("{\"reason\":\"wrong person\"}")
                .when().post("/admissions/" + id + "/undo").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Admission " + id + " was recorded at another venue: only that venue's box office can undo it"));

        assertNull(QuarkusTransaction.requiringNew().call(() -> Admission.<Admission>findById(UUID.fromString(id)).undoneAt));
        assertEquals(1, Written.placesUsed(performance));
        assertEquals("ALREADY_ADMITTED", Door.scan(boxOffice, card, performance).getString("reason"), "the admission still counts");
    }

    @Test
    void undoOfAnAdmissionForAnotherVenuesPerformanceIsRefused() {
        // what an offline sync could record before syncs checked performances: our box office let the holder in
        // "for" another venue's show, so the other venue's door refuses them as already admitted
        String elsewhere = Door.venueFor(this, "another theatre");
        String theirShow = Door.performance(elsewhere, 10);
        Admission recorded = QuarkusTransaction.requiringNew().call(() -> admittedOfflineHereFor(theirShow));
        String id = recorded.id.toString();

        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).body("{\"reason\":\"wrong person\"}")
                .when().post("/admissions/" + id + "/undo").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Performance " + theirShow + " is at another venue: "
                        + "you can only scan for, or change, your own venue's performances"));

        assertNull(QuarkusTransaction.requiringNew().call(() -> Admission.<Admission>findById(recorded.id).undoneAt));
        assertEquals(0, Written.placesUsed(theirShow));
        // no admission.undone went out for the pass: the first event of its key is the other venue's scan of it, made after
        // (refused as already admitted: the row stays until the programme's staff look at it)
        JsonPath atTheirDoor = Door.scan(BearerTokens.token(Roles.BOX_OFFICE, elsewhere), Door.token(recorded.passId, PassCategory.ADULT, 1),
                theirShow);
        var events = Written.admissionEventsOfPass(recorded.passId, atTheirDoor.getString("admissionId"));
        assertEquals(List.of("lu.kulturpass.admission.refused"),
                events.stream().map(event -> KafkaTopics.header(event, "ce_type").orElseThrow()).toList());
    }

    /** An admission of this theatre's box office, let in offline, naming another venue's performance (no place taken there). */
    private static Admission admittedOfflineHereFor(String performance) {
        Admission admission = new Admission();
        admission.id = UUID.randomUUID();
        admission.venueId = theatre;
        admission.nonce = UUID.randomUUID().toString();
        admission.typedCode = true;
        admission.passId = Door.nextPassId();
        admission.outcome = Outcome.ADMITTED;
        admission.reason = Reason.UNKNOWN_PERFORMANCE;
        admission.scannedBy = "user-box-office";
        admission.device = "door-3-phone";
        admission.offline = true;
        admission.scannedAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        admission.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        admission.scanDay = Door.today();
        admission.performanceId = UUID.fromString(performance);
        admission.groupSize = 1;
        admission.category = "ADULT";
        admission.persist();
        return admission;
    }

    @Test
    void anAdmissionPastTheWindowOrARefusalCannotBeUndone() {
        String performance = Door.performance(theatre, 10);
        JsonPath admitted = Door.scan(boxOffice, Door.validToken(), performance);
        UUID id = UUID.fromString(admitted.getString("admissionId"));
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
