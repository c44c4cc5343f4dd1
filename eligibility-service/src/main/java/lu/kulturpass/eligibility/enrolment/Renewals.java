package lu.kulturpass.eligibility.enrolment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.eligibility.issuing.PassIssuing;
import lu.kulturpass.eligibility.words.AgencyWords;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;
import org.jboss.logging.Logger;

/**
 * Renewal (the evidence checked again; each member's pass renewed in pass-service with a new validity),
 * the list of who is due, and expiry by date.
 */
@ApplicationScoped
public class Renewals {

    private static final Logger LOG = Logger.getLogger(Renewals.class);

    private final PassIssuing passIssuing;
    private final Duplicates duplicates;
    private final EnrolmentEvents events;
    private final EnrolmentRules rules;
    private final ProgrammeCalendar calendar;

    public Renewals(PassIssuing passIssuing, Duplicates duplicates, EnrolmentEvents events, EnrolmentRules rules,
                    ProgrammeCalendar calendar) {
        this.passIssuing = passIssuing;
        this.duplicates = duplicates;
        this.events = events;
        this.rules = rules;
        this.calendar = calendar;
    }

    public Enrolment renew(String agencyId, UUID id, RenewalRequest request, String userId) {
        LocalDate today = calendar.today();
        EvidenceCheck.require(request.criterion(), request.evidence(), today);
        List<Long> passIds = QuarkusTransaction.requiringNew().call(() -> {
            Enrolment enrolment = Enrolment.lockedOfAgency(agencyId, id);
            if (!enrolment.status.renewable()) {
                throw ProblemException.conflict(Words.of(RefusalWords.class).cannotRenew(
                        Words.of(AgencyWords.class).enrolmentStatus(enrolment.status), enrolment.status.allowedMovesInWords()));
            }
            List<Beneficiary> withPass = Beneficiary.members(id).stream().filter(m -> m.passId != null && m.erasedAt == null).toList();
            return duplicates.claim(withPass).stream().map(m -> m.passId).toList();
        });
        if (passIds.isEmpty()) {
            throw ProblemException.conflict(Words.of(RefusalWords.class).noMemberRenewable());
        }
        for (Long passId : passIds) {
            passIssuing.move(passId, "RENEW", "RENEWAL");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Enrolment enrolment = Enrolment.lockedOfAgency(agencyId, id);
            enrolment.status = EnrolmentStatus.APPROVED;
            enrolment.validFrom = today;
            enrolment.validUntil = today.plus(rules.validity()).minusDays(1);
            enrolment.endedAt = null;
            EvidenceCheck.record(enrolment, EnrolmentStatus.APPROVED, request.criterion(), request.evidence(),
                    List.of(ReasonCode.RENEWAL, ReasonCode.CRITERION_MET), true, userId, calendar.nowUtc());
            for (Beneficiary member : Beneficiary.members(id)) {
                if (member.passId != null && passIds.contains(member.passId)) {
                    events.announce("renewed", enrolment, member);
                }
            }
            return enrolment;
        });
    }

    /** Approved enrolments ending within the notice period, and expired ones, soonest first. */
    public List<Enrolment> due(String agencyId) {
        LocalDate horizon = calendar.today().plus(rules.renewalNotice());
        return QuarkusTransaction.joiningExisting().call(() -> Enrolment.<Enrolment>list(
                "agencyId = ?1 and erasedAt is null and ((status = ?2 and validUntil <= ?3) or status = ?4) order by validUntil",
                agencyId, EnrolmentStatus.APPROVED, horizon, EnrolmentStatus.EXPIRED));
    }

    public boolean isDue(Enrolment enrolment) {
        return enrolment.status == EnrolmentStatus.EXPIRED || (enrolment.status == EnrolmentStatus.APPROVED
                && enrolment.validUntil != null && !enrolment.validUntil.isAfter(calendar.today().plus(rules.renewalNotice())));
    }

    @Scheduled(every = "${kulturpass.enrolment.expiry-check}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireScheduled() {
        int expired = expire(calendar.today());
        if (expired > 0) {
            LOG.infof("%d enrolments expired", expired);
        }
    }

    /** Moves approved enrolments whose validity ended before {@code today} to EXPIRED; their members' pass claims end. */
    public int expire(LocalDate today) {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> Enrolment.<Enrolment>list(
                "status = ?1 and validUntil < ?2", EnrolmentStatus.APPROVED, today).stream().map(e -> e.id).toList());
        for (UUID id : ids) {
            QuarkusTransaction.requiringNew().run(() -> {
                Enrolment enrolment = Enrolment.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (enrolment.status != EnrolmentStatus.APPROVED || !enrolment.validUntil.isBefore(today)) {
                    return;
                }
                enrolment.moveTo(EnrolmentStatus.EXPIRED);
                enrolment.endedAt = calendar.nowUtc();
                duplicates.release(Beneficiary.members(id));
                events.announceAll("expired", enrolment);
            });
        }
        return ids.size();
    }
}
