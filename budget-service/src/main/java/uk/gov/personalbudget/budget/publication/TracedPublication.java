package uk.gov.personalbudget.budget.publication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.DomainEventMessage;
import uk.gov.personalbudget.budget.trace.TraceContexts;
import uk.gov.personalbudget.contracts.event.EventHeaders;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Each record is sent inside a producer span continuing the trace of the command that stored its event (the event's
 * {@code traceparent} metadata), and carries that span's {@code traceparent}, so approval-service's projection joins
 * the same trace. Counts {@code budget.events.published} by event type once Kafka has acknowledged a record.
 */
class TracedPublication implements PublicationObserver {

    private final TraceContexts traces;
    private final MeterRegistry meters;
    private final String topic;

    public TracedPublication(TraceContexts traces, MeterRegistry meters, String topic) {
        this.traces = traces;
        this.meters = meters;
        this.topic = topic;
    }

    @Override
    public BiConsumer<Object, Throwable> sending(ProducerRecord<String, byte[]> record, DomainEventMessage<?> event) {
        String type = event.getPayloadType().getSimpleName();
        // The event's traceparent, which the record already carries (read from the stored bytes, not the meta-data
        // map).
        Header carried = record.headers().lastHeader(EventHeaders.TRACEPARENT);
        String commandTrace = carried == null ? null : new String(carried.value(), StandardCharsets.UTF_8);
        Span span = traces.startSpan(commandTrace, "publish " + type, Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .tag("budget.id", event.getAggregateIdentifier())
                .tag("budget.event.sequence", event.getSequenceNumber());
        traces.traceParentOf(span).ifPresent(traceParent -> {
            record.headers().remove(EventHeaders.TRACEPARENT);
            record.headers().add(EventHeaders.TRACEPARENT, traceParent.value().getBytes(StandardCharsets.UTF_8));
        });
        return (acknowledged, failure) -> {
            if (failure == null) {
                published(type).increment();
            } else {
                span.error(failure);
            }
            span.end();
        };
    }

    private Counter published(String type) {
        return Counter.builder("budget.events.published")
                .description("Events Kafka has acknowledged (a re-publication after a failed batch counts again)")
                .tag("type", type)
                .register(meters);
    }
}
