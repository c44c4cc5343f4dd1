package lu.kulturpass.core.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An organisation that works with the programme. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerKind kind;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @OneToMany(mappedBy = "partner", cascade = CascadeType.PERSIST)
    @OrderBy("name")
    public List<Venue> venues = new ArrayList<>();

    @OneToMany(mappedBy = "partner")
    @OrderBy("validFrom")
    public List<Agreement> agreements = new ArrayList<>();

    /** Its agreement in force on that day, if any (a partner has one at a time). */
    public Optional<Agreement> agreementInForceOn(LocalDate day) {
        return agreements.stream().filter(agreement -> agreement.inForceOn(day)).findFirst();
    }
}
