package lu.kulturpass.venue;

import java.time.LocalDate;
import java.util.UUID;
import lu.kulturpass.testing.KafkaTopics;

/** Publishes a partner's latest state on the partner topic, as pass-service does. */
final class PartnerCopies {

    private PartnerCopies() {
    }

    /** A theatre with one venue and an agreement in force accepting the given categories. */
    static String publishTheatre(String venueId, String categories, String benefit, String price) {
        String partnerId = UUID.randomUUID().toString();
        LocalDate today = LocalDate.now();
        KafkaTopics.onTestBroker().publish("kulturpass.partners", partnerId, "lu.kulturpass.partner.updated",
                "{\"partnerId\":\"" + partnerId + "\",\"kind\":\"CULTURAL\",\"name\":\"Théâtre\","
                        + "\"venues\":[{\"id\":\"" + venueId + "\",\"name\":\"Grande salle\"}],"
                        + "\"agreements\":[{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"ACTIVE\",\"benefit\":\"" + benefit + "\","
                        + (price == null ? "" : "\"price\":" + price + ",") + "\"placesPerEvent\":10,"
                        + "\"acceptedCategories\":[\"" + categories + "\"],"
                        + "\"validFrom\":\"" + today.minusMonths(1) + "\",\"validUntil\":\"" + today.plusYears(1) + "\"}]}");
        return partnerId;
    }
}
