package lu.kulturpass.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.outbox.OutboxEvent;
import lu.kulturpass.platform.outbox.OutboxRelay;
import lu.kulturpass.testing.KafkaTopics;
import lu.kulturpass.testing.TestKafka;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The outbox's promises, on the real database and broker. */
@QuarkusTest
class OutboxDeliveryTest {

    private static final String TOPIC = "kulturpass.outbox-test";

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    private UUID recordCommitted(String key) {
        return recordCommitted(TOPIC, key);
    }

    private UUID recordCommitted(String topic, String key) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.record(topic, key, "lu.kulturpass.test.fact", 1, Map.of("key", key)));
    }

    private static OutboxEvent stored(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("eventId", eventId).firstResult());
    }

    @Test
    void committedEventArrivesAsACloudEventKeyedByItsEntity() {
        String key = "entity-" + UUID.randomUUID();
        UUID id = recordCommitted(key);
        var records = KafkaTopics.onTestBroker().readUntil(TOPIC, r -> key.equals(r.key()), Duration.ofSeconds(20));
        var record = records.get(records.size() - 1);
        assertEquals(id.toString(), KafkaTopics.header(record, "ce_id").orElseThrow());
        assertEquals("lu.kulturpass.test.fact", KafkaTopics.header(record, "ce_type").orElseThrow());
        assertEquals("urn:kulturpass:pass-service", KafkaTopics.header(record, "ce_source").orElseThrow());
        assertEquals("1.0", KafkaTopics.header(record, "ce_specversion").orElseThrow());
        assertEquals(key, KafkaTopics.header(record, "ce_subject").orElseThrow());
        assertEquals("application/json", KafkaTopics.header(record, "content-type").orElseThrow());
        assertTrue(OffsetDateTime.parse(KafkaTopics.header(record, "ce_time").orElseThrow()).isAfter(OffsetDateTime.now().minusMinutes(5)));
        assertEquals("1", KafkaTopics.header(record, "ce_schemaversion").orElseThrow());
        assertEquals("{\"key\":\"" + key + "\"}", record.value());
        // Kafka has it: the outbox keeps only what is still to be sent
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stored(id) == null);
    }

    @Test
    void rolledBackChangeSendsNothing() {
        String rolledBack = "rolled-back-" + UUID.randomUUID();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.record(TOPIC, rolledBack, "lu.kulturpass.test.fact", 1, Map.of("key", rolledBack));
            throw new IllegalStateException("the change fails after its event was recorded");
        }));
        String marker = "committed-after-" + UUID.randomUUID();
        recordCommitted(marker);
        var records = KafkaTopics.onTestBroker().readUntil(TOPIC, r -> marker.equals(r.key()), Duration.ofSeconds(20));
        assertTrue(records.stream().noneMatch(r -> rolledBack.equals(r.key())), "the rolled-back event was sent");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("key", rolledBack)));
    }

    @Test
    void eventsCommittedWhileTheBrokerIsUnreachableArriveInOrderOnceItIsBack() throws Exception {
        // a topic the relay's producer has never seen: it must wait for the topic's metadata, which cannot come
        // while the broker is down (the send is refused after max.block.ms)
        String topic = TOPIC + "-outage-" + UUID.randomUUID();
        TestKafka kafka = TestKafka.get();
        kafka.stop();
        String key = "during-outage-" + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(recordCommitted(topic, key));
            }
            // the relay keeps trying; the events must stay in the outbox, not be dropped
            Thread.sleep(4_000);
            for (UUID id : ids) {
                assertNotNull(stored(id), "taken out of the outbox while the broker was down");
            }
        } finally {
            kafka.start();
        }
        String last = ids.get(ids.size() - 1).toString();
        var records = KafkaTopics.onTestBroker().readUntil(topic,
                r -> key.equals(r.key()) && KafkaTopics.header(r, "ce_id").map(last::equals).orElse(false), Duration.ofSeconds(60));
        // at least once: a resend may repeat an event, but the first delivery of each comes in the order recorded
        List<String> firstDeliveries = records.stream().filter(r -> key.equals(r.key()))
                .map(r -> KafkaTopics.header(r, "ce_id").orElseThrow()).distinct().toList();
        assertEquals(ids.stream().map(UUID::toString).toList(), firstDeliveries);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> stored(id) == null));
    }

    @Test
    void anEventTheProducerRefusesHoldsBackTheEventsAfterItUntilItIsRemoved() {
        String topic = TOPIC + "-refused-" + UUID.randomUUID();
        String key = "refused-" + UUID.randomUUID();
        // over the producer's max.request.size (1 MiB): refused at once, every time it is sent
        UUID tooLarge = QuarkusTransaction.requiringNew().call(() -> outbox.record(topic, key, "lu.kulturpass.test.fact", 1,
                Map.of("key", key, "filler", "x".repeat(1_100_000))));
        UUID second = recordCommitted(topic, key);
        UUID third = recordCommitted(topic, key);

        try {
            // sending those after it would put them on the topic before it: in order per key means they wait
            AssertionError nothingSent = assertThrows(AssertionError.class,
                    () -> KafkaTopics.onTestBroker().readUntil(topic, r -> key.equals(r.key()), Duration.ofSeconds(4)));
            assertTrue(nothingSent.getMessage().contains("Timed out"), nothingSent.getMessage());
            assertNotNull(stored(second));
            assertNotNull(stored(third));
        } finally {
            // an operator removes the event Kafka will never take (and the tests after this one need the relay)
            QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("eventId", tooLarge));
        }
        // the others follow, in order
        var records = KafkaTopics.onTestBroker().readUntil(topic,
                r -> KafkaTopics.header(r, "ce_id").map(third.toString()::equals).orElse(false), Duration.ofSeconds(20));
        assertEquals(List.of(second.toString(), third.toString()), records.stream()
                .map(r -> KafkaTopics.header(r, "ce_id").orElseThrow()).distinct().toList());
    }

    @Test
    void theRelaysReadAndDeleteGoThroughThePrimaryKeyEvenWhenTheTableLooksEmpty() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("vacuum analyze outbox_event"); // as autovacuum leaves it between bursts of events
            }
            connection.setAutoCommit(false);
            try {
                // the premise: on its own, PostgreSQL would read the nearly empty table sequentially, and keep that plan
                // while the table fills with the dead rows of the events sent since
                assertTrue(plan(connection, OutboxRelay.OLDEST).contains("Seq Scan on outbox_event"), plan(connection, OutboxRelay.OLDEST));
                try (PreparedStatement lock = connection.prepareStatement(OutboxRelay.LOCK)) {
                    lock.setLong(1, 0x7e57L); // a lock of its own: the service's relay goes on meanwhile
                    lock.executeQuery().close();
                }
                String read = plan(connection, OutboxRelay.OLDEST);
                String delete = plan(connection, OutboxRelay.SENT);
                assertTrue(read.contains("Index Scan using outbox_event_pkey") && !read.contains("Seq Scan"), read);
                assertTrue(delete.contains("Index Scan using outbox_event_pkey") && !delete.contains("Seq Scan"), delete);
            } finally {
                connection.rollback();
            }
        }
    }

    /** How PostgreSQL would run one of the relay's statements now, on this connection. */
    private static String plan(Connection connection, String statement) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("explain " + statement)) {
            if (statement.equals(OutboxRelay.OLDEST)) {
                explain.setInt(1, 200);
            } else {
                explain.setArray(1, connection.createArrayOf("bigint", new Long[] {1L, 2L, 3L}));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet line = explain.executeQuery()) {
                while (line.next()) {
                    plan.append(line.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
