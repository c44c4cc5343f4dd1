package lu.kulturpass.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
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
     * Applies a whole poll of events in ONE transaction (each event still once per consumer, its id
     * recorded with its effect), then acknowledges the batch: one commit per poll instead of one per
     * event, which keeps a busy feed's delay short. If the batch fails, nothing of it stays and each
     * event is tried again alone, so one bad event cannot hold back the others; if some still fail, the
     * batch is nacked and the channel's failure strategy sends its events to the dead-letter topic
     * (the ones already applied are recognised and skipped if they are ever sent back).
     */
    public CompletionStage<Void> applyAll(String consumer, KafkaRecordBatch<String, String> batch,
                                          Consumer<IncomingEvent> effect) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        List<RuntimeException> failures = applyTogetherOrEach(consumer, records,
                record -> IncomingEvent.read(record, json), Inbox::describe, effect);
        return failures.isEmpty() ? batch.ack() : batch.nack(failures.get(failures.size() - 1));
    }

    /**
     * Applies records read outside the live channel (a replay) exactly as deliveries would be: once per
     * consumer, in one transaction with the record of their ids. A record that cannot be read or applied
     * is skipped and logged, as the live feed sends it to its dead-letter topic; returns how many.
     */
    public int replay(String consumer, List<ConsumerRecord<String, String>> records, Consumer<IncomingEvent> effect) {
        return applyTogetherOrEach(consumer, records, record -> IncomingEvent.read(record, json),
                record -> record.topic() + "-" + record.partition() + "@" + record.offset(), effect).size();
    }

    private <R> List<RuntimeException> applyTogetherOrEach(String consumer, List<R> records, Function<R, IncomingEvent> read,
                                                          Function<R, String> where, Consumer<IncomingEvent> effect) {
        if (records.isEmpty()) {
            return List.of();
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> records.forEach(record -> applyOnce(consumer, read.apply(record), effect)));
            return List.of();
        } catch (RuntimeException batchFailure) {
            LOG.warnf("%s: a batch of %d events failed (%s); applying them one by one", consumer, records.size(),
                    batchFailure.getMessage());
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (R record : records) {
            try {
                IncomingEvent event = read.apply(record);
                QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, event, effect));
            } catch (RuntimeException failure) {
                LOG.errorf("%s could not apply the event at %s: %s", consumer, where.apply(record), failure.getMessage());
                failures.add(failure);
            }
        }
        return failures;
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
