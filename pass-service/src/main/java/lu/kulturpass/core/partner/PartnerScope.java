package lu.kulturpass.core.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;

/**
 * Which partner the caller belongs to: programme staff see every partner; agency staff their agency;
 * box-office staff and venue managers the cultural partner of their venue. The token's partner_id is a
 * statement, not a fact: an organisation the programme does not know is refused, whatever it asks.
 */
@RequestScoped
public class PartnerScope {

    private final Caller caller;

    public PartnerScope(Caller caller) {
        this.caller = caller;
    }

    /** Requires the caller's organisation to be one the programme knows (programme staff belong to none): a 403 otherwise. */
    public void requireKnown() {
        if (!caller.hasRole(Roles.PROGRAMME_STAFF)) {
            own();
        }
    }

    /**
     * The partner the caller belongs to: the one their token names, or for box-office staff and venue managers
     * the partner of the venue it names; a 403 when the programme knows no such partner or venue.
     */
    public Partner own() {
        UUID id = idIn(caller.partnerId());
        if (worksAtAVenue()) {
            Venue venue = id == null ? null : QuarkusTransaction.joiningExisting().call(() -> Venue.<Venue>findById(id));
            if (venue == null) {
                throw ProblemException.forbidden("Your account's venue is not one the programme knows");
            }
            return venue.partner;
        }
        Partner partner = id == null ? null : QuarkusTransaction.joiningExisting().call(() -> Partner.<Partner>findById(id));
        if (partner == null) {
            throw ProblemException.forbidden("Your account's organisation is not a partner the programme knows");
        }
        return partner;
    }

    /** The partner, if the caller may read it: 403 if the caller's organisation is unknown or another one, 404 if no such partner. */
    public Partner readable(UUID partnerId) {
        boolean programme = caller.hasRole(Roles.PROGRAMME_STAFF);
        UUID own = programme ? null : own().id;
        Partner partner = Partner.findById(partnerId);
        if (partner == null) {
            throw ProblemException.notFound("No partner with id " + partnerId);
        }
        if (!programme && !partnerId.equals(own)) {
            throw ProblemException.forbidden("You can only see your own organisation's agreements and figures");
        }
        return partner;
    }

    private boolean worksAtAVenue() {
        return caller.hasRole(Roles.BOX_OFFICE) || caller.hasRole(Roles.VENUE_MANAGER);
    }

    /** The id the claim names, written as the programme writes its ids (lower-case, canonical); null otherwise. */
    private static UUID idIn(String claimed) {
        try {
            UUID id = UUID.fromString(claimed);
            return id.toString().equals(claimed) ? id : null;
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
