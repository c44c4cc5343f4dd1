package lu.kulturpass.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import lu.kulturpass.platform.fault.TransientFaults;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Applies each event at most once per consumer: the event id is recorded in the same transaction as
 * its effect, so a redelivery (a restart, a rebalance, a replay) is recognised and skipped.
 * <p>
 * A fault of the infrastructure ({@link TransientFaults}: the database unreachable, a connection reset, no pooled
 * connection in time, a serialization failure, a deadlock) is not the event's fault: the inbox waits and tries the
 * same events again, in order, with a backoff (200 ms doubling to 10 s by default:
 * {@code kulturpass.inbox.retry.initial-delay}, {@code .max-delay}), without acknowledging them and without going
 * on to the next ones, for as long as it lasts. Only an event that still fails when the database answers, tried
 * alone once more, is poison: it is nacked, and the channel's failure strategy ({@code dead-letter-queue}) sends
 * it to the dead-letter topic with the failure in its headers; the events around it are applied.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /** Events sent to the dead-letter topic, per consumer: {@code kulturpass_inbox_dead_letters_total} at /q/metrics. */
    static final String DEAD_LETTERS = "kulturpass.inbox.dead.letters";
    private final EntityManager entityManager;
    private final ObjectMapper json;

    @Inject
    Patience patience;

    @Inject
    MeterRegistry registry;

    /** Every feed's dead-letter count from 0, so that the first dead letter is an increase an alert sees. */
    void countDeadLettersFromZero(@Observes StartupEvent started, @Any Instance<InboxFeed> feeds) {
        feeds.forEach(feed -> registry.counter(DEAD_LETTERS, "consumer", feed.consumer()));
    }

    /** Counts an event sent to the dead-letter topic, per consumer ({@code kulturpass_inbox_dead_letters_total}). */
    private void deadLettered(String consumer) {
        registry.counter(DEAD_LETTERS, "consumer", consumer).increment();
    }

    public Inbox(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Runs {@code effect} for a first delivery, in one transaction with the record of the event id,
     * then acknowledges the message. While the infrastructure is away the same event is tried again
     * (see the class comment); an event that cannot be read, or fails again with the database
     * answering, is nacked (the channel's failure strategy sends it to the dead-letter topic).
     */
    public CompletionStage<Void> apply(String consumer, Message<String> message, Consumer<IncomingEvent> effect) {
        IncomingEvent event;
        try {
            event = IncomingEvent.read(message, json);
        } catch (RuntimeException unreadable) {
            LOG.errorf("%s could not read an event, sent to the dead-letter topic: %s", consumer, unreadable.getMessage());
            deadLettered(consumer);
            return message.nack(unreadable);
        }
        try {
            RuntimeException poison = patience.untilApplied(consumer, "event " + event.id(), true,
                    () -> QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, event, effect)));
            if (poison == null) {
                return message.ack();
            }
            LOG.errorf("%s could not apply event %s (%s), sent to the dead-letter topic: %s", consumer, event.id(), event.type(),
                    poison.getMessage());
            deadLettered(consumer);
            return message.nack(poison);
        } catch (Patience.Stopping stopping) {
            return new CompletableFuture<>(); // neither acked nor nacked: not committed, delivered again after the restart
        }
    }

    /**
     * Applies a whole poll of events in ONE transaction, then acknowledges the batch: one commit per
     * poll instead of one per event, which keeps a busy feed's delay short. The poll's event ids are
     * recorded in one statement, and {@code together} receives, in order, the events seen for the
     * first time (each once). While the infrastructure is away the whole poll is tried again (see the
     * class comment). If the batch fails otherwise, nothing of it stays and each event is tried again
     * alone with {@code each}, so one bad event cannot hold back the others; an event that is poison
     * (unreadable, or failing again alone with the database answering) is nacked by itself, so the
     * channel's failure strategy sends it, and only it, to the dead-letter topic; then the batch is acknowledged.
     */
    public CompletionStage<Void> applyAll(String consumer, KafkaRecordBatch<String, String> batch,
                                          Consumer<List<IncomingEvent>> together, Consumer<IncomingEvent> each) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (records.isEmpty()) {
            return batch.ack();
        }
        try {
            RuntimeException batchFailure = patience.untilApplied(consumer, "a batch of " + records.size() + " events", false,
                    () -> QuarkusTransaction.requiringNew().run(() ->
                            together.accept(firstDeliveries(consumer, records.stream().map(r -> IncomingEvent.read(r, json)).toList()))));
            if (batchFailure == null) {
                return batch.ack();
            }
            LOG.warnf("%s: a batch of %d events failed (%s); applying them one by one", consumer, records.size(),
                    batchFailure.getMessage());
            List<CompletionStage<Void>> deadLettered = new ArrayList<>();
            for (KafkaRecord<String, String> record : records) {
                RuntimeException poison;
                try {
                    IncomingEvent event = IncomingEvent.read(record, json);
                    poison = patience.untilApplied(consumer, "event " + event.id(), true,
                            () -> QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, event, each)));
                } catch (IncomingEvent.UnreadableEventException unreadable) {
                    poison = unreadable;
                }
                if (poison != null) {
                    LOG.errorf("%s could not apply the event at %s, sent to the dead-letter topic: %s", consumer, describe(record),
                            poison.getMessage());
                    deadLettered(consumer);
                    deadLettered.add(record.nack(poison));
                }
            }
            // the dead letters are written (and acknowledged) before the batch's offsets are
            return CompletableFuture.allOf(deadLettered.stream().map(CompletionStage::toCompletableFuture)
                    .toArray(CompletableFuture[]::new)).thenCompose(written -> batch.ack());
        } catch (Patience.Stopping stopping) {
            return new CompletableFuture<>(); // neither acked nor nacked: not committed, delivered again after the restart
        }
    }

    /** {@link #applyAll(String, KafkaRecordBatch, Consumer, Consumer)} for a feed whose events apply one by one. */
    public CompletionStage<Void> applyAll(String consumer, KafkaRecordBatch<String, String> batch, Consumer<IncomingEvent> each) {
        return applyAll(consumer, batch, events -> events.forEach(each), each);
    }

    /**
     * Applies records read outside the live channel (a replay) exactly as deliveries would be: once per
     * consumer, in one transaction with the record of their ids. A record that cannot be read or applied
     * is skipped and logged, as the live feed sends it to its dead-letter topic; returns how many. A fault
     * of the infrastructure is not skipped: it is thrown (what was applied stays applied; replaying again is safe).
     */
    public int replay(String consumer, List<ConsumerRecord<String, String>> records, Consumer<List<IncomingEvent>> together,
                      Consumer<IncomingEvent> each) {
        if (records.isEmpty()) {
            return 0;
        }
        try {
            QuarkusTransaction.requiringNew().run(() ->
                    together.accept(firstDeliveries(consumer, records.stream().map(record -> IncomingEvent.read(record, json)).toList())));
            return 0;
        } catch (RuntimeException batchFailure) {
            if (TransientFaults.isTransient(batchFailure)) {
                throw batchFailure;
            }
            LOG.warnf("%s: a batch of %d events failed (%s); applying them one by one", consumer, records.size(),
                    batchFailure.getMessage());
        }
        int skipped = 0;
        for (ConsumerRecord<String, String> record : records) {
            if (replayOne(consumer, record, each) instanceof Replayed.Failed) {
                skipped++;
            }
        }
        return skipped;
    }

    /** What became of a replayed record. */
    public sealed interface Replayed {
        /** Applied now, for the first time. */
        record Applied(String eventId) implements Replayed {
        }

        /** Applied before (its id was recorded): nothing changed. */
        record AlreadyApplied(String eventId) implements Replayed {
        }

        /** Could not be read or applied (it stays where it is); {@code eventId} is null when unreadable. */
        record Failed(String eventId, String where, String reason) implements Replayed {
        }
    }

    /**
     * Applies one record read outside the live channel (a dead letter, a topic read again) alone, in one transaction
     * with the record of its id, and says what became of it. A fault of the infrastructure is thrown, not reported
     * as the record's failure: the caller stops and answers that the database is away; replaying again is safe.
     */
    public Replayed replayOne(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> each) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        IncomingEvent event;
        try {
            event = IncomingEvent.read(record, json);
        } catch (RuntimeException unreadable) {
            LOG.errorf("%s could not read the event at %s: %s", consumer, where, unreadable.getMessage());
            return new Replayed.Failed(null, where, unreadable.getMessage());
        }
        try {
            boolean first = QuarkusTransaction.requiringNew().call(() -> {
                if (!firstDelivery(consumer, event.id())) {
                    return false;
                }
                each.accept(event);
                return true;
            });
            return first ? new Replayed.Applied(event.id()) : new Replayed.AlreadyApplied(event.id());
        } catch (RuntimeException failure) {
            if (TransientFaults.isTransient(failure)) {
                throw failure;
            }
            LOG.errorf("%s could not apply the event at %s: %s", consumer, where, failure.getMessage());
            return new Replayed.Failed(event.id(), where, failure.getMessage());
        }
    }

    /** Records the events' ids in one statement; returns, in order, the events whose id was new (each once). */
    private List<IncomingEvent> firstDeliveries(String consumer, List<IncomingEvent> events) {
        String[] ids = events.stream().map(IncomingEvent::id).distinct().toArray(String[]::new);
        Set<String> recorded = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into processed_event (consumer, event_id, processed_at) select ?, id, now() from unnest(?) id "
                            + "on conflict do nothing returning event_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", ids));
                Set<String> inserted = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
                return inserted;
            }
        });
        if (recorded.size() < ids.length) {
            LOG.debugf("%s: %d of %d events already applied, skipped", consumer, ids.length - recorded.size(), ids.length);
        }
        return events.stream().filter(event -> recorded.remove(event.id())).toList();
    }

    private static String describe(Message<String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getTopic() + "-" + kafka.getPartition() + "@" + kafka.getOffset()).orElse("?");
    }

    private void applyOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        if (firstDelivery(consumer, event.id())) {
            effect.accept(event);
        } else {
            LOG.debugf("%s: event %s already applied, skipped", consumer, event.id());
        }
    }

    private boolean firstDelivery(String consumer, String eventId) {
        int inserted = entityManager.createNativeQuery(
                        "insert into processed_event (consumer, event_id, processed_at) values (:consumer, :id, now()) "
                                + "on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
