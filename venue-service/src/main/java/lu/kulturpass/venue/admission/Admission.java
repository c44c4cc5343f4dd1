package lu.kulturpass.venue.admission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One scan at a box office and its answer: an admission or a refusal. */
@Entity
@Table(name = "admission")
public class Admission extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "venue_id", nullable = false)
    public String venueId;

    @Column(nullable = false)
    public String nonce;

    /** The QR code's text as scanned; null for a typed pass number. */
    public String token;

    @Column(name = "pass_id")
    public Long passId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Reason reason;

    /** The person's pseudonymous id (token subject); null for a paired door device nobody was signed in on. */
    @Column(name = "scanned_by")
    public String scannedBy;

    /** The device: a paired door device's id, else the name the scanner page gave itself. */
    public String device;

    /** The paired door device that scanned; null for a device that is not paired. */
    @Column(name = "door_device_id")
    public UUID doorDeviceId;

    @Column(name = "scanned_at", nullable = false)
    public OffsetDateTime scannedAt;

    @Column(name = "scan_day", nullable = false)
    public LocalDate scanDay;

    /** What the holder (or group) was charged, in cents; null when not admitted. */
    @Column(name = "price_cents")
    public Integer priceCents;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(name = "performance_id")
    public UUID performanceId;

    /** The Kulturpass places this admission took (the group size; 0 when refused or without a performance). */
    @Column(nullable = false)
    public int places;

    @Column(name = "group_size")
    public Integer groupSize;

    public String category;

    @Column(name = "typed_code", nullable = false)
    public boolean typedCode;

    /** Scanned by a device in offline mode and synced later; {@code scannedAt} is the device's time. */
    @Column(nullable = false)
    public boolean offline;

    /** An offline admission the sync found the pass had already used: recorded for audit, not counted. */
    @Column(name = "double_use", nullable = false)
    public boolean doubleUse;

    /** The trace of the scan's request, for its event (not stored with the admission: the outbox keeps it). */
    @Transient
    public String traceParent;

    /** When the server recorded it (the undo window runs from here). */
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "undone_at")
    public OffsetDateTime undoneAt;

    @Column(name = "undone_by")
    public String undoneBy;

    /** The paired door device the admission was undone on; null elsewhere. */
    @Column(name = "undone_on_device")
    public UUID undoneOnDevice;

    @Column(name = "undo_reason")
    public String undoReason;

    public boolean admitted() {
        return outcome == Outcome.ADMITTED && undoneAt == null;
    }

    /** The same card at the same performance: a retry of this scan, which gets this answer again. */
    boolean sameScanAs(Admission retry) {
        return Objects.equals(passId, retry.passId) && Objects.equals(performanceId, retry.performanceId);
    }

    static Optional<Admission> findAnswered(String venueId, String nonce) {
        return find("venueId = ?1 and nonce = ?2", venueId, nonce).firstResultOptional();
    }
}
