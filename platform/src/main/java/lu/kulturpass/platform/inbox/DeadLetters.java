package lu.kulturpass.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lu.kulturpass.platform.kafka.KafkaClientSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Replays a channel's dead-letter topic once the cause of its events' failure is fixed: every record from the topic's
 * beginning up to its end at the moment of the call, in order, through the channel's own consumer ({@link InboxFeed}),
 * each alone in one transaction with the record of its id. Idempotent: an event applied before (live, or by an earlier
 * replay) is recognised by the inbox and changes nothing, so replaying twice is safe. The topic keeps its records (Kafka
 * is not a queue): an event that still fails stays there, for the next replay, and is reported. A fault of the
 * infrastructure stops the replay and is thrown (503); what was applied stays applied.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Inbox inbox;
    private final Instance<InboxFeed> feeds;
    private final Config config;
    private final KafkaClientSettings kafka;

    public DeadLetters(Inbox inbox, @Any Instance<InboxFeed> feeds, Config config, KafkaClientSettings kafka) {
        this.inbox = inbox;
        this.feeds = feeds;
        this.config = config;
        this.kafka = kafka;
    }

    /** What a replay did: how many dead letters it read, applied now, found applied before, and which still fail. */
    public record Replay(String channel, String topic, int read, int applied, int alreadyApplied, List<Inbox.Replayed.Failed> failed) {
    }

    /** The channels whose dead letters can be replayed here. */
    public List<String> channels() {
        return feeds.stream().map(InboxFeed::channel).sorted().toList();
    }

    /** Replays the channel's dead-letter topic; empty when this service has no such channel. */
    public Optional<Replay> replay(String channel) {
        Optional<InboxFeed> feed = feeds.stream().filter(f -> f.channel().equals(channel)).findFirst();
        if (feed.isEmpty()) {
            return Optional.empty();
        }
        String topic = topic(channel);
        int read = 0;
        int applied = 0;
        int alreadyApplied = 0;
        List<Inbox.Replayed.Failed> failed = new ArrayList<>();
        for (ConsumerRecord<String, String> record : readAll(topic)) {
            read++;
            Inbox.Replayed outcome = inbox.replayOne(feed.get().consumer(), record, feed.get().each());
            if (outcome instanceof Inbox.Replayed.Applied) {
                applied++;
            } else if (outcome instanceof Inbox.Replayed.AlreadyApplied) {
                alreadyApplied++;
            } else if (outcome instanceof Inbox.Replayed.Failed failure) {
                failed.add(failure);
            }
        }
        LOG.infof("Dead letters of %s replayed from %s: %d read, %d applied, %d applied before, %d still failing", channel, topic,
                read, applied, alreadyApplied, failed.size());
        return Optional.of(new Replay(channel, topic, read, applied, alreadyApplied, failed));
    }

    /** The channel's dead-letter topic: as configured, else SmallRye's default name. */
    String topic(String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class)
                .orElse("dead-letter-topic-" + channel);
    }

    /** Every record of the topic up to its end offsets as they are now, partition after partition, each in order. */
    private List<ConsumerRecord<String, String>> readAll(String topic) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.with(settings))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return records; // nothing was ever dead-lettered on this channel
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new org.apache.kafka.common.errors.TimeoutException("reading " + topic + " took over 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }
}
