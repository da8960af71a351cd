package uk.gov.personalbudget.budget.trace;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The W3C trace context between Micrometer Tracing's spans and the {@code traceparent} that commands, events and
 * Kafka records carry, so that one trace runs from a REST call through the event store and Kafka into
 * approval-service.
 */
public class TraceContexts {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The traceparent of the span current on this thread; empty when tracing is off or no span is open. */
    public Optional<TraceParent> current() {
        Span span = tracer.currentSpan();
        return span == null ? Optional.empty() : traceParentOf(span);
    }

    /** Starts a span continuing the trace of {@code traceParent}, or a new trace when it is null or invalid. */
    public Span startSpan(String traceParent, String name, Span.Kind kind) {
        Map<String, String> carrier = new HashMap<>();
        if (traceParent != null) {
            carrier.put(TraceParent.METADATA_KEY, traceParent);
        }
        return propagator.extract(carrier, Map::get).name(name).kind(kind).start();
    }

    /** The traceparent naming {@code span} as the parent of what follows; empty for a no-op span. */
    public Optional<TraceParent> traceParentOf(Span span) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return TraceParent.parse(carrier.get(TraceParent.METADATA_KEY));
    }
}
