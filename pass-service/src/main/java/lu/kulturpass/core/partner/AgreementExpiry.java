package lu.kulturpass.core.partner;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Expires agreements by date, hourly and shortly after start. */
@ApplicationScoped
public class AgreementExpiry {

    private final Agreements agreements;

    public AgreementExpiry(Agreements agreements) {
        this.agreements = agreements;
    }

    @Scheduled(every = "1h", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        agreements.expireDue(LocalDate.now(ZoneOffset.UTC));
    }
}
