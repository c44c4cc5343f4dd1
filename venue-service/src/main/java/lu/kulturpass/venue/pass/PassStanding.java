package lu.kulturpass.venue.pass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What venue-service knows of a pass from pass-service's pass events: its category, validity and
 * standing (ACTIVE, SUSPENDED, REVOKED, REPLACED, EXPIRED). No name, no initials, no birth year.
 */
@Entity
@Table(name = "pass_standing")
public class PassStanding extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";

    @Id
    @Column(name = "pass_id")
    public Long passId;

    public String category;

    @Column(name = "group_size")
    public Integer groupSize;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(nullable = false)
    public String status;

    @Column(name = "replaced_by_pass_id")
    public Long replacedByPassId;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    /** Whether the pass may be admitted on its standing (dates apart). */
    public boolean admits() {
        return ACTIVE.equals(status);
    }

    /** The passes that must not be admitted, for offline scanners. */
    public static List<Long> notAdmitting() {
        return getEntityManager().createQuery("select p.passId from PassStanding p "
                + "where p.status in ('SUSPENDED', 'REVOKED', 'REPLACED') order by p.passId", Long.class).getResultList();
    }
}
