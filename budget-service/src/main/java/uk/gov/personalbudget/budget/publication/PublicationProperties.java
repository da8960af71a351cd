package uk.gov.personalbudget.budget.publication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

import java.time.Duration;

/**
 * {@code budget.publication.*}: where and how the stored events are published (application.yml documents each).
 *
 * @param enabled           false only for tests that involve no Kafka: then no processor and no Kafka bean exist
 * @param topic             the topic every event goes to
 * @param partitions        the topic's partitions when it is created
 * @param replicationFactor the topic's replication factor when it is created
 * @param batchSize         events per unit of work of the publishing processor (one token update per batch)
 * @param segments          the segments the publishing processor's token is split into when first created
 * @param sendTimeout       how long a batch waits for Kafka to acknowledge all its records before it fails
 * @param claimInterval     how often each instance's processor looks for segments no instance holds (a segment of a
 *                          crashed instance is free once its claim times out, {@code axon.eventhandling.tokenstore.claim-timeout})
 */
@ConfigurationProperties("budget.publication")
record PublicationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("personal-budget-events") String topic,
        @DefaultValue("4") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("100") int batchSize,
        @DefaultValue("16") int segments,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("2s") Duration claimInterval) {

    public PublicationProperties {
        Assert.hasText(topic, "budget.publication.topic must not be blank");
        Assert.isTrue(partitions > 0, "budget.publication.partitions must be at least 1, was " + partitions);
        Assert.isTrue(
                replicationFactor > 0,
                "budget.publication.replication-factor must be at least 1, was " + replicationFactor);
        Assert.isTrue(segments > 0, "budget.publication.segments must be at least 1, was " + segments);
        Assert.isTrue(batchSize > 0, "budget.publication.batch-size must be at least 1, was " + batchSize);
        Assert.isTrue(
                !sendTimeout.isNegative() && !sendTimeout.isZero(),
                "budget.publication.send-timeout must be positive, was " + sendTimeout);
        Assert.isTrue(
                !claimInterval.isNegative() && !claimInterval.isZero(),
                "budget.publication.claim-interval must be positive, was " + claimInterval);
    }
}
