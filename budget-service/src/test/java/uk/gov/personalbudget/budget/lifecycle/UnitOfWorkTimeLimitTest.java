package uk.gov.personalbudget.budget.lifecycle;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class UnitOfWorkTimeLimitTest {

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
            Thread.sleep(10_000); // held up: a lock or a database that does not answer
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
                Thread.sleep(10_000);
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
        ResultMessage<?> result = run(message -> {
            Thread.sleep(120); // past the warning (50 ms), well before the timeout (300 ms)
            return "slow but in time";
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo("slow but in time");
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
