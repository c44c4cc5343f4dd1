package lu.kulturpass.venue;

import java.time.LocalDate;
import java.util.UUID;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassNumber;
import lu.kulturpass.token.PassTokenVerifier;
import lu.kulturpass.token.Verification;

/**
 * A venue whose box office uses the scanner page (on the shared {@link Door} key and agreements): a theatre
 * with a performance today (1.50 EUR, adults and groups), or a museum (free entry, once a day).
 */
final class ScannerVenue {

    final String venueId;
    final String boxOffice;
    /** Today's performance at a theatre; null at a museum. */
    final String performanceId;

    private ScannerVenue(String venueId, String performanceId) {
        this.venueId = venueId;
        this.boxOffice = BearerTokens.token(Roles.BOX_OFFICE, venueId);
        this.performanceId = performanceId;
    }

    /** A theatre venue-service knows, with a performance today offering this many Kulturpass places (RestAssured's port set). */
    static ScannerVenue theatre(int places) {
        Door.passServicePublishedItsKey();
        String venue = Door.theatre();
        return new ScannerVenue(venue, Door.performance(venue, places));
    }

    static ScannerVenue museum() {
        Door.passServicePublishedItsKey();
        return new ScannerVenue(Door.museum(), null);
    }

    /** An adult's card, MS born 1984, valid from a month ago for two years (can be signed before the service runs). */
    static String card() {
        return Door.validToken();
    }

    static String card(PassCategory category, int groupSize) {
        return Door.token(category, groupSize);
    }

    static String expiredCard() {
        return Door.token(LocalDate.now().minusYears(2), LocalDate.now().minusDays(1));
    }

    static long passId(String card) {
        Verification verification = new PassTokenVerifier(id -> id == Door.KEY_ID ? Door.KEY.publicKey() : null).verify(card);
        return ((Verification.Verified) verification).claims().passId();
    }

    /** The printed pass number of a card. */
    static String passNumber(String card) {
        return PassNumber.format(passId(card));
    }

    /** pass-service announces the card's pass as issued, so that its typed number is known to venue-service. */
    static void issued(String card) {
        long passId = passId(card);
        KafkaTopics.onTestBroker().publish("kulturpass.passes", String.valueOf(passId), UUID.randomUUID().toString(),
                "lu.kulturpass.pass.issued", "{\"passId\":" + passId + ",\"number\":\"" + PassNumber.format(passId)
                        + "\",\"agencyId\":\"a-1\",\"category\":\"ADULT\",\"groupSize\":1,\"validFrom\":\"" + LocalDate.now().minusMonths(1)
                        + "\",\"validUntil\":\"" + LocalDate.now().plusYears(2) + "\",\"keyId\":" + Door.KEY_ID + "}");
    }

    /** pass-service announces the card's pass as revoked (after its issue). */
    static void revoked(String card) {
        issued(card);
        long passId = passId(card);
        KafkaTopics.onTestBroker().publish("kulturpass.passes", String.valueOf(passId), UUID.randomUUID().toString(),
                "lu.kulturpass.pass.revoked", "{\"passId\":" + passId + ",\"agencyId\":\"a-1\",\"from\":\"ACTIVE\",\"to\":\"REVOKED\","
                        + "\"reason\":\"OTHER\",\"validFrom\":\"" + LocalDate.now().minusMonths(1) + "\",\"validUntil\":\""
                        + LocalDate.now().plusYears(2) + "\"}");
    }
}
