package lu.kulturpass.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * pass-service's partners on the compacted {@code kulturpass.partners}, keyed by the partner id: each event carries the
 * partner's whole latest state, which replaces what a reader knew. No contact person.
 */
public final class PartnerTopic {

    public static final String TOPIC = "kulturpass.partners";

    private PartnerTopic() {
    }

    /** A partner's latest state: {@code kind} SOCIAL (an agency) or CULTURAL (with venues). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Updated(@JsonProperty(required = true) UUID partnerId, String kind, String name, List<Venue> venues,
                          List<Agreement> agreements) {

        public static final String TYPE = "lu.kulturpass.partner.updated";
        public static final int VERSION = 1;

        public Updated {
            venues = venues == null ? List.of() : venues;
            agreements = agreements == null ? List.of() : agreements;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Venue(@JsonProperty(required = true) String id, String name) {
    }

    /**
     * An agreement as the partner's readers need it: {@code price} in euros, {@code acceptedCategories} pass categories;
     * what it does not have (a price, places per event) is left out.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Agreement(@JsonProperty(required = true) UUID id, UUID partnerId, String status, String benefit,
                            BigDecimal price, String currency, Integer placesPerEvent, List<String> acceptedCategories,
                            LocalDate validFrom, LocalDate validUntil, LocalDate signedOn, UUID renewedFrom) {

        public Agreement {
            acceptedCategories = acceptedCategories == null ? List.of() : acceptedCategories;
        }
    }
}
