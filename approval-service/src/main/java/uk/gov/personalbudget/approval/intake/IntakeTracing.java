package uk.gov.personalbudget.approval.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import uk.gov.personalbudget.contracts.event.EventHeaders;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer span per record, continuing the trace its {@code traceparent} header names (the publishing span in
 * budget-service), so one trace runs from the REST call that caused an event into its projection here. Spring
 * Kafka observes only record listeners; this one takes batches, so the spans are made here. Counts
 * {@code approval.events.projected} by event type once a batch is stored, and {@code approval.intake.duplicates},
 * the records of it the projections skipped because their budget already had that event (a redelivery, or a
 * copy budget-service published again), and {@code approval.intake.ahead_of_sequence}, those skipped because an
 * earlier event of their budget had not come yet (after a failed publication; the copy that follows is projected).
 */
public class IntakeTracing {

    private final Tracer tracer;
    private final Propagator propagator;
    private final MeterRegistry meters;
    private final Counter duplicates;
    private final Counter ahead;
    /** {@code approval.events.projected} by event type, looked up in the registry once per type, not per record. */
    private final Map<String, Counter> projected = new ConcurrentHashMap<>();

    public IntakeTracing(Tracer tracer, Propagator propagator, MeterRegistry meters) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.meters = meters;
        // Registered now, so the series exists (at 0) before the first batch rather than after it.
        this.duplicates = Counter.builder("approval.intake.duplicates")
                .description("Budget events the projections skipped as already applied (redelivered or re-published)")
                .register(meters);
        this.ahead = Counter.builder("approval.intake.ahead_of_sequence")
                .description("Budget events the projections skipped because an earlier event of their budget had not "
                        + "been projected; the missing events and a copy of the skipped one follow on the topic")
                .register(meters);
    }

    /**
     * Opens one span per record, which the batch's outcome ends, unless the batch is part of a {@code replay}: a
     * replay re-reads every event ever published, and a span for each would add a million spans to traces that ended
     * long ago (and cost more than the record's check). The batch's outcome still counts its records.
     */
    public Batch start(List<ConsumerRecord<String, byte[]>> records, boolean replay) {
        List<Span> spans =
                replay ? List.of() : records.stream().map(this::start).toList();
        return new Batch(records, spans);
    }

    private Span start(ConsumerRecord<String, byte[]> record) {
        return propagator
                .extract(record.headers(), IntakeTracing::header)
                .name("project " + headerOr(record.headers(), EventHeaders.EVENT_TYPE, "event"))
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .tag("messaging.kafka.partition", record.partition())
                .tag("messaging.kafka.offset", record.offset())
                .tag("budget.id", record.key() == null ? "" : record.key())
                .start();
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String headerOr(Headers headers, String name, String otherwise) {
        String value = header(headers, name);
        return value == null ? otherwise : value;
    }

    private Counter projectedCounter(String type) {
        return Counter.builder("approval.events.projected")
                .description("Budget events stored into the projections (a redelivered event counts again)")
                .tag("type", type)
                .register(meters);
    }

    /** The spans of one batch being stored. */
    public final class Batch {

        private final List<ConsumerRecord<String, byte[]>> records;
        private final List<Span> spans;

        private Batch(List<ConsumerRecord<String, byte[]>> records, List<Span> spans) {
            this.records = records;
            this.spans = spans;
        }

        /**
         * The batch is stored; {@code duplicates} of its records were already applied and {@code ahead} came before
         * an earlier event of their budget, and so were skipped.
         */
        public void stored(int duplicates, int ahead) {
            spans.forEach(Span::end);
            IntakeTracing.this.duplicates.increment(duplicates);
            IntakeTracing.this.ahead.increment(ahead);
            Map<String, Integer> byType = new HashMap<>();
            records.forEach(record ->
                    byType.merge(headerOr(record.headers(), EventHeaders.EVENT_TYPE, "unknown"), 1, Integer::sum));
            byType.forEach((type, count) -> projected
                    .computeIfAbsent(type, IntakeTracing.this::projectedCounter)
                    .increment(count));
        }

        public void failed(Throwable failure) {
            spans.forEach(span -> span.error(failure).end());
        }
    }
}
