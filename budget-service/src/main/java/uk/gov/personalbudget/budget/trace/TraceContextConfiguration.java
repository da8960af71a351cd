package uk.gov.personalbudget.budget.trace;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon copies a command's {@code traceparent} metadata to every event it causes. Axon registers its own
 * {@link MessageOriginProvider} only while no other {@link CorrelationDataProvider} bean exists, so it is declared
 * here too: events keep their {@code correlationId} and {@code traceId} metadata.
 */
@Configuration(proxyBeanMethods = false)
class TraceContextConfiguration {

    @Bean
    public CorrelationDataProvider traceParentCorrelation() {
        return new SimpleCorrelationDataProvider(TraceParent.METADATA_KEY);
    }

    @Bean
    public CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** Without Micrometer Tracing (some test slices) every command starts a trace of its own, untraced. */
    @Bean
    public TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContexts(
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
