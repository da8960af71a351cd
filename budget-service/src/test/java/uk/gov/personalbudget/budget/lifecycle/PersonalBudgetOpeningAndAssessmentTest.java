package uk.gov.personalbudget.budget.lifecycle;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.personalbudget.contracts.command.OfferBudget;
import uk.gov.personalbudget.contracts.command.OpenBudget;
import uk.gov.personalbudget.contracts.command.RecordAssessment;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetOffered;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.event.NeedsAssessed;
import uk.gov.personalbudget.contracts.value.Assessment;
import uk.gov.personalbudget.contracts.value.AssessmentKind;
import uk.gov.personalbudget.contracts.value.PreferredControl;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static uk.gov.personalbudget.budget.lifecycle.Budgets.*;

/** OpenBudget and RecordAssessment. */
class PersonalBudgetOpeningAndAssessmentTest extends BudgetFixtureSupport {

    private static final Assessment REASSESSMENT = new Assessment(
            AssessmentKind.PRACTITIONER_LED,
            ASSESSMENT.eligibleNeeds(),
            true,
            "Needs changed after a second admission",
            true,
            ASSESSMENT.recoveryGoals(),
            true,
            PreferredControl.SHARE_IT);

    @Test
    void aPractitionerOpensABudgetAndHoldsControlToAssess() {
        givenNoBudget()
                .when(new OpenBudget(ID, PRACTITIONER, OPENING))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetOpened(
                        ID, act(PRACTITIONER), transfer(ControlHolder.NOBODY, ControlHolder.PRACTITIONER), OPENING));
    }

    @Test
    void aCouncilSystemMayOpenABudget() {
        givenNoBudget()
                .when(new OpenBudget(ID, SYSTEM, OPENING))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetOpened(
                        ID, act(SYSTEM), transfer(ControlHolder.NOBODY, ControlHolder.PRACTITIONER), OPENING));
    }

    /** The aggregate cannot see an earlier stream; the event store refuses a second first event for the id. */
    @Test
    void aBudgetIdIsOpenedOnlyOnce() {
        given(opened())
                .when(new OpenBudget(ID, PRACTITIONER, OPENING))
                .expectException(EventStoreException.class)
                .expectNoEvents();
    }

    @Test
    void aPractitionerRecordsAnEligibleAssessmentAndTheAuthorityIsToOffer() {
        given(opened())
                .when(new RecordAssessment(ID, PRACTITIONER, ASSESSMENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NeedsAssessed(
                        ID,
                        act(PRACTITIONER),
                        transfer(ControlHolder.PRACTITIONER, ControlHolder.AUTHORITY),
                        ASSESSMENT));
    }

    @Test
    void anIneligibleDeterminationIsRecordedWithItsWrittenReasons() {
        given(opened())
                .when(new RecordAssessment(ID, PRACTITIONER, INELIGIBLE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NeedsAssessed(
                        ID,
                        act(PRACTITIONER),
                        transfer(ControlHolder.PRACTITIONER, ControlHolder.AUTHORITY),
                        INELIGIBLE));
    }

    @Test
    void thePersonRecordsTheirSelfAssessment() {
        given(opened())
                .when(new RecordAssessment(ID, PERSON, SELF_ASSESSMENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NeedsAssessed(
                        ID,
                        act(PERSON),
                        transfer(ControlHolder.PRACTITIONER, ControlHolder.AUTHORITY),
                        SELF_ASSESSMENT));
    }

    @Test
    void thePersonRecordsOnlyASelfAssessment() {
        given(opened())
                .when(new RecordAssessment(ID, PERSON, ASSESSMENT))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.PERSON_RECORDS_SELF_ASSESSMENT_ONLY))
                .expectNoEvents();
    }

    @Test
    void thePersonRecordsASelfAssessmentOnlyOnTheirOwnBudget() {
        given(opened())
                .when(new RecordAssessment(ID, OTHER_PERSON, SELF_ASSESSMENT))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }

    @Test
    void aReassessmentBeforeApprovalWithdrawsTheOfferUntilANewOneIsMade() {
        given(planning())
                .when(new RecordAssessment(ID, PRACTITIONER, ASSESSMENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NeedsAssessed(
                        ID, act(PRACTITIONER), transfer(ControlHolder.PERSON, ControlHolder.AUTHORITY), ASSESSMENT));
    }

    @Test
    void afterAReassessmentTheAuthorityOffersAgain() {
        given(plus(planning(), needsAssessed(ASSESSMENT)))
                .when(new OfferBudget(ID, AUTHORITY, offerOf(REVISED)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetOffered(
                        ID, act(AUTHORITY), transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON), offerOf(REVISED)));
    }

    static Stream<Arguments> approvedHistories() {
        return Stream.of(
                argumentSet("approved", approved()),
                argumentSet("in use", active()),
                argumentSet("suspended", suspended()));
    }

    @ParameterizedTest
    @MethodSource("approvedHistories")
    void noAssessmentIsRecordedAfterApproval(List<BudgetEvent> history) {
        given(history)
                .when(new RecordAssessment(ID, PRACTITIONER, ASSESSMENT))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.ASSESSMENT_AFTER_APPROVAL))
                .expectNoEvents();
    }

    @Test
    void aReassessmentHappensThroughAReviewThatOpensANewPlanCycle() {
        given(plus(
                        active(),
                        reviewScheduled(LIGHT_TOUCH_REVIEW),
                        reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.REPLAN, RECENTLY)))
                .when(new RecordAssessment(ID, PRACTITIONER, REASSESSMENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NeedsAssessed(
                        ID, act(PRACTITIONER), transfer(ControlHolder.PERSON, ControlHolder.AUTHORITY), REASSESSMENT));
    }
}
