package lu.kulturpass.venue;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import lu.kulturpass.testing.TestSpans;

/** The spans this service makes in its tests go to memory ({@link TestSpans}), where the tests read them. */
public class TestSpanExporter {

    @Produces
    @Singleton
    SpanExporter inMemory() {
        return TestSpans.EXPORTER;
    }
}
