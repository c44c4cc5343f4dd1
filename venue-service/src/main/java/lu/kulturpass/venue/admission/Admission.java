package lu.kulturpass.venue.admission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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

    @Column(name = "scanned_by", nullable = false)
    public String scannedBy;

    public String device;

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

    /** When the server recorded it (the undo window runs from here). */
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "undone_at")
    public OffsetDateTime undoneAt;

    @Column(name = "undone_by")
    public String undoneBy;

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
