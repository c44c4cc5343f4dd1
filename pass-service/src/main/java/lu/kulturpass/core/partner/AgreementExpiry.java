package lu.kulturpass.core.partner;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import lu.kulturpass.platform.time.ProgrammeCalendar;

/** Expires agreements by date, hourly and shortly after start. */
@ApplicationScoped
public class AgreementExpiry {

    private final Agreements agreements;
    private final ProgrammeCalendar calendar;

    public AgreementExpiry(Agreements agreements, ProgrammeCalendar calendar) {
        this.agreements = agreements;
        this.calendar = calendar;
    }

    @Scheduled(every = "1h", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        agreements.expireDue(calendar.today());
    }
}
