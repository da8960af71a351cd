package uk.gov.personalbudget.approval.replay;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import uk.gov.personalbudget.approval.ApprovalServiceApplication;
import uk.gov.personalbudget.contracts.value.Role;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The replay a key started is still that key's answer after approval-service restarts on the same database. */
@EmbeddedKafka(kraft = true, partitions = 1, topics = "personal-budget-events")
class ReplayKeysSurviveARestartTest {

    @TempDir
    Path dataDirectory;

    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aRetryAfterARestartGetsTheFirstReplayAndStartsNoOther(EmbeddedKafkaBroker broker) throws Exception {
        service = start(broker);
        MockHttpServletResponse first = mvc().perform(ReplayIdempotencyApiTest.replay("aud-khan", Role.AUDITOR, "k-1"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse();

        service.close();
        service = start(broker);

        MockHttpServletResponse retry = mvc().perform(ReplayIdempotencyApiTest.replay("aud-khan", Role.AUDITOR, "k-1"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn()
                .getResponse();
        assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(retry.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(service.getBean(JdbcTemplate.class)
                        .queryForObject("SELECT COUNT(*) FROM idempotent_request", Integer.class))
                .isEqualTo(1);
    }

    private ConfigurableApplicationContext start(EmbeddedKafkaBroker broker) {
        return new SpringApplicationBuilder(ApprovalServiceApplication.class)
                .run(
                        "--spring.profiles.active=local",
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("projections")
                                + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /** MockMvc over the running service, so the test's tokens need no identity provider. */
    private MockMvc mvc() {
        Filter idempotency = service.getBean("idempotencyFilter", FilterRegistrationBean.class)
                .getFilter();
        return MockMvcBuilders.webAppContextSetup((WebApplicationContext) service)
                .apply(springSecurity())
                .addFilters(idempotency)
                .build();
    }
}
