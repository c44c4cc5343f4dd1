package lu.kulturpass.benchmarks.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the brokers hold, read as a stranger would: every event of the services' topics from the beginning (a consumer
 * of its own, no group), and the services' consumer groups with their members and partitions (Kafka's Admin client).
 */
final class EventLog {

    private EventLog() {
    }

    /**
     * Reads every topic the services write ({@code kulturpass.*}, dead letters aside) to its end and checks the outbox
     * relays' promise: each event (ce_id) once, and per key in the order it was written (ce_time never goes back among a
     * key's events). An event on the broker twice is allowed only across a kill: its first copy written before
     * {@code killedAtMillis} (by the relay killed before it could delete the row) and the second after; any other
     * copy is a failure. Only the events written since {@code sinceMillis} count (a broker another run used before holds
     * that run's too). Returns the figures; adds failures.
     */
    static String checkEvents(String bootstrapServers, long sinceMillis, long killedAtMillis, List<String> failures) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        int events = 0;
        int copies = 0;
        int explained = 0;
        List<String> unexplained = new ArrayList<>();
        List<String> backwards = new ArrayList<>();
        Map<String, Integer> byTopic = new java.util.TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(10)).entrySet().stream()
                    .filter(topic -> topic.getKey().startsWith("kulturpass.") && !topic.getKey().startsWith("kulturpass.dead-letters."))
                    .flatMap(topic -> topic.getValue().stream().map(p -> new TopicPartition(p.topic(), p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            // per event id: when its first copy was written; per topic and key: the latest ce_time among its events so far
            Map<String, Long> firstWritten = new HashMap<>();
            Map<String, Instant> latestOfKey = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    failures.add("could not read the topics to their end within 60 s");
                    break;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition())) || record.timestamp() < sinceMillis) {
                        continue;
                    }
                    String id = header(record, "ce_id");
                    String time = header(record, "ce_time");
                    Long first = firstWritten.putIfAbsent(id, record.timestamp());
                    if (first != null) {
                        copies++;
                        if (first < killedAtMillis && record.timestamp() >= killedAtMillis) {
                            explained++;
                        } else {
                            unexplained.add(record.topic() + " " + id);
                        }
                        continue;
                    }
                    events++;
                    byTopic.merge(record.topic(), 1, Integer::sum);
                    Instant at = Instant.parse(time);
                    String key = record.topic() + " " + record.key();
                    Instant latest = latestOfKey.get(key);
                    if (latest != null && at.isBefore(latest)) {
                        backwards.add(key + ": " + id + " of " + at + " after one of " + latest);
                    } else {
                        latestOfKey.put(key, at);
                    }
                }
            }
        }
        if (!unexplained.isEmpty()) {
            failures.add(unexplained.size() + " events on the broker twice, not across the kill: " + unexplained.subList(0, Math.min(5, unexplained.size())));
        }
        if (!backwards.isEmpty()) {
            failures.add(backwards.size() + " events out of their key's order: " + backwards.subList(0, Math.min(5, backwards.size())));
        }
        return String.format("events on the broker: %d distinct %s; %d sent twice (%d of them across the kill: the killed relay's "
                + "acknowledged batch, not yet deleted), %d out of their key's order", events, byTopic, copies, explained, backwards.size());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * The services' consumer groups: each must have {@code replicas} members, each member with at least one partition
     * assigned (the replicas share the group's partitions). Returns one line per group; adds failures.
     */
    static List<String> checkConsumerGroups(String bootstrapServers, int replicas, List<String> failures) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        List<String> lines = new ArrayList<>();
        try (Admin admin = Admin.create(config)) {
            Set<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                    .filter(group -> group.startsWith("pass-service-") || group.startsWith("eligibility-service-")
                            || group.startsWith("venue-service-"))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            if (groups.isEmpty()) {
                failures.add("no consumer group of the services on the broker");
            }
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all().get().values()) {
                List<Integer> shares = group.members().stream().map(MemberDescription::assignment)
                        .map(assignment -> assignment.topicPartitions().size()).toList();
                lines.add(String.format("%-40s %s, %d members, partitions per member %s", group.groupId(), group.state(),
                        shares.size(), shares));
                if (shares.size() != replicas || shares.contains(0)) {
                    failures.add("consumer group " + group.groupId() + ": " + shares.size() + " members with " + shares
                            + " partitions, expected " + replicas + " members each with at least one");
                }
            }
        }
        return lines;
    }
}
