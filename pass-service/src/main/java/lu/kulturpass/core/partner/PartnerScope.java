package lu.kulturpass.core.partner;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;

/**
 * Which partner the caller belongs to: programme staff see every partner; agency staff their agency;
 * box-office staff the cultural partner of their venue.
 */
@RequestScoped
public class PartnerScope {

    private final Caller caller;

    public PartnerScope(Caller caller) {
        this.caller = caller;
    }

    /** The partner, if the caller may read it: 404 if unknown, 403 if another organisation's. */
    public Partner readable(UUID partnerId) {
        Partner partner = Partner.findById(partnerId);
        if (partner == null) {
            throw ProblemException.notFound("No partner with id " + partnerId);
        }
        if (!caller.hasRole(Roles.PROGRAMME_STAFF) && !partnerId.equals(ownPartner())) {
            throw ProblemException.forbidden("You can only see your own organisation's agreements and figures");
        }
        return partner;
    }

    private UUID ownPartner() {
        String claimed = caller.partnerId();
        UUID id;
        try {
            id = UUID.fromString(claimed);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
        if (caller.hasRole(Roles.BOX_OFFICE)) {
            Venue venue = Venue.findById(id);
            return venue == null ? null : venue.partner.id;
        }
        return id;
    }
}
