package uk.gov.personalbudget.budget.support;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service on the {@code local} profile (development tokens on) with MockMvc, but on a fresh in-memory
 * H2 database per Spring context instead of the files under {@code ./data}, and without publication to Kafka.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("local")
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:budget-${random.uuid};DB_CLOSE_DELAY=-1",
            "budget.publication.enabled=false"
        })
public @interface LocalProfileTest {}
