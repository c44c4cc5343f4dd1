package lu.kulturpass.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records an event in the same database transaction as the change it describes. The relay sends it
 * to Kafka after commit; a rollback discards it with the change.
 */
@ApplicationScoped
public class Outbox {

    /** Fired inside the recording transaction; the relay observes it after commit to send at once. */
    public record Recorded(String topic) {
    }

    private final ObjectMapper json;
    private final Event<Recorded> recorded;

    public Outbox(ObjectMapper json, Event<Recorded> recorded) {
        this.json = json;
        this.recorded = recorded;
    }

    /**
     * @param topic         the Kafka topic, one per kind of fact
     * @param key           the entity whose order matters (events with one key arrive in order)
     * @param type          the CloudEvents type, e.g. {@code lu.kulturpass.pass.issued}
     * @param schemaVersion version of the data's shape, sent as the {@code schemaversion} extension
     * @param data          serialised as JSON; pseudonymous ids and categories only
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, int schemaVersion, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.key = key;
        event.type = type;
        event.schemaVersion = schemaVersion;
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            event.data = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
        event.persist();
        recorded.fire(new Recorded(topic));
        return event.eventId;
    }
}
