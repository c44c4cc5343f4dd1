package lu.kulturpass.core.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.core.statistics.CulturalPartnerFigures;
import lu.kulturpass.core.statistics.Figures;
import lu.kulturpass.core.statistics.Period;
import lu.kulturpass.core.statistics.ProgrammeFigures;
import lu.kulturpass.core.statistics.SocialPartnerFigures;
import lu.kulturpass.core.statistics.StatisticsResource;
import lu.kulturpass.platform.csv.SpreadsheetCsv;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the audit page lists and what programme staff take away as spreadsheets: every partner with its
 * agreement and usage in one call, and CSV files of the partner list, one partner's months and the
 * annual-report figures (format: {@link SpreadsheetCsv}).
 */
@Path("/statistics")
@RolesAllowed(Roles.PROGRAMME_STAFF)
public class StatisticsExportResource {

    private final Figures figures;
    private final StatisticsResource statistics;
    private final ProgrammeCalendar calendar;

    public StatisticsExportResource(Figures figures, StatisticsResource statistics, ProgrammeCalendar calendar) {
        this.figures = figures;
        this.statistics = statistics;
        this.calendar = calendar;
    }

    @GET
    @Path("/partners")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Every partner with its current agreement and its usage over a period (default: this year)")
    public List<PartnerUsage> partners(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return PartnerUsage.of(Period.of(from, to, calendar.today()), figures);
    }

    @GET
    @Path("/partners.csv")
    @Produces(SpreadsheetCsv.MEDIA_TYPE)
    @Transactional
    @Operation(summary = "The partner list with usage as CSV (UTF-8 with BOM, ';' separated)")
    public Response partnersCsv(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        Period period = Period.of(from, to, calendar.today());
        SpreadsheetCsv csv = new SpreadsheetCsv().row("partner_id", "partner", "kind", "agreement_status", "agreement_valid_until", "from", "to",
                "admissions", "refusals", "people_enrolled", "passes_issued");
        for (PartnerUsage p : PartnerUsage.of(period, figures)) {
            csv.row(p.partnerId(), p.name(), p.kind(), p.agreementStatus(), p.agreementValidUntil(), period.from(), period.to(),
                    p.admissions(), p.refusals(), p.peopleEnrolled(), p.passesIssued());
        }
        return csv.download("kulturpass-partners_" + period.label() + ".csv");
    }

    @GET
    @Path("/partners/{partnerId}.csv")
    @Produces(SpreadsheetCsv.MEDIA_TYPE)
    @Transactional
    @Operation(summary = "One partner's figures month by month as CSV (UTF-8 with BOM, ';' separated)")
    public Response partnerCsv(@PathParam("partnerId") UUID partnerId, @QueryParam("from") LocalDate from,
                               @QueryParam("to") LocalDate to) {
        Period period = Period.of(from, to, calendar.today());
        Object found = statistics.partner(partnerId, period.from(), period.to(), "month");
        SpreadsheetCsv csv = found instanceof CulturalPartnerFigures cultural
                ? PartnerMonths.cultural(cultural, period)
                : PartnerMonths.social(partnerId, ((SocialPartnerFigures) found).name(), period, figures);
        return csv.download("kulturpass-partner-" + partnerId + "_" + period.label() + ".csv");
    }

    @GET
    @Path("/programme.csv")
    @Produces(SpreadsheetCsv.MEDIA_TYPE)
    @Transactional
    @Operation(summary = "The annual-report figures as CSV; groups under 5 people, and those hidden with them so that "
            + "none can be computed from the total, read 'hidden'")
    public Response programmeCsv(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        Period period = Period.of(from, to, calendar.today());
        ProgrammeFigures f = statistics.programme(period.from(), period.to());
        SpreadsheetCsv csv = new SpreadsheetCsv().row("figure", "group", "value")
                .row("period_from", "", period.from()).row("period_to", "", period.to())
                .row("passes_issued", "", f.passesIssued()).row("people_enrolled", "", ProgrammeReport.peopleEnrolled(f))
                .row("uses", "", f.admissions()).row("refusals", "", f.refusals())
                .row("people_reached", "", f.peopleReached()).row("ticket_value_eur", "", f.ticketValue())
                .row("places_offered", "", f.placesOffered()).row("places_used", "", f.placesUsed());
        ProgrammeReport.breakdown(csv, "age_band", f.byAgeBand());
        ProgrammeReport.breakdown(csv, "household_situation", f.byHouseholdSituation());
        ProgrammeReport.breakdown(csv, "municipality", f.byMunicipality());
        return csv.download("kulturpass-programme_" + period.label() + ".csv");
    }
}
