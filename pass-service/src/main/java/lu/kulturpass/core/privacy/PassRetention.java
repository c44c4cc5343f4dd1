package lu.kulturpass.core.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import lu.kulturpass.core.pass.Pass;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.jboss.logging.Logger;

/**
 * Keeps what pass-service holds about a pass only as long as configured ({@code kulturpass.privacy.pass-retention},
 * default 3 years): once a pass ended (its validity is over, or it was revoked or replaced) longer ago than that, its
 * token goes, and with it the holder check ({@link HolderCheckRemoval}, which also tells venue-service), its mobile
 * card link, and the free-text notes of its transitions. The pass row (id, number, category, validity, standing),
 * its transitions' codes and every figure of the statistics stay. Runs on a schedule; each pass once.
 */
@ApplicationScoped
public class PassRetention {

    private static final Logger LOG = Logger.getLogger(PassRetention.class);
    private static final int CHUNK = 500;

    private final HolderCheckRemoval removal;
    private final EntityManager db;
    private final Period retention;
    private final ProgrammeCalendar calendar;

    public PassRetention(HolderCheckRemoval removal, EntityManager db, ProgrammeCalendar calendar,
                         PassRetentionConfig config) {
        this.calendar = calendar;
        this.removal = removal;
        this.db = db;
        this.retention = config.passRetention();
    }

    @Scheduled(every = "${kulturpass.privacy.retention-check}", delayed = "40s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int removed = apply(calendar.nowUtc());
        if (removed > 0) {
            LOG.infof("retention: %d ended passes lost their token", removed);
        }
    }

    /** Applies the rule as on {@code now}; returns how many passes lost their token. */
    public int apply(OffsetDateTime now) {
        OffsetDateTime limit = now.minus(retention);
        @SuppressWarnings("unchecked")
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> ((List<Number>) db.createNativeQuery("""
                select p.id from pass p
                 where p.token is not null and p.valid_until < cast(?1 as date)
                   and p.status in ('EXPIRED', 'ACTIVE', 'SUSPENDED')
                union
                select p.id from pass p
                 where p.token is not null and p.status in ('REVOKED', 'REPLACED')
                   and (p.valid_until < cast(?1 as date)
                        or (select max(t.at) from pass_transition t where t.pass_id = p.id) < ?2)
                order by 1""").setParameter(1, limit.toLocalDate()).setParameter(2, limit).getResultList())
                .stream().map(Number::longValue).toList());
        for (int i = 0; i < due.size(); i += CHUNK) {
            List<Long> chunk = due.subList(i, Math.min(due.size(), i + CHUNK));
            QuarkusTransaction.requiringNew().run(() -> {
                for (Pass pass : Pass.<Pass>list("id in ?1", chunk)) {
                    removal.remove(pass, Pass.RETENTION, now);
                }
                db.createNativeQuery("update pass_transition set note = null where pass_id in (?1) and note is not null")
                        .setParameter(1, chunk).executeUpdate();
            });
        }
        return due.size();
    }
}
