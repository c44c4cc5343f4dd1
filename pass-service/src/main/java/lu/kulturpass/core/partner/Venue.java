package lu.kulturpass.core.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A place where a cultural partner admits holders: a theatre hall, a museum, a cinema. */
@Entity
@Table(name = "venue")
public class Venue extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "partner_id")
    public Partner partner;

    @Column(nullable = false)
    public String name;

    /** Where it is (WGS 84), when known: to tell how far apart two admissions are. */
    public Double latitude;

    public Double longitude;
}
