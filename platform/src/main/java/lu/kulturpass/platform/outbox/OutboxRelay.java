package lu.kulturpass.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Relays outbox rows to Kafka, oldest first, as CloudEvents (binary mode: the envelope in headers,
 * the JSON data as value, the entity id as key). A row is marked published only once the broker has
 * acknowledged it and every row before it: at-least-once, in order per key. When the broker is down
 * the rows wait and the next run tries again. One relay at a time per database (advisory lock).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x4b50_4f55_5442_4f58L;

    private final MutinyEmitter<String> emitter;
    private final EntityManager entityManager;
    private final URI source;
    private final int batchSize;
    private final long ackTimeoutMillis;

    public OutboxRelay(@Channel("outbox-events") MutinyEmitter<String> emitter, EntityManager entityManager,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName,
                       @ConfigProperty(name = "kulturpass.outbox.batch-size", defaultValue = "200") int batchSize,
                       @ConfigProperty(name = "kulturpass.outbox.ack-timeout-ms", defaultValue = "10000") long ackTimeoutMillis) {
        this.emitter = emitter;
        this.entityManager = entityManager;
        this.source = URI.create("urn:kulturpass:" + applicationName);
        this.batchSize = batchSize;
        this.ackTimeoutMillis = ackTimeoutMillis;
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean runRequested = new AtomicBoolean();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Recorded recorded) {
        requestRun();
    }

    @Scheduled(every = "${kulturpass.outbox.poll-interval:1s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        requestRun();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void requestRun() {
        if (runRequested.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    runRequested.set(false);
                    try {
                        relayPending();
                    } catch (RuntimeException failure) {
                        LOG.warnf("Outbox relay run failed; the next run retries: %s", failure.getMessage());
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

    /** Sends one batch; returns how many rows it marked published. */
    int relayBatch() {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> pending = OutboxEvent.nextUnpublished(batchSize);
        if (pending.isEmpty()) {
            return 0;
        }
        List<Message<String>> messages = pending.stream().map(this::toMessage).toList();
        // sent with the transaction suspended: the acknowledgements arrive on Kafka's threads, which must not
        // join this transaction (its commit would then find other threads active in it and fail)
        int acknowledged = QuarkusTransaction.suspendingExisting().call(() -> sendInOrder(pending, messages));
        if (acknowledged > 0) {
            // one statement for the batch, not one update per row
            OutboxEvent.update("publishedAt = ?1 where sequenceNumber in ?2", OffsetDateTime.now(ZoneOffset.UTC),
                    pending.subList(0, acknowledged).stream().map(event -> event.sequenceNumber).toList());
        }
        return acknowledged;
    }

    /** Sends the messages and waits for their acknowledgements; returns how many, from the first, the broker took. */
    private int sendInOrder(List<OutboxEvent> pending, List<Message<String>> messages) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(messages.size());
        for (Message<String> message : messages) {
            acks.add(emitter.sendMessage(message).subscribeAsCompletionStage());
        }
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
            } catch (Exception failure) {
                OutboxEvent event = pending.get(i);
                LOG.warnf("Kafka did not take event %s (%s on %s); it stays in the outbox: %s",
                        event.eventId, event.type, event.topic, failure.getMessage());
                return i;
            }
        }
        return acks.size();
    }

    private Message<String> toMessage(OutboxEvent event) {
        OutgoingCloudEventMetadata<Object> envelope = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId.toString())
                .withType(event.type)
                .withSource(source)
                .withSubject(event.key)
                .withTimestamp(event.occurredAt.toZonedDateTime())
                .withDataContentType("application/json")
                .withExtension("schemaversion", event.schemaVersion)
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.key)
                .build();
        return Message.of(event.data).addMetadata(envelope).addMetadata(record);
    }
}
