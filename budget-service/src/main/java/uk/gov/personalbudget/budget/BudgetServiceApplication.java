package uk.gov.personalbudget.budget;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import uk.gov.personalbudget.support.ServiceEdge;

/** The budget service: the PersonalBudget aggregate, its event store and the REST API for council systems. */
@SpringBootApplication
@Import(ServiceEdge.class)
public class BudgetServiceApplication {

    /**
     * Axon's update checker reads only this system property, its environment variable twin
     * ({@code AXONIQ_UPDATE_CHECKER_DISABLED}) and a file in the user's home; it does not consult the Spring
     * property {@code axon.update-check.disabled} when it starts. Offline, it would log errors at every start.
     */
    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";
    /** We do not use AxonIQ Console; this stops Axon advertising it in the start-up log. */
    static final String CONSOLE_MESSAGE_DISABLED = "disable-axoniq-console-message";

    public static void main(String[] args) {
        defaultSystemProperty(UPDATE_CHECKER_DISABLED, "true");
        defaultSystemProperty(CONSOLE_MESSAGE_DISABLED, "true");
        SpringApplication.run(BudgetServiceApplication.class, args);
    }

    /** An explicit -D on the command line still wins. */
    private static void defaultSystemProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
