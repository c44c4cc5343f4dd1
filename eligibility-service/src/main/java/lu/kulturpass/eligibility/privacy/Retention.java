package lu.kulturpass.eligibility.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.jboss.logging.Logger;

/**
 * Keeps personal data only as long as configured: the members of an enrolment that ended (rejected or
 * expired, and not renewed) more than {@code kulturpass.privacy.retention} ago are anonymised, and view
 * log entries older than that are deleted. Runs on a schedule.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final Anonymiser anonymiser;
    private final Period retention;
    private final ProgrammeCalendar calendar;

    public Retention(Anonymiser anonymiser, RetentionConfig config,
                     ProgrammeCalendar calendar) {
        this.anonymiser = anonymiser;
        this.retention = config.retention();
        this.calendar = calendar;
    }

    @Scheduled(every = "${kulturpass.privacy.retention-check}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int anonymised = apply(calendar.nowUtc());
        if (anonymised > 0) {
            LOG.infof("retention: %d people anonymised", anonymised);
        }
    }

    /** Anonymises what is past retention on {@code now}; returns how many people. */
    public int apply(OffsetDateTime now) {
        OffsetDateTime limit = now.minus(retention);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Beneficiary.<Beneficiary>find(
                "erasedAt is null and enrolmentId in (select e.id from Enrolment e where e.endedAt is not null and e.endedAt < ?1 "
                        + "and e.status in ('REJECTED', 'EXPIRED'))", limit).stream().map(b -> b.id).toList());
        for (int i = 0; i < due.size(); i += 500) {
            List<UUID> chunk = due.subList(i, Math.min(due.size(), i + 500));
            QuarkusTransaction.requiringNew().run(() -> chunk.forEach(id -> anonymiser.anonymise(Beneficiary.findById(id))));
        }
        QuarkusTransaction.requiringNew().run(() -> ViewLog.delete("viewedAt < ?1", limit));
        return due.size();
    }
}
