package lu.kulturpass.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An outbox row as a Kafka record in the CloudEvents Kafka binding's binary mode: the envelope in {@code ce_}
 * headers, the JSON data as the value, the entity id as the key. These are the headers SmallRye Reactive
 * Messaging writes for an outgoing CloudEvent and reads into {@code IncomingCloudEventMetadata}, so every
 * consumer reads the relay's records as before; the relay builds them itself to hand them to the producer
 * without one reactive message per event.
 */
final class CloudEventRecord {

    static final String SPEC_VERSION = "1.0";

    private CloudEventRecord() {
    }

    static ProducerRecord<String, String> of(OutboxRelay.Unsent event, String source) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", SPEC_VERSION);
        add(headers, "ce_id", event.eventId().toString());
        add(headers, "ce_type", event.type());
        add(headers, "ce_source", source);
        add(headers, "ce_subject", event.key());
        add(headers, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt()));
        add(headers, "content-type", "application/json");
        add(headers, "ce_schemaversion", Integer.toString(event.schemaVersion()));
        return new ProducerRecord<>(event.topic(), null, event.key(), event.data(), headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
