package lu.kulturpass.core.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import lu.kulturpass.token.PassCategory;

/**
 * An agreement between the programme and a partner: for a cultural partner, the benefit (free entry,
 * or a price such as 1.50 EUR), the Kulturpass places per event and the pass categories it accepts;
 * for any partner, its validity, signature date and contact.
 */
@Entity
@Table(name = "agreement")
public class Agreement extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "partner_id")
    public Partner partner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgreementStatus status;

    @Enumerated(EnumType.STRING)
    public Benefit benefit;

    /** What the holder pays, in cents, for a REDUCED_PRICE benefit. */
    @Column(name = "price_cents")
    public Integer priceCents;

    /** Kulturpass places the partner offers per event; null when set event by event. */
    @Column(name = "places_per_event")
    public Integer placesPerEvent;

    @Convert(converter = CategoriesConverter.class)
    @Column(name = "accepted_categories", nullable = false)
    public Set<PassCategory> acceptedCategories = EnumSet.noneOf(PassCategory.class);

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "renewed_from")
    public UUID renewedFrom;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Whether holders are admitted or enrolled under it on that day: in force by its status, and the day within its dates. */
    public boolean inForceOn(LocalDate day) {
        return status.inForce() && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    public boolean overlaps(Agreement other) {
        return !validUntil.isBefore(other.validFrom) && !other.validUntil.isBefore(validFrom);
    }
}
