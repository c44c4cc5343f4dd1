package lu.kulturpass.eligibility.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lu.kulturpass.eligibility.agency.AgencyGate;
import lu.kulturpass.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An agency imports its list from a spreadsheet. */
@Path("/imports")
@RolesAllowed(Roles.AGENCY_STAFF)
public class ImportResource {

    private final CsvImport csvImport;
    private final AgencyGate gate;

    public ImportResource(CsvImport csvImport, AgencyGate gate) {
        this.csvImport = csvImport;
        this.gate = gate;
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a CSV list (UTF-8, ';' or ',', headers in French, German, English or Luxembourgish)",
            description = "Every cell of every row is checked; bad rows are reported with their line and every problem found "
                    + "in them (problems, in the caller's language) and not imported; good rows are "
                    + "enrolled (grouped by the household column). approve=true also approves the households whose rows "
                    + "name a criterion and evidence, which issues their passes.")
    public CsvImport.Report importList(byte[] file, @QueryParam("approve") @DefaultValue("false") boolean approve) {
        String agencyId = gate.acting();
        return csvImport.run(agencyId, gate.userId(), file, approve);
    }
}
