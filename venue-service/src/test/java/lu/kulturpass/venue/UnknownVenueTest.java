package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token naming a venue the partner topic never named is a statement nobody backs: its box office and manager are
 * refused everywhere, reading included, and nothing of what they send is recorded.
 */
@QuarkusTest
class UnknownVenueTest {

    private static final String NOT_KNOWN = "Your account's venue is not one the programme knows: "
            + "the programme's staff register venues, and its box office and manager can act once they have";

    private String theatre;
    private String unknown;
    private String boxOffice;
    private String manager;

    @BeforeEach
    void anUnknownVenueBesideAKnownTheatre() {
        theatre = Door.venueFor(this, "theatre");
        unknown = Door.unknownVenue();
        boxOffice = BearerTokens.token(Roles.BOX_OFFICE, unknown);
        manager = BearerTokens.token(Roles.VENUE_MANAGER, unknown);
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json").body("detail", equalTo(NOT_KNOWN));
    }

    @Test
    void anUnknownVenueReadsNothing() {
        refused(given().auth().oauth2(boxOffice).when().get("/performances").then());
        refused(given().auth().oauth2(manager).when().get("/performances").then());
        refused(given().auth().oauth2(boxOffice).when().get("/admissions/recent").then());
        refused(given().auth().oauth2(boxOffice).when().get("/offline-kit").then());
        refused(given().auth().oauth2(boxOffice).when().get("/venues/mine").then());
    }

    @Test
    void aBoxOfficeOfAnUnknownVenueCannotScanAndRecordsNothing() throws Exception {
        String card = Door.validToken();
        String show = Door.performance(theatre, 10);
        refused(given().auth().oauth2(boxOffice).contentType(ContentType.JSON)
                .body("{\"token\":\"" + card + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"device\":\"door-1\",\"performanceId\":\"" + show + "\"}")
                .when().post("/admissions").then());
        refused(given().auth().oauth2(boxOffice).contentType(ContentType.JSON)
                .body("{\"code\":\"" + ScannerVenue.passNumber(card) + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"device\":\"desk\"}")
                .when().post("/admissions").then());
        refused(given().auth().oauth2(boxOffice).contentType("image/png").body(PhotoTest.photo(card, 0, 1, "png"))
                .queryParam("nonce", UUID.randomUUID().toString()).when().post("/admissions/photo").then());
        refused(given().auth().oauth2(boxOffice).contentType(ContentType.JSON)
                .body("{\"device\":\"d\",\"scans\":[{\"token\":\"" + card + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"scannedAt\":\""
                        + OffsetDateTime.now().minusMinutes(3) + "\",\"admittedOffline\":true}]}")
                .when().post("/admissions/offline").then());
        refused(given().auth().oauth2(boxOffice).contentType(ContentType.JSON).body("{\"reason\":\"wrong person\"}")
                .when().post("/admissions/" + UUID.randomUUID() + "/undo").then());

        assertEquals(0, Written.admissionsAt(unknown));
        // the card at a known theatre afterwards: the only event of its pass is that one
        String admitted = Door.scan(BearerTokens.token(Roles.BOX_OFFICE, theatre), card, show).getString("admissionId");
        var events = Written.admissionEventsOfPass(ScannerVenue.passId(card), admitted);
        assertEquals(1, events.size(), "no event of the unknown venue's scans");
    }

    @Test
    void aVenueManagerOfAnUnknownVenueCannotSchedule() {
        String show = Door.performance(theatre, 3);
        refused(given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body("{\"title\":\"Le Misanthrope\",\"startsAt\":\"" + Door.laterToday() + "\",\"placesOffered\":10}")
                .when().post("/performances").then());
        refused(given().auth().oauth2(manager).contentType(ContentType.JSON).body("{\"placesOffered\":1}")
                .when().put("/performances/" + show).then());
        refused(given().auth().oauth2(manager).when().post("/performances/" + show + "/cancel").then());

        assertEquals(0, Written.performancesAt(unknown));
        // the outbox relays oldest first: a performance scheduled afterwards comes after any event of the refused one
        String afterwards = Door.performance(theatre, 3);
        var records = KafkaTopics.onTestBroker().readUntil("kulturpass.performances", r -> afterwards.equals(r.key()), Duration.ofSeconds(20));
        assertFalse(records.stream().anyMatch(r -> r.value().contains(unknown)), "no performance event names the unknown venue");
        assertFalse(records.stream().anyMatch(r -> show.equals(r.key()) && r.value().contains("CANCELLED")), "the theatre's show is not cancelled");
    }
}
