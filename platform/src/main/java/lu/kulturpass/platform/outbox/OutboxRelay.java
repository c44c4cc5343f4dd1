package lu.kulturpass.platform.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import lu.kulturpass.platform.fault.TransientFaults;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Relays outbox rows to Kafka, oldest first, as CloudEvents (binary mode: the envelope in headers,
 * the JSON data as value, the entity id as key), handed to the channel's Kafka producer. A row is deleted
 * only once the broker has acknowledged it and every row before it: at-least-once, in order per key; the
 * table holds only what is still to be sent. When the broker is down the rows wait and the next run tries
 * again. One relay at a time per database (advisory lock).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x4b50_4f55_5442_4f58L;

    /*
     * The relay's statements, in one transaction (public for the test that checks how PostgreSQL runs them). The
     * first takes the relay lock and turns sequential scans off for the rest of the transaction, so that the read
     * and the delete go through the primary key. The table holds few live rows and, under load, many dead ones
     * until vacuumed (every event is inserted, then deleted). Right after a vacuum PostgreSQL sees a tiny table
     * and plans sequential scans, which then read every dead row: in the scan benchmark the table grew to 5,800
     * pages within 10 s and was read that way about 100 times a second.
     */
    /** Takes the relay lock (true if taken), and leaves only index scans to the rest of the transaction. */
    public static final String LOCK = "select pg_try_advisory_xact_lock(?), set_config('enable_seqscan', 'off', true)";
    /** The oldest rows still to send (parameter: how many at most). */
    public static final String OLDEST = "select sequence_number, event_id, topic, event_key, event_type,"
            + " schema_version, occurred_at, data, trace_parent from outbox_event order by sequence_number limit ?";
    /** Deletes the rows Kafka took (parameter: their sequence numbers). */
    public static final String SENT = "delete from outbox_event where sequence_number = any (?)";

    /** The Kafka channel whose producer (and its configuration: acks, idempotence, timeouts) the relay uses. */
    static final String CHANNEL = "outbox-events";

    private final KafkaClientService kafka;
    private final Tracer tracer;
    private final EntityManager entityManager;
    private final String source;
    private final int batchSize;
    private final long ackTimeoutMillis;

    /**
     * @param channel not used to send, but SmallRye creates a channel's producer only for a channel something sends to;
     *                the relay hands the records to that producer itself ({@link #sendInOrder})
     */
    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> channel, KafkaClientService kafka, Tracer tracer,
                       EntityManager entityManager,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName,
                       OutboxConfig config) {
        this.gapMillis = config.gapMs();
        this.kafka = kafka;
        this.tracer = tracer;
        this.entityManager = entityManager;
        this.source = "urn:kulturpass:" + applicationName;
        this.batchSize = config.batchSize();
        this.ackTimeoutMillis = config.ackTimeoutMs();
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean runRequested = new AtomicBoolean();
    /*
     * At least this long between the starts of two runs: under load, the commits of a few milliseconds
     * are relayed by one run (one transaction, one query, one update) instead of one run each; when
     * quiet, a commit is relayed at once.
     */
    private final long gapMillis;
    private volatile long lastRunStartedAt;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Recorded recorded) {
        requestRun();
    }

    @Scheduled(every = "${kulturpass.outbox.poll-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        requestRun();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** True at most every 30 s: while the broker or database is away, the relay says so without filling the log. */
    private boolean sayWaiting() {
        long now = System.currentTimeMillis();
        if (now - lastSaidWaiting < 30_000) {
            return false;
        }
        lastSaidWaiting = now;
        return true;
    }

    private volatile long lastSaidWaiting;

    private void requestRun() {
        if (runRequested.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    long wait = lastRunStartedAt + gapMillis - System.currentTimeMillis();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait); // the commits meanwhile join this run
                        } catch (InterruptedException stopping) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    lastRunStartedAt = System.currentTimeMillis();
                    runRequested.set(false);
                    try {
                        relayPending();
                    } catch (RuntimeException failure) {
                        if (!TransientFaults.isTransient(failure)) {
                            LOG.warnf("Outbox relay run failed; the next run retries: %s", failure.getMessage());
                        } else if (sayWaiting()) {
                            // never given up: the rows stay, and every run (at least every second) tries again
                            LOG.warnf("Outbox relay waits for the database or broker (%s); it tries again every second, nothing is lost",
                                    TransientFaults.transientCause(failure));
                        }
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                runRequested.set(false);
            }
        }
    }

    void relayPending() {
        int relayed;
        do {
            relayed = QuarkusTransaction.requiringNew().timeout(60).call(this::relayBatch);
        } while (relayed == batchSize);
    }

    /** One row waiting to be relayed, as the relay reads it (plain JDBC: no entity to track). */
    record Unsent(long sequenceNumber, UUID eventId, String topic, String key, String type, int schemaVersion,
                  OffsetDateTime occurredAt, String data, String traceParent) {
    }

    /** Sends one batch and deletes what the broker took; returns how many rows that was. */
    int relayBatch() {
        Session session = entityManager.unwrap(Session.class);
        List<Unsent> pending = session.doReturningWork(this::lockAndRead);
        if (pending.isEmpty()) {
            return 0;
        }
        // sent with the transaction suspended: the acknowledgements arrive on Kafka's threads, which must not
        // join this transaction (its commit would then find other threads active in it and fail)
        int acknowledged = QuarkusTransaction.suspendingExisting().call(() -> sendInOrder(pending));
        if (acknowledged > 0) {
            Long[] sent = pending.subList(0, acknowledged).stream().map(Unsent::sequenceNumber).toArray(Long[]::new);
            // one statement for the batch; Kafka holds the events now, the outbox only what is still to send
            session.doWork(connection -> {
                try (PreparedStatement taken = connection.prepareStatement(SENT)) {
                    taken.setArray(1, connection.createArrayOf("bigint", sent));
                    taken.executeUpdate();
                }
            });
        }
        return acknowledged;
    }

    /** The oldest rows, if this relay holds the database's relay lock; none otherwise. */
    private List<Unsent> lockAndRead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet locked = lock.executeQuery()) {
                if (!locked.next() || !locked.getBoolean(1)) {
                    return List.of();
                }
            }
        }
        List<Unsent> pending = new ArrayList<>();
        try (PreparedStatement next = connection.prepareStatement(OLDEST)) {
            next.setInt(1, batchSize);
            try (ResultSet row = next.executeQuery()) {
                while (row.next()) {
                    pending.add(new Unsent(row.getLong(1), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                            row.getString(5), row.getInt(6), row.getObject(7, OffsetDateTime.class), row.getString(8),
                            row.getString(9)));
                }
            }
        }
        return pending;
    }

    /**
     * The span of an event's sending, in the trace the event was written in (none for an event written outside any
     * trace, or while tracing is off: an invalid span, which records nothing).
     */
    private Span publishSpan(Unsent event) {
        if (event.traceParent() == null) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(event.topic() + " publish")
                .setParent(EventTrace.context(event.traceParent()))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.eventId().toString())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
    }

    /** The consumer continues the sending's span; or, when this replica does not trace, the span the event was written in. */
    private static String traceParent(Unsent event, Span publish) {
        return publish.getSpanContext().isValid() ? EventTrace.of(Context.root().with(publish)) : event.traceParent();
    }

    /** Sends the events in order and waits for the broker's acknowledgements; returns how many, from the first, it took. */
    private int sendInOrder(List<Unsent> pending) {
        Producer<String, String> producer = kafka.<String, String>getProducer(CHANNEL).unwrap();
        List<CompletableFuture<Void>> acks = new ArrayList<>(pending.size());
        for (Unsent event : pending) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            Span publish = publishSpan(event);
            try {
                producer.send(CloudEventRecord.of(event, source, traceParent(event, publish)), (written, failure) -> {
                    if (failure == null) {
                        ack.complete(null);
                    } else {
                        publish.setStatus(StatusCode.ERROR, failure.getMessage());
                        ack.completeExceptionally(failure);
                    }
                    publish.end();
                });
            } catch (RuntimeException failure) { // the producer is closing
                publish.setStatus(StatusCode.ERROR, failure.getMessage());
                publish.end();
                ack.completeExceptionally(failure);
            }
            acks.add(ack);
            if (ack.isCompletedExceptionally()) {
                // refused at once (the producer calls back before send returns when the topic's metadata did not come
                // within max.block.ms): sending the rows after it could put them on the broker before it, out of order;
                // the next run sends them all again, this one first
                break;
            }
        }
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
            } catch (Exception failure) {
                Unsent event = pending.get(i);
                boolean brokerAway = TransientFaults.isTransient(failure) || failure instanceof java.util.concurrent.TimeoutException;
                if (!brokerAway || sayWaiting()) {
                    LOG.warnf("Kafka did not take event %s (%s on %s); it stays in the outbox%s: %s", event.eventId(), event.type(),
                            event.topic(), brokerAway ? " and is sent again when the broker answers" : "", failure.getMessage());
                }
                return i;
            }
        }
        return acks.size();
    }
}
