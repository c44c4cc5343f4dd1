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
import lu.kulturpass.core.partner.AgreementStatus;
import lu.kulturpass.core.partner.PartnerKind;
import lu.kulturpass.core.partner.PartnerWords;
import lu.kulturpass.platform.csv.SpreadsheetCsv;
import lu.kulturpass.platform.words.CallerLanguage;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;
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
    public Response partnersCsv(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                @QueryParam("language") String language) {
        AuditWords words = words(language);
        PartnerWords partnerWords = Words.in(PartnerWords.class, chosen(language));
        Period period = Period.of(from, to, calendar.today());
        SpreadsheetCsv csv = new SpreadsheetCsv().row(words.partnerId(), words.partner(), words.kind(), words.agreement(),
                words.validUntil(), words.from(), words.to(), words.admissions(), words.refusals(), words.peopleEnrolled(),
                words.passesIssued());
        for (PartnerUsage p : PartnerUsage.of(period, figures)) {
            csv.row(p.partnerId(), p.name(), partnerWords.partnerKind(PartnerKind.valueOf(p.kind())),
                    p.agreementStatus() == null ? null : partnerWords.agreementStatus(AgreementStatus.valueOf(p.agreementStatus())),
                    p.agreementValidUntil(), period.from(), period.to(),
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
                               @QueryParam("to") LocalDate to, @QueryParam("language") String language) {
        AuditWords words = words(language);
        Period period = Period.of(from, to, calendar.today());
        Object found = statistics.partner(partnerId, period.from(), period.to(), "month");
        SpreadsheetCsv csv = found instanceof CulturalPartnerFigures cultural
                ? PartnerMonths.cultural(cultural, period, words)
                : PartnerMonths.social(partnerId, ((SocialPartnerFigures) found).name(), period, figures, words);
        return csv.download("kulturpass-partner-" + partnerId + "_" + period.label() + ".csv");
    }

    @GET
    @Path("/programme.csv")
    @Produces(SpreadsheetCsv.MEDIA_TYPE)
    @Transactional
    @Operation(summary = "The annual-report figures as CSV; groups under 5 people, and those hidden with them so that "
            + "none can be computed from the total, read 'hidden'")
    public Response programmeCsv(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                 @QueryParam("language") String language) {
        Period period = Period.of(from, to, calendar.today());
        ProgrammeReport report = report(period, language);
        SpreadsheetCsv csv = new SpreadsheetCsv().row(report.words().figure(), report.words().group(), report.words().value());
        report.lines().forEach(line -> csv.row(line.figure(), line.group(), line.value()));
        return csv.download("kulturpass-programme_" + period.label() + ".csv");
    }

    @GET
    @Path("/programme.pdf")
    @Produces("application/pdf")
    @Transactional
    @Operation(summary = "The annual report as PDF: the programme's figures, what they count, and the breakdowns, in words "
            + "(the language of the 'language' parameter, else Accept-Language); hidden groups read 'hidden'")
    public Response programmePdf(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                 @QueryParam("language") String language) {
        Period period = Period.of(from, to, calendar.today());
        return Response.ok(ProgrammeReportPdf.of(report(period, language)))
                .header("Content-Disposition", "attachment; filename=\"kulturpass-programme_" + period.label() + ".pdf\"")
                .build();
    }

    private ProgrammeReport report(Period period, String language) {
        return new ProgrammeReport(statistics.programme(period.from(), period.to()), chosen(language));
    }

    /** An export's language: the {@code language} parameter, else the caller's (Accept-Language), else English. */
    private static Language chosen(String language) {
        return Language.chosen(language, CallerLanguage::current);
    }

    private static AuditWords words(String language) {
        return Words.in(AuditWords.class, chosen(language));
    }
}
