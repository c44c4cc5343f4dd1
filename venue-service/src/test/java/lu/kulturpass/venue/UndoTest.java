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
import io.quarkus.hibernate.orm.panache.Panache;
import lu.kulturpass.venue.admission.Admission;
import lu.kulturpass.venue.admission.Admissions;
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

        assertNull(QuarkusTransaction.requiringNew().call(() -> Admissions.where("id = ?", UUID.fromString(id)).get(0).undoneAt));
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

        assertNull(QuarkusTransaction.requiringNew().call(() -> Admissions.where("id = ?", recorded.id).get(0).undoneAt));
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
        UUID id = UUID.randomUUID();
        Panache.getEntityManager().createNativeQuery("""
                        insert into admission (id, venue_id, nonce, typed_code, pass_id, outcome, reason, scanned_by, device, offline,
                                               scanned_at, recorded_at, scan_day, performance_id, group_size, category)
                        values (?1, ?2, ?3, true, ?4, 'ADMITTED', 'UNKNOWN_PERFORMANCE', 'user-box-office', 'door-3-phone', true,
                                ?5, ?6, ?7, ?8, 1, 'ADULT')""")
                .setParameter(1, id).setParameter(2, theatre).setParameter(3, UUID.randomUUID().toString())
                .setParameter(4, Door.nextPassId()).setParameter(5, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .setParameter(6, OffsetDateTime.now(ZoneOffset.UTC)).setParameter(7, Door.today())
                .setParameter(8, UUID.fromString(performance)).executeUpdate();
        return Admissions.where("id = ?", id).get(0);
    }

    @Test
    void anAdmissionPastTheWindowOrARefusalCannotBeUndone() {
        String performance = Door.performance(theatre, 10);
        JsonPath admitted = Door.scan(boxOffice, Door.validToken(), performance);
        UUID id = UUID.fromString(admitted.getString("admissionId"));
        // eleven minutes pass (the window is ten)
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update admission set recorded_at = ?1 where id = ?2")
                .setParameter(1, OffsetDateTime.now().minusMinutes(11)).setParameter(2, id).executeUpdate());
        undo(boxOffice, id.toString(), 409);
        JsonPath refused = Door.scan(boxOffice, Door.validToken(), null);
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).body("{}")
                .when().post("/admissions/" + refused.getString("admissionId") + "/undo").then().statusCode(409)
                .body("detail", equalTo("Only an admission can be undone; this scan was refused: Choose the performance first, then scan again."));
    }

    @Test
    void aRefusedUndoSaysWhyInTheCallersLanguageWithTheRefusalInWordsNotACode() {
        JsonPath refused = Door.scan(boxOffice, Door.validToken(), null);
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).header("Accept-Language", "lb").body("{}")
                .when().post("/admissions/" + refused.getString("admissionId") + "/undo").then().statusCode(409)
                .body("detail", equalTo("Just en Entrée kann annuléiert ginn; dëse Scan gouf refuséiert: "
                        + "Wielt fir d'éischt d'Virstellung a scannt dann nach eng Kéier."));
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).header("Accept-Language", "fr-LU, lb;q=0.8").body("{}")
                .when().post("/admissions/" + refused.getString("admissionId") + "/undo").then().statusCode(409)
                .body("detail", equalTo("Seule une entrée peut être annulée ; ce scan a été refusé : "
                        + "Choisissez d'abord la représentation, puis scannez à nouveau."));
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).header("Accept-Language", "lb").body("{}")
                .when().post("/admissions/" + unknown + "/undo").then().statusCode(404)
                .body("detail", equalTo("Keen Entrée " + unknown + " op Ärem Spillort"));
    }
}
