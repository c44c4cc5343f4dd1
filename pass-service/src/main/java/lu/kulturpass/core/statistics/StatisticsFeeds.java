package lu.kulturpass.core.statistics;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import lu.kulturpass.platform.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The statistics' three feeds: venue-service's admissions, pass-service's own pass events, and
 * eligibility-service's enrolments. Each event is applied once per consumer (see {@link Inbox}).
 */
@ApplicationScoped
public class StatisticsFeeds {

    static final String ADMISSIONS = "statistics-admissions";
    static final String PASSES = "statistics-passes";
    static final String ENROLMENTS = "statistics-enrolments";

    private final Inbox inbox;
    private final UsageFacts facts;

    public StatisticsFeeds(Inbox inbox, UsageFacts facts) {
        this.inbox = inbox;
        this.facts = facts;
    }

    @Incoming("admissions")
    @Blocking
    public CompletionStage<Void> admission(Message<String> message) {
        return inbox.apply(ADMISSIONS, message, facts::admission);
    }

    @Incoming("passes")
    @Blocking
    public CompletionStage<Void> pass(Message<String> message) {
        return inbox.apply(PASSES, message, facts::pass);
    }

    @Incoming("enrolments")
    @Blocking
    public CompletionStage<Void> enrolment(Message<String> message) {
        return inbox.apply(ENROLMENTS, message, facts::enrolment);
    }
}
