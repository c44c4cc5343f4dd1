package lu.kulturpass.venue;

import static lu.kulturpass.testing.AccessMatrix.Role.BOX_OFFICE;
import static lu.kulturpass.testing.AccessMatrix.Role.PROGRAMME_STAFF;
import static lu.kulturpass.testing.AccessMatrix.Role.VENUE_MANAGER;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.AccessMatrix;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.HostileInput;
import org.junit.jupiter.api.Test;

/**
 * Every operation of venue-service's OpenAPI document, sent hostile values (HostileInput) by a box office, a venue manager
 * of a theatre it knows, or programme staff, as the operation's security names: no answer is a server error, every
 * refusal is a problem+json with a sentence, and a refused request records nothing.
 */
@QuarkusTest
class HostileInputTest {

    @Test
    void noOperationAnswersAServerErrorToHostileInput() {
        AccessMatrix.callTheServiceUnderTest();
        Door.passServicePublishedItsKey();
        String venue = Door.theatre();
        String performance = Door.performance(venue, 50);
        String cancelled = Door.performance(venue, 5);
        String card = Door.validToken();
        String admission = Door.scan(BearerTokens.token(Roles.BOX_OFFICE, venue), card, performance).getString("admissionId");
        String device = DoorDevices.added(venue, "Entrance tablet").getString("device.deviceId");
        HostileInput.forService("venue-service")
                .databaseOfTheService("kulturpass_venue")
                .platformOperations(BOX_OFFICE, venue, "passes")
                .token(BOX_OFFICE, BearerTokens.token(Roles.BOX_OFFICE, venue))
                .token(VENUE_MANAGER, BearerTokens.token(Roles.VENUE_MANAGER, venue))
                .token(PROGRAMME_STAFF, BearerTokens.token(Roles.PROGRAMME_STAFF, null))
                .json("POST /admissions", "{\"token\":\"" + Door.validToken() + "\",\"nonce\":\"" + UUID.randomUUID()
                        + "\",\"device\":\"door-hostile\",\"performanceId\":\"" + performance + "\"}")
                .json("POST /admissions/offline", "{\"device\":\"door-hostile\",\"scans\":[{\"token\":\"" + Door.validToken()
                        + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"scannedAt\":\"" + OffsetDateTime.now().minusMinutes(3)
                        + "\",\"performanceId\":\"" + performance + "\",\"admittedOffline\":true}]}")
                .query("POST /admissions/photo", "performanceId", performance)
                .path("POST /admissions/{id}/undo", "id", admission)
                .json("POST /performances", "{\"title\":\"Le Misanthrope\",\"startsAt\":\"" + Door.laterToday() + "\",\"placesOffered\":2}")
                .path("PUT /performances/{id}", "id", performance)
                .json("PUT /performances/{id}", "{\"title\":\"Hamlet\",\"placesOffered\":30}")
                .path("POST /performances/{id}/cancel", "id", cancelled)
                .query("GET /performances", "from", Door.today())
                .query("GET /performances", "to", Door.today().plusDays(7))
                .path("POST /devices/{id}/pairing-code", "id", device)
                .path("POST /devices/{id}/revocation", "id", device)
                .run()
                .assertNoFailures();
    }
}
