package uk.gov.personalbudget.budget.web;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.gov.personalbudget.budget.web.ApiClient.BUDGETS;
import static uk.gov.personalbudget.budget.web.ApiClient.problem;

/** A request that failed with a 5xx (here the command bus refusing every command) leaves its key free to retry. */
@Import(ServerErrorsAreNotRememberedApiTest.Outage.class)
class ServerErrorsAreNotRememberedApiTest extends ApiTestSupport {

    @Autowired
    private Outage outage;

    @AfterEach
    void endOutage() {
        outage.down.set(false);
    }

    @Test
    void aCommandRetriedAfterAServerErrorRunsOnce() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);

        outage.down.set(true);
        send(id, "after-outage").andExpect(problem(500, "internal-error"));
        assertThat(api.version(id)).isEqualTo(Stage.ACTIVE.events() - 1);
        outage.down.set(false);

        send(id, "after-outage").andExpect(status().isOk()).andExpect(header().doesNotExist("Idempotent-Replayed"));
        send(id, "after-outage").andExpect(status().isOk()).andExpect(header().string("Idempotent-Replayed", "true"));
        assertThat(api.version(id)).isEqualTo(Stage.ACTIVE.events());
    }

    @Test
    void anOpeningRetriedAfterAServerErrorOpensOneBudget() throws Exception {
        long storedBefore = api.storedEvents();

        outage.down.set(true);
        open("open-after-outage").andExpect(problem(500, "internal-error"));
        outage.down.set(false);
        open("open-after-outage").andExpect(status().isCreated());
        open("open-after-outage")
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"));

        assertThat(api.storedEvents()).isEqualTo(storedBefore + 1);
    }

    private ResultActions send(String id, String key) throws Exception {
        return api.perform(
                post(BUDGETS + "/" + id + "/record-outcome")
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Bodies.outcome()),
                Party.PERSON);
    }

    private ResultActions open(String key) throws Exception {
        return api.perform(
                post(BUDGETS)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Bodies.opening()),
                Party.PRACTITIONER);
    }

    /** While {@link #down}, the command bus refuses every command before it reaches the aggregate. */
    @TestConfiguration
    static class Outage implements MessageDispatchInterceptor<CommandMessage<?>> {

        final AtomicBoolean down = new AtomicBoolean();

        @Autowired
        void register(CommandBus commandBus) {
            commandBus.registerDispatchInterceptor(this);
        }

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, message) -> {
                if (down.get()) {
                    throw new IllegalStateException("the command bus is down");
                }
                return message;
            };
        }
    }
}
