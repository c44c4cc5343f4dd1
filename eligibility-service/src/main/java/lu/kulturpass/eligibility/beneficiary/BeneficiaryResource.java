package lu.kulturpass.eligibility.beneficiary;

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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.eligibility.agency.AgencyGate;
import lu.kulturpass.eligibility.enrolment.Enrolment;
import lu.kulturpass.eligibility.issuing.Cards;
import lu.kulturpass.eligibility.issuing.PassServiceAddress;
import lu.kulturpass.eligibility.privacy.ViewLog;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Agency staff find their own agency's beneficiaries, report lost cards and print one person's card. */
@Path("/beneficiaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENCY_STAFF)
public class BeneficiaryResource {

    public record LostCardReport(@NotNull(message = "{lossRequired}") LostCards.Loss reason) {
    }

    public record CardRequest(String language) {
    }

    private final AgencyGate gate;
    private final LostCards lostCards;
    private final Cards cards;
    private final String passServiceUrl;
    private final ProgrammeCalendar calendar;

    public BeneficiaryResource(AgencyGate gate, LostCards lostCards, Cards cards,
                               PassServiceAddress passService,
                               ProgrammeCalendar calendar) {
        this.gate = gate;
        this.lostCards = lostCards;
        this.cards = cards;
        this.passServiceUrl = passService.publicUrl();
        this.calendar = calendar;
    }

    @GET
    @Operation(summary = "The caller's agency's beneficiaries by name; q searches names (accents and case ignored)")
    public List<BeneficiaryView> list(@QueryParam("q") String query) {
        String agencyId = gate.agency();
        List<String> words = query == null || query.isBlank() ? List.of()
                : Arrays.stream(PersonKey.searchText(query).split(" ")).filter(w -> !w.isEmpty()).toList();
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder where = new StringBuilder("agencyId = ?1 and erasedAt is null");
            Object[] parameters = new Object[words.size() + 1];
            parameters[0] = agencyId;
            for (int i = 0; i < words.size(); i++) {
                where.append(" and personKey like ?").append(i + 2);
                parameters[i + 1] = "%" + words.get(i) + "%";
            }
            List<Beneficiary> found = Beneficiary.<Beneficiary>find(where + " order by lastName, firstName", parameters)
                    .page(0, 500).list();
            return found.stream().map(this::view).toList();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One beneficiary of the caller's agency (the view is logged)")
    public BeneficiaryView get(@PathParam("id") UUID id) {
        String agencyId = gate.agency();
        return QuarkusTransaction.requiringNew().call(() -> {
            Beneficiary beneficiary = Beneficiary.ofAgency(agencyId, id);
            ViewLog.record(List.of(id), agencyId, gate.userId(), ViewLog.Action.VIEWED, calendar.nowUtc());
            return view(beneficiary);
        });
    }

    @POST
    @Path("/{id}/lost-card")
    @Operation(summary = "Report the card lost or stolen: pass-service replaces the pass; the old card stops working")
    public BeneficiaryView reportLostCard(@PathParam("id") UUID id,
                                          @Valid @NotNull(message = "{lossRequired}") LostCardReport report) {
        Beneficiary beneficiary = lostCards.report(gate.acting(), id, report.reason());
        return QuarkusTransaction.requiringNew().call(() -> view(beneficiary));
    }

    @POST
    @Path("/{id}/card.pdf")
    @Produces("application/pdf")
    @Operation(summary = "This person's card (PDF from pass-service), language fr, de or en")
    public Response card(@PathParam("id") UUID id, CardRequest request) {
        String agencyId = gate.agency();
        Beneficiary beneficiary = QuarkusTransaction.requiringNew().call(() -> Beneficiary.ofAgency(agencyId, id));
        byte[] pdf = cards.sheet(List.of(beneficiary), request == null ? null : request.language(), agencyId, gate.userId());
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"kulturpass-" + beneficiary.passNumber + ".pdf\"").build();
    }

    private BeneficiaryView view(Beneficiary b) {
        Enrolment enrolment = Enrolment.findById(b.enrolmentId);
        return BeneficiaryView.of(b, enrolment.status.name(), enrolment.validUntil, passServiceUrl);
    }
}
