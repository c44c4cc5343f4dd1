package lu.kulturpass.core.statistics;

import lu.kulturpass.platform.words.Words;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import lu.kulturpass.core.partner.Partner;
import lu.kulturpass.core.partner.PartnerKind;
import lu.kulturpass.core.partner.PartnerScope;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Usage per partner and for the whole programme, from the statistics read model. */
@Path("/statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private final Figures figures;
    private final PartnerScope scope;
    private final StatisticsRebuild rebuild;
    private final ProgrammeCalendar calendar;
    private final int smallestCell;

    public StatisticsResource(Figures figures, PartnerScope scope, StatisticsRebuild rebuild,
                              ProgrammeCalendar calendar, StatisticsConfig config) {
        this.figures = figures;
        this.scope = scope;
        this.rebuild = rebuild;
        this.calendar = calendar;
        this.smallestCell = config.smallestCell();
    }

    @GET
    @Path("/partners/{partnerId}")
    @RolesAllowed({Roles.PROGRAMME_STAFF, Roles.AGENCY_STAFF, Roles.BOX_OFFICE})
    @Transactional
    @Operation(summary = "A partner's figures over a period (default: this year), by month or by day",
            description = "Programme staff see every partner; a partner's own staff see only their own.")
    public Object partner(@PathParam("partnerId") UUID partnerId, @QueryParam("from") LocalDate from,
                          @QueryParam("to") LocalDate to, @QueryParam("by") @DefaultValue("month") String by) {
        Partner partner = scope.readable(partnerId);
        Period period = Period.of(from, to, calendar.today());
        LocalDate start = period.from();
        LocalDate end = period.to();
        if (!"month".equals(by) && !"day".equals(by)) {
            throw ProblemException.badRequest(Words.of(StatisticsWords.class).byMonthOrDay());
        }
        return partner.kind == PartnerKind.CULTURAL
                ? CulturalPartnerFigures.of(partnerId, partner.name, start, end, by, figures)
                : SocialPartnerFigures.of(partnerId, partner.name, start, end, figures);
    }

    @GET
    @Path("/programme")
    @RolesAllowed(Roles.PROGRAMME_STAFF)
    @Transactional
    @Operation(summary = "The programme's totals over a period (default: this year), with breakdowns; cells under 5 people "
            + "hidden, and as many more as it takes (the next smallest, or the total) that none can be computed from the others")
    public ProgrammeFigures programme(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        Period period = Period.of(from, to, calendar.today());
        return ProgrammeFigures.of(period.from(), period.to(), smallestCell, figures);
    }

    @POST
    @Path("/rebuild")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.PROGRAMME_STAFF)
    @Operation(summary = "Rebuild every figure from the topics' beginning (after a fix in how events are counted)")
    public StatisticsRebuild.Replayed rebuild() {
        return rebuild.rebuild();
    }
}
