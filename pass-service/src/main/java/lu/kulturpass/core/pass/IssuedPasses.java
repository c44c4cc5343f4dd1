package lu.kulturpass.core.pass;

import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Counts the passes issued, for operators ({@code kulturpass_passes_issued_total}; new passes and replacement cards,
 * not renewals): counted once their transaction committed, so a rolled-back or retried issue counts nothing more.
 */
@Startup // its meters are at /q/metrics from the start, at 0
@ApplicationScoped
public class IssuedPasses {

    /** Passes written in a transaction; counted if it commits. */
    public record Written(int passes) {
    }

    private final Counter issued;

    public IssuedPasses(MeterRegistry registry) {
        this.issued = Counter.builder("kulturpass.passes.issued").description("Passes issued (new passes and replacement cards)")
                .register(registry);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Written written) {
        issued.increment(written.passes());
    }
}
