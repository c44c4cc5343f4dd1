package lu.kulturpass.core.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import lu.kulturpass.events.PassTopic;
import lu.kulturpass.platform.inbox.IncomingEvent;
import lu.kulturpass.testing.KafkaTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The pass events as pass-service really writes them (its producers, its ObjectMapper, the outbox and relay), read from
 * the topic into the records their consumers use: each record, written again, gives back the very data on the topic,
 * so no field the producer sends is unknown to the readers (platform's PassTopicContractTest holds the rest).
 */
@QuarkusTest
class PassEventsOnTheWireTest {

    private final Passes passes = new Passes();

    @Inject
    ObjectMapper json;

    @Test
    void aReplacedCardsEventsAreReadWholeByTheirRecords() throws Exception {
        long oldId = passes.issue("LW", 1970).getLong("id");
        long newId = passes.move(oldId, "REPLACE", "LOST").statusCode(201).extract().jsonPath().getLong("id");

        PassTopic.Issued first = readWhole(event(oldId, PassTopic.Issued.TYPE), PassTopic.Issued.class);
        PassTopic.StatusChanged replaced = readWhole(event(oldId, PassTopic.StatusChanged.type("replaced")), PassTopic.StatusChanged.class);
        PassTopic.Issued replacement = readWhole(event(newId, PassTopic.Issued.TYPE), PassTopic.Issued.class);

        assertEquals(oldId, first.passId());
        assertEquals("REPLACED", replaced.to());
        assertEquals(newId, replaced.replacedByPassId());
        assertEquals(oldId, replacement.replacesPassId());
        assertEquals(first.holderRef(), replacement.holderRef());
        assertEquals(first.validUntil(), replacement.validUntil());
    }

    private static ConsumerRecord<String, String> event(long passId, String type) {
        var records = KafkaTopics.onTestBroker().readUntil(PassTopic.TOPIC,
                r -> String.valueOf(passId).equals(r.key()) && type.equals(KafkaTopics.header(r, "ce_type").orElse("")),
                Duration.ofSeconds(20));
        return records.get(records.size() - 1);
    }

    private <T> T readWhole(ConsumerRecord<String, String> record, Class<T> shape) throws Exception {
        T read = new IncomingEvent(KafkaTopics.header(record, "ce_id").orElseThrow(), KafkaTopics.header(record, "ce_type").orElseThrow(),
                1, null, record.key(), json.readTree(record.value())).data(shape);
        assertEquals(record.value(), json.writeValueAsString(read), "the data on the topic, as its record writes it again");
        return read;
    }
}
