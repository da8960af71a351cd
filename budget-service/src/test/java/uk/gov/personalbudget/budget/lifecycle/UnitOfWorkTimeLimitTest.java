package uk.gov.personalbudget.budget.lifecycle;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UnitOfWorkTimeLimitTest {

    /** What held-up work waits for: never counted down, so only an interruption ends the wait. */
    private final CountDownLatch neverReleased = new CountDownLatch(1);

    private final UnitOfWorkTimeLimit limit =
            new UnitOfWorkTimeLimit("test", Duration.ofMillis(50), Duration.ofMillis(300));

    @AfterEach
    void stopTimer() {
        limit.close();
    }

    @Test
    void workThatFinishesInTimeIsLeftAlone() {
        ResultMessage<?> result = run(message -> "done");

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo("done");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void workStillRunningAtTheTimeoutIsInterruptedAndRolledBack() {
        AtomicBoolean rolledBack = new AtomicBoolean();

        ResultMessage<?> result = run(message -> {
            rolledBackOnFailure(rolledBack);
            neverReleased.await(); // held up: a lock or a database that does not answer
            return "too late";
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult())
                .isInstanceOf(UnitOfWorkTimeLimit.TimedOut.class)
                .hasMessage("test handling String did not finish within 300 ms and was interrupted")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(rolledBack).isTrue();
        assertThat(Thread.currentThread().isInterrupted())
                .as("the thread is free for its next work")
                .isFalse();
    }

    @Test
    void workThatSwallowsTheInterruptionStillFails() {
        ResultMessage<?> result = run(message -> {
            try {
                neverReleased.await();
            } catch (InterruptedException swallowed) {
                // a handler that ignores the interruption and returns as if it had finished
            }
            return "finished anyway";
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(UnitOfWorkTimeLimit.TimedOut.class);
    }

    @Test
    void theWarningBeforeTheTimeoutDoesNotStopTheWork() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(UnitOfWorkTimeLimit.class);
        logger.addAppender(log);
        try {
            ResultMessage<?> result = run(message -> {
                // Still running when the warning (50 ms) is logged, and done well before the timeout (300 ms).
                await().atMost(Duration.ofMillis(200)).until(() -> !log.list.isEmpty());
                return "slow but in time";
            });

            assertThat(result.isExceptional()).isFalse();
            assertThat(result.getPayload()).isEqualTo("slow but in time");
            assertThat(log.list)
                    .singleElement()
                    .satisfies(warning ->
                            assertThat(warning.getFormattedMessage()).startsWith("test handling String has run for "));
        } finally {
            logger.detachAppender(log);
        }
    }

    private static void rolledBackOnFailure(AtomicBoolean rolledBack) {
        CurrentUnitOfWork.get().onRollback(unitOfWork -> rolledBack.set(true));
    }

    private ResultMessage<?> run(MessageHandler<Message<?>> handler) {
        Message<?> command = GenericCommandMessage.asCommandMessage("work");
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(command);
        return unitOfWork.executeWithResult(
                () -> new DefaultInterceptorChain<>(unitOfWork, List.of(limit), handler).proceed());
    }
}
