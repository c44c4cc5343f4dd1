package lu.kulturpass.core.pass;

import lu.kulturpass.platform.words.Words;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import lu.kulturpass.core.partner.IssuingAgency;
import lu.kulturpass.core.partner.PartnerScope;
import lu.kulturpass.platform.persistence.UniqueViolation;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/passes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PassResource {

    private final PassIssuer issuer;
    private final IssuingAgency agency;
    private final PartnerScope scope;
    private final Caller caller;

    public PassResource(PassIssuer issuer, IssuingAgency agency, PartnerScope scope, Caller caller) {
        this.issuer = issuer;
        this.agency = agency;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.AGENCY_STAFF)
    @Operation(summary = "Issue a pass for a beneficiary of the caller's agency",
            description = "Idempotent: a retry with the same Idempotency-Key returns the pass issued the first time.")
    public Response issue(@HeaderParam("Idempotency-Key") String idempotencyKey,
                          @Valid @NotNull(message = "{holderBodyMissing}") IssuePassRequest request) {
        String agencyId = agency.id();
        requireIdempotencyKey(idempotencyKey);
        var existing = issuer.alreadyIssued(agencyId, idempotencyKey);
        if (existing.isPresent()) {
            return Response.ok(PassView.of(existing.get())).build();
        }
        Pass pass;
        try {
            pass = issuer.issue(agencyId, idempotencyKey, request, caller.userId());
        } catch (RuntimeException e) {
            if (!UniqueViolation.of(e, "pass_issued_once")) {
                throw e;
            }
            // a concurrent retry won the race: answer with its pass
            return Response.ok(PassView.of(issuer.alreadyIssued(agencyId, idempotencyKey).orElseThrow(() -> e))).build();
        }
        return Response.created(URI.create("/passes/" + pass.id)).entity(PassView.of(pass)).build();
    }

    @POST
    @Path("/households")
    @RolesAllowed(Roles.AGENCY_STAFF)
    @Operation(summary = "Issue one pass per member of a household (adults and children) at once",
            description = "Idempotent: a retry with the same Idempotency-Key returns the passes issued the first time.")
    public Response issueHousehold(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                   @Valid @NotNull(message = "{householdBodyMissing}") HouseholdRequest household) {
        String agencyId = agency.id();
        requireIdempotencyKey(idempotencyKey);
        List<Pass> passes;
        try {
            passes = issuer.issueHousehold(agencyId, idempotencyKey, household, caller.userId());
        } catch (RuntimeException e) {
            if (!UniqueViolation.of(e, "pass_issued_once")) {
                throw e;
            }
            // a concurrent retry issued them: answer with what it issued
            passes = issuer.issueHousehold(agencyId, idempotencyKey, household, caller.userId());
        }
        return Response.ok(passes.stream().map(PassView::of).toList()).build();
    }

    @POST
    @Path("/households/batch")
    @RolesAllowed(Roles.AGENCY_STAFF)
    @Operation(summary = "Issue the passes of 1 to 200 households in one request (an imported list)",
            description = "Each household carries its own idempotency key: a retry returns the passes issued the first time.")
    public List<HouseholdBatch.Issued> issueHouseholds(@Valid @NotNull(message = "{householdsBodyMissing}") HouseholdBatch batch) {
        String agencyId = agency.id();
        List<List<Pass>> issued;
        try {
            issued = issuer.issueHouseholds(agencyId, batch, caller.userId());
        } catch (RuntimeException e) {
            if (!UniqueViolation.of(e, "pass_issued_once")) {
                throw e;
            }
            // a concurrent retry issued some of them: answer with what exists now
            issued = issuer.issueHouseholds(agencyId, batch, caller.userId());
        }
        List<HouseholdBatch.Issued> answer = new java.util.ArrayList<>();
        for (int i = 0; i < issued.size(); i++) {
            answer.add(new HouseholdBatch.Issued(batch.households().get(i).idempotencyKey(),
                    issued.get(i).stream().map(PassView::of).toList()));
        }
        return answer;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENCY_STAFF, Roles.PROGRAMME_STAFF})
    @Operation(summary = "A pass, for the agency that issued it or programme staff")
    @Transactional
    public PassView get(@PathParam("id") long id) {
        return PassView.of(visible(id));
    }

    private static void requireIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw ProblemException.badRequest(Words.of(PassWords.class).idempotencyHeaderMissing());
        }
    }

    /** The pass, if the caller may see it: 403 if the caller's organisation is unknown, 404 if the pass is, 403 if another agency's. */
    Pass visible(long id) {
        scope.requireKnown();
        Pass pass = Pass.findById(id);
        if (pass == null) {
            throw ProblemException.notFound(Words.of(PassWords.class).passNotFound(String.valueOf(id)));
        }
        caller.requirePartner(pass.agencyId, "passes");
        return pass;
    }
}
