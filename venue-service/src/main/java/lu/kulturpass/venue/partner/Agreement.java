package lu.kulturpass.venue.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A partner's agreement, as the partner topic says: what a holder gets and pays at its venues. */
@Entity
@Table(name = "agreement")
public class Agreement extends PanacheEntityBase {

    public static final String FREE_ENTRY = "FREE_ENTRY";

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String status;

    public String benefit;

    @Column(name = "price_cents")
    public Integer priceCents;

    @Column(name = "places_per_event")
    public Integer placesPerEvent;

    /** e.g. "ADULT,CHILD" */
    @Column(name = "accepted_categories", nullable = false)
    public String acceptedCategories;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    public boolean accepts(String category) {
        return Arrays.asList(acceptedCategories.split(",")).contains(category);
    }

    /** What one holder pays, in cents: 0 for free entry. */
    public int priceCentsPerPerson() {
        return FREE_ENTRY.equals(benefit) || priceCents == null ? 0 : priceCents;
    }

    /** The partner's agreement in force on a day, if any. */
    public static Optional<Agreement> inForce(UUID partnerId, LocalDate day) {
        List<Agreement> found = list("partnerId = ?1 and status = 'ACTIVE' and validFrom <= ?2 and validUntil >= ?2 order by validFrom desc",
                partnerId, day);
        return found.stream().findFirst();
    }
}
