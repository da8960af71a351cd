package uk.gov.personalbudget.budget.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.personalbudget.budget.BudgetServiceApplication;

import java.net.InetAddress;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Development tokens never reach a real deployment: a service with them listens on loopback only, or does not start;
 * the local profile listens on loopback, and its H2 server accepts no other host.
 */
class DevTokensOnLoopbackTest {

    @Test
    void aServiceIssuingDevelopmentTokensRefusesToStartOnEveryInterface() {
        for (String everyInterface : new String[] {"0.0.0.0", ""}) {
            assertThatThrownBy(() -> start("--server.address=" + everyInterface).close())
                    .hasStackTraceContaining("listens on loopback only");
        }
        assertThatThrownBy(() -> LoopbackOnly.require("192.0.2.10")).hasMessageContaining("'192.0.2.10'");
        LoopbackOnly.require("127.0.0.1");
        LoopbackOnly.require("::1");
    }

    @Test
    void theLocalProfileListensOnLoopbackAndBindsH2ThereToo() throws Exception {
        try (ConfigurableApplicationContext service = start()) {
            var server = ((WebServerApplicationContext) service).getWebServer();
            assertThat(service.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
            assertThat(InetAddress.getByName(service.getEnvironment().getProperty("server.address"))
                            .isLoopbackAddress())
                    .isTrue();
            assertThat(server.getPort()).isPositive();
            assertThat(System.getProperty("h2.bindAddress")).isEqualTo("127.0.0.1");
        }
    }

    private static ConfigurableApplicationContext start(String... more) {
        String database = "loopback_" + UUID.randomUUID().toString().replace("-", "");
        String[] arguments = {
            "--spring.profiles.active=local",
            "--server.port=0",
            "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
            "--budget.publication.enabled=false"
        };
        String[] all = new String[arguments.length + more.length];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(more, 0, all, arguments.length, more.length);
        return new SpringApplicationBuilder(BudgetServiceApplication.class).run(all);
    }
}
