package lu.kulturpass.venue.admission;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One scan at a box office and its answer: an admission or a refusal. A row of the {@code admission} table, mapped once,
 * by {@link AdmissionTable}; read with {@link Admissions}.
 */
public class Admission {

    public UUID id;

    public String venueId;

    public String nonce;

    /** The QR code's text as scanned; null for a typed pass number. */
    public String token;

    public Long passId;

    public Outcome outcome;

    public Reason reason;

    /** The person's pseudonymous id (token subject); null for a paired door device nobody was signed in on. */
    public String scannedBy;

    /** The device: a paired door device's id, else the name the scanner page gave itself. */
    public String device;

    /** The paired door device that scanned; null for a device that is not paired. */
    public UUID doorDeviceId;

    public OffsetDateTime scannedAt;

    public LocalDate scanDay;

    /** What the holder (or group) was charged, in cents; null when not admitted. */
    public Integer priceCents;

    public UUID agreementId;

    public UUID performanceId;

    /** The Kulturpass places this admission took (the group size; 0 when refused or without a performance). */
    public int places;

    public Integer groupSize;

    public String category;

    public boolean typedCode;

    /** Scanned by a device in offline mode and synced later; {@code scannedAt} is the device's time. */
    public boolean offline;

    /** An offline admission the sync found the pass had already used: recorded for audit, not counted. */
    public boolean doubleUse;

    /** The trace of the scan's request, for its event (not a column: the outbox keeps it). */
    public String traceParent;

    /** When the server recorded it (the undo window runs from here). */
    public OffsetDateTime recordedAt;

    public OffsetDateTime undoneAt;

    public String undoneBy;

    /** The paired door device the admission was undone on; null elsewhere. */
    public UUID undoneOnDevice;

    public String undoReason;

    public boolean admitted() {
        return outcome == Outcome.ADMITTED && undoneAt == null;
    }

    /** The same card at the same performance: a retry of this scan, which gets this answer again. */
    boolean sameScanAs(Scanned retry) {
        return Objects.equals(passId, retry.card().passId()) && Objects.equals(performanceId, retry.performanceId());
    }
}
