package lu.kulturpass.platform.fault;

import io.smallrye.faulttolerance.api.Guard;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Tries work again inside the service when a fault of the infrastructure interrupted it ({@link TransientFaults}), with
 * SmallRye Fault Tolerance: up to 4 more times, 200 ms then doubling to at most 1 s apart (about 2.5 s in all, within
 * which a PostgreSQL restart is usually over), then the fault is thrown and answered 503 with Retry-After. Only for work
 * that is safe to repeat: a read, or a write that is idempotent by a nonce or an idempotency key, each attempt in a
 * transaction of its own (never inside the caller's: a failed transaction cannot be used again).
 */
public final class Retries {

    private static final Guard IDEMPOTENT = Guard.create()
            .withRetry()
                .maxRetries(4)
                .delay(200, ChronoUnit.MILLIS)
                .maxDuration(4, ChronoUnit.SECONDS)
                .jitter(50, ChronoUnit.MILLIS)
                .whenException(TransientFaults::isTransient)
                .withExponentialBackoff().factor(2).maxDelay(1, ChronoUnit.SECONDS).done()
                .done()
            .build();

    private Retries() {
    }

    /** Runs {@code work}, again after a transient fault (see the class comment); {@code work} must be safe to repeat. */
    @SuppressWarnings("unchecked")
    public static <T> T idempotent(Supplier<T> work) {
        return (T) IDEMPOTENT.get((Supplier<Object>) work, Object.class);
    }
}
