package lu.kulturpass.venue.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.Period;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.jboss.logging.Logger;

/**
 * Keeps what venue-service holds about a pass's scans only as long as configured
 * ({@code kulturpass.privacy.scan-retention}, default 3 years): a scan older than that whose pass ended longer ago than
 * that too (its validity is over, or it was revoked, replaced or expired, as the pass events said), or whose pass is
 * unknown, loses its token (the holder check), who scanned it and on which device, and who undid it and why. What the
 * figures are made of stays: outcome, reason, pass id, category, places, price, performance and times. Runs on a
 * schedule; a pseudonymised scan is not touched again.
 */
@ApplicationScoped
public class ScanRetention {

    private static final Logger LOG = Logger.getLogger(ScanRetention.class);

    private final EntityManager db;
    private final Period retention;
    private final ProgrammeCalendar calendar;

    public ScanRetention(EntityManager db, ProgrammeCalendar calendar,
                         ScanRetentionConfig config) {
        this.calendar = calendar;
        this.db = db;
        this.retention = config.scanRetention();
    }

    @Scheduled(every = "${kulturpass.privacy.retention-check}", delayed = "40s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int pseudonymised = apply(calendar.nowUtc());
        if (pseudonymised > 0) {
            LOG.infof("retention: %d scans of ended passes pseudonymised", pseudonymised);
        }
    }

    /** Applies the rule as on {@code now}; returns how many scans were pseudonymised. */
    public int apply(OffsetDateTime now) {
        OffsetDateTime limit = now.minus(retention);
        return QuarkusTransaction.requiringNew().call(() -> db.createNativeQuery("""
                update admission a
                   set token = null, scanned_by = null, device = null, door_device_id = null,
                       undone_by = null, undone_on_device = null, undo_reason = null
                 where a.scanned_at < ?1
                   and (a.token is not null or a.scanned_by is not null or a.device is not null or a.door_device_id is not null
                        or a.undone_by is not null or a.undone_on_device is not null or a.undo_reason is not null)
                   and not exists (select 1 from pass_standing s
                                    where s.pass_id = a.pass_id
                                      and (s.valid_until is null or s.valid_until >= cast(?1 as date))
                                      and (s.status = 'ACTIVE' or s.status = 'SUSPENDED' or s.changed_at >= ?1))""")
                .setParameter(1, limit).executeUpdate());
    }
}
