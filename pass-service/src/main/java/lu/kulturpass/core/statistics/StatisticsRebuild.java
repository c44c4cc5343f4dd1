package lu.kulturpass.core.statistics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lu.kulturpass.platform.inbox.Inbox;
import lu.kulturpass.platform.inbox.IncomingEvent;
import lu.kulturpass.platform.kafka.KafkaClientSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Rebuilds the statistics from the topics' beginning: empties the read model and the feeds' record
 * of applied events in one transaction, then replays every event up to the end offsets seen at that
 * moment through the same code the live feeds use. The live feeds keep running: an event both apply
 * is applied once (the inbox), an event after the end offsets is the live feeds' alone.
 */
@ApplicationScoped
public class StatisticsRebuild {

    private static final Logger LOG = Logger.getLogger(StatisticsRebuild.class);
    private static final List<String> READ_MODEL = List.of("venue_daily_usage", "venue_daily_refusal", "venue_daily_price",
            "venue_monthly_pass", "stats_pass", "stats_enrolment", "admission_fact", "partner_year_pass",
            "partner_year_holders", "performance_places");

    private final EntityManager db;
    private final Inbox inbox;
    private final UsageFacts facts;
    private final KafkaClientSettings kafka;

    public StatisticsRebuild(EntityManager db, Inbox inbox, UsageFacts facts, KafkaClientSettings kafka) {
        this.db = db;
        this.inbox = inbox;
        this.facts = facts;
        this.kafka = kafka;
    }

    /** How many events the rebuild read, and how many of them it skipped as unreadable. */
    public record Replayed(long events, long skipped) {
    }

    public Replayed rebuild() {
        QuarkusTransaction.requiringNew().run(() -> {
            db.createNativeQuery("truncate " + String.join(", ", READ_MODEL)).executeUpdate();
            db.createNativeQuery("delete from processed_event where consumer in (?1, ?2, ?3, ?4)")
                    .setParameter(1, StatisticsFeeds.ADMISSIONS).setParameter(2, StatisticsFeeds.PASSES)
                    .setParameter(3, StatisticsFeeds.ENROLMENTS).setParameter(4, StatisticsFeeds.PERFORMANCES).executeUpdate();
        });
        long[] counts = new long[2];
        replay("kulturpass.admissions", StatisticsFeeds.ADMISSIONS, facts::admissions, facts::admission, counts);
        replay("kulturpass.passes", StatisticsFeeds.PASSES, each(facts::pass), facts::pass, counts);
        replay("kulturpass.enrolments", StatisticsFeeds.ENROLMENTS, each(facts::enrolment), facts::enrolment, counts);
        replay("kulturpass.performances", StatisticsFeeds.PERFORMANCES, each(facts::performance), facts::performance, counts);
        LOG.infof("Statistics rebuilt from %d events (%d unreadable, skipped)", counts[0], counts[1]);
        return new Replayed(counts[0], counts[1]);
    }

    private static Consumer<List<IncomingEvent>> each(Consumer<IncomingEvent> effect) {
        return events -> events.forEach(effect);
    }

    /** Replays the topic up to its end offsets, a poll per transaction; adds to counts {read, skipped}. */
    private void replay(String topic, String consumerName, Consumer<List<IncomingEvent>> together, Consumer<IncomingEvent> each,
                        long[] counts) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.with(config))) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                List<ConsumerRecord<String, String>> polled = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        polled.add(record);
                    }
                }
                counts[1] += inbox.replay(consumerName, polled, together, each);
                counts[0] += polled.size();
            }
        }
    }
}
