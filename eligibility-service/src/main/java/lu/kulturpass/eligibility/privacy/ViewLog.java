package lu.kulturpass.eligibility.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** Who viewed, printed, exported or erased which beneficiary, and when: the person may ask (art. 15). */
@Entity
@Table(name = "view_log")
public class ViewLog extends PanacheEntityBase {

    /** What was done with the person's data. */
    public enum Action { VIEWED, CARD_PRINTED, EXPORTED_LIST, PERSONAL_DATA_EXPORTED, ERASED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Column(nullable = false)
    public String viewer;

    @Column(nullable = false)
    public String action;

    @Column(name = "viewed_at", nullable = false)
    public OffsetDateTime viewedAt;

    /**
     * One row per person, written in one JDBC batch (a printed sheet logs up to ten people, an export a whole list), stamped
     * {@code at} (the programme calendar's {@code nowUtc()}).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public static void record(Collection<UUID> beneficiaryIds, String agencyId, String viewer, Action action, OffsetDateTime at) {
        if (beneficiaryIds.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into view_log (beneficiary_id, agency_id, viewer, action, viewed_at) values (?, ?, ?, ?, ?)")) {
                for (UUID beneficiaryId : beneficiaryIds) {
                    insert.setObject(1, beneficiaryId);
                    insert.setString(2, agencyId);
                    insert.setString(3, viewer);
                    insert.setString(4, action.name());
                    insert.setObject(5, at);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    public static List<ViewLog> of(UUID beneficiaryId) {
        return list("beneficiaryId = ?1 order by viewedAt, id", beneficiaryId);
    }
}
