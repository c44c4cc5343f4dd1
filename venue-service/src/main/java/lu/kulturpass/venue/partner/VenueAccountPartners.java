package lu.kulturpass.venue.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import lu.kulturpass.platform.account.AccountPartners;
import lu.kulturpass.platform.security.Roles;

/**
 * Accounts this service manages belong to venues the partner topic named (the venue page's managers invite their box
 * office's cashiers here). It knows no agencies: agency accounts are managed on pass-service's and eligibility-service's pages.
 */
@ApplicationScoped
public class VenueAccountPartners implements AccountPartners {

    @Override
    public boolean holds(String role, String partnerId) {
        return partnerId != null && (Roles.BOX_OFFICE.equals(role) || Roles.VENUE_MANAGER.equals(role))
                && QuarkusTransaction.joiningExisting().call(() -> Venue.findById(partnerId) != null);
    }
}
