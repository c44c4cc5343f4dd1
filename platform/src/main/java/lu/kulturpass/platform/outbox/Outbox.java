package lu.kulturpass.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.platform.time.ProgrammeCalendar;
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

    /**
     * One event of {@link #recordAll(List)}; the fields as {@link #record(String, String, String, int, Object)} takes them,
     * and the trace it continues ({@link EventTrace}: by default the current one).
     */
    public record Pending(String topic, String key, String type, int schemaVersion, Object data, String traceParent) {

        public Pending(String topic, String key, String type, int schemaVersion, Object data) {
            this(topic, key, type, schemaVersion, data, EventTrace.current());
        }
    }

    private final ObjectMapper json;
    private final Event<Recorded> recorded;
    private final EntityManager entityManager;
    private final ProgrammeCalendar calendar;

    public Outbox(ObjectMapper json, Event<Recorded> recorded, EntityManager entityManager, ProgrammeCalendar calendar) {
        this.json = json;
        this.recorded = recorded;
        this.entityManager = entityManager;
        this.calendar = calendar;
    }

    /**
     * @param topic         the Kafka topic, one per kind of fact
     * @param key           the entity whose order matters (events with one key arrive in order)
     * @param type          the CloudEvents type, e.g. {@code lu.kulturpass.pass.issued}
     * @param schemaVersion version of the data's shape, sent as the {@code schemaversion} extension
     * @param data          the event's record ({@code lu.kulturpass.events}), serialised as JSON; pseudonymous ids and categories only
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, int schemaVersion, Object data) {
        return record(topic, key, type, schemaVersion, eventId -> data);
    }

    /** As {@link #record(String, String, String, int, Object)}, for data that carries its own event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String key, String type, int schemaVersion, java.util.function.Function<UUID, Object> data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.key = key;
        event.type = type;
        event.schemaVersion = schemaVersion;
        event.occurredAt = calendar.nowUtc();
        event.data = toJson(data.apply(event.eventId));
        event.traceParent = EventTrace.current();
        event.persist();
        recorded.fire(new Recorded(topic));
        return event.eventId;
    }

    /**
     * Replaces the data of an event recorded earlier in the current transaction, before anyone could see it: for a change
     * made in another system after its event was written (so that a failed change there records nothing), whose id that
     * system gives only once it is made (a new Keycloak account).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void amend(UUID eventId, Object data) {
        OutboxEvent event = OutboxEvent.<OutboxEvent>find("eventId", eventId).firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("no event " + eventId + " in this transaction's outbox"));
        event.data = toJson(data);
    }

    /**
     * Records many events at once (a bulk change, e.g. an imported list), in this order, with one
     * statement instead of one insert and round trip each (the rows' identity key keeps Hibernate from
     * batching them). Same transaction rules as {@link #record(String, String, String, int, Object)}.
     *
     * @return the event ids, in order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Rows rows = rows(events);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(Rows.INSERT)) {
                rows.bind(connection, insert, 1);
                insert.executeUpdate();
            }
        });
        inserted(rows);
        return List.of(rows.eventIds());
    }

    /**
     * The outbox rows of these events, for a caller that inserts them with its own statement ({@link Rows#INSERT}
     * inside it), so that a change and its events are written in one round trip; then {@link #inserted(Rows)}.
     */
    public Rows rows(List<Pending> events) {
        int n = events.size();
        Rows rows = new Rows(new UUID[n], new String[n], new String[n], new String[n], new Integer[n], new String[n],
                new String[n], calendar.nowUtc());
        for (int i = 0; i < n; i++) {
            Pending event = events.get(i);
            rows.eventIds()[i] = UUID.randomUUID();
            rows.topics()[i] = event.topic();
            rows.keys()[i] = event.key();
            rows.types()[i] = event.type();
            rows.schemaVersions()[i] = event.schemaVersion();
            rows.data()[i] = toJson(event.data());
            rows.traceParents()[i] = event.traceParent();
        }
        return rows;
    }

    /** The rows were inserted in the current transaction: the relay sends them once it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void inserted(Rows rows) {
        announce(rows);
    }

    /**
     * The rows were inserted by a statement that committed on its own (autocommit, outside any transaction, with
     * the change they describe): the relay sends them now.
     */
    public void committed(Rows rows) {
        announce(rows);
    }

    /* the relay observes this after the current transaction commits, or at once when there is none (CDI's rule) */
    private void announce(Rows rows) {
        Arrays.stream(rows.topics()).distinct().forEach(topic -> recorded.fire(new Recorded(topic)));
    }

    /** Outbox rows as arrays, one element per event, in order: bound as the parameters of {@link #INSERT}. */
    public record Rows(UUID[] eventIds, String[] topics, String[] keys, String[] types, Integer[] schemaVersions, String[] data,
                       String[] traceParents, OffsetDateTime occurredAt) {

        /** Inserts the rows in their order (the relay sends them in the order of their sequence numbers); 8 parameters. */
        public static final String INSERT = """
                insert into outbox_event (event_id, topic, event_key, event_type, schema_version, occurred_at, data, trace_parent)
                select e.id, e.topic, e.event_key, e.event_type, e.schema_version, cast(? as timestamptz), e.data, e.trace_parent
                from unnest(cast(? as uuid[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]),
                            cast(? as integer[]), cast(? as text[]), cast(? as varchar[]))
                     with ordinality as e(id, topic, event_key, event_type, schema_version, data, trace_parent, position)
                order by e.position""";

        /** Binds the parameters of {@link #INSERT}, from {@code first}; returns the next parameter's index. */
        public int bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
            int parameter = first;
            statement.setObject(parameter++, occurredAt);
            statement.setArray(parameter++, connection.createArrayOf("uuid", eventIds));
            statement.setArray(parameter++, connection.createArrayOf("varchar", topics));
            statement.setArray(parameter++, connection.createArrayOf("varchar", keys));
            statement.setArray(parameter++, connection.createArrayOf("varchar", types));
            statement.setArray(parameter++, connection.createArrayOf("integer", schemaVersions));
            statement.setArray(parameter++, connection.createArrayOf("text", data));
            statement.setArray(parameter++, connection.createArrayOf("varchar", traceParents));
            return parameter;
        }
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }
}
