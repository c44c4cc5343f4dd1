package lu.kulturpass.platform.inbox;

import static lu.kulturpass.platform.inbox.EventContract.assertEveryFieldSet;
import static lu.kulturpass.platform.inbox.EventContract.read;
import static lu.kulturpass.platform.inbox.EventContract.written;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.events.PartnerTopic.Agreement;
import lu.kulturpass.events.PartnerTopic.Updated;
import lu.kulturpass.events.PartnerTopic.Venue;
import org.junit.jupiter.api.Test;

/**
 * {@code kulturpass.partners}: pass-service writes (PartnerChanges); venue-service's PartnerEvents (venues and agreements)
 * and eligibility-service's AgencyEvents (agencies and their agreements) read.
 */
class PartnerTopicContractTest {

    private static final UUID PARTNER = UUID.fromString("9f1b3d5a-7c0e-4a2c-8d8f-0a2c4e6a8c29");
    private static final UUID AGREEMENT = UUID.fromString("1b3d5f7a-9c2e-4c4a-9f0b-2c4e6a8c0e31");
    private static final UUID EARLIER = UUID.fromString("3d5f7b9a-1c4e-4e6a-8b2d-4e6a8c0e2a33");
    private static final String VENUE = "5f7b9d1a-3c6e-4a8c-9d4f-6a8c0e2a4c35";

    @Test
    void aPartnersStateIsWrittenAsBeforeAndReadWithEveryField() {
        Agreement agreement = new Agreement(AGREEMENT, PARTNER, "ACTIVE", "REDUCED_PRICE", new BigDecimal("12.50"), "EUR", 20,
                List.of("ADULT", "CHILD"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2025, 12, 15), EARLIER);
        Updated partner = new Updated(PARTNER, "CULTURAL", "Théâtre", List.of(new Venue(VENUE, "Grande salle")), List.of(agreement));
        assertEveryFieldSet(agreement);
        assertEveryFieldSet(partner);
        String data = written(partner);
        // as pass-service wrote its AgreementView (without contact, null fields left out) before the record
        assertEquals("{\"partnerId\":\"" + PARTNER + "\",\"kind\":\"CULTURAL\",\"name\":\"Théâtre\","
                + "\"venues\":[{\"id\":\"" + VENUE + "\",\"name\":\"Grande salle\"}],"
                + "\"agreements\":[{\"id\":\"" + AGREEMENT + "\",\"partnerId\":\"" + PARTNER + "\",\"status\":\"ACTIVE\","
                + "\"benefit\":\"REDUCED_PRICE\",\"price\":12.50,\"currency\":\"EUR\",\"placesPerEvent\":20,"
                + "\"acceptedCategories\":[\"ADULT\",\"CHILD\"],\"validFrom\":\"2026-01-01\",\"validUntil\":\"2026-12-31\","
                + "\"signedOn\":\"2025-12-15\",\"renewedFrom\":\"" + EARLIER + "\"}]}", data);
        Updated read = read(Updated.TYPE, Updated.VERSION, data, Updated.class);
        Agreement readAgreement = read.agreements().get(0);
        // a price is a number on the wire: 12.50 comes back as 12.5, the same amount (venue-service keeps it in cents)
        assertEquals(1250, readAgreement.price().movePointRight(2).intValueExact());
        assertEquals(agreement, new Agreement(readAgreement.id(), readAgreement.partnerId(), readAgreement.status(),
                readAgreement.benefit(), agreement.price(), readAgreement.currency(), readAgreement.placesPerEvent(),
                readAgreement.acceptedCategories(), readAgreement.validFrom(), readAgreement.validUntil(), readAgreement.signedOn(),
                readAgreement.renewedFrom()));
        assertEquals(new Updated(PARTNER, "CULTURAL", "Théâtre", partner.venues(), List.of(agreement)),
                new Updated(read.partnerId(), read.kind(), read.name(), read.venues(), List.of(agreement)));
    }

    @Test
    void anAgreementWithoutPriceOrPlacesLeavesThemOutAndIsReadWithoutThem() {
        Agreement free = new Agreement(AGREEMENT, PARTNER, "ACTIVE", "FREE_ENTRY", null, null, null, List.of("ADULT"),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, null);
        String data = written(new Updated(PARTNER, "CULTURAL", "Théâtre", List.of(), List.of(free)));
        assertEquals("{\"partnerId\":\"" + PARTNER + "\",\"kind\":\"CULTURAL\",\"name\":\"Théâtre\",\"venues\":[],"
                + "\"agreements\":[{\"id\":\"" + AGREEMENT + "\",\"partnerId\":\"" + PARTNER + "\",\"status\":\"ACTIVE\","
                + "\"benefit\":\"FREE_ENTRY\",\"acceptedCategories\":[\"ADULT\"],\"validFrom\":\"2026-01-01\","
                + "\"validUntil\":\"2026-12-31\"}]}", data);
        assertEquals(free, read(Updated.TYPE, 1, data, Updated.class).agreements().get(0));
    }

    @Test
    void anAgencyWithOnlyItsIdIsReadWithNoVenuesAndNoAgreements() {
        Updated bare = read(Updated.TYPE, 1, "{\"partnerId\":\"" + PARTNER + "\",\"kind\":\"SOCIAL\"}", Updated.class);
        assertTrue(bare.venues().isEmpty());
        assertTrue(bare.agreements().isEmpty());
        assertNull(bare.name());
    }

    @Test
    void aPartnersStateOfANewerVersionIsReadByTheFieldsThisVersionKnows() {
        // new fields at every level, and the contact person an agreement view has (a reader must never need it)
        Updated newer = read(Updated.TYPE, 2, "{\"partnerId\":\"" + PARTNER + "\",\"kind\":\"SOCIAL\",\"name\":\"Office social\","
                + "\"region\":{\"code\":\"SUD\"},\"venues\":[],\"agreements\":[{\"id\":\"" + AGREEMENT + "\",\"status\":\"ACTIVE\","
                + "\"contactName\":\"someone\",\"allowedTransitions\":[\"SUSPEND\"],\"validFrom\":\"2026-01-01\","
                + "\"validUntil\":\"2026-12-31\",\"acceptedCategories\":[]}]}", Updated.class);
        assertEquals("Office social", newer.name());
        assertEquals(LocalDate.of(2026, 12, 31), newer.agreements().get(0).validUntil());
    }
}
