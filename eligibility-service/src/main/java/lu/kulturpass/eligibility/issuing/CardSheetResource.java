package lu.kulturpass.eligibility.issuing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.eligibility.agency.AgencyGate;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.eligibility.enrolment.Enrolment;
import lu.kulturpass.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Batch printing after an import: the cards of several households of the agency on one A4 sheet (up to ten cards). */
@Path("/cards/sheet.pdf")
@RolesAllowed(Roles.AGENCY_STAFF)
public class CardSheetResource {

    public record SheetRequest(String language,
                               @NotNull(message = "{sheetHouseholdsRequired}")
                               @Size(min = 1, max = 10, message = "{sheetHouseholdsCount}")
                               List<@NotNull(message = "{sheetHouseholdEmpty}") UUID> enrolmentIds) {
    }

    private final Cards cards;
    private final AgencyGate gate;

    public CardSheetResource(Cards cards, AgencyGate gate) {
        this.cards = cards;
        this.gate = gate;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("application/pdf")
    @Operation(summary = "The cards of 1 to 10 households of the caller's agency on one A4 sheet (PDF from pass-service)")
    public Response sheet(@Valid @NotNull(message = "{sheetToSend}") SheetRequest request) {
        String agencyId = gate.agency();
        List<Beneficiary> members = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = request.enrolmentIds().stream().distinct().toList();
            Enrolment.ofAgency(agencyId, ids);
            Map<UUID, List<Beneficiary>> byEnrolment = Beneficiary.members(ids);
            List<Beneficiary> all = new ArrayList<>();
            for (UUID id : request.enrolmentIds()) {
                all.addAll(byEnrolment.getOrDefault(id, List.of()));
            }
            return all;
        });
        byte[] pdf = cards.sheet(members, request.language(), agencyId, gate.userId());
        return Response.ok(pdf, "application/pdf").header("Content-Disposition", "attachment; filename=\"kulturpass-cards.pdf\"").build();
    }
}
