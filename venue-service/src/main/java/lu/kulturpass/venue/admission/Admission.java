package lu.kulturpass.venue.admission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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

    /**
     * Inserts new admissions in one JDBC batch (rewritten by the driver into one multi-row insert): the
     * scans recorded together are written in one round trip. Every column a new admission sets.
     */
    static void insertAll(Connection connection, List<Admission> admissions) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into admission (id, venue_id, nonce, token, pass_id, outcome, reason, scanned_by, device, scanned_at, scan_day,
                    price_cents, agreement_id, performance_id, places, group_size, category, typed_code, offline, double_use, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Admission admission : admissions) {
                int column = 0;
                insert.setObject(++column, admission.id);
                insert.setString(++column, admission.venueId);
                insert.setString(++column, admission.nonce);
                insert.setString(++column, admission.token);
                insert.setObject(++column, admission.passId, Types.BIGINT);
                insert.setString(++column, admission.outcome.name());
                insert.setString(++column, admission.reason.name());
                insert.setString(++column, admission.scannedBy);
                insert.setString(++column, admission.device);
                insert.setObject(++column, admission.scannedAt);
                insert.setObject(++column, admission.scanDay);
                insert.setObject(++column, admission.priceCents, Types.INTEGER);
                insert.setObject(++column, admission.agreementId);
                insert.setObject(++column, admission.performanceId);
                insert.setInt(++column, admission.places);
                insert.setObject(++column, admission.groupSize, Types.INTEGER);
                insert.setString(++column, admission.category);
                insert.setBoolean(++column, admission.typedCode);
                insert.setBoolean(++column, admission.offline);
                insert.setBoolean(++column, admission.doubleUse);
                insert.setObject(++column, admission.recordedAt);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static Optional<Admission> findAnswered(String venueId, String nonce) {
        return find("venueId = ?1 and nonce = ?2", venueId, nonce).firstResultOptional();
    }
}
