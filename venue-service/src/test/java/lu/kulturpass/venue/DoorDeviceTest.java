package lu.kulturpass.venue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.venue.admission.Admission;
import lu.kulturpass.venue.admission.Admissions;
import lu.kulturpass.venue.device.DoorDevice;
import lu.kulturpass.venue.device.PairingCode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Door devices: paired with a one-time setup code, scanning for their venue only, recorded with every scan, revoked. */
@QuarkusTest
class DoorDeviceTest {

    private String theatre;
    private String performance;

    @BeforeEach
    void aTheatreWithAPerformance() {
        theatre = Door.venueFor(this, "theatre");
        performance = Door.performance(theatre, 50);
    }

    private static Admission admission(String nonce) {
        return QuarkusTransaction.requiringNew().call(() -> Admissions.where("nonce = ?", nonce).stream().findFirst().orElse(null));
    }

    private static DoorDevice device(String id) {
        return QuarkusTransaction.requiringNew().call(() -> DoorDevice.<DoorDevice>findById(UUID.fromString(id)));
    }

    @Test
    void aDevicePairedWithASetupCodeScansWithItsCookieAloneAndIsRecordedAsTheDeviceWithNoPerson() {
        DoorDevices.Paired device = DoorDevices.addedAndPaired(theatre);
        assertEquals(43, device.secret().length(), "a 256-bit secret");
        String nonce = UUID.randomUUID().toString();
        JsonPath answer = DoorDevices.scan(device, null, Door.validToken(), performance, nonce).statusCode(200).extract().jsonPath();
        assertTrue(answer.getBoolean("admitted"));

        Admission recorded = admission(nonce);
        assertEquals(device.deviceId(), recorded.device, "the paired device's id, not the device the body states");
        assertEquals(UUID.fromString(device.deviceId()), recorded.doorDeviceId);
        assertNull(recorded.scannedBy, "nobody was signed in on the device");

        var events = KafkaTopics.onTestBroker().readUntil("kulturpass.admissions", r -> r.value().contains(recorded.id.toString()),
                Duration.ofSeconds(20));
        JsonPath event = new JsonPath(events.get(events.size() - 1).value());
        assertEquals(device.deviceId(), event.getString("device"));
        assertEquals(true, event.getBoolean("pairedDevice"));
        assertNull(event.getString("scannedBy"));

        String shown = given().auth().oauth2(DoorDevices.manager(theatre)).when().get("/devices").then().statusCode(200)
                .extract().path("find { it.deviceId == '" + device.deviceId() + "' }.state");
        assertEquals("PAIRED", shown);
    }

    @Test
    void aPersonSignedInOnAPairedDeviceIsRecordedWithTheDevice() {
        DoorDevices.Paired device = DoorDevices.addedAndPaired(theatre);
        String person = BearerTokens.token(Roles.BOX_OFFICE, theatre);
        String nonce = UUID.randomUUID().toString();
        assertTrue(DoorDevices.scan(device, person, Door.validToken(), performance, nonce).statusCode(200).extract().jsonPath()
                .getBoolean("admitted"));

        Admission recorded = admission(nonce);
        assertEquals(device.deviceId(), recorded.device);
        assertEquals(DoorDevices.subjectOf(person), recorded.scannedBy, "the person's pseudonymous id");

        // the undo on the device records both too
        given().cookie(DoorDevices.COOKIE, device.secret()).auth().oauth2(person).contentType(ContentType.JSON)
                .body("{\"reason\":\"wrong person\"}").when().post("/admissions/" + recorded.id + "/undo").then().statusCode(200);
        Admission undone = admission(nonce);
        assertEquals(DoorDevices.subjectOf(person), undone.undoneBy);
        assertEquals(UUID.fromString(device.deviceId()), undone.undoneOnDevice);

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> DoorDevices.subjectOf(person).equals(device(device.deviceId()).lastPerson));
        String listed = given().auth().oauth2(DoorDevices.manager(theatre)).when().get("/devices").then().statusCode(200)
                .extract().path("find { it.deviceId == '" + device.deviceId() + "' }.lastPerson");
        assertEquals(DoorDevices.subjectOf(person), listed, "the manager sees who was last signed in on it");
    }

    @Test
    void withoutAPairedDeviceTheDeviceTheBodyStatesAndThePersonAreRecordedAsBefore() {
        String person = BearerTokens.token(Roles.BOX_OFFICE, theatre);
        String nonce = UUID.randomUUID().toString();
        Door.scan(person, Door.validToken(), nonce, performance);
        Admission recorded = admission(nonce);
        assertEquals("door-1", recorded.device);
        assertNull(recorded.doorDeviceId);
        assertEquals(DoorDevices.subjectOf(person), recorded.scannedBy);
    }

    @Test
    void aUsedAnUnknownAndAnExpiredSetupCodeAreRefused() {
        JsonPath added = DoorDevices.added(theatre, "Box office phone");
        String code = added.getString("setup.code");
        DoorDevices.pair(code);
        pairing(code).then().statusCode(410).contentType("application/problem+json").body("detail", containsString("already used"));
        pairing("ZZZZ-ZZZZ-ZZZZ").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("not known"));
        pairing("short").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").when().post("/devices/pairing").then().statusCode(400);

        String deviceId = added.getString("device.deviceId");
        String fresh = given().auth().oauth2(DoorDevices.manager(theatre)).when().post("/devices/" + deviceId + "/pairing-code")
                .then().statusCode(201).extract().path("setup.code");
        QuarkusTransaction.requiringNew().run(() -> PairingCode.update("expiresAt = ?1 where deviceId = ?2 and usedAt is null",
                OffsetDateTime.now().minusSeconds(1), UUID.fromString(deviceId)));
        Response expired = pairing(fresh);
        expired.then().statusCode(410).contentType("application/problem+json").body("detail", containsString("expired"));
        assertNull(expired.getCookie(DoorDevices.COOKIE), "no cookie for a refused code");
    }

    @Test
    void aFreshCodeStopsTheEarlierOneAndPairingAgainReplacesTheEarlierPairing() {
        JsonPath added = DoorDevices.added(theatre, "Side door");
        String deviceId = added.getString("device.deviceId");
        String first = DoorDevices.pair(added.getString("setup.code"));
        String unused = given().auth().oauth2(DoorDevices.manager(theatre)).when().post("/devices/" + deviceId + "/pairing-code")
                .then().statusCode(201).extract().path("setup.code");
        String latest = given().auth().oauth2(DoorDevices.manager(theatre)).when().post("/devices/" + deviceId + "/pairing-code")
                .then().statusCode(201).extract().path("setup.code");
        pairing(unused).then().statusCode(404);
        String second = DoorDevices.pair(latest);
        given().cookie(DoorDevices.COOKIE, first).when().get("/devices/current").then().statusCode(401)
                .body("detail", containsString("not known"));
        given().cookie(DoorDevices.COOKIE, second).when().get("/devices/current").then().statusCode(200)
                .body("deviceId", equalTo(deviceId)).body("name", equalTo("Side door")).body("personSignedIn", equalTo(false));
    }

    @Test
    void aRevokedDeviceIsRefusedAndItsCookieTakenAway() {
        DoorDevices.Paired device = DoorDevices.addedAndPaired(theatre);
        DoorDevices.scan(device, null, Door.validToken(), performance, UUID.randomUUID().toString()).statusCode(200);
        given().auth().oauth2(DoorDevices.manager(theatre)).when().post("/devices/" + device.deviceId() + "/revocation")
                .then().statusCode(200).body("state", equalTo("REVOKED")).body("revokedAt", org.hamcrest.Matchers.notNullValue());

        String nonce = UUID.randomUUID().toString();
        Response refused = DoorDevices.scan(device, null, Door.validToken(), performance, nonce).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("pairing was revoked")).extract().response();
        assertTrue(refused.getHeader("Set-Cookie").contains("Max-Age=0"), "the cookie is taken away: " + refused.getHeader("Set-Cookie"));
        assertNull(admission(nonce), "nothing recorded");
        given().cookie(DoorDevices.COOKIE, device.secret()).when().get("/offline-kit").then().statusCode(401);
        // with a person signed in on it, too
        DoorDevices.scan(device, BearerTokens.token(Roles.BOX_OFFICE, theatre), Door.validToken(), performance, nonce).statusCode(401)
                .body("detail", containsString("pairing was revoked"));
        assertNull(admission(nonce));
        given().auth().oauth2(DoorDevices.manager(theatre)).when().post("/devices/" + device.deviceId() + "/pairing-code")
                .then().statusCode(409);
    }

    @Test
    void aDeviceCannotScanForAnotherVenuesPerformance() {
        DoorDevices.Paired device = DoorDevices.addedAndPaired(theatre);
        String elsewhere = Door.performance(Door.theatre(), 5);
        String nonce = UUID.randomUUID().toString();
        DoorDevices.scan(device, null, Door.validToken(), elsewhere, nonce).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("another venue"));
        assertNull(admission(nonce));
    }

    @Test
    void aPersonOfAnotherVenueSignedInOnTheDeviceIsRefused() {
        DoorDevices.Paired device = DoorDevices.addedAndPaired(theatre);
        String otherVenue = Door.theatre();
        String stranger = BearerTokens.token(Roles.BOX_OFFICE, otherVenue);
        String nonce = UUID.randomUUID().toString();
        DoorDevices.scan(device, stranger, Door.validToken(), Door.performance(otherVenue, 5), nonce).statusCode(403)
                .body("detail", containsString("paired to another venue"));
        assertNull(admission(nonce));
    }

    @Test
    void aDeviceAloneDoesTheBoxOfficeWorkOfItsVenueAndNothingElse() {
        DoorDevices.Paired device = DoorDevices.addedAndPaired(theatre);
        given().cookie(DoorDevices.COOKIE, device.secret()).when().get("/admissions/recent").then().statusCode(200);
        given().cookie(DoorDevices.COOKIE, device.secret()).when().get("/venues/mine").then().statusCode(200)
                .body("id", equalTo(theatre));
        given().cookie(DoorDevices.COOKIE, device.secret()).when().get("/devices").then().statusCode(403);
        given().cookie(DoorDevices.COOKIE, device.secret()).contentType(ContentType.JSON).body("{\"name\":\"another\"}")
                .when().post("/devices").then().statusCode(403);
        given().cookie(DoorDevices.COOKIE, device.secret()).contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"startsAt\":\"" + Door.laterToday() + "\",\"placesOffered\":2}")
                .when().post("/performances").then().statusCode(403);
        given().cookie(DoorDevices.COOKIE, device.secret()).redirects().follow(false).when().get("/signin").then().statusCode(401)
                .header("Location", org.hamcrest.Matchers.nullValue()); // a person signing in on the device goes to the provider
        given().cookie(DoorDevices.COOKIE, device.secret()).when().get("/me").then().statusCode(200)
                .body("user", equalTo("Entrance tablet")).body("roles", equalTo(java.util.List.of(Roles.BOX_OFFICE)))
                .body("partnerId", equalTo(theatre));
    }

    @Test
    void aManagerOfAnotherVenueCannotListRevokeOrPairThisVenuesDevices() {
        DoorDevices.Paired device = DoorDevices.addedAndPaired(theatre);
        String otherManager = DoorDevices.manager(Door.theatre());
        var listed = given().auth().oauth2(otherManager).when().get("/devices").then().statusCode(200).extract().jsonPath()
                .getList("deviceId");
        assertFalse(listed.contains(device.deviceId()));
        given().auth().oauth2(otherManager).when().post("/devices/" + device.deviceId() + "/revocation").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("another venue"));
        given().auth().oauth2(otherManager).when().post("/devices/" + device.deviceId() + "/pairing-code").then().statusCode(403);
        assertEquals(null, device(device.deviceId()).revokedAt);
        given().cookie(DoorDevices.COOKIE, device.secret()).when().get("/devices/current").then().statusCode(200);
    }

    @Test
    void theBoxOfficeCannotManageDevices() {
        DoorDevices.Paired device = DoorDevices.addedAndPaired(theatre);
        String boxOffice = BearerTokens.token(Roles.BOX_OFFICE, theatre);
        given().auth().oauth2(boxOffice).when().get("/devices").then().statusCode(403);
        given().auth().oauth2(boxOffice).contentType(ContentType.JSON).body("{\"name\":\"mine\"}").when().post("/devices").then().statusCode(403);
        given().auth().oauth2(boxOffice).when().post("/devices/" + device.deviceId() + "/revocation").then().statusCode(403);
        given().auth().oauth2(boxOffice).when().post("/devices/" + device.deviceId() + "/pairing-code").then().statusCode(403);
        assertNull(device(device.deviceId()).revokedAt);
    }

    @Test
    void theDevicesLastSyncedTimeMovesWhenItSyncsOfflineScans() {
        DoorDevices.Paired device = DoorDevices.addedAndPaired(theatre);
        assertNull(device(device.deviceId()).lastSyncedAt, "not synced yet");
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        String nonce = UUID.randomUUID().toString();
        given().cookie(DoorDevices.COOKIE, device.secret()).contentType(ContentType.JSON)
                .body("{\"device\":\"what-the-body-says\",\"scans\":[{\"token\":\"" + Door.validToken() + "\",\"nonce\":\"" + nonce
                        + "\",\"scannedAt\":\"" + OffsetDateTime.now().minusMinutes(3) + "\",\"performanceId\":\"" + performance
                        + "\",\"admittedOffline\":true}]}")
                .when().post("/admissions/offline").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> device(device.deviceId()).lastSyncedAt != null);
        assertTrue(!device(device.deviceId()).lastSyncedAt.isBefore(before));
        Admission synced = admission(nonce);
        assertEquals(device.deviceId(), synced.device);
        assertNull(synced.scannedBy);
        assertNotNull(given().auth().oauth2(DoorDevices.manager(theatre)).when().get("/devices").then().statusCode(200)
                .extract().path("find { it.deviceId == '" + device.deviceId() + "' }.lastSyncedAt"));
    }

    @Test
    void theSetupCodesQrCodeHoldsTheScannerPagesPairingAddressWithTheCodeInItsFragment() throws Exception {
        JsonPath added = DoorDevices.added(theatre, "Foyer phone");
        String address = added.getString("setup.pairingAddress");
        String code = added.getString("setup.code");
        assertTrue(address.endsWith("/scanner/#pair=" + code.replace("-", "")), address);
        assertEquals(address, DoorDevices.decodeQr(added.getString("setup.qrCode")));
        OffsetDateTime expires = OffsetDateTime.parse(added.getString("setup.expiresAt"));
        assertTrue(expires.isAfter(OffsetDateTime.now().plusMinutes(9)) && expires.isBefore(OffsetDateTime.now().plusMinutes(11)));
        given().auth().oauth2(DoorDevices.manager(theatre)).contentType(ContentType.JSON).body("{\"name\":\" \"}").when().post("/devices")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static Response pairing(String code) {
        return given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").when().post("/devices/pairing");
    }
}
