package lu.kulturpass.eligibility.enrolment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.eligibility.agency.AgencyGate;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.eligibility.issuing.Cards;
import lu.kulturpass.eligibility.issuing.PassServiceAddress;
import lu.kulturpass.eligibility.privacy.ViewLog;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Agency staff enrol households, decide, renew and print cards — for their own agency only. */
@Path("/enrolments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENCY_STAFF)
public class EnrolmentResource {

    public record CardsRequest(String language) {
    }

    private final Enrolments enrolments;
    private final Decisions decisions;
    private final Renewals renewals;
    private final Cards cards;
    private final AgencyGate gate;
    private final String passServiceUrl;
    private final ProgrammeCalendar calendar;

    public EnrolmentResource(Enrolments enrolments, Decisions decisions, Renewals renewals, Cards cards, AgencyGate gate,
                             PassServiceAddress passService,
                             ProgrammeCalendar calendar) {
        this.enrolments = enrolments;
        this.decisions = decisions;
        this.renewals = renewals;
        this.cards = cards;
        this.gate = gate;
        this.passServiceUrl = passService.publicUrl();
        this.calendar = calendar;
    }

    @POST
    @Operation(summary = "Enrol a household (adults and children) with the caller's agency",
            description = "Submitted at once unless draft=true. A member already enrolled elsewhere sends it to NEEDS_REVIEW.")
    public Response enrol(@Valid @NotNull(message = "{householdToSend}") EnrolRequest request) {
        Enrolment enrolment = enrolments.enrol(gate.acting(), request, gate.userId());
        return Response.created(URI.create("/enrolments/" + enrolment.id)).entity(view(enrolment.id)).build();
    }

    @GET
    @Operation(summary = "The agency's enrolments, newest first (optionally of one status)")
    public List<EnrolmentView> list(@QueryParam("status") EnrolmentStatus status) {
        String agencyId = gate.agency();
        return QuarkusTransaction.requiringNew().call(() ->
                enrolments.ofAgency(agencyId, status).stream().map(this::viewOf).toList());
    }

    @GET
    @Path("/due-for-renewal")
    @Operation(summary = "Approved enrolments ending within the notice period (default 60 days), and expired ones")
    public List<EnrolmentView> due() {
        String agencyId = gate.agency();
        return QuarkusTransaction.requiringNew().call(() -> renewals.due(agencyId).stream().map(this::viewOf).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One enrolment of the caller's agency, with its members, passes and decisions (the view is logged)")
    public EnrolmentView get(@PathParam("id") UUID id) {
        String agencyId = gate.agency();
        return QuarkusTransaction.requiringNew().call(() -> {
            Enrolment enrolment = Enrolment.ofAgency(agencyId, id);
            ViewLog.record(Beneficiary.members(id).stream().map(m -> m.id).toList(), agencyId, gate.userId(), ViewLog.Action.VIEWED,
                    calendar.nowUtc());
            return viewOf(enrolment);
        });
    }

    @POST
    @Path("/{id}/submission")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submit a draft")
    public EnrolmentView submit(@PathParam("id") UUID id) {
        enrolments.submit(gate.acting(), id, gate.userId());
        return view(id);
    }

    @POST
    @Path("/{id}/decision")
    @Operation(summary = "Decide: APPROVED (criterion and evidence; issues each member's pass), REJECTED or NEEDS_REVIEW (reason codes)",
            description = "Approving is safe to retry: the passes are issued once. 409 names the moves allowed from the current status.")
    public EnrolmentView decide(@PathParam("id") UUID id, @Valid @NotNull(message = "{decisionToSend}") DecisionRequest request) {
        decisions.decide(gate.acting(), id, request, gate.userId());
        return view(id);
    }

    @POST
    @Path("/{id}/renewal")
    @Operation(summary = "Renew an approved or expired enrolment: the evidence is checked again and each pass gets a new validity")
    public EnrolmentView renew(@PathParam("id") UUID id, @Valid @NotNull(message = "{renewalToSend}") RenewalRequest request) {
        renewals.renew(gate.acting(), id, request, gate.userId());
        return view(id);
    }

    @POST
    @Path("/{id}/cards.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The household's cards on one A4 sheet (PDF from pass-service), language fr, de or en")
    public Response cards(@PathParam("id") UUID id, CardsRequest request) {
        String agencyId = gate.agency();
        List<Beneficiary> members = QuarkusTransaction.requiringNew().call(() -> {
            Enrolment.ofAgency(agencyId, id);
            return Beneficiary.members(id);
        });
        byte[] pdf = cards.sheet(members, request == null ? null : request.language(), agencyId, gate.userId());
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"kulturpass-cards.pdf\"").build();
    }

    private EnrolmentView view(UUID id) {
        String agencyId = gate.agency();
        return QuarkusTransaction.requiringNew().call(() -> viewOf(Enrolment.ofAgency(agencyId, id)));
    }

    private EnrolmentView viewOf(Enrolment enrolment) {
        return EnrolmentView.of(enrolment, renewals.isDue(enrolment), passServiceUrl, calendar.today());
    }
}
