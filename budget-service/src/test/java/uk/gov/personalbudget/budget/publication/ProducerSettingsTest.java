package uk.gov.personalbudget.budget.publication;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The publisher's producer settings that the no-loss guarantee and the recovery after refusals rest on. */
class ProducerSettingsTest {

    @Test
    void theProducerGivesUpOnARecordWhenItsBatchDoes() {
        Map<String, Object> settings = producerSettings(new KafkaProperties(), Duration.ofSeconds(3));

        assertThat(settings)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000L)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000);
        assertThat((int) settings.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG))
                .as("fits inside the delivery timeout with the linger")
                .isBetween(1, 3_000);
    }

    @Test
    void settingsAnOperatorGaveAreKeptAndTheRequestTimeoutFitsInsideThem() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getProducer().getProperties().put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        kafka.getProducer().getProperties().put(ProducerConfig.LINGER_MS_CONFIG, "50");

        Map<String, Object> settings = producerSettings(kafka, Duration.ofSeconds(10));

        assertThat(settings)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000")
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 19_950);
    }

    private static Map<String, Object> producerSettings(KafkaProperties kafka, Duration sendTimeout) {
        var publication = new PublicationProperties(
                true, "personal-budget-events", 4, (short) 1, 100, 16, sendTimeout, Duration.ofSeconds(2));
        var factory = new PublicationConfiguration()
                .budgetEventsProducerFactory(
                        kafka, new StaticListableBeanFactory().getBeanProvider(SslBundles.class), publication);
        return factory.getConfigurationProperties();
    }
}
