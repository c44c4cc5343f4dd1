package lu.kulturpass.eligibility.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A social partner (agency), as the partner topic last described it. */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
