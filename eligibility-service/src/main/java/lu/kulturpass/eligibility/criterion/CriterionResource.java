package lu.kulturpass.eligibility.criterion;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import lu.kulturpass.eligibility.agency.AgencyGate;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The eligibility criteria: agencies read them; programme staff add and retire them. */
@Path("/criteria")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CriterionResource {

    /** A criterion: {@code name} in the caller's language (what a person reads), and its name in each language. */
    public record CriterionView(String code, String name, String nameFr, String nameDe, String nameEn, String nameLb,
                                String evidence, int proofValidMonths, OffsetDateTime retiredAt) {
        static CriterionView of(Criterion c) {
            return new CriterionView(c.code, c.name(), c.nameFr, c.nameDe, c.nameEn, c.name(Language.LB), c.evidence,
                    c.proofValidMonths, c.retiredAt);
        }
    }

    public record NewCriterion(@NotBlank(message = "{criterionCodeRequired}")
                               @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "{criterionCodeShape}") String code,
                               @NotBlank(message = "{criterionNameRequired}") @Size(max = 200, message = "{criterionNameTooLong}") String nameFr,
                               @NotBlank(message = "{criterionNameRequired}") @Size(max = 200, message = "{criterionNameTooLong}") String nameDe,
                               @NotBlank(message = "{criterionNameRequired}") @Size(max = 200, message = "{criterionNameTooLong}") String nameEn,
                               @NotBlank(message = "{criterionNameRequired}") @Size(max = 200, message = "{criterionNameTooLong}") String nameLb,
                               @NotBlank(message = "{criterionEvidenceRequired}") @Size(max = 300, message = "{criterionEvidenceTooLong}")
                               String evidence,
                               @NotNull(message = "{proofMonthsRequired}") @Min(value = 1, message = "{proofMonthsRange}")
                               @Max(value = 120, message = "{proofMonthsRange}") Integer proofValidMonths) {
    }

    private final Caller caller;
    private final AgencyGate gate;
    private final ProgrammeCalendar calendar;

    public CriterionResource(Caller caller, AgencyGate gate, ProgrammeCalendar calendar) {
        this.caller = caller;
        this.gate = gate;
        this.calendar = calendar;
    }

    @GET
    @RolesAllowed({Roles.AGENCY_STAFF, Roles.PROGRAMME_STAFF})
    @Transactional
    @Operation(summary = "The criteria in use (with retired=true, the retired ones too)")
    public List<CriterionView> list(@QueryParam("retired") @DefaultValue("false") boolean retired) {
        if (!caller.hasRole(Roles.PROGRAMME_STAFF)) {
            gate.agency();
        }
        List<Criterion> criteria = retired ? Criterion.<Criterion>listAll() : Criterion.inUse();
        return criteria.stream().map(CriterionView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.PROGRAMME_STAFF)
    @Transactional
    @Operation(summary = "Add a criterion (programme staff)")
    public Response add(@Valid @NotNull(message = "{criterionToSend}") NewCriterion request) {
        if (Criterion.findById(request.code()) != null) {
            throw ProblemException.conflict(Words.of(RefusalWords.class).criterionExists(request.code()));
        }
        Criterion criterion = new Criterion();
        criterion.code = request.code();
        criterion.nameFr = request.nameFr().strip();
        criterion.nameDe = request.nameDe().strip();
        criterion.nameEn = request.nameEn().strip();
        criterion.nameLb = request.nameLb().strip();
        criterion.evidence = request.evidence().strip();
        criterion.proofValidMonths = request.proofValidMonths();
        criterion.createdAt = calendar.nowUtc();
        criterion.createdBy = caller.userId();
        criterion.persist();
        return Response.created(URI.create("/criteria/" + criterion.code)).entity(CriterionView.of(criterion)).build();
    }

    @POST
    @Path("/{code}/retirement")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.PROGRAMME_STAFF)
    @Transactional
    @Operation(summary = "Retire a criterion: no new decision may name it; past decisions keep it")
    public CriterionView retire(@PathParam("code") String code) {
        Criterion criterion = Criterion.findById(code);
        if (criterion == null) {
            throw ProblemException.notFound(Words.of(RefusalWords.class).criterionNotFound(code));
        }
        if (!criterion.retired()) {
            criterion.retiredAt = calendar.nowUtc();
            criterion.retiredBy = caller.userId();
        }
        return CriterionView.of(criterion);
    }
}
