package lu.kulturpass.core.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.core.partner.Partner;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Usage per partner, as programme staff audit it. */
@Path("/statistics/partners/{partnerId}")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    public record VenueUsage(UUID venueId, String name, long admissions, long refusals) {
    }

    public record PartnerUsage(UUID partnerId, String name, LocalDate from, LocalDate to, long admissions,
                               long refusals, List<VenueUsage> venues) {
    }

    private final EntityManager entityManager;

    public StatisticsResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @GET
    @RolesAllowed(Roles.PROGRAMME_STAFF)
    @Transactional
    @Operation(summary = "Admissions and refusals at a cultural partner's venues over a period (default: this year)")
    public PartnerUsage usage(@PathParam("partnerId") UUID partnerId, @QueryParam("from") LocalDate from,
                              @QueryParam("to") LocalDate to) {
        Partner partner = Partner.findById(partnerId);
        if (partner == null) {
            throw ProblemException.notFound("No partner with id " + partnerId);
        }
        LocalDate start = from != null ? from : LocalDate.now().withDayOfYear(1);
        LocalDate end = to != null ? to : start.plusYears(1).minusDays(1);
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("'to' (" + end + ") is before 'from' (" + start + ")");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select v.id, v.name, coalesce(sum(u.admissions), 0), coalesce(sum(u.refusals), 0)
                          from venue v
                          left join venue_daily_usage u on u.venue_id = v.id and u.day between :from and :to
                         where v.partner_id = :partner
                         group by v.id, v.name
                         order by v.name""")
                .setParameter("partner", partnerId)
                .setParameter("from", start)
                .setParameter("to", end)
                .getResultList();
        List<VenueUsage> venues = rows.stream()
                .map(r -> new VenueUsage((UUID) r[0], (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue()))
                .toList();
        return new PartnerUsage(partnerId, partner.name, start, end,
                venues.stream().mapToLong(VenueUsage::admissions).sum(),
                venues.stream().mapToLong(VenueUsage::refusals).sum(), venues);
    }
}
