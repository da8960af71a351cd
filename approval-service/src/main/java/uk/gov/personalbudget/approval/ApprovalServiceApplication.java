package uk.gov.personalbudget.approval;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The approval service: consumes budget events from Kafka and projects the authority's approval queue, each
 * budget's control trail and decision history, and reports across budgets.
 */
@SpringBootApplication
public class ApprovalServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApprovalServiceApplication.class, args);
    }
}
