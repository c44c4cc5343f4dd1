package lu.kulturpass.venue.performance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.input.ProgrammeDates;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.venue.partner.CallerVenue;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A venue's performances and the Kulturpass places each offers: the venue manager keeps them, the box office reads them. */
@Path("/performances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PerformanceResource {

    public record PerformanceView(UUID performanceId, String venueId, String title, OffsetDateTime startsAt, LocalDate day,
                                  int placesOffered, int placesUsed, PerformanceStatus status) {
        public static PerformanceView of(Performance p) {
            return new PerformanceView(p.id, p.venueId, p.title, p.startsAt, p.day, p.placesOffered, p.placesUsed, p.status);
        }
    }

    private final Performances performances;
    private final Caller caller;
    private final CallerVenue callerVenue;
    private final ProgrammeCalendar calendar;

    public PerformanceResource(Performances performances, Caller caller, CallerVenue callerVenue,
                               ProgrammeCalendar calendar) {
        this.performances = performances;
        this.caller = caller;
        this.callerVenue = callerVenue;
        this.calendar = calendar;
    }

    @GET
    @RolesAllowed({Roles.BOX_OFFICE, Roles.VENUE_MANAGER, Roles.PROGRAMME_STAFF})
    @Transactional
    @Operation(summary = "The caller's venue's performances between two days (default: today and tomorrow)")
    public List<PerformanceView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("venueId") String venueId) {
        LocalDate today = calendar.today();
        LocalDate first = ProgrammeDates.parameter("from", from, today);
        LocalDate last = ProgrammeDates.parameter("to", to, first.plusDays(1));
        String venue = caller.hasRole(Roles.PROGRAMME_STAFF) && venueId != null ? venueId : callerVenue.venueId();
        return performances.between(venue, first, last).stream().map(PerformanceView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.VENUE_MANAGER)
    @Operation(summary = "Schedule a performance with the Kulturpass places it offers: the venue's agreement must be in force (403) "
            + "and allow that many places per event (409)")
    public Response schedule(Performances.Terms terms) {
        Performance scheduled = performances.schedule(callerVenue, terms, caller.userId());
        return Response.status(Response.Status.CREATED).entity(PerformanceView.of(scheduled)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.VENUE_MANAGER)
    @Operation(summary = "Change a performance's title, time or places (never below the places already used, nor above the agreement's "
            + "places per event: 409); another venue's performance: 403")
    public PerformanceView change(@PathParam("id") UUID id, Performances.Terms terms) {
        if (terms == null) {
            throw ProblemException.badRequest(Words.of(PerformanceWords.class).performanceChangeAsJson());
        }
        return PerformanceView.of(performances.change(callerVenue, id, terms, caller.userId()));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.VENUE_MANAGER)
    @Operation(summary = "Cancel a performance: no one is admitted to it any more")
    public PerformanceView cancel(@PathParam("id") UUID id) {
        return PerformanceView.of(performances.cancel(callerVenue, id, caller.userId()));
    }

}
