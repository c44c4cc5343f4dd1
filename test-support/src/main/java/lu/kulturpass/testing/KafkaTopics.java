package lu.kulturpass.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes CloudEvents on the test broker's topics, as another service would. A harness: it stamps events with
 * the machine's clock (the services read theirs through platform's {@code ProgrammeCalendar}).
 */
public final class KafkaTopics {

    private final String bootstrapServers;

    public KafkaTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaTopics onTestBroker() {
        return new KafkaTopics(TestKafka.get().bootstrapServers());
    }

    /** Publishes a binary-mode CloudEvent; returns its id. */
    public String publish(String topic, String key, String type, String jsonData) {
        String id = UUID.randomUUID().toString();
        publish(topic, key, id, type, jsonData);
        return id;
    }

    /** Publishes a binary-mode CloudEvent with a given id (to redeliver the same event). */
    public void publish(String topic, String key, String id, String type, String jsonData) {
        publish(topic, key, id, type, jsonData, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Publishes a binary-mode CloudEvent with a given id and time. */
    public void publish(String topic, String key, String id, String type, String jsonData, OffsetDateTime time) {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(topic, key, id, type, jsonData, time)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Publishes a binary-mode CloudEvent whose {@code ce_time} header is {@code time} as written, readable or not. */
    public void publish(String topic, String key, String id, String type, String jsonData, String time) {
        publish(topic, key, id, type, jsonData, time, 1);
    }

    /** Publishes a binary-mode CloudEvent of a given schema version (e.g. one newer than the consumers know). */
    public void publish(String topic, String key, String id, String type, String jsonData, String time, int schemaVersion) {
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> record = record(topic, key, id, type, jsonData, time);
            record.headers().remove("ce_schemaversion").add("ce_schemaversion", bytes(Integer.toString(schemaVersion)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Publishes a binary-mode CloudEvent with more headers (e.g. a W3C traceparent); returns its id. */
    public String publish(String topic, String key, String type, String jsonData, Map<String, String> moreHeaders) {
        String id = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> record = record(topic, key, id, type, jsonData, OffsetDateTime.now(ZoneOffset.UTC));
            moreHeaders.forEach((name, value) -> record.headers().add(name, bytes(value)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
        return id;
    }

    /** A producer for many events (close it); see {@link #send}. */
    public KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** Sends a binary-mode CloudEvent without waiting for the broker's acknowledgement. */
    public void send(KafkaProducer<String, String> producer, String topic, String key, String id, String type, String jsonData) {
        producer.send(record(topic, key, id, type, jsonData, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static ProducerRecord<String, String> record(String topic, String key, String id, String type, String jsonData,
                                                         OffsetDateTime time) {
        return record(topic, key, id, type, jsonData, time.toInstant().toString());
    }

    private static ProducerRecord<String, String> record(String topic, String key, String id, String type, String jsonData,
                                                         String time) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, jsonData);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(id))
                .add("ce_type", bytes(type))
                .add("ce_source", bytes("urn:kulturpass:test"))
                .add("ce_time", bytes(time))
                .add("ce_schemaversion", bytes("1"))
                .add("content-type", bytes("application/json"));
        return record;
    }

    /** Every record on the topic from its beginning, read until {@code until} matches one or time runs out. */
    public List<ConsumerRecord<String, String>> readUntil(String topic, Predicate<ConsumerRecord<String, String>> until,
                                                          Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = List.of();
            while (System.nanoTime() < deadline) {
                if (partitions.isEmpty()) {
                    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
                    if (infos == null || infos.isEmpty()) {
                        sleep();
                        continue;
                    }
                    partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record);
                    if (until.test(record)) {
                        return seen;
                    }
                }
            }
        }
        throw new AssertionError("Timed out after " + timeout + " reading " + topic + "; saw " + seen.size() + " records");
    }

    /** Every record on the topic, from its beginning to its end as it is now (none if the topic does not exist). */
    public List<ConsumerRecord<String, String>> readToEnd(String topic, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos == null || infos.isEmpty()) {
                return seen;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Timed out after " + timeout + " reading " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
