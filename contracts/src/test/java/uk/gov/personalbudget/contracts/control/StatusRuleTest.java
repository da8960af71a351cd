package uk.gov.personalbudget.contracts.control;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.Samples;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetResumed;
import uk.gov.personalbudget.contracts.event.BudgetSuspended;
import uk.gov.personalbudget.contracts.event.ReviewCompleted;
import uk.gov.personalbudget.contracts.value.BudgetStatus;
import uk.gov.personalbudget.contracts.value.Reason;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;
import uk.gov.personalbudget.contracts.value.ReviewResult;
import uk.gov.personalbudget.contracts.value.Suspension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where each event leaves a budget, decided once for the aggregate, the history and approval-service. */
class StatusRuleTest {

    private static final StatusState ACTIVE = new StatusState(BudgetStatus.ACTIVE, null, true);

    @Test
    void eachEventLeavesTheStatusItsStepOfTheLifecycleGives() {
        Map<String, BudgetStatus> after = new LinkedHashMap<>();
        StatusState state = StatusState.INITIAL;
        for (BudgetEvent event : Samples.oneOfEachEvent()) {
            state = StatusRule.after(state, event);
            after.put(event.getClass().getSimpleName(), state.status());
        }

        assertThat(after)
                .containsEntry("BudgetOpened", BudgetStatus.OPENED)
                .containsEntry("NeedsAssessed", BudgetStatus.ASSESSED)
                .containsEntry("BudgetOffered", BudgetStatus.OFFERED)
                .containsEntry("OfferContested", BudgetStatus.CONTESTED)
                .containsEntry("OfferRevised", BudgetStatus.OFFERED)
                .containsEntry("OfferAccepted", BudgetStatus.PLANNING)
                .containsEntry("PlanSubmitted", BudgetStatus.PLAN_SUBMITTED)
                .containsEntry("PlanEndorsed", BudgetStatus.PLAN_ENDORSED)
                .containsEntry("PlanReturned", BudgetStatus.PLANNING)
                .containsEntry("PersonStatementAdded", BudgetStatus.PLANNING)
                .containsEntry("PlanApprovedByAuthority", BudgetStatus.APPROVED)
                .containsEntry("PlanDeclinedByAuthority", BudgetStatus.PLANNING)
                .containsEntry("ManagementChosen", BudgetStatus.ACTIVE)
                .containsEntry("BudgetAdjusted", BudgetStatus.ACTIVE)
                .containsEntry("ReviewScheduled", BudgetStatus.ACTIVE)
                .containsEntry("BudgetSuspended", BudgetStatus.SUSPENDED)
                .containsEntry("BudgetClosed", BudgetStatus.CLOSED)
                .containsEntry("PractitionerReallocated", BudgetStatus.CLOSED);
    }

    @Test
    void aReviewThatContinuesLeavesTheBudgetWhereItWas() {
        var approved = new StatusState(BudgetStatus.APPROVED, null, true);

        assertThat(StatusRule.after(approved, review(ReviewOutcome.CONTINUE, ControlParty.PERSON)))
                .isEqualTo(approved);
        assertThat(StatusRule.after(ACTIVE, review(ReviewOutcome.CONTINUE, ControlParty.PERSON)))
                .isEqualTo(ACTIVE);
    }

    @Test
    void aReviewThatEndsTheBudgetLeavesItEndingForTheAuthorityToClose() {
        assertThat(StatusRule.after(ACTIVE, review(ReviewOutcome.END, ControlParty.AUTHORITY))
                        .status())
                .isEqualTo(BudgetStatus.ENDING);
    }

    /** Before ENDING existed, a review that ended a budget gave control to nobody, and nothing followed it. */
    @Test
    void aReviewThatEndedABudgetBeforeEndingExistedClosedIt() {
        assertThat(StatusRule.after(ACTIVE, review(ReviewOutcome.END, ControlParty.NOBODY)))
                .isEqualTo(new StatusState(BudgetStatus.CLOSED, null, false));
    }

    @Test
    void resumingReturnsToTheStatusTheSuspensionInterrupted() {
        var replanning = new StatusState(BudgetStatus.PLAN_SUBMITTED, null, true);
        List<BudgetEvent> suspendedAndResumed = List.of(
                new BudgetSuspended(
                        Samples.BUDGET,
                        Samples.act(Samples.AUTHORITY),
                        Samples.transfer(ControlParty.AUTHORITY, ControlParty.AUTHORITY),
                        new Suspension("Admitted to hospital", "Ward staff meet needs")),
                new BudgetResumed(
                        Samples.BUDGET,
                        Samples.act(Samples.AUTHORITY),
                        Samples.transfer(ControlParty.AUTHORITY, ControlParty.AUTHORITY),
                        new Reason("Discharged home")));

        StatusState suspended = StatusRule.after(replanning, suspendedAndResumed.get(0));
        assertThat(suspended).isEqualTo(new StatusState(BudgetStatus.SUSPENDED, BudgetStatus.PLAN_SUBMITTED, true));
        assertThat(StatusRule.after(suspended, suspendedAndResumed.get(1))).isEqualTo(replanning);
    }

    private static ReviewCompleted review(ReviewOutcome outcome, ControlParty after) {
        return new ReviewCompleted(
                Samples.BUDGET,
                Samples.act(Samples.PRACTITIONER),
                Samples.transfer(ControlParty.PERSON, after),
                Samples.REVIEW,
                new ReviewResult(outcome, "Reviewed with the person", true));
    }
}
