package lu.kulturpass.core.statistics;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import lu.kulturpass.platform.inbox.Inbox;
import lu.kulturpass.platform.inbox.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Counts venue-service's admission events into the statistics, once each. */
@ApplicationScoped
public class AdmissionEvents {

    static final String CONSUMER = "statistics-admissions";

    private final Inbox inbox;
    private final VenueDailyUsage usage;

    public AdmissionEvents(Inbox inbox, VenueDailyUsage usage) {
        this.inbox = inbox;
        this.usage = usage;
    }

    @Incoming("admissions")
    @Blocking
    public CompletionStage<Void> on(Message<String> message) {
        return inbox.apply(CONSUMER, message, this::count);
    }

    private void count(IncomingEvent event) {
        UUID venue = UUID.fromString(event.text("venueId"));
        LocalDate day = OffsetDateTime.parse(event.text("scannedAt")).toLocalDate();
        switch (event.type()) {
            case "lu.kulturpass.admission.recorded" -> usage.count(venue, day, 1, 0);
            case "lu.kulturpass.admission.refused" -> usage.count(venue, day, 0, 1);
            default -> { /* other admission facts do not change these figures */ }
        }
    }
}
