package lu.kulturpass.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.time.ZonedDateTime;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A CloudEvent read from Kafka: its envelope and its JSON data. */
public record IncomingEvent(String id, String type, int schemaVersion, ZonedDateTime time, String key, JsonNode data) {

    static IncomingEvent read(Message<String> message, ObjectMapper json) {
        @SuppressWarnings("unchecked")
        IncomingCloudEventMetadata<Object> envelope = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new UnreadableEventException("not a CloudEvent: no id and type in its headers"));
        Object version = envelope.getExtension("schemaversion").orElse("1");
        String key = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(record -> record.getKey() == null ? null : record.getKey().toString()).orElse(null);
        try {
            JsonNode data = json.readTree(message.getPayload());
            return new IncomingEvent(envelope.getId(), envelope.getType(), Integer.parseInt(version.toString()),
                    envelope.getTimeStamp().orElse(null), key, data);
        } catch (Exception unreadable) {
            throw new UnreadableEventException("event " + envelope.getId() + " has unreadable data: " + unreadable.getMessage());
        }
    }

    /** Reads a CloudEvent (binary mode) straight from a Kafka record, e.g. when replaying a topic. */
    static IncomingEvent read(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, ObjectMapper json) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new UnreadableEventException("not a CloudEvent: no id and type in its headers");
        }
        String version = header(record, "ce_schemaversion");
        String time = header(record, "ce_time");
        try {
            return new IncomingEvent(id, type, version == null ? 1 : Integer.parseInt(version),
                    time == null ? null : ZonedDateTime.parse(time), record.key(), json.readTree(record.value()));
        } catch (Exception unreadable) {
            throw new UnreadableEventException("event " + id + " has unreadable data: " + unreadable.getMessage());
        }
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The text of a required field of the data, or an exception naming the missing field. */
    public String text(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            throw new UnreadableEventException("event " + id + " (" + type + ") has no " + field);
        }
        return node.asText();
    }

    public static final class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message);
        }
    }
}
