package lu.kulturpass.core.audit;

import lu.kulturpass.core.statistics.StatisticsWords;
import lu.kulturpass.platform.words.Words;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.core.statistics.Figures;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The short list that needs programme staff's eye. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROGRAMME_STAFF)
public class AuditResource {

    public record ExpiringAgreement(UUID agreementId, UUID partnerId, String partner, String status, LocalDate validUntil,
                                    long daysLeft, boolean renewalDrafted) {
    }

    public record InactivePartner(UUID partnerId, String name, String kind, LocalDate lastActivity) {
    }

    public record AdmissionOutsideAgreement(String admissionId, String eventId, UUID venueId, UUID partnerId, Long passId,
                                            LocalDate day, UUID agreementId, String why) {
    }

    private final Figures figures;
    private final Anomalies anomalies;
    private final ProgrammeCalendar calendar;

    public AuditResource(Figures figures, Anomalies anomalies,
                         ProgrammeCalendar calendar) {
        this.figures = figures;
        this.anomalies = anomalies;
        this.calendar = calendar;
    }

    @GET
    @Path("/expiring-agreements")
    @Transactional
    @Operation(summary = "Agreements in force that end within the coming days (default 60)")
    public List<ExpiringAgreement> expiring(@QueryParam("within") @DefaultValue("60") int within) {
        requireDays(within);
        LocalDate today = calendar.today();
        return figures.rows("""
                select a.id, p.id, p.name, a.status, a.valid_until,
                       exists (select 1 from agreement s where s.renewed_from = a.id and s.status <> 'TERMINATED')
                  from agreement a join partner p on p.id = a.partner_id
                 where a.status in ('ACTIVE', 'SUSPENDED') and a.valid_until between ?1 and ?2
                 order by a.valid_until, p.name""", today, today.plusDays(within)).stream()
                .map(r -> new ExpiringAgreement((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], Anomalies.day(r[4]),
                        ChronoUnit.DAYS.between(today, Anomalies.day(r[4])), (Boolean) r[5]))
                .toList();
    }

    @GET
    @Path("/inactive-partners")
    @Transactional
    @Operation(summary = "Partners with no activity (admissions, or passes and enrolments) for the last days (default 90)")
    public List<InactivePartner> inactive(@QueryParam("days") @DefaultValue("90") int days) {
        requireDays(days);
        LocalDate since = calendar.today().minusDays(days);
        return figures.rows("""
                select p.id, p.name, p.kind, activity.last
                  from partner p
                  cross join lateral (select case when p.kind = 'CULTURAL' then
                        (select max(u.day) from venue_daily_usage u join venue v on v.id = u.venue_id where v.partner_id = p.id and u.admissions > 0)
                      else greatest((select max(s.issued_on) from stats_pass s where s.agency_id = cast(p.id as varchar)),
                                    (select max(e.enrolled_on) from stats_enrolment e where e.agency_id = cast(p.id as varchar)))
                      end as last) activity
                 where coalesce(activity.last, cast(p.created_at as date)) < ?1
                 order by activity.last nulls first, p.name""", since).stream()
                .map(r -> new InactivePartner((UUID) r[0], (String) r[1], (String) r[2], r[3] == null ? null : Anomalies.day(r[3])))
                .toList();
    }

    @GET
    @Path("/admissions-outside-agreements")
    @Transactional
    @Operation(summary = "Admissions without an agreement in force at that moment (default: the last 90 days)")
    public List<AdmissionOutsideAgreement> outsideAgreements(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate end = to != null ? to : calendar.today();
        LocalDate start = from != null ? from : end.minusDays(90);
        requirePeriod(start, end);
        return figures.rows("""
                select * from (
                  select cast(f.admission_id as varchar), f.event_id, f.venue_id, v.partner_id, f.pass_id, f.day, f.agreement_id,
                         case when a.id is null then 'no agreement'
                              when f.day < a.valid_from then 'before the agreement started'
                              when f.day > a.valid_until then 'after the agreement ended'
                              when (select cast(c.after_state as json) ->> 'status' from partner_change c
                                     where c.agreement_id = a.id and c.at <= f.scanned_at order by c.id desc limit 1) <> 'ACTIVE'
                                   then 'while the agreement was not active'
                         end as why, f.scanned_at
                    from admission_fact f
                    join venue v on v.id = f.venue_id
                    left join agreement a on a.id = f.agreement_id
                   where f.outcome = 'ADMITTED' and f.day between ?1 and ?2) found
                 where why is not null order by scanned_at""", start, end).stream()
                .map(r -> new AdmissionOutsideAgreement((String) r[0], (String) r[1], (UUID) r[2], (UUID) r[3],
                        r[4] == null ? null : ((Number) r[4]).longValue(), Anomalies.day(r[5]), (UUID) r[6], (String) r[7]))
                .toList();
    }

    @GET
    @Path("/anomalies")
    @Transactional
    @Operation(summary = "The same pass at two venues too far apart in too little time; spikes of refusals; performances with "
            + "more Kulturpass places used than offered (default: the last 90 days)")
    public List<Anomalies.Finding> anomalies(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate end = to != null ? to : calendar.today();
        LocalDate start = from != null ? from : end.minusDays(90);
        requirePeriod(start, end);
        return anomalies.between(start, end);
    }

    private static void requireDays(int days) {
        if (days < 1 || days > 3650) {
            throw ProblemException.badRequest(Words.of(StatisticsWords.class).daysRange());
        }
    }

    private static void requirePeriod(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw ProblemException.badRequest(Words.of(StatisticsWords.class).periodBackwards(end.toString(), start.toString()));
        }
    }
}
