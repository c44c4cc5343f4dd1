package lu.kulturpass.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The spans a service made in its tests, kept in memory instead of sent to a collector: a service's tests declare
 * {@link #EXPORTER} as their CDI {@code SpanExporter} ({@code @Produces}; Quarkus's {@code cdi} traces exporter sends
 * every ended span to the exporter beans).
 */
public final class TestSpans {

    public static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

    private TestSpans() {
    }

    /** The first span ended (within 10 s) that matches. */
    public static SpanData await(Predicate<SpanData> span) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> EXPORTER.getFinishedSpanItems().stream().filter(span).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** Every span ended so far in a trace. */
    public static List<SpanData> ofTrace(String traceId) {
        return EXPORTER.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }
}
