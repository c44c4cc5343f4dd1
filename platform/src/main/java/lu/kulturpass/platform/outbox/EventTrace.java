package lu.kulturpass.platform.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.Map;

/**
 * The trace an event belongs to, as the W3C {@code traceparent} header says it: taken when the event is written to
 * the outbox (the trace of the request or consumer that made the change), kept with its row, and written by the relay
 * into the Kafka record's {@code traceparent} header, from which the consumer's span continues the same trace. None
 * when tracing is off (the OpenTelemetry SDK disabled: no span is valid).
 */
public final class EventTrace {

    /** The Kafka header, and the outbox column's content: {@code 00-<trace id>-<span id>-<flags>}. */
    public static final String HEADER = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapSetter<Map<String, String>> INTO_MAP = (map, name, value) -> map.put(name, value);
    private static final TextMapGetter<String> FROM_TRACE_PARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceParent) {
            return java.util.List.of(HEADER);
        }

        @Override
        public String get(String traceParent, String name) {
            return HEADER.equals(name) ? traceParent : null;
        }
    };

    private EventTrace() {
    }

    /** The current span's traceparent, or null when there is none (tracing off, or outside any trace). */
    public static String current() {
        return of(Context.current());
    }

    /** The traceparent of a context's span, or null when it has no valid one. */
    public static String of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>(2);
        W3C.inject(context, headers, INTO_MAP);
        return headers.get(HEADER);
    }

    /** The context a stored traceparent names (its span as the remote parent); the root context for null or garbage. */
    public static Context context(String traceParent) {
        return traceParent == null ? Context.root() : W3C.extract(Context.root(), traceParent, FROM_TRACE_PARENT);
    }
}
