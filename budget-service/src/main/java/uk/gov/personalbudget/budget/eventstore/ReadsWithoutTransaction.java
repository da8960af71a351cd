package uk.gov.personalbudget.budget.eventstore;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;

/**
 * The event store engine's transaction manager, except that a read with no transaction active runs without one.
 * Axon's JDBC engine wraps each of its reads in a transaction ({@code fetchInTransaction}): the event store's reader
 * thread, reading the stream after every commit, paid a {@code BEGIN}, a {@code COMMIT} and a round trip to the
 * database for each query, about a quarter of that thread's samples (docs/benchmarks.md, section 1a). Each of those
 * reads is one query, or queries that at PostgreSQL's and H2's default isolation (read committed) see a snapshot of
 * their own anyway, so it reads the same without one. A read inside a transaction (a command loading its budget)
 * joins it as before, and writes (appends, snapshots) always run in one.
 */
final class ReadsWithoutTransaction implements TransactionManager {

    private final TransactionManager delegate;

    ReadsWithoutTransaction(TransactionManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Transaction startTransaction() {
        return delegate.startTransaction();
    }

    @Override
    public void executeInTransaction(Runnable task) {
        delegate.executeInTransaction(task);
    }

    @Override
    public <T> T fetchInTransaction(Supplier<T> supplier) {
        return TransactionSynchronizationManager.isActualTransactionActive()
                ? delegate.fetchInTransaction(supplier)
                : supplier.get();
    }
}
