package lu.kulturpass.venue.performance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A performance at a venue (show, screening, concert) and the Kulturpass places it offers. The places
 * used move only through {@link Places}, in the transaction of the admission that takes them.
 */
@Entity
@Table(name = "performance")
public class Performance extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "venue_id", nullable = false)
    public String venueId;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    /** The day it takes place (the programme calendar's date of {@code startsAt}). */
    @Column(nullable = false)
    public LocalDate day;

    @Column(name = "places_offered", nullable = false)
    public int placesOffered;

    @Column(name = "places_used", nullable = false, insertable = false, updatable = false)
    public int placesUsed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PerformanceStatus status;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
