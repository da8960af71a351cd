package uk.gov.personalbudget.budget.lifecycle;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.command.CloseBudget;
import uk.gov.personalbudget.contracts.command.RecordErasure;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.event.PersonalDataErasureConfirmed;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;

import static uk.gov.personalbudget.budget.lifecycle.Budgets.*;

/** RecordErasure: a second authority records, on a closed budget, that the person's personal data is erased. */
class PersonalBudgetErasureTest extends BudgetFixtureSupport {

    @Test
    void aSecondAuthorityRecordsTheErasureOnAClosedBudgetAndNobodyHoldsControl() {
        given(closed())
                .when(new RecordErasure(ID, AUTHORITY, ERASURE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonalDataErasureConfirmed(
                        ID, act(AUTHORITY), transfer(ControlHolder.NOBODY, ControlHolder.NOBODY), ERASURE));
    }

    @Test
    void theAuthorityWhoRequestedTheErasureDoesNotConfirmIt() {
        given(closed())
                .when(new RecordErasure(ID, HEAD_OF_SERVICE, ERASURE))
                .expectException(breaking(Rule.ERASURE_NEEDS_A_SECOND_AUTHORITY))
                .expectNoEvents();
    }

    @Test
    void aBudgetStillInUseIsNotErased() {
        given(active())
                .when(new RecordErasure(ID, AUTHORITY, ERASURE))
                .expectException(breaking(Rule.ERASURE_NEEDS_CLOSED_BUDGETS))
                .expectNoEvents();
    }

    @Test
    void anEndingBudgetIsNotErasedBeforeTheAuthorityClosesIt() {
        given(plus(
                        plus(active(), reviewScheduled(LIGHT_TOUCH_REVIEW)),
                        reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.END, RECENTLY)))
                .when(new RecordErasure(ID, AUTHORITY, ERASURE))
                .expectException(breaking(Rule.ERASURE_NEEDS_CLOSED_BUDGETS))
                .expectNoEvents();
    }

    @Test
    void aRepeatedConfirmationRecordsNothingMore() {
        given(plus(closed(), erasureConfirmed()))
                .when(new RecordErasure(ID, AUTHORITY, ERASURE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void afterTheErasureTheBudgetStaysClosed() {
        given(plus(closed(), erasureConfirmed()))
                .when(new CloseBudget(ID, AUTHORITY, CLOSURE))
                .expectException(breaking(Rule.BUDGET_CLOSED))
                .expectNoEvents();
    }

    @Test
    void anotherCouncilsAuthorityHearsThereIsNoSuchBudget() {
        given(closed())
                .when(new RecordErasure(ID, OTHER_COUNCILS_AUTHORITY, ERASURE))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }
}
