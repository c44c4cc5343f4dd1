package lu.kulturpass.eligibility.beneficiary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Agency staff enrol and approve their own agency's beneficiaries. */
@Path("/beneficiaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENCY_STAFF)
public class BeneficiaryResource {

    private final Enrolments enrolments;
    private final Caller caller;
    private final JsonWebToken token;
    private final String passServiceUrl;

    public BeneficiaryResource(Enrolments enrolments, Caller caller, JsonWebToken token,
                               @ConfigProperty(name = "kulturpass.pass-service.public-url") String passServiceUrl) {
        this.enrolments = enrolments;
        this.caller = caller;
        this.token = token;
        this.passServiceUrl = passServiceUrl;
    }

    @POST
    @Operation(summary = "Enrol a beneficiary with the caller's agency")
    public Response enrol(@Valid @NotNull(message = "send the beneficiary as JSON") EnrolRequest request) {
        Beneficiary beneficiary = enrolments.enrol(caller.partnerId(), request, caller.userId());
        return Response.created(URI.create("/beneficiaries/" + beneficiary.id)).entity(view(beneficiary)).build();
    }

    @GET
    @Operation(summary = "The caller's agency's beneficiaries, by name")
    public List<BeneficiaryView> list() {
        return enrolments.ofAgency(caller.partnerId()).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One beneficiary of the caller's agency")
    public BeneficiaryView get(@PathParam("id") UUID id) {
        return view(enrolments.ofAgency(caller.partnerId(), id));
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve the enrolment and issue the pass",
            description = "Safe to retry: the pass is issued once. The answer links the card's QR code.")
    public BeneficiaryView approve(@PathParam("id") UUID id) {
        return view(enrolments.approve(caller.partnerId(), id, caller.userId(), token.getRawToken()));
    }

    private BeneficiaryView view(Beneficiary beneficiary) {
        return BeneficiaryView.of(beneficiary, passServiceUrl);
    }
}
