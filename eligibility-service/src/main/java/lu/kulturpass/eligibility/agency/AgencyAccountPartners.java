package lu.kulturpass.eligibility.agency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import lu.kulturpass.platform.account.AccountPartners;
import lu.kulturpass.platform.security.Roles;

/**
 * Accounts this service manages belong to agencies the partner topic announced (the agency page's lead workers invite
 * their agency's workers here). It knows no venues: venue accounts are managed on pass-service's and venue-service's pages.
 */
@ApplicationScoped
public class AgencyAccountPartners implements AccountPartners {

    @Override
    public boolean holds(String role, String partnerId) {
        return partnerId != null && (Roles.AGENCY_STAFF.equals(role) || Roles.AGENCY_LEAD.equals(role))
                && QuarkusTransaction.joiningExisting().call(() -> Agency.findById(partnerId) != null);
    }
}
