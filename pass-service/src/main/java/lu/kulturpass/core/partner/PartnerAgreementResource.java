package lu.kulturpass.core.partner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A partner's agreements: programme staff draft them; the partner's own staff may read them. */
@Path("/partners/{partnerId}/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerAgreementResource {

    private final Agreements agreements;
    private final PartnerScope scope;
    private final Caller caller;

    public PartnerAgreementResource(Agreements agreements, PartnerScope scope, Caller caller) {
        this.agreements = agreements;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PROGRAMME_STAFF)
    @Operation(summary = "Draft an agreement with a partner")
    public Response draft(@PathParam("partnerId") UUID partnerId, @Valid @NotNull(message = "{termsBodyMissing}") AgreementTerms terms) {
        Agreement agreement = agreements.draft(partnerId, terms, caller.userId());
        return Response.created(URI.create("/agreements/" + agreement.id)).entity(AgreementView.of(agreement)).build();
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_STAFF, Roles.AGENCY_STAFF, Roles.BOX_OFFICE})
    @Transactional
    @Operation(summary = "A partner's agreements, oldest first")
    public List<AgreementView> ofPartner(@PathParam("partnerId") UUID partnerId) {
        Partner partner = scope.readable(partnerId);
        return partner.agreements.stream().map(AgreementView::of).toList();
    }
}
