package lu.kulturpass.core.pass;

import lu.kulturpass.platform.words.Words;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import lu.kulturpass.core.partner.IssuingAgency;
import lu.kulturpass.core.partner.PartnerScope;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Suspend, reinstate, revoke, replace or renew a pass; and its history. */
@Path("/passes/{id}/transitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENCY_STAFF, Roles.PROGRAMME_STAFF})
public class PassLifecycleResource {

    public record TransitionRequest(@NotNull(message = "{transitionRequired}") Transition transition,
                                    @NotNull(message = "{transitionReasonRequired}") TransitionReason reason,
                                    @Size(max = 200, message = "{noteLength}") String note) {
    }

    public record Step(Transition transition, PassStatus from, PassStatus to, TransitionReason reason, String note,
                       String actor, OffsetDateTime at) {
    }

    private final PassLifecycle lifecycle;
    private final PartnerScope scope;
    private final IssuingAgency agency;
    private final Caller caller;

    public PassLifecycleResource(PassLifecycle lifecycle, PartnerScope scope, IssuingAgency agency, Caller caller) {
        this.lifecycle = lifecycle;
        this.scope = scope;
        this.agency = agency;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Move the pass: SUSPEND, REINSTATE, REVOKE, REPLACE (lost or stolen card) or RENEW",
            description = "409 names the transitions allowed from the pass's standing. REPLACE answers 201 with the new pass. "
                    + "An agency renews or replaces only while it may issue passes (an agreement in force); it may always "
                    + "suspend, reinstate or revoke.")
    public Response move(@PathParam("id") long id, @Valid @NotNull(message = "{transitionBodyMissing}") TransitionRequest request) {
        scope.requireKnown();
        if (!request.transition().requestable()) {
            throw ProblemException.badRequest(Words.of(PassWords.class).passExpiresByDate());
        }
        if (!request.reason().requestable()) {
            throw ProblemException.badRequest(Words.of(PassWords.class).reasonNotRequestable(request.reason().name()));
        }
        if (request.transition().issues() && !caller.hasRole(Roles.PROGRAMME_STAFF)) {
            agency.id();
        }
        PassLifecycle.Outcome outcome = lifecycle.apply(id, request.transition(), request.reason(), request.note(),
                caller.userId(), pass -> caller.requirePartner(pass.agencyId, "passes"));
        if (outcome.replacement() != null) {
            return Response.created(URI.create("/passes/" + outcome.replacement().id))
                    .entity(PassView.of(outcome.replacement())).build();
        }
        return Response.ok(PassView.of(outcome.pass())).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The pass's history: every transition with who, why and when")
    public List<Step> history(@PathParam("id") long id) {
        scope.requireKnown();
        Pass pass = Pass.findById(id);
        if (pass == null) {
            throw ProblemException.notFound(Words.of(PassWords.class).passNotFound(String.valueOf(id)));
        }
        caller.requirePartner(pass.agencyId, "passes");
        return PassTransitionRecord.of(id).stream()
                .map(s -> new Step(s.transition, s.fromStatus, s.toStatus, s.reason, s.note, s.actor, s.at)).toList();
    }
}
