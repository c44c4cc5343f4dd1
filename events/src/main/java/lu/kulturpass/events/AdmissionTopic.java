package lu.kulturpass.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * venue-service's admissions on {@code kulturpass.admissions}, keyed by the pass id (the venue id for a card that
 * could not be read): an admission and its undo arrive in order. Pseudonymous ids only: no initials.
 */
public final class AdmissionTopic {

    public static final String TOPIC = "kulturpass.admissions";

    private AdmissionTopic() {
    }

    /**
     * The answer to a scan: {@link #RECORDED} (admitted) or {@link #REFUSED} (with its reason). {@code price} is the
     * agreement's price in euros as text ("12.50"), {@code scannedAt} an RFC 3339 time. The first events carried only the
     * ids, the reason and the scan's time: a reader gives the rest defaults ({@link #people()}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scanned(@JsonProperty(required = true) UUID admissionId,
                          @JsonProperty(required = true) String venueId, Long passId, String reason, String category,
                          Integer groupSize, UUID agreementId, String price, String scannedBy,
                          @JsonProperty(required = true) String scannedAt, UUID performanceId, String device,
                          boolean pairedDevice, boolean offline, boolean doubleUse) {

        public static final String RECORDED = "lu.kulturpass.admission.recorded";
        public static final String REFUSED = "lu.kulturpass.admission.refused";
        public static final int VERSION = 1;

        /** The people admitted together; 1 when the event does not say. */
        public int people() {
            return groupSize == null ? 1 : groupSize;
        }
    }

    /**
     * Staff took an admission back: {@code undoneAt} and {@code scannedAt} (the day whose figures it leaves; absent from
     * the first undo events) are RFC 3339 times, {@code reason} the staff's words.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Undone(@JsonProperty(required = true) UUID admissionId, String venueId, Long passId,
                         UUID performanceId, String undoneBy, UUID undoneOnDevice,
                         @JsonProperty(required = true) String undoneAt, String reason, String scannedAt) {

        public static final String TYPE = "lu.kulturpass.admission.undone";
        public static final int VERSION = 1;
    }
}
