package lu.kulturpass.eligibility.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** An agency's agreement with the programme, as the partner topic last described it. */
@Entity
@Table(name = "agency_agreement")
public class AgencyAgreement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Column(nullable = false)
    public String status;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    /** The agency's agreement in force on a day (active, and the day within its dates), if any. */
    public static Optional<AgencyAgreement> inForce(String agencyId, LocalDate day) {
        return AgencyAgreement.<AgencyAgreement>find(
                "agencyId = ?1 and status = 'ACTIVE' and validFrom <= ?2 and validUntil >= ?2 order by validUntil desc",
                agencyId, day).firstResultOptional();
    }
}
