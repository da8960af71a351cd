package uk.gov.personalbudget.approval;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import uk.gov.personalbudget.support.ServiceEdge;

import java.time.Clock;

/**
 * The approval service: consumes budget events from Kafka and projects the authority's approval queue, each
 * budget's control trail and decision history, and reports across budgets.
 */
@SpringBootApplication
@Import(ServiceEdge.class)
public class ApprovalServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApprovalServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
