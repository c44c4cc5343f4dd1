package lu.kulturpass.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** venue-service's performances on {@code kulturpass.performances}, keyed by the performance id. */
public final class PerformanceTopic {

    public static final String TOPIC = "kulturpass.performances";
    /** Every performance event's type starts so. */
    public static final String PREFIX = "lu.kulturpass.performance.";

    private PerformanceTopic() {
    }

    /**
     * A performance's latest terms ({@link #TYPES}): {@code startsAt} an RFC 3339 time, {@code day} the programme's day
     * it falls on, {@code placesOffered} the Kulturpass places, {@code status} SCHEDULED or CANCELLED.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Changed(@JsonProperty(required = true) UUID performanceId,
                          @JsonProperty(required = true) String venueId, String title,
                          @JsonProperty(required = true) String startsAt, LocalDate day, Integer placesOffered,
                          String status) {

        public static final String SCHEDULED = PREFIX + "scheduled";
        public static final String CHANGED = PREFIX + "changed";
        public static final String CANCELLED = PREFIX + "cancelled";
        public static final List<String> TYPES = List.of(SCHEDULED, CHANGED, CANCELLED);
        public static final int VERSION = 1;
    }
}
