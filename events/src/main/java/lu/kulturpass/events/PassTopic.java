package lu.kulturpass.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/** pass-service's passes on {@code kulturpass.passes}, keyed by the pass id: one pass's events arrive in order. */
public final class PassTopic {

    public static final String TOPIC = "kulturpass.passes";
    /** Every pass event's type starts so. */
    public static final String PREFIX = "lu.kulturpass.pass.";

    private PassTopic() {
    }

    /**
     * A pass was issued (a new one, or the replacement of a lost card: {@code replacesPassId}). The door needs only the
     * pass and its category; the statistics also need the agency and the holder reference (their table requires them).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Issued(@JsonProperty(required = true) long passId, String number, String agencyId, String holderRef,
                         String householdRef, @JsonProperty(required = true) String category, Integer groupSize,
                         LocalDate validFrom, LocalDate validUntil, Integer keyId, Long replacesPassId) {

        public static final String TYPE = PREFIX + "issued";
        public static final int VERSION = 1;

        /** The people the pass admits together; 1 when the event does not say. */
        public int people() {
            return groupSize == null ? 1 : groupSize;
        }
    }

    /** A pass moved in its lifecycle ({@link #TYPES}: suspended, reinstated, ...), from one status to another. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusChanged(@JsonProperty(required = true) long passId, String agencyId, String from, String to,
                                String reason, LocalDate validFrom, LocalDate validUntil,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Long replacedByPassId) {

        public static final List<String> TYPES = List.of(type("suspended"), type("reinstated"), type("revoked"),
                type("replaced"), type("renewed"), type("expired"));
        public static final int VERSION = 1;

        /** The type of a move, by its past tense ({@code suspended}). */
        public static String type(String pastTense) {
            return PREFIX + pastTense;
        }
    }

    /** The pass's holder check (its token) was removed: venue-service blanks the tokens it kept of the pass's scans. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HolderCheckRemoved(@JsonProperty(required = true) long passId, String agencyId, String because,
                                     LocalDate validUntil) {

        public static final String TYPE = PREFIX + "holder-check-removed";
        public static final int VERSION = 1;
    }
}
