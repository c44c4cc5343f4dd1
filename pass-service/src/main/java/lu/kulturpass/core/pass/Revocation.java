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
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An entry of the revocation list that offline scanners sync: from this version on, the pass stands
 * so. A scanner keeps the latest entry per pass; REVOKED and SUSPENDED refuse, ACTIVE lifts a suspension.
 */
@Entity
@Table(name = "revocation")
public class Revocation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long version;

    @Column(name = "pass_id", nullable = false)
    public long passId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PassStatus standing;

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    @Column(nullable = false)
    public OffsetDateTime at;
}
