package uk.gov.personalbudget.budget.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.OptionalLong;

/**
 * Where each streaming processor is in the event store, per processing group: {@code budget.processor.position}
 * (the lowest global index its segments on this instance have handled) and {@code budget.processor.lag} (events
 * stored after it), beside {@code budget.event.store.head}. An instance holding none of a processor's segments
 * reports no position (NaN); query {@code min by (processing_group)} across instances.
 */
public class ProcessorMetrics implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine events;

    public ProcessorMetrics(EventProcessingConfiguration processing, EventStorageEngine events) {
        this.processing = processing;
        this.events = events;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("budget.event.store.head", this, metrics -> metrics.head().orElse(-1))
                .description("Global index of the last stored event")
                .register(registry);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("budget.processor.position", streaming, ProcessorMetrics::position)
                        .tag("processing_group", name)
                        .description("Lowest global index handled by this instance's segments of the processor")
                        .register(registry);
                Gauge.builder("budget.processor.lag", streaming, this::lag)
                        .tag("processing_group", name)
                        .description("Events stored but not yet handled by this instance's segments of the processor")
                        .register(registry);
            }
        });
    }

    private static double position(StreamingEventProcessor processor) {
        return lowestPosition(processor).stream().mapToDouble(position -> position).findFirst().orElse(Double.NaN);
    }

    private double lag(StreamingEventProcessor processor) {
        OptionalLong position = lowestPosition(processor);
        OptionalLong head = head();
        if (position.isEmpty()) {
            return Double.NaN;
        }
        return Math.max(0, head.orElse(-1) - position.getAsLong());
    }

    /** Before its first event a segment has no position; it then counts as before the first global index (-1). */
    private static OptionalLong lowestPosition(StreamingEventProcessor processor) {
        var statuses = processor.processingStatus().values();
        if (statuses.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(statuses.stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                .min().orElse(-1));
    }

    private OptionalLong head() {
        TrackingToken head = events.createHeadToken();
        return head instanceof GlobalSequenceTrackingToken global
                ? OptionalLong.of(global.getGlobalIndex())
                : OptionalLong.empty();
    }
}
