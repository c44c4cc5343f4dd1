package lu.kulturpass.venue;

import java.time.LocalDate;
import java.util.UUID;
import lu.kulturpass.testing.KafkaTopics;

/** Publishes a partner's latest state on the partner topic, as pass-service does. */
final class PartnerCopies {

    private PartnerCopies() {
    }

    /** A theatre with one venue and an agreement in force accepting the given categories, places set event by event. */
    static String publishTheatre(String venueId, String categories, String benefit, String price) {
        return publishTheatre(UUID.randomUUID().toString(), venueId, categories, benefit, price, null, "ACTIVE");
    }

    /**
     * The partner's latest state: one venue, and one agreement of this status (ACTIVE: in force), valid from a month ago
     * for a year, with at most {@code placesPerEvent} Kulturpass places per event (null: set event by event).
     */
    static String publishTheatre(String partnerId, String venueId, String categories, String benefit, String price,
                                 Integer placesPerEvent, String status) {
        LocalDate today = LocalDate.now();
        return publishTheatre(partnerId, venueId, categories, benefit, price, placesPerEvent, status, today.minusMonths(1),
                today.plusYears(1));
    }

    /** The partner's latest state, as above, with an agreement valid from and until these days. */
    static String publishTheatre(String partnerId, String venueId, String categories, String benefit, String price,
                                 Integer placesPerEvent, String status, LocalDate validFrom, LocalDate validUntil) {
        KafkaTopics.onTestBroker().publish("kulturpass.partners", partnerId, "lu.kulturpass.partner.updated",
                "{\"partnerId\":\"" + partnerId + "\",\"kind\":\"CULTURAL\",\"name\":\"Théâtre\","
                        + "\"venues\":[{\"id\":\"" + venueId + "\",\"name\":\"Grande salle\"}],"
                        + "\"agreements\":[{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"" + status + "\",\"benefit\":\"" + benefit + "\","
                        + (price == null ? "" : "\"price\":" + price + ",")
                        + (placesPerEvent == null ? "" : "\"placesPerEvent\":" + placesPerEvent + ",")
                        + "\"acceptedCategories\":[\"" + categories + "\"],"
                        + "\"validFrom\":\"" + validFrom + "\",\"validUntil\":\"" + validUntil + "\"}]}");
        return partnerId;
    }
}
