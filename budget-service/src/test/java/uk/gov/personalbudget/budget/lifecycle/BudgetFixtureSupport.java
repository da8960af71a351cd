package uk.gov.personalbudget.budget.lifecycle;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.Actor;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;

/**
 * A plain Axon fixture for {@link PersonalBudget}, without Spring: the snapshot trigger and cache that
 * {@code @Aggregate} names are Spring beans, which the fixture never looks up.
 */
abstract class BudgetFixtureSupport {

    protected AggregateTestFixture<PersonalBudget> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(PersonalBudget.class);
        // The contracts carry no @TargetAggregateIdentifier: commands route by BudgetCommand.budgetId().
        fixture.registerCommandTargetResolver(new BudgetCommandTargetResolver());
    }

    /** The history, its control transfers filled in by the control rule, with the clock at {@link Budgets#NOW}. */
    protected TestExecutor<PersonalBudget> given(List<BudgetEvent> history) {
        return fixture.given(Budgets.stamped(history)).andGivenCurrentTime(Budgets.NOW);
    }

    protected TestExecutor<PersonalBudget> givenNoBudget() {
        return fixture.givenNoPriorActivity().andGivenCurrentTime(Budgets.NOW);
    }

    /** The act of {@code actor} now, for themselves or for nobody in particular. */
    protected Act act(Actor actor) {
        return new Act(actor.id(), actor.role(), null, fixture.currentTime());
    }

    /** The act of {@code actor} now, done for the person. */
    protected Act actFor(Actor actor) {
        return new Act(actor.id(), actor.role(), Budgets.SAM, fixture.currentTime());
    }

    protected static ControlTransfer transfer(ControlHolder before, ControlHolder after) {
        return new ControlTransfer(before, after);
    }

    /** A {@link BudgetRuleViolation} of {@code rule}. */
    protected static Matcher<Throwable> breaking(Rule rule) {
        return new FeatureMatcher<>(equalTo(rule), "a violation of the rule", "rule") {
            @Override
            protected Rule featureValueOf(Throwable actual) {
                return actual instanceof BudgetRuleViolation violation ? violation.rule() : null;
            }
        };
    }
}
