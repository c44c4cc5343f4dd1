package lu.kulturpass.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Deletes published outbox rows once they are older than the retention (default 7 days). */
@ApplicationScoped
public class OutboxCleanup {

    private final Duration retention;

    public OutboxCleanup(@ConfigProperty(name = "kulturpass.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.retention = retention;
    }

    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void deletePublished() {
        OutboxEvent.delete("publishedAt < ?1", OffsetDateTime.now(ZoneOffset.UTC).minus(retention));
    }
}
