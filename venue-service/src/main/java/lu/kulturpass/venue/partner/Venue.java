package lu.kulturpass.venue.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import lu.kulturpass.platform.problem.ProblemException;

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

    /** The box office's own venue; a 404 problem while the partner topic has not named it yet. */
    public static Venue known(String venueId) {
        Venue venue = findById(venueId);
        if (venue == null) {
            throw ProblemException.notFound("Your venue is not (yet) known to the programme's box-office service");
        }
        return venue;
    }
}
