package lu.kulturpass.core.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One change to a partner or one of its agreements: who, what, when, the state before and after. */
@Entity
@Table(name = "partner_change")
public class PartnerChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public OffsetDateTime at;

    /** JSON of the partner or agreement before the change (null when created). */
    @Column(name = "before_state")
    public String before;

    @Column(name = "after_state")
    public String after;
}
