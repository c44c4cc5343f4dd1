package lu.kulturpass.core.statistics;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.CompletionStage;
import lu.kulturpass.platform.inbox.Inbox;
import lu.kulturpass.platform.inbox.InboxFeed;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The statistics' four feeds: venue-service's admissions and performances (the places offered),
 * pass-service's own pass events, and eligibility-service's enrolments. Each event is applied once per consumer (see {@link Inbox}); each
 * poll of a feed is applied in one transaction, so a busy feed commits once per poll, not per event.
 */
@ApplicationScoped
public class StatisticsFeeds {

    static final String ADMISSIONS = "statistics-admissions";
    static final String PASSES = "statistics-passes";
    static final String ENROLMENTS = "statistics-enrolments";
    static final String PERFORMANCES = "statistics-performances";

    private final Inbox inbox;
    private final UsageFacts facts;

    public StatisticsFeeds(Inbox inbox, UsageFacts facts) {
        this.inbox = inbox;
        this.facts = facts;
    }

    // the four feeds, for replaying their dead letters (POST /dead-letters/{channel}/replay)
    @Produces
    InboxFeed admissionsFeed() {
        return new InboxFeed("admissions", ADMISSIONS, facts::admission);
    }

    @Produces
    InboxFeed passesFeed() {
        return new InboxFeed("passes", PASSES, facts::pass);
    }

    @Produces
    InboxFeed enrolmentsFeed() {
        return new InboxFeed("enrolments", ENROLMENTS, facts::enrolment);
    }

    @Produces
    InboxFeed performancesFeed() {
        return new InboxFeed("performances", PERFORMANCES, facts::performance);
    }

    @Incoming("admissions")
    @Blocking
    public CompletionStage<Void> admission(KafkaRecordBatch<String, String> events) {
        return inbox.applyAll(ADMISSIONS, events, facts::admissions, facts::admission);
    }

    @Incoming("passes")
    @Blocking
    public CompletionStage<Void> pass(KafkaRecordBatch<String, String> events) {
        return inbox.applyAll(PASSES, events, facts::pass);
    }

    @Incoming("enrolments")
    @Blocking
    public CompletionStage<Void> enrolment(KafkaRecordBatch<String, String> events) {
        return inbox.applyAll(ENROLMENTS, events, facts::enrolment);
    }

    @Incoming("performances")
    @Blocking
    public CompletionStage<Void> performance(KafkaRecordBatch<String, String> events) {
        return inbox.applyAll(PERFORMANCES, events, facts::performance);
    }
}
