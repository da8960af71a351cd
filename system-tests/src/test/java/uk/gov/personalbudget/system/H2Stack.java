package uk.gov.personalbudget.system;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import uk.gov.personalbudget.testsupport.process.ServiceProcess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Both services as real processes on their embedded defaults, with an in-process Kafka broker (KRaft): each service
 * on its own H2 file database under {@code data}, and the personal data key store in a third that both open.
 * approval-service trusts budget-service's development tokens and reads budget states from it. Closing stops
 * everything in reverse order.
 */
final class H2Stack implements AutoCloseable {

    private final List<AutoCloseable> running = new ArrayList<>();
    private ServiceProcess budgetService;
    private ServiceProcess approvalService;

    private H2Stack() {}

    static H2Stack start(Path data) throws Exception {
        H2Stack stack = new H2Stack();
        try {
            stack.startIn(data);
        } catch (Exception | Error failed) {
            stack.close();
            throw failed;
        }
        return stack;
    }

    ServiceProcess budgetService() {
        return budgetService;
    }

    ServiceProcess approvalService() {
        return approvalService;
    }

    private void startIn(Path data) throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4);
        broker.afterPropertiesSet();
        running.add(broker::destroy);
        // One H2 file for both processes; AUTO_SERVER lets the second in through the first.
        List<String> keys = List.of(
                "--personal-data.keys.datasource.url=jdbc:h2:file:" + data.resolve("keys") + ";AUTO_SERVER=TRUE");
        List<String> budgetArguments = new ArrayList<>(keys);
        budgetArguments.add(
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("budget") + ";DB_CLOSE_ON_EXIT=FALSE");
        budgetArguments.add("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString());
        budgetService = ServiceProcess.start("budget-service", budgetArguments);
        running.add(budgetService);
        List<String> approvalArguments = new ArrayList<>(keys);
        approvalArguments.add(
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("approval") + ";DB_CLOSE_ON_EXIT=FALSE");
        approvalArguments.add("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString());
        approvalArguments.add("--security.jwt.jwk-set-uri=" + budgetService.baseUrl() + "/dev/jwks");
        approvalArguments.add("--approval.budget-service.url=" + budgetService.baseUrl());
        approvalService = ServiceProcess.start("approval-service", approvalArguments);
        running.add(approvalService);
    }

    @Override
    public void close() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }
}
