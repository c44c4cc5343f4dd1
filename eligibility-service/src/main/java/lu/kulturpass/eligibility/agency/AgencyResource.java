package lu.kulturpass.eligibility.agency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import lu.kulturpass.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the agency worker's page shows first: their agency and whether it may enrol. */
@Path("/agencies/mine")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENCY_STAFF)
public class AgencyResource {

    public record AgencyView(String id, String name, boolean acting, LocalDate agreementUntil) {
    }

    private final AgencyGate gate;

    public AgencyResource(AgencyGate gate) {
        this.gate = gate;
    }

    @GET
    @Operation(summary = "The caller's agency and whether its agreement is in force (enrolling needs it)",
            description = "403 when the token names no agency this service learnt from the partner topic.")
    public AgencyView mine() {
        String agencyId = gate.agency();
        return QuarkusTransaction.requiringNew().call(() -> {
            Agency agency = Agency.findById(agencyId);
            var agreement = gate.agreementInForce(agencyId);
            return new AgencyView(agencyId, agency.name, agreement.isPresent(),
                    agreement.map(a -> a.validUntil).orElse(null));
        });
    }
}
