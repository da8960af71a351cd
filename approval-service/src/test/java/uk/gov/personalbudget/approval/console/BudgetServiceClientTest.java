package uk.gov.personalbudget.approval.console;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without an answer from budget-service the console's forwarded reads fail as unavailable, never as a 500. */
class BudgetServiceClientTest {

    @Test
    void noConfiguredBudgetServiceIsUnavailable() {
        assertThatThrownBy(() -> new BudgetServiceClient("").get("/api/v1/budgets/PB-1", "token"))
                .isInstanceOf(BudgetServiceUnavailable.class)
                .hasMessageContaining("APPROVAL_BUDGET_SERVICE_URL");
    }

    @Test
    void aBudgetServiceThatDoesNotAnswerIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BudgetServiceClient client = new BudgetServiceClient("http://127.0.0.1:" + closedPort + "/");

        assertThatThrownBy(() -> client.get("/api/v1/budgets/PB-1", "token"))
                .isInstanceOf(BudgetServiceUnavailable.class)
                .hasMessageContaining("did not answer");
        assertThatThrownBy(() -> client.postJson("/dev/tokens", "{}".getBytes()))
                .isInstanceOf(BudgetServiceUnavailable.class);
    }
}
