package uk.gov.personalbudget.support.observability;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerHealthTest {

    @Test
    void noBrokerAnsweringIsDownWithinTheTimeoutAndTheAnswerIsKeptForAFewSeconds() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var health = new Closing(new KafkaBrokerHealth(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + closedPort), Clock.systemUTC()))) {
            Instant asked = Instant.now();
            assertThat(health.indicator().health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.between(asked, Instant.now())).isLessThan(KafkaBrokerHealth.TIMEOUT.plusSeconds(2));

            Instant again = Instant.now();
            assertThat(health.indicator().reachable()).isFalse();
            assertThat(Duration.between(again, Instant.now()))
                    .as("the kept answer")
                    .isLessThan(Duration.ofMillis(200));
        }
    }

    private record Closing(KafkaBrokerHealth indicator) implements AutoCloseable {
        @Override
        public void close() {
            indicator.destroy();
        }
    }
}
