package lu.kulturpass.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Records an event in the same database transaction as the change it describes. The relay sends it
 * to Kafka after commit; a rollback discards it with the change.
 */
@ApplicationScoped
public class Outbox {

    /** Fired inside the recording transaction; the relay observes it after commit to send at once. */
    public record Recorded(String topic) {
    }

    /** One event of {@link #recordAll(List)}; the fields as {@link #record(String, String, String, int, Object)} takes them. */
    public record Pending(String topic, String key, String type, int schemaVersion, Object data) {
    }

    private final ObjectMapper json;
    private final Event<Recorded> recorded;
    private final EntityManager entityManager;

    public Outbox(ObjectMapper json, Event<Recorded> recorded, EntityManager entityManager) {
        this.json = json;
        this.recorded = recorded;
        this.entityManager = entityManager;
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
        event.data = toJson(data);
        event.persist();
        recorded.fire(new Recorded(topic));
        return event.eventId;
    }

    /**
     * Records many events at once (a bulk change, e.g. an imported list), in this order, with one JDBC
     * batch instead of one insert and round trip each (the rows' identity key keeps Hibernate from
     * batching them). Same transaction rules as {@link #record(String, String, String, int, Object)}.
     *
     * @return the event ids, in order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>(events.size());
        List<String> data = new ArrayList<>(events.size());
        for (Pending event : events) {
            ids.add(UUID.randomUUID());
            data.add(toJson(event.data()));
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into outbox_event "
                    + "(event_id, topic, event_key, event_type, schema_version, occurred_at, data) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < events.size(); i++) {
                    Pending event = events.get(i);
                    insert.setObject(1, ids.get(i));
                    insert.setString(2, event.topic());
                    insert.setString(3, event.key());
                    insert.setString(4, event.type());
                    insert.setInt(5, event.schemaVersion());
                    insert.setObject(6, now);
                    insert.setString(7, data.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        events.stream().map(Pending::topic).distinct().forEach(topic -> recorded.fire(new Recorded(topic)));
        return ids;
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }
}
