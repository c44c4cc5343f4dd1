package lu.kulturpass.venue;

import static lu.kulturpass.testing.AccessMatrix.Role.AGENCY_STAFF;
import static lu.kulturpass.testing.AccessMatrix.Role.BOX_OFFICE;
import static lu.kulturpass.testing.AccessMatrix.Role.PROGRAMME_STAFF;
import static lu.kulturpass.testing.AccessMatrix.Role.VENUE_MANAGER;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Stream;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.AccessMatrix;
import lu.kulturpass.testing.BearerTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of venue-service's OpenAPI document, called by every caller it must refuse (AccessMatrix): no,
 * malformed, foreign-signed or expired tokens; roles it does not serve; box-office staff and venue managers without a
 * venue, of an unknown venue, and of another venue naming the first one's performance or admission. Each is refused,
 * and nothing is recorded: no admission, no performance changed, no event. This service does not hide that another
 * venue's performance or admission exists ("... is at another venue"): 403, the table's default.
 */
@QuarkusTest
class AccessMatrixTest {

    private static String venueA;
    private static String venueB;
    private static String performanceA;
    private static String admissionA;
    private static String deviceA;

    /** Two theatres with agreements in force (from the partner topic); a performance at the first, and an admission to it. */
    @BeforeAll
    static void twoTheatresAndAnAdmissionAtTheFirst() {
        AccessMatrix.callTheServiceUnderTest();
        Door.passServicePublishedItsKey();
        venueA = Door.theatre();
        venueB = Door.theatre();
        performanceA = Door.performance(venueA, 5);
        admissionA = Door.scan(BearerTokens.token(Roles.BOX_OFFICE, venueA), Door.validToken(), performanceA).getString("admissionId");
        deviceA = DoorDevices.added(venueA, "Entrance tablet").getString("device.deviceId");
    }

    @TestFactory
    Stream<DynamicNode> everyOperationRefusesCallersItDoesNotServeAndWritesNothing() throws Exception {
        String card = Door.validToken();
        return AccessMatrix.forService("venue-service")
                .database("kulturpass_venue", ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class))
                .partners(BOX_OFFICE, venueA, venueB)
                .partners(VENUE_MANAGER, venueA, venueB)
                // venue-service knows no agencies: an agency worker's token names one all the same
                .partners(AGENCY_STAFF, UUID.randomUUID().toString(), null)
                .publicOperation("GET /signin", "sends a person without a session to the provider's sign-in")
                .publicOperation("GET /words.js", "the pages' words in every language, read before anyone signs in")
                .publicOperation("POST /devices/pairing", "a door device pairs itself with a one-time setup code: the code is the credential")

                .anySignedIn("GET /me")
                // dead letters: programme staff replay a channel's once the cause is fixed
                .operation("POST /dead-letters/{channel}/replay", PROGRAMME_STAFF).path("channel", "passes")

                // the box office: scans at its own venue, for its own performances
                .operation("POST /admissions", BOX_OFFICE)
                .json("{\"token\":\"" + card + "\",\"nonce\":\"" + UUID.randomUUID() + "\",\"device\":\"door-matrix\","
                        + "\"performanceId\":\"" + performanceA + "\"}")
                .namesFirstPartnersResource(true)
                .operation("POST /admissions/photo", BOX_OFFICE)
                .query("nonce", UUID.randomUUID()).query("device", "camera-matrix").query("performanceId", performanceA)
                .body("image/png", PhotoTest.photo(card, 0, 1, "png"))
                .namesFirstPartnersResource(true)
                .operation("POST /admissions/offline", BOX_OFFICE)
                .json("{\"device\":\"door-matrix\",\"scans\":[{\"token\":\"" + card + "\",\"nonce\":\"" + UUID.randomUUID()
                        + "\",\"scannedAt\":\"" + OffsetDateTime.now().minusMinutes(3) + "\",\"performanceId\":\"" + performanceA
                        + "\",\"admittedOffline\":true}]}")
                .namesFirstPartnersResource(true)
                .operation("POST /admissions/{id}/undo", BOX_OFFICE).path("id", admissionA).json("{\"reason\":\"wrong person\"}")
                .operation("GET /admissions/recent", BOX_OFFICE)
                .operation("GET /offline-kit", BOX_OFFICE)
                .operation("GET /venues/mine", BOX_OFFICE, VENUE_MANAGER)

                // door devices: the venue manager pairs and revokes them; a browser asks which device it is paired as
                .operation("POST /devices", VENUE_MANAGER).json("{\"name\":\"Side door\"}")
                .operation("GET /devices", VENUE_MANAGER)
                .operation("POST /devices/{id}/pairing-code", VENUE_MANAGER).path("id", deviceA)
                .operation("POST /devices/{id}/revocation", VENUE_MANAGER).path("id", deviceA)
                .operation("GET /devices/current", BOX_OFFICE)

                // performances: the venue manager keeps them, the box office and programme staff read them
                .operation("GET /performances", BOX_OFFICE, VENUE_MANAGER, PROGRAMME_STAFF)
                .operation("POST /performances", VENUE_MANAGER)
                .json("{\"title\":\"Le Misanthrope\",\"startsAt\":\"" + Door.laterToday() + "\",\"placesOffered\":2}")
                .operation("PUT /performances/{id}", VENUE_MANAGER).path("id", performanceA).json("{\"placesOffered\":3}")
                .operation("POST /performances/{id}/cancel", VENUE_MANAGER).path("id", performanceA)

                // staff accounts (platform): programme staff, and a venue manager for their venue's box office. These tests
                // run no Keycloak, so a caller who gets through is answered 503; the account named by {id} lives in Keycloak,
                // so another venue's manager naming it is tested against a real one (end-to-end AccountsIT)
                .operation("GET /accounts", PROGRAMME_STAFF, VENUE_MANAGER)
                .operation("POST /accounts", PROGRAMME_STAFF, VENUE_MANAGER).json(role -> "{\"username\":\"matrix.cashier\","
                        + "\"firstName\":\"Nina\",\"lastName\":\"Neu\",\"email\":\"nina@example.lu\",\"role\":\"box-office\""
                        + (role == PROGRAMME_STAFF ? ",\"partnerId\":\"" + venueA + "\"" : "") + "}")
                .operation("POST /accounts/{id}/disable", PROGRAMME_STAFF, VENUE_MANAGER).path("id", UUID.randomUUID())
                .namesFirstPartnersResource(false)
                .operation("POST /accounts/{id}/enable", PROGRAMME_STAFF, VENUE_MANAGER).path("id", UUID.randomUUID())
                .namesFirstPartnersResource(false)
                .tests();
    }
}
