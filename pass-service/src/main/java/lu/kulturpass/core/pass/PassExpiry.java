package lu.kulturpass.core.pass;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.jboss.logging.Logger;

/**
 * Marks passes whose validity has ended as expired (by date), with their event. Hourly and at start, on every replica: a
 * pass another replica expired (or someone renewed) since the list was read is passed over, checked under its row lock.
 */
@ApplicationScoped
public class PassExpiry {

    private static final Logger LOG = Logger.getLogger(PassExpiry.class);
    static final String ACTOR = "system:expiry";

    private final PassLifecycle lifecycle;
    private final ProgrammeCalendar calendar;

    public PassExpiry(PassLifecycle lifecycle, ProgrammeCalendar calendar) {
        this.lifecycle = lifecycle;
        this.calendar = calendar;
    }

    @Scheduled(every = "1h", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        expireDue(calendar.today());
    }

    /** Expires every pass whose last valid day is before {@code today}; returns how many. */
    public int expireDue(LocalDate today) {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> Pass.<Pass>find(
                        "validUntil < ?1 and status in ?2", today, List.of(PassStatus.ACTIVE, PassStatus.SUSPENDED))
                .list().stream().map(pass -> pass.id).toList());
        int expired = 0;
        for (long passId : due) {
            try {
                lifecycle.apply(passId, Transition.EXPIRE, TransitionReason.VALIDITY_ENDED, null, ACTOR, pass -> {
                    if (!pass.validUntil.isBefore(today) || !Transition.EXPIRE.allowedFrom(pass.status)) {
                        throw new NoLongerDue();
                    }
                });
                expired++;
            } catch (NoLongerDue movedMeanwhile) {
                // expired by another replica's run, or renewed, since the list was read: nothing to do
            }
        }
        if (expired > 0) {
            LOG.infof("%d passes expired", expired);
        }
        return expired;
    }

    /** A pass on the list that is no longer due when its turn comes; its transaction writes nothing. */
    private static final class NoLongerDue extends RuntimeException {
        NoLongerDue() {
            super("no longer due", null, false, false);
        }
    }
}
