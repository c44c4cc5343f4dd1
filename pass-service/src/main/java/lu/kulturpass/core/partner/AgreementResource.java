package lu.kulturpass.core.partner;

import lu.kulturpass.platform.words.Words;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One agreement: programme staff change it; the partner's own staff may read it. */
@Path("/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgreementResource {

    public record TransitionRequest(@NotNull(message = "{transitionRequired}") AgreementTransition transition) {
    }

    public record RenewalRequest(@NotNull(message = "{renewalUntilRequired}") LocalDate validUntil) {
    }

    private final Agreements agreements;
    private final PartnerScope scope;
    private final Caller caller;

    public AgreementResource(Agreements agreements, PartnerScope scope, Caller caller) {
        this.agreements = agreements;
        this.scope = scope;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROGRAMME_STAFF, Roles.AGENCY_STAFF, Roles.BOX_OFFICE})
    @Transactional
    @Operation(summary = "One agreement")
    public AgreementView get(@PathParam("id") UUID id) {
        scope.requireKnown();
        Agreement agreement = Agreement.findById(id);
        if (agreement == null) {
            throw ProblemException.notFound(Words.of(PartnerWords.class).agreementNotFound(String.valueOf(id)));
        }
        scope.readable(agreement.partner.id);
        return AgreementView.of(agreement);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PROGRAMME_STAFF)
    @Operation(summary = "Change a draft agreement's terms")
    public AgreementView amend(@PathParam("id") UUID id, @Valid @NotNull(message = "{termsBodyMissing}") AgreementTerms terms) {
        return AgreementView.of(agreements.amend(id, terms, caller.userId()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.PROGRAMME_STAFF)
    @Operation(summary = "ACTIVATE (once signed), SUSPEND, RESUME or TERMINATE an agreement",
            description = "409 names the transitions allowed now; agreements expire by date.")
    public AgreementView move(@PathParam("id") UUID id, @Valid @NotNull(message = "{transitionBodyMissing}") TransitionRequest request) {
        if (request.transition() == AgreementTransition.EXPIRE) {
            throw ProblemException.badRequest(Words.of(PartnerWords.class).agreementExpiresByDate());
        }
        return AgreementView.of(agreements.move(id, request.transition(), caller.userId()));
    }

    @POST
    @Path("/{id}/renewal")
    @RolesAllowed(Roles.PROGRAMME_STAFF)
    @Operation(summary = "Draft the renewal: same terms, from the day after this agreement ends")
    public Response renew(@PathParam("id") UUID id, @Valid @NotNull(message = "{renewalBodyMissing}") RenewalRequest request) {
        Agreement successor = agreements.renew(id, request.validUntil(), caller.userId());
        return Response.created(URI.create("/agreements/" + successor.id)).entity(AgreementView.of(successor)).build();
    }
}
