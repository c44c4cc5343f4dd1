package lu.kulturpass.core.account;

import lu.kulturpass.core.statistics.StatisticsWords;
import lu.kulturpass.core.partner.PartnerWords;
import lu.kulturpass.platform.account.AccountsWords;
import lu.kulturpass.platform.words.Words;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.account.AccountPartners;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Who changed which staff account, and when: every invitation, disabling and enabling made in any service. Programme
 * staff read every partner's (or one's); a venue manager and an agency's lead worker read their own partner's.
 */
@Path("/accounts/changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROGRAMME_STAFF, Roles.VENUE_MANAGER, Roles.AGENCY_LEAD})
public class AccountChangesResource {

    private static final int LIMIT = 1000;

    /** One change: the account, what was done, its role and partner, who did it (user id and name, the role they acted as), when. */
    public record Change(UUID eventId, String accountId, String username, String action, String role, String partnerId,
                         String actorId, String actorUsername, String actorRole, OffsetDateTime at) {
    }

    private final Caller caller;
    private final AccountPartners partners;
    private final EntityManager entityManager;
    private final ProgrammeCalendar calendar;

    public AccountChangesResource(Caller caller, AccountPartners partners, EntityManager entityManager,
                                  ProgrammeCalendar calendar) {
        this.caller = caller;
        this.partners = partners;
        this.entityManager = entityManager;
        this.calendar = calendar;
    }

    @GET
    @Transactional
    @Operation(summary = "Changes of staff accounts (newest first, at most 1000), of one partner or all; from and to are days, both included")
    public List<Change> changes(@QueryParam("partnerId") String partnerId, @QueryParam("from") LocalDate from,
                                @QueryParam("to") LocalDate to) {
        String partner = partnerId == null || partnerId.isBlank() ? null : partnerId.strip();
        if (!caller.hasRole(Roles.PROGRAMME_STAFF)) {
            String own = caller.partnerId();
            String role = caller.hasRole(Roles.VENUE_MANAGER) ? Roles.VENUE_MANAGER : Roles.AGENCY_STAFF;
            if (!partners.holds(role, own) || (Roles.AGENCY_STAFF.equals(role) && !caller.hasRole(Roles.AGENCY_STAFF))) {
                throw ProblemException.forbidden(Words.of(AccountsWords.class).accountOrganisationUnknown());
            }
            if (partner != null && !partner.equals(own)) {
                throw ProblemException.forbidden(Words.of(PartnerWords.class).ownAccountChangesOnly());
            }
            partner = own;
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest(Words.of(StatisticsWords.class).periodEndsBeforeStart());
        }
        OffsetDateTime since = from == null ? null : calendar.startOf(from);
        OffsetDateTime until = to == null ? null : calendar.startOf(to.plusDays(1));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select event_id, account_id, username, action, role, partner_id, actor_id, actor_username, actor_role, changed_at
                          from account_change
                         where (cast(?1 as varchar) is null or partner_id = ?1)
                           and (cast(?2 as timestamptz) is null or changed_at >= ?2)
                           and (cast(?3 as timestamptz) is null or changed_at < ?3)
                         order by changed_at desc, event_id""")
                .setMaxResults(LIMIT).setParameter(1, partner).setParameter(2, since).setParameter(3, until).getResultList();
        return rows.stream().map(r -> new Change((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], (String) r[8], at(r[9]))).toList();
    }

    private static OffsetDateTime at(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
