package lu.kulturpass.venue.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A venue of a cultural partner, as the partner topic says. */
@Entity
@Table(name = "venue")
public class Venue extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String name;
}
