package lu.kulturpass.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An outbox row as a Kafka record in the CloudEvents Kafka binding's binary mode: the envelope in {@code ce_}
 * headers, the JSON data as the value, the entity id as the key; the inbox reads them back ({@code IncomingEvent}).
 * The relay builds them itself to hand them to the producer without one reactive message per event. The time is
 * RFC 3339 in UTC with its seconds always written (an ISO offset format drops them at a whole minute, which other
 * CloudEvents readers refuse). The trace the event continues, if any, is the W3C {@code traceparent} header
 * ({@link EventTrace}).
 */
final class CloudEventRecord {

    static final String SPEC_VERSION = "1.0";

    private CloudEventRecord() {
    }

    static ProducerRecord<String, String> of(OutboxRelay.Unsent event, String source, String traceParent) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", SPEC_VERSION);
        add(headers, "ce_id", event.eventId().toString());
        add(headers, "ce_type", event.type());
        add(headers, "ce_source", source);
        add(headers, "ce_subject", event.key());
        add(headers, "ce_time", time(event.occurredAt()));
        add(headers, "content-type", "application/json");
        add(headers, "ce_schemaversion", Integer.toString(event.schemaVersion()));
        if (traceParent != null) {
            add(headers, EventTrace.HEADER, traceParent);
        }
        return new ProducerRecord<>(event.topic(), null, event.key(), event.data(), headers);
    }

    static String time(OffsetDateTime occurredAt) {
        return occurredAt.toInstant().toString();
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
