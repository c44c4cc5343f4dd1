package lu.kulturpass.eligibility.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import lu.kulturpass.eligibility.agency.AgencyGate;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.eligibility.enrolment.Enrolment;
import lu.kulturpass.platform.csv.SpreadsheetCsv;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The agency's list as CSV (UTF-8 with BOM, ';', headers in the chosen language — the same headers the
 * import reads, so an exported list imports back). The export is logged for every person on it.
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
    @Operation(summary = "The caller's agency's list as CSV (lang fr, de or en for the headers)")
    public Response export(@QueryParam("lang") @DefaultValue("fr") String language) {
        if (!List.of("fr", "de", "en").contains(language)) {
            throw ProblemException.badRequest("lang: choose fr, de or en");
        }
        String agencyId = gate.agency();
        String viewer = gate.userId();
        SpreadsheetCsv csv = new SpreadsheetCsv();
        QuarkusTransaction.requiringNew().run(() -> {
            List<Object[]> rows = db.createQuery("select b, e from Beneficiary b, Enrolment e where e.id = b.enrolmentId "
                    + "and b.agencyId = ?1 and b.erasedAt is null order by b.lastName, b.firstName, b.id", Object[].class)
                    .setParameter(1, agencyId).getResultList();
            List<String> headers = new java.util.ArrayList<>(COLUMNS.stream().map(column -> column.header(language)).toList());
            headers.addAll(extra(language));
            csv.row(headers);
            for (Object[] row : rows) {
                Beneficiary b = (Beneficiary) row[0];
                Enrolment e = (Enrolment) row[1];
                csv.row(e.id, b.lastName, b.firstName, b.birthDate, e.householdSituation, e.municipality, e.status, b.passNumber,
                        e.validUntil, b.enrolledElsewhere ? "x" : "");
            }
            db.createNativeQuery("insert into view_log (beneficiary_id, agency_id, viewer, action, viewed_at) "
                    + "select id, agency_id, ?1, 'EXPORTED_LIST', now() from beneficiary where agency_id = ?2 and erased_at is null")
                    .setParameter(1, viewer).setParameter(2, agencyId).executeUpdate();
        });
        return csv.download("kulturpass-beneficiaries.csv");
    }

    private static List<String> extra(String language) {
        return switch (language) {
            case "de" -> List.of("Status", "Kartennummer", "gültig bis", "anderswo eingeschrieben");
            case "en" -> List.of("status", "card number", "valid until", "enrolled elsewhere");
            default -> List.of("statut", "numéro de carte", "valable jusqu'au", "inscrit ailleurs");
        };
    }
}
