package lu.kulturpass.core.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import lu.kulturpass.platform.account.AccountPartners;
import lu.kulturpass.platform.security.Roles;

/** Accounts belong to partners of the programme's registry: agency roles to a social partner, venue roles to a cultural partner's venue. */
@ApplicationScoped
public class RegistryAccountPartners implements AccountPartners {

    @Override
    public boolean holds(String role, String partnerId) {
        UUID id = partnerId == null ? null : PartnerScope.idIn(partnerId);
        if (id == null) {
            return false;
        }
        if (Roles.AGENCY_STAFF.equals(role) || Roles.AGENCY_LEAD.equals(role)) {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Partner partner = Partner.findById(id);
                return partner != null && partner.kind == PartnerKind.SOCIAL;
            });
        }
        if (Roles.BOX_OFFICE.equals(role) || Roles.VENUE_MANAGER.equals(role)) {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Venue venue = Venue.findById(id);
                return venue != null && venue.partner.kind == PartnerKind.CULTURAL;
            });
        }
        return false;
    }
}
