package lu.kulturpass.eligibility.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import lu.kulturpass.eligibility.agency.AgencyGate;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.eligibility.criterion.Criterion;
import lu.kulturpass.eligibility.enrolment.Decision;
import lu.kulturpass.eligibility.enrolment.Enrolment;
import lu.kulturpass.eligibility.enrolment.ReasonCode;
import lu.kulturpass.eligibility.words.AgencyWords;
import lu.kulturpass.eligibility.words.ImportWords;
import lu.kulturpass.platform.csv.SpreadsheetCsv;
import lu.kulturpass.platform.programme.ProgrammeWords;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.words.CallerLanguage;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The agency's list as CSV (UTF-8 with BOM, ';'), in the chosen language: the headers (the same the import reads, so
 * an exported list imports back) and every situation, status, criterion and reason in words, never codes. The export
 * is logged for every person on it.
 */
@Path("/exports/beneficiaries.csv")
@RolesAllowed(Roles.AGENCY_STAFF)
public class ExportResource {

    private static final List<CsvColumn> COLUMNS = List.of(CsvColumn.HOUSEHOLD, CsvColumn.LAST_NAME, CsvColumn.FIRST_NAME,
            CsvColumn.BIRTH_DATE, CsvColumn.HOUSEHOLD_SITUATION, CsvColumn.MUNICIPALITY);

    private final AgencyGate gate;
    private final EntityManager db;

    public ExportResource(AgencyGate gate, EntityManager db) {
        this.gate = gate;
        this.db = db;
    }

    @GET
    @Produces("text/csv")
    @Operation(summary = "The caller's agency's list as CSV, in the language lang names (fr, de, en or lb), else the caller's")
    public Response export(@QueryParam("lang") String lang) {
        Language language = Language.chosen(lang, CallerLanguage::current);
        String agencyId = gate.agency();
        String viewer = gate.userId();
        ImportWords csvWords = Words.in(ImportWords.class, language);
        AgencyWords agencyWords = Words.in(AgencyWords.class, language);
        ProgrammeWords programmeWords = Words.in(ProgrammeWords.class, language);
        SpreadsheetCsv csv = new SpreadsheetCsv();
        QuarkusTransaction.requiringNew().run(() -> {
            List<Object[]> rows = db.createQuery("select b, e from Beneficiary b, Enrolment e where e.id = b.enrolmentId "
                    + "and b.agencyId = ?1 and b.erasedAt is null order by b.lastName, b.firstName, b.id", Object[].class)
                    .setParameter(1, agencyId).getResultList();
            Map<UUID, Decision> lastDecisions = lastDecisions(agencyId);
            Map<String, Criterion> criteria = Criterion.<Criterion>listAll().stream().collect(Collectors.toMap(c -> c.code, c -> c));
            List<String> headers = new ArrayList<>(COLUMNS.stream().map(column -> column.header(language)).toList());
            headers.addAll(List.of(csvWords.statusColumn(), csvWords.cardNumberColumn(), csvWords.validUntilColumn(),
                    csvWords.enrolledElsewhereColumn(), csvWords.criterionColumn(), csvWords.reasonsColumn()));
            csv.row(headers);
            for (Object[] row : rows) {
                Beneficiary b = (Beneficiary) row[0];
                Enrolment e = (Enrolment) row[1];
                Decision last = lastDecisions.get(e.id);
                Criterion criterion = last == null || last.criterionCode == null ? null : criteria.get(last.criterionCode);
                String reasons = last == null ? "" : last.reasons().stream()
                        .map(code -> agencyWords.reasonCode(ReasonCode.valueOf(code))).collect(Collectors.joining(", "));
                csv.row(e.id, b.lastName, b.firstName, b.birthDate,
                        e.householdSituation == null ? null : programmeWords.householdSituation(e.householdSituation),
                        e.municipality, agencyWords.enrolmentStatus(e.status), b.passNumber, e.validUntil,
                        b.enrolledElsewhere ? csvWords.yes() : "", criterion == null ? "" : criterion.name(language), reasons);
            }
            db.createNativeQuery("insert into view_log (beneficiary_id, agency_id, viewer, action, viewed_at) "
                    + "select id, agency_id, ?1, 'EXPORTED_LIST', now() from beneficiary where agency_id = ?2 and erased_at is null")
                    .setParameter(1, viewer).setParameter(2, agencyId).executeUpdate();
        });
        return csv.download("kulturpass-beneficiaries.csv");
    }

    /** The latest decision on each of the agency's enrolments (its criterion and reasons are exported). */
    private Map<UUID, Decision> lastDecisions(String agencyId) {
        Map<UUID, Decision> last = new HashMap<>();
        db.createQuery("select d from Decision d, Enrolment e where e.id = d.enrolmentId and e.agencyId = ?1 "
                        + "order by d.decidedAt, d.id", Decision.class)
                .setParameter(1, agencyId).getResultStream().forEach(d -> last.put(d.enrolmentId, d));
        return last;
    }
}
