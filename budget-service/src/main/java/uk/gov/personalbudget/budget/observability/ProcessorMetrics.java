package uk.gov.personalbudget.budget.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.OptionalLong;

/**
 * Where each streaming processor has got in the event store, per processing group, as its committed tokens say (so
 * every instance reports the same, whichever holds the segments): {@code budget.processor.position} (the lowest
 * global index all its segments have handled) and {@code budget.processor.lag} (events stored after it), beside
 * {@code budget.event.store.head}. A processor without tokens yet counts as before the first event.
 */
class ProcessorMetrics implements MeterBinder {

    private static final String TOKENS = "SELECT token, token_type FROM token_entry WHERE processor_name = ?";

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine events;
    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;

    public ProcessorMetrics(
            EventProcessingConfiguration processing,
            EventStorageEngine events,
            JdbcTemplate jdbc,
            Serializer tokenSerializer) {
        this.processing = processing;
        this.events = events;
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("budget.event.store.head", this, metrics -> metrics.head().orElse(-1))
                .description("Global index of the last stored event (-1 before the first)")
                .register(registry);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                Gauge.builder("budget.processor.position", this, metrics -> metrics.position(name))
                        .tag("processing_group", name)
                        .description("Lowest global index every segment of the processor has committed")
                        .register(registry);
                Gauge.builder("budget.processor.lag", this, metrics -> metrics.lag(name))
                        .tag("processing_group", name)
                        .description("Events stored after the processor's committed position")
                        .register(registry);
            }
        });
    }

    private double position(String processorName) {
        return committedPosition(processorName);
    }

    private double lag(String processorName) {
        return Math.max(0, head().orElse(-1) - committedPosition(processorName));
    }

    private long committedPosition(String processorName) {
        List<Long> positions = jdbc.query(
                TOKENS,
                (row, number) -> {
                    byte[] token = row.getBytes("token");
                    String type = row.getString("token_type");
                    if (token == null || type == null) {
                        return -1L;
                    }
                    TrackingToken tracking =
                            tokenSerializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
                    return tracking == null ? -1L : tracking.position().orElse(-1);
                },
                processorName);
        return positions.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private OptionalLong head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }
}
