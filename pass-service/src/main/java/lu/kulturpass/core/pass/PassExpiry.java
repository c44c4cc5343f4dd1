package lu.kulturpass.core.pass;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.jboss.logging.Logger;

/** Marks passes whose validity has ended as expired (by date), with their event. Hourly and at start. */
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
        for (long passId : due) {
            lifecycle.apply(passId, Transition.EXPIRE, TransitionReason.VALIDITY_ENDED, null, ACTOR, pass -> { });
        }
        if (!due.isEmpty()) {
            LOG.infof("%d passes expired", due.size());
        }
        return due.size();
    }
}
