package lu.kulturpass.core.pass;

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
import java.util.List;
import lu.kulturpass.core.partner.PartnerScope;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The revocation list offline scanners sync: only what changed since the version they hold. */
@Path("/revocations")
@Produces(MediaType.APPLICATION_JSON)
public class RevocationResource {

    /** One change of standing: SUSPENDED and REVOKED refuse the pass; ACTIVE lifts a suspension. */
    public record Entry(long version, long passId, PassStatus standing, LocalDate validUntil) {
    }

    /** {@code version}: what to send as {@code since} next time. */
    public record Changes(long version, List<Entry> entries) {
    }

    private final PartnerScope scope;
    private final ProgrammeCalendar calendar;

    public RevocationResource(PartnerScope scope, ProgrammeCalendar calendar) {
        this.scope = scope;
        this.calendar = calendar;
    }

    @GET
    @RolesAllowed({Roles.BOX_OFFICE, Roles.PROGRAMME_STAFF})
    @Transactional
    @Operation(summary = "Changes to the revocation list since a version (0: the whole list), for offline scanners",
            description = "Entries of passes whose validity has ended are left out: their tokens are refused anyway.")
    public Changes since(@QueryParam("since") @DefaultValue("0") long since) {
        scope.requireKnown();
        if (since < 0) {
            throw ProblemException.badRequest(Words.of(PassWords.class).revocationSinceInvalid());
        }
        List<Entry> entries = Revocation.<Revocation>find("version > ?1 and validUntil >= ?2 order by version",
                        since, calendar.today()).list().stream()
                .map(r -> new Entry(r.version, r.passId, r.standing, r.validUntil)).toList();
        Long latest = Revocation.getEntityManager().createQuery("select max(r.version) from Revocation r", Long.class)
                .getSingleResult();
        long version = latest == null ? since : Math.max(since, latest);
        return new Changes(version, entries);
    }
}
