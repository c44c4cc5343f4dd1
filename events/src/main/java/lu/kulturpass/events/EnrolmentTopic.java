package lu.kulturpass.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * eligibility-service's enrolments on {@code kulturpass.enrolments}, one event per household member, keyed by the
 * member's pseudonymous id. The categories statistics need; never a name, a birth date or the criterion.
 */
public final class EnrolmentTopic {

    public static final String TOPIC = "kulturpass.enrolments";
    /** Every enrolment event's type starts so. */
    public static final String PREFIX = "lu.kulturpass.enrolment.";

    private EnrolmentTopic() {
    }

    /**
     * What happened to a member's enrolment ({@link #TYPES}). Fields the member or the enrolment lacks (no birth date
     * known, no pass yet) are left out.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Changed(@JsonProperty(required = true) UUID beneficiaryId, UUID enrolmentId,
                          @JsonProperty(required = true) String agencyId, String ageBand, String category,
                          String householdSituation, String municipality, Long passId, LocalDate validUntil) {

        public static final String SUBMITTED = PREFIX + "submitted";
        public static final String APPROVED = PREFIX + "approved";
        public static final String REJECTED = PREFIX + "rejected";
        public static final String REVIEW_REQUESTED = PREFIX + "review-requested";
        public static final String RENEWED = PREFIX + "renewed";
        public static final String EXPIRED = PREFIX + "expired";
        public static final String ERASED = PREFIX + "erased";
        public static final List<String> TYPES = List.of(SUBMITTED, APPROVED, REJECTED, REVIEW_REQUESTED, RENEWED, EXPIRED, ERASED);
        public static final int VERSION = 1;
    }
}
