package lu.kulturpass.venue.admission;

import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/**
 * What operators watch at the doors (docs/observability.md): the answers given to live scans by reason
 * ({@code kulturpass_scan_answers_total{reason="EXPIRED"}}: a reason code, never anything about the holder), each
 * reason counted from 0, and how long a scan took from its request to its answer
 * ({@code kulturpass_scan_duration_seconds}, a histogram).
 */
@Startup // its meters are at /q/metrics from the start, at 0
@Singleton
public class ScanMeters {

    private final Map<Reason, Counter> answers = new EnumMap<>(Reason.class);
    private final Timer duration;
    private final MeterRegistry registry;

    public ScanMeters(MeterRegistry registry) {
        this.registry = registry;
        for (Reason reason : Reason.values()) {
            answers.put(reason, Counter.builder("kulturpass.scan.answers").tag("reason", reason.name())
                    .description("Answers given to live scans at the door, by reason").register(registry));
        }
        this.duration = Timer.builder("kulturpass.scan.duration").publishPercentileHistogram()
                .description("Time from a live scan's request to its answer").register(registry);
    }

    /** Starts timing a scan. */
    Timer.Sample started() {
        return Timer.start(registry);
    }

    /** A scan was answered: counted under its reason, and its time recorded. */
    void answered(Timer.Sample started, Reason reason) {
        started.stop(duration);
        answers.get(reason).increment();
    }
}
