package uk.gov.personalbudget.budget.eventstore;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadsWithoutTransactionTest {

    private final List<String> transactions = new ArrayList<>();
    private final TransactionManager recording = () -> {
        transactions.add("started");
        return new Transaction() {
            @Override
            public void commit() {
                transactions.add("committed");
            }

            @Override
            public void rollback() {
                transactions.add("rolled back");
            }
        };
    };
    private final ReadsWithoutTransaction engineTransactions = new ReadsWithoutTransaction(recording);

    @Test
    void aReadWithNoTransactionActiveStartsNone() {
        assertThat(engineTransactions.fetchInTransaction(() -> "rows")).isEqualTo("rows");

        assertThat(transactions).isEmpty();
    }

    @Test
    void aReadInsideATransactionGoesThroughTheEnginesTransactionManagerToJoinIt() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThat(engineTransactions.fetchInTransaction(() -> "rows")).isEqualTo("rows");
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }

        assertThat(transactions).containsExactly("started", "committed");
    }

    @Test
    void aWriteAlwaysRunsInATransaction() {
        engineTransactions.executeInTransaction(() -> transactions.add("appended"));

        assertThat(transactions).containsExactly("started", "appended", "committed");
    }
}
