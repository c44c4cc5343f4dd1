package lu.kulturpass.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
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
            boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                if (!firstDelivery(consumer, event.id())) {
                    return false;
                }
                effect.accept(event);
                return true;
            });
            if (!applied) {
                LOG.debugf("%s: event %s already applied, skipped", consumer, event.id());
            }
            return message.ack();
        } catch (RuntimeException failure) {
            LOG.errorf("%s could not apply an event: %s", consumer, failure.getMessage());
            return message.nack(failure);
        }
    }

    /**
     * Applies a record read outside the live channel (a replay) exactly as a delivery would be: once per
     * consumer, in one transaction with the record of its id. An unreadable record is skipped and logged.
     */
    public void replay(String consumer, org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record,
                       Consumer<IncomingEvent> effect) {
        IncomingEvent event;
        try {
            event = IncomingEvent.read(record, json);
        } catch (IncomingEvent.UnreadableEventException unreadable) {
            LOG.warnf("%s: skipped record %s-%d@%d on replay: %s", consumer, record.topic(), record.partition(),
                    record.offset(), unreadable.getMessage());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (firstDelivery(consumer, event.id())) {
                effect.accept(event);
            }
        });
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
