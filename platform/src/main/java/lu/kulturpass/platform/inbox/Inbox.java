package lu.kulturpass.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Applies each event at most once per consumer: the event id is recorded in the same transaction as
 * its effect, so a redelivery (a restart, a rebalance, a replay) is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public Inbox(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Runs {@code effect} for a first delivery, in one transaction with the record of the event id,
     * then acknowledges the message. A failure rolls both back and nacks the message (the channel's
     * failure strategy then decides: the services send such events to a dead-letter topic).
     */
    public CompletionStage<Void> apply(String consumer, Message<String> message, Consumer<IncomingEvent> effect) {
        try {
            IncomingEvent event = IncomingEvent.read(message, json);
            QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, event, effect));
            return message.ack();
        } catch (RuntimeException failure) {
            LOG.errorf("%s could not apply an event: %s", consumer, failure.getMessage());
            return message.nack(failure);
        }
    }

    /**
     * Applies a whole poll of events in ONE transaction, then acknowledges the batch: one commit per
     * poll instead of one per event, which keeps a busy feed's delay short. The poll's event ids are
     * recorded in one statement, and {@code together} receives, in order, the events seen for the
     * first time (each once). If the batch fails, nothing of it stays and each event is tried again
     * alone with {@code each}, so one bad event cannot hold back the others; if some still fail, the
     * batch is nacked and the channel's failure strategy sends its events to the dead-letter topic
     * (the ones already applied are recognised and skipped if they are ever sent back).
     */
    public CompletionStage<Void> applyAll(String consumer, KafkaRecordBatch<String, String> batch,
                                          Consumer<List<IncomingEvent>> together, Consumer<IncomingEvent> each) {
        List<RuntimeException> failures = applyTogetherOrEach(consumer, batch.getRecords(),
                record -> IncomingEvent.read(record, json), Inbox::describe, together, each);
        return failures.isEmpty() ? batch.ack() : batch.nack(failures.get(failures.size() - 1));
    }

    /** {@link #applyAll(String, KafkaRecordBatch, Consumer, Consumer)} for a feed whose events apply one by one. */
    public CompletionStage<Void> applyAll(String consumer, KafkaRecordBatch<String, String> batch, Consumer<IncomingEvent> each) {
        return applyAll(consumer, batch, events -> events.forEach(each), each);
    }

    /**
     * Applies records read outside the live channel (a replay) exactly as deliveries would be: once per
     * consumer, in one transaction with the record of their ids. A record that cannot be read or applied
     * is skipped and logged, as the live feed sends it to its dead-letter topic; returns how many.
     */
    public int replay(String consumer, List<ConsumerRecord<String, String>> records, Consumer<List<IncomingEvent>> together,
                      Consumer<IncomingEvent> each) {
        return applyTogetherOrEach(consumer, records, record -> IncomingEvent.read(record, json),
                record -> record.topic() + "-" + record.partition() + "@" + record.offset(), together, each).size();
    }

    private <R> List<RuntimeException> applyTogetherOrEach(String consumer, List<R> records, Function<R, IncomingEvent> read,
                                                          Function<R, String> where, Consumer<List<IncomingEvent>> together,
                                                          Consumer<IncomingEvent> each) {
        if (records.isEmpty()) {
            return List.of();
        }
        try {
            QuarkusTransaction.requiringNew().run(() ->
                    together.accept(firstDeliveries(consumer, records.stream().map(read).toList())));
            return List.of();
        } catch (RuntimeException batchFailure) {
            LOG.warnf("%s: a batch of %d events failed (%s); applying them one by one", consumer, records.size(),
                    batchFailure.getMessage());
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (R record : records) {
            try {
                IncomingEvent event = read.apply(record);
                QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, event, each));
            } catch (RuntimeException failure) {
                LOG.errorf("%s could not apply the event at %s: %s", consumer, where.apply(record), failure.getMessage());
                failures.add(failure);
            }
        }
        return failures;
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

    private static String describe(KafkaRecord<String, String> record) {
        return record.getTopic() + "-" + record.getPartition() + "@" + record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
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
