package lu.kulturpass.platform.outbox;

import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * What the outbox still holds, for operators: how many events wait to be relayed ({@code kulturpass_outbox_unsent})
 * and how long the oldest has waited ({@code kulturpass_outbox_oldest_unsent_age_seconds}; 0 when none waits). Read
 * from the database every few seconds ({@code kulturpass.outbox.backlog-check}, by default 5 s), not at each scrape;
 * the age counts on from the last reading. Every replica of a service reports its database's outbox.
 */
@Startup // its meters are at /q/metrics from the start, at 0
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    /** How many rows, and when the oldest (first in sequence: read through the primary key) was written. */
    static final String BACKLOG = "select (select count(*) from outbox_event),"
            + " (select occurred_at from outbox_event order by sequence_number limit 1)";

    private final EntityManager entityManager;
    private final ProgrammeCalendar calendar;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicReference<OffsetDateTime> oldest = new AtomicReference<>();

    public OutboxBacklog(EntityManager entityManager, ProgrammeCalendar calendar, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.calendar = calendar;
        Gauge.builder("kulturpass.outbox.unsent", unsent, AtomicLong::get)
                .description("Events in the outbox not yet acknowledged by Kafka").register(registry);
        Gauge.builder("kulturpass.outbox.oldest.unsent.age", this, OutboxBacklog::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest event still in the outbox has waited to be relayed (0: none waits)")
                .register(registry);
    }

    @Scheduled(every = "${kulturpass.outbox.backlog-check}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void read() {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement backlog = connection.prepareStatement(BACKLOG); ResultSet row = backlog.executeQuery()) {
                    row.next();
                    unsent.set(row.getLong(1));
                    oldest.set(row.getObject(2, OffsetDateTime.class));
                }
            }));
        } catch (RuntimeException unreadable) {
            // the database is away: the relay and readiness say so; the last reading stays, and the age goes on growing
            LOG.debugf("Outbox backlog not read: %s", unreadable.getMessage());
        }
    }

    private double oldestAgeSeconds() {
        OffsetDateTime since = oldest.get();
        return since == null ? 0 : Math.max(0, Duration.between(since, calendar.nowUtc()).toMillis() / 1000.0);
    }
}
