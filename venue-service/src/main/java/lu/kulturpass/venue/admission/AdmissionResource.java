package lu.kulturpass.venue.admission;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/admissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdmissionResource {

    private final AdmissionDesk desk;
    private final Caller caller;

    public AdmissionResource(AdmissionDesk desk, Caller caller) {
        this.desk = desk;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.BOX_OFFICE)
    @Operation(summary = "Scan a card at the caller's venue: admitted or refused, with the reason and the holder check",
            description = "Always 200 with the answer, a refusal included. A retry with the same nonce returns the first answer.")
    public ScanAnswer scan(@Valid @NotNull(message = "send the scan as JSON") ScanRequest request) {
        return desk.scan(caller.partnerId(), request, caller.userId());
    }
}
