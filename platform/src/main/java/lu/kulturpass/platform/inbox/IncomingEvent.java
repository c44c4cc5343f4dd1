package lu.kulturpass.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.time.ZonedDateTime;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A CloudEvent read from Kafka: its envelope and its JSON data, read into its record with {@link #data(Class)}. */
public record IncomingEvent(String id, String type, int schemaVersion, ZonedDateTime time, String key, JsonNode data) {

    /**
     * Reads events' data into the records of the events module ({@code lu.kulturpass.events}): as their producers wrote
     * them, whatever their version. A field the record does not know is ignored by the record's own
     * {@code @JsonIgnoreProperties(ignoreUnknown = true)} (this mapper would refuse it, so a record without it is caught by
     * its topic's contract test), a field the record requires ({@code @JsonProperty(required = true)}) must be there, and a
     * field an older event lacks is null (false, 0 for a primitive). Not the services' strict reading of requests
     * ({@code StrictJson}): an event already in a topic must stay readable.
     */
    private static final ObjectMapper DATA = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    /**
     * Reads a CloudEvent (binary mode) from a channel's message. The connector leaves the {@code ce_} headers alone
     * ({@code cloud-events=false} for every channel): it would stop the whole channel on a header it cannot parse (a
     * time without seconds), where an unreadable envelope is this event's fault, sent to the dead-letter topic.
     */
    static IncomingEvent read(Message<String> message, ObjectMapper json) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new UnreadableEventException("not a Kafka record"));
        return read(name -> header(record.getHeaders(), name), record.getKey() == null ? null : record.getKey().toString(),
                message.getPayload(), json);
    }

    /** Reads a CloudEvent (binary mode) straight from a Kafka record, e.g. when replaying a topic. */
    static IncomingEvent read(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, ObjectMapper json) {
        return read(name -> header(record.headers(), name), record.key(), record.value(), json);
    }

    private static IncomingEvent read(java.util.function.Function<String, String> headers, String key, String value, ObjectMapper json) {
        String id = headers.apply("ce_id");
        String type = headers.apply("ce_type");
        if (id == null || type == null) {
            throw new UnreadableEventException("not a CloudEvent: no id and type in its headers");
        }
        String version = headers.apply("ce_schemaversion");
        String time = headers.apply("ce_time");
        int schemaVersion;
        ZonedDateTime at;
        try {
            schemaVersion = version == null ? 1 : Integer.parseInt(version);
            at = time == null ? null : ZonedDateTime.parse(time);
        } catch (RuntimeException unreadable) {
            throw new UnreadableEventException("event " + id + " has an unreadable envelope (ce_schemaversion " + version
                    + ", ce_time " + time + "): " + unreadable.getMessage());
        }
        try {
            return new IncomingEvent(id, type, schemaVersion, at, key, json.readTree(value));
        } catch (Exception unreadable) {
            throw new UnreadableEventException("event " + id + " has unreadable data: " + unreadable.getMessage());
        }
    }

    private static String header(org.apache.kafka.common.header.Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The data as its record (e.g. {@code PassTopic.Issued}), or an exception saying why it cannot be: a dead letter. */
    public <T> T data(Class<T> shape) {
        try {
            return DATA.treeToValue(data, shape);
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            throw new UnreadableEventException("event " + id + " (" + type + ") is not a readable " + shape.getSimpleName() + ": "
                    + unreadable.getMessage());
        }
    }

    public static final class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message);
        }
    }
}
