package lu.kulturpass.core.partner;

import lu.kulturpass.platform.words.Words;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;

/**
 * Which partner the caller belongs to: programme staff see every partner; agency staff their agency (a social
 * partner); box-office staff and venue managers the cultural partner of their venue. The token's partner_id is
 * a statement, not a fact: an organisation the programme does not know, or not of the kind the caller's role
 * works for, is refused, whatever it asks.
 */
@RequestScoped
public class PartnerScope {

    private final Caller caller;

    public PartnerScope(Caller caller) {
        this.caller = caller;
    }

    /** Requires the caller's organisation to be one the programme knows, of their role's kind (programme staff belong to none): a 403 otherwise. */
    public void requireKnown() {
        if (!caller.hasRole(Roles.PROGRAMME_STAFF)) {
            own();
        }
    }

    /**
     * The partner the caller belongs to, of the kind their role works for: for agency staff the social partner
     * their token names ({@link #agency()}); for box-office staff and venue managers the cultural partner of the
     * venue it names. A 403 when the programme knows no such partner or venue, or it is of the other kind.
     */
    public Partner own() {
        return worksAtAVenue() ? venuePartner() : agency();
    }

    /** The social partner (agency) the caller's token names; a 403 when the programme knows no such partner, or it is no agency. */
    public Partner agency() {
        UUID id = idIn(caller.partnerId());
        Partner partner = id == null ? null : QuarkusTransaction.joiningExisting().call(() -> Partner.<Partner>findById(id));
        if (partner == null) {
            throw ProblemException.forbidden(Words.of(PartnerWords.class).organisationUnknown());
        }
        if (partner.kind != PartnerKind.SOCIAL) {
            throw ProblemException.forbidden(Words.of(PartnerWords.class).organisationNotSocial());
        }
        return partner;
    }

    private Partner venuePartner() {
        UUID id = idIn(caller.partnerId());
        Venue venue = id == null ? null : QuarkusTransaction.joiningExisting().call(() -> Venue.<Venue>findById(id));
        if (venue == null) {
            throw ProblemException.forbidden(Words.of(PartnerWords.class).venueUnknown());
        }
        if (venue.partner.kind != PartnerKind.CULTURAL) {
            throw ProblemException.forbidden(Words.of(PartnerWords.class).venueNotCultural());
        }
        return venue.partner;
    }

    /** The partner, if the caller may read it: 403 if the caller's organisation is unknown or another one, 404 if no such partner. */
    public Partner readable(UUID partnerId) {
        boolean programme = caller.hasRole(Roles.PROGRAMME_STAFF);
        UUID own = programme ? null : own().id;
        Partner partner = Partner.findById(partnerId);
        if (partner == null) {
            throw ProblemException.notFound(Words.of(PartnerWords.class).partnerNotFound(String.valueOf(partnerId)));
        }
        if (!programme && !partnerId.equals(own)) {
            throw ProblemException.forbidden(Words.of(PartnerWords.class).ownOrganisationOnly());
        }
        return partner;
    }

    private boolean worksAtAVenue() {
        return caller.hasRole(Roles.BOX_OFFICE) || caller.hasRole(Roles.VENUE_MANAGER);
    }

    /** The id the claim names, written as the programme writes its ids (lower-case, canonical); null otherwise. */
    static UUID idIn(String claimed) {
        try {
            UUID id = UUID.fromString(claimed);
            return id.toString().equals(claimed) ? id : null;
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
