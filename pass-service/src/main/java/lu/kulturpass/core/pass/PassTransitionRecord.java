package lu.kulturpass.core.pass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** One step in a pass's life: who did what, why, and when. */
@Entity
@Table(name = "pass_transition")
public class PassTransitionRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pass_id", nullable = false)
    public long passId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Transition transition;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false)
    public PassStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public PassStatus toStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TransitionReason reason;

    public String note;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public OffsetDateTime at;

    static List<PassTransitionRecord> of(long passId) {
        return list("passId = ?1 order by id", passId);
    }
}
