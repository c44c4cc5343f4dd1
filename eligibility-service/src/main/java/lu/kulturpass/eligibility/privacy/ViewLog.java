package lu.kulturpass.eligibility.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

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

    @Transactional(Transactional.TxType.REQUIRED)
    public static void record(Collection<UUID> beneficiaryIds, String agencyId, String viewer, Action action) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (UUID beneficiaryId : beneficiaryIds) {
            ViewLog entry = new ViewLog();
            entry.beneficiaryId = beneficiaryId;
            entry.agencyId = agencyId;
            entry.viewer = viewer;
            entry.action = action.name();
            entry.viewedAt = now;
            entry.persist();
        }
    }

    public static List<ViewLog> of(UUID beneficiaryId) {
        return list("beneficiaryId = ?1 order by viewedAt, id", beneficiaryId);
    }
}
