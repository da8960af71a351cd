package uk.gov.personalbudget.budget.lifecycle;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Bounds the whole work of every unit of work (a command with its events, or a publication batch): after
 * {@code warnAfter} a warning names it and shows what its thread is doing, and after {@code timeout} the thread is
 * interrupted, so that work held up by a lock or a database that does not answer ends and its unit of work rolls back.
 * <p>
 * It does what Axon 4.12's own limit ({@code UnitOfWorkTimeoutInterceptor}, off with {@code axon.timeout.enabled}) does
 * with Axon's defaults, except that Axon's takes the thread's whole stack trace when each unit of work starts, to name
 * its caller ({@code AxonTimeLimitedTask.start}): a tenth of a command's CPU on the request threads, with Axon's limits
 * around each handler (docs/benchmarks.md). This one looks at the stack only when a warning is due.
 */
final class UnitOfWorkTimeLimit implements MessageHandlerInterceptor<Message<?>>, AutoCloseable {

    static final Duration WARN_AFTER = Duration.ofSeconds(10);
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(UnitOfWorkTimeLimit.class);
    private static final String RESOURCE = UnitOfWorkTimeLimit.class.getName();

    private final String component;
    private final Duration warnAfter;
    private final Duration timeout;
    private final ScheduledThreadPoolExecutor timer;

    UnitOfWorkTimeLimit(String component) {
        this(component, WARN_AFTER, TIMEOUT);
    }

    UnitOfWorkTimeLimit(String component, Duration warnAfter, Duration timeout) {
        if (warnAfter.compareTo(timeout) >= 0) {
            throw new IllegalArgumentException("the warning must come before the timeout");
        }
        this.component = component;
        this.warnAfter = warnAfter;
        this.timeout = timeout;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "time-limit-" + component);
            thread.setDaemon(true);
            return thread;
        });
        // A limit ends with its unit of work, almost always long before it is due: drop it from the queue at once.
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        Limit limit = root.getResource(RESOURCE);
        if (limit == null) {
            Limit started = new Limit(
                    Thread.currentThread(),
                    component + " handling "
                            + unitOfWork.getMessage().getPayloadType().getSimpleName());
            root.resources().put(RESOURCE, started);
            started.start();
            root.onCleanup(ended -> started.end());
            limit = started;
        }
        Object result;
        try {
            result = chain.proceed();
        } catch (Exception failure) {
            throw limit.interrupted() ? new TimedOut(limit.name, timeout, failure) : failure;
        }
        if (limit.interrupted()) {
            // The handler swallowed the interruption: its work must not commit as if it had finished in time.
            throw new TimedOut(limit.name, timeout, null);
        }
        return result;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The limit of one unit of work; its state changes under its own lock, from its thread and the timer's. */
    private final class Limit {

        private final Thread thread;
        private final String name;
        private final long startedNanos = System.nanoTime();
        private boolean ended;
        private boolean interrupted;
        private ScheduledFuture<?> next;

        Limit(Thread thread, String name) {
            this.thread = thread;
            this.name = name;
        }

        synchronized void start() {
            next = timer.schedule(this::warn, warnAfter.toNanos(), TimeUnit.NANOSECONDS);
        }

        private synchronized void warn() {
            if (ended) {
                return;
            }
            log.warn(
                    "{} has run for {} ms on thread {} and is interrupted at {} ms; it is at:{}",
                    name,
                    elapsedMillis(),
                    thread.getName(),
                    timeout.toMillis(),
                    Arrays.stream(thread.getStackTrace())
                            .map(frame -> "\n\tat " + frame)
                            .collect(Collectors.joining()));
            next = timer.schedule(this::interrupt, timeout.minus(warnAfter).toNanos(), TimeUnit.NANOSECONDS);
        }

        private synchronized void interrupt() {
            if (ended) {
                return;
            }
            interrupted = true;
            log.error("{} has run for {} ms on thread {}: interrupting it", name, elapsedMillis(), thread.getName());
            thread.interrupt();
        }

        synchronized boolean interrupted() {
            return interrupted;
        }

        /** On the unit of work's own thread, after commit or rollback: an interruption must not outlive it. */
        void end() {
            boolean clear;
            synchronized (this) {
                ended = true;
                if (next != null) {
                    next.cancel(false);
                }
                clear = interrupted && Thread.currentThread() == thread;
            }
            if (clear) {
                Thread.interrupted();
            }
        }

        private long elapsedMillis() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        }
    }

    /** The unit of work ran past its limit and was interrupted; it is rolled back. */
    static final class TimedOut extends RuntimeException {

        TimedOut(String name, Duration timeout, Throwable cause) {
            super(name + " did not finish within " + timeout.toMillis() + " ms and was interrupted", cause);
        }
    }
}
