package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.token.PassCategory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offline mode: the kit a scanner page keeps, and the sync of the scans it queued. */
@QuarkusTest
class OfflineTest {

    private static String theatre;
    private String boxOffice;

    @BeforeEach
    void aTheatre() {
        theatre = Door.venueFor(this, "theatre");
        boxOffice = BearerTokens.token(Roles.BOX_OFFICE, theatre);
    }

    private JsonPath sync(String scans) {
        return given().auth().oauth2(boxOffice).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"device\":\"door-3-phone\",\"scans\":[" + scans + "]}")
                .when().post("/admissions/offline").then().statusCode(200).extract().jsonPath();
    }

    private static String offlineScan(String token, String nonce, OffsetDateTime at, String performance, boolean admitted) {
        return "{\"token\":\"" + token + "\",\"nonce\":\"" + nonce + "\",\"scannedAt\":\"" + at + "\",\"performanceId\":\""
                + performance + "\",\"admittedOffline\":" + admitted + "}";
    }

    @Test
    void theKitHoldsTheKeysTheRevokedPassesTheAgreementAndTodaysPerformances() {
        String performance = Door.performance(theatre, 4);
        long revoked = Door.nextPassId();
        KafkaTopics.onTestBroker().publish("kulturpass.passes", String.valueOf(revoked), "lu.kulturpass.pass.revoked",
                "{\"passId\":" + revoked + ",\"from\":\"ACTIVE\",\"to\":\"REVOKED\",\"reason\":\"OTHER\"}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                given().auth().oauth2(boxOffice).when().get("/offline-kit").then().statusCode(200).extract()
                        .<java.util.List<Number>>path("revokedPasses").stream().anyMatch(id -> id.longValue() == revoked));
        JsonPath kit = given().auth().oauth2(boxOffice).when().get("/offline-kit").then().statusCode(200)
                .body("venue.venueId", equalTo(theatre)).body("agreement.price", equalTo(1.50f))
                .body("timeZone", equalTo("Europe/Luxembourg"))
                .body("agreement.acceptedCategories", hasItem("COLLECTIVE"))
                .body("performances.performanceId", hasItem(performance))
                .extract().jsonPath();
        String key = kit.getString("publicKeys.find { it.keyId == " + Door.KEY_ID + " }.publicKey");
        assertEquals(Base64.getEncoder().encodeToString(Door.KEY.publicKey()), key);
        assertEquals("Ed25519", kit.getString("publicKeys[0].algorithm"));
        assertNull(kit.get("messages"), "offline answers use the catalogue's words, served to the page by /words.js");
        given().auth().oauth2(BearerTokens.token(Roles.AGENCY_STAFF, theatre)).when().get("/offline-kit").then().statusCode(403);
    }

    @Test
    void offlineScansAreRecordedWithTheirOriginalTimeOnceAndADoubleUseIsFlagged() {
        String performance = Door.performance(theatre, 10);
        String token = Door.validToken();
        OffsetDateTime earlier = OffsetDateTime.now().minusMinutes(20).withNano(0);
        // another door admitted the pass online while this phone was offline
        assertEquals("VALID", Door.scan(boxOffice, token, performance).getString("reason"));
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String fresh = Door.validToken();
        String batch = offlineScan(token, first, earlier, performance, true) + ","
                + offlineScan(fresh, second, earlier.plusMinutes(1), performance, true) + ","
                + offlineScan(Door.token(PassCategory.CHILD, 1), refused, earlier.plusMinutes(2), performance, false);
        JsonPath results = sync(batch);
        assertEquals(true, results.getBoolean("results[0].admitted"));
        assertEquals(true, results.getBoolean("results[0].doubleUse"));
        assertEquals("ALREADY_ADMITTED", results.getString("results[0].reason"));
        assertEquals(true, results.getBoolean("results[1].admitted"));
        assertEquals(false, results.getBoolean("results[1].doubleUse"));
        assertEquals("VALID", results.getString("results[1].reason"));
        assertEquals(false, results.getBoolean("results[2].admitted"));
        assertEquals("CATEGORY_NOT_ACCEPTED", results.getString("results[2].reason"));

        JsonPath again = sync(batch);
        assertEquals(results.getList("results.admissionId"), again.getList("results.admissionId"), "a retried sync changes nothing");

        JsonPath recent = given().auth().oauth2(boxOffice).when().get("/admissions/recent?limit=10").then().statusCode(200).extract().jsonPath();
        String admittedAt = recent.getString("find { it.admissionId == '" + results.getString("results[1].admissionId") + "' }.scannedAt");
        assertEquals(earlier.plusMinutes(1).toInstant(), OffsetDateTime.parse(admittedAt).toInstant(), "the device's time is kept");
        assertEquals(true, recent.getBoolean("find { it.admissionId == '" + results.getString("results[0].admissionId") + "' }.doubleUse"));
        // the double use took no place; the fresh offline admission took one; the online one took one
        int used = given().auth().oauth2(boxOffice).when().get("/performances").then().extract()
                .path("find { it.performanceId == '" + performance + "' }.placesUsed");
        assertEquals(2, used);

        var records = KafkaTopics.onTestBroker().readUntil("kulturpass.admissions",
                r -> r.value().contains(results.getString("results[0].admissionId")), Duration.ofSeconds(20));
        JsonPath event = new JsonPath(records.get(records.size() - 1).value());
        assertEquals(true, event.getBoolean("offline"));
        assertEquals(true, event.getBoolean("doubleUse"));
        assertEquals("door-3-phone", event.getString("device"));
        assertEquals(performance, event.getString("performanceId"));
        assertEquals("lu.kulturpass.admission.recorded", KafkaTopics.header(records.get(records.size() - 1), "ce_type").orElseThrow());
    }

    @Test
    void anOfflineSyncForAnotherVenuesPerformanceIsRefusedAndRecordsNothing() {
        String elsewhere = Door.venueFor(this, "another theatre");
        String theirShow = Door.performance(elsewhere, 10);
        String ourShow = Door.performance(theatre, 10);
        String card = Door.validToken();
        String theirs = UUID.randomUUID().toString();
        String ours = UUID.randomUUID().toString();
        OffsetDateTime earlier = OffsetDateTime.now().minusMinutes(5).withNano(0);

        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"device\":\"door-3-phone\",\"scans\":[" + offlineScan(Door.validToken(), ours, earlier, ourShow, true) + ","
                        + offlineScan(card, theirs, earlier.plusMinutes(1), theirShow, true) + "]}")
                .when().post("/admissions/offline").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Performance " + theirShow + " is at another venue: "
                        + "you can only scan for, or change, your own venue's performances"));

        assertEquals(0, Written.admissionsWithNonces(ours, theirs), "no scan of the refused sync is recorded");
        assertEquals(0, Written.placesUsed(ourShow));
        // the holder comes to the other venue's show: admitted there, not "already used"
        JsonPath atTheirDoor = Door.scan(BearerTokens.token(Roles.BOX_OFFICE, elsewhere), card, theirShow);
        assertEquals("VALID", atTheirDoor.getString("reason"));
        assertEquals(1, Written.placesUsed(theirShow));
        var events = Written.admissionEventsOfPass(ScannerVenue.passId(card), atTheirDoor.getString("admissionId"));
        assertEquals(1, events.size(), "only the other venue's admission went out for the pass");
        assertEquals(elsewhere, new JsonPath(events.get(0).value()).getString("venueId"));
    }

    @Test
    void aSyncDatedInTheFutureOrWithoutScansIsAProblem() {
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON)
                .body("{\"device\":\"d\",\"scans\":[" + offlineScan(Door.validToken(), "n-future", OffsetDateTime.now().plusHours(2),
                        UUID.randomUUID().toString(), true) + "]}")
                .when().post("/admissions/offline").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).body("{\"device\":\"d\",\"scans\":[]}")
                .when().post("/admissions/offline").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anOfflineScanKeepsTheDayItWasMadeOn() {
        String museum = Door.museum();
        String desk = BearerTokens.token(Roles.BOX_OFFICE, museum);
        String token = Door.token(LocalDate.now().minusDays(30), LocalDate.now().plusYears(1));
        OffsetDateTime yesterday = OffsetDateTime.now().minusDays(1);
        JsonPath results = given().auth().oauth2(desk).contentType(ContentType.JSON)
                .body("{\"device\":\"d\",\"scans\":[{\"token\":\"" + token + "\",\"nonce\":\"" + UUID.randomUUID()
                        + "\",\"scannedAt\":\"" + yesterday + "\",\"admittedOffline\":true}]}")
                .when().post("/admissions/offline").then().statusCode(200).extract().jsonPath();
        assertEquals(false, results.getBoolean("results[0].doubleUse"));
        assertEquals("VALID", Door.scan(desk, token, null).getString("reason"), "yesterday's visit does not count today");
    }
}
