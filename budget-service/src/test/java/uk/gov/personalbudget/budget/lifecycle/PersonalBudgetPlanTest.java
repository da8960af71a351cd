package uk.gov.personalbudget.budget.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.personalbudget.contracts.command.AddPersonStatement;
import uk.gov.personalbudget.contracts.command.EndorsePlan;
import uk.gov.personalbudget.contracts.command.ReturnPlan;
import uk.gov.personalbudget.contracts.command.SubmitPlan;
import uk.gov.personalbudget.contracts.command.WithdrawPlan;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.PersonStatementAdded;
import uk.gov.personalbudget.contracts.event.PlanEndorsed;
import uk.gov.personalbudget.contracts.event.PlanReturned;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;
import uk.gov.personalbudget.contracts.event.PlanWithdrawn;
import uk.gov.personalbudget.contracts.value.Endorsement;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.PersonStatement;
import uk.gov.personalbudget.contracts.value.Plan;
import uk.gov.personalbudget.contracts.value.PlanLine;
import uk.gov.personalbudget.contracts.value.PlanReturn;
import uk.gov.personalbudget.contracts.value.PlanningApproach;
import uk.gov.personalbudget.contracts.value.Reason;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static uk.gov.personalbudget.budget.lifecycle.Budgets.*;

/** SubmitPlan, EndorsePlan, ReturnPlan and AddPersonStatement. */
class PersonalBudgetPlanTest extends BudgetFixtureSupport {

    private static final Endorsement ENDORSEMENT = new Endorsement("Meets the assessed needs and both goals");
    private static final PlanReturn PLAN_RETURN = new PlanReturn("Say who the personal assistant is");
    private static final PersonStatement STATEMENT =
            new PersonStatement("The allotment is what keeps me out of hospital.");

    // --- SubmitPlan ---

    @Test
    void thePersonSubmitsAPlanWithinTheOfferAndThePractitionerIsToEndorseOrReturnIt() {
        given(planning())
                .when(new SubmitPlan(ID, PERSON, PLAN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanSubmitted(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.PRACTITIONER), PLAN));
    }

    @Test
    void theNamedDelegateSubmitsForThePerson() {
        given(plus(planning(), controlDelegated(DELEGATION)))
                .when(new SubmitPlan(ID, NOMINEE, PLAN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanSubmitted(
                        ID, actFor(NOMINEE), transfer(NOMINEE_IN_CONTROL, ControlHolder.PRACTITIONER), PLAN));
    }

    @Test
    void aNomineeNotNamedByADelegationOrAuthorisationCannotSubmit() {
        given(planning())
                .when(new SubmitPlan(ID, NOMINEE, PLAN))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }

    @Test
    void aPractitionerSubmitsWithThePersonsRecordedAgreement() {
        Plan agreed = AGREED_PLAN;

        given(planning())
                .when(new SubmitPlan(ID, PRACTITIONER, agreed))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanSubmitted(
                        ID, actFor(PRACTITIONER), transfer(ControlHolder.PERSON, ControlHolder.PRACTITIONER), agreed));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "Sam agreed the plan with me at home on 3 February 2026"})
    void aPractitionerCannotSubmitWithoutAStructuredRecordOfThePersonsAgreement(String agreementInWords) {
        given(planning())
                .when(new SubmitPlan(ID, PRACTITIONER, withAgreement(PLAN, agreementInWords)))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.PERSON_AGREEMENT_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void aPlanAPractitionerSubmittedIsEndorsedByAnotherPractitioner() {
        var submittedByThePractitioner = plus(planning(), planSubmittedBy(PRACTITIONER, AGREED_PLAN));
        given(submittedByThePractitioner)
                .when(new EndorsePlan(ID, PRACTITIONER, new Endorsement(null)))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.ENDORSER_SUBMITTED_PLAN))
                .expectNoEvents();
        // The authority moves the budget to a colleague, who endorses it.
        given(plus(submittedByThePractitioner, practitionerReallocated(OTHER_PRACTITIONER)))
                .when(new EndorsePlan(ID, OTHER_PRACTITIONER, new Endorsement(null)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanEndorsed(
                        ID,
                        act(OTHER_PRACTITIONER),
                        transfer(ControlHolder.PRACTITIONER, ControlHolder.AUTHORITY),
                        new Endorsement(null)));
    }

    @Test
    void aPlanAwaitingAnAnswerIsWithdrawnWithAReasonAndPlanningGoesOn() {
        Reason why = new Reason("I was admitted to hospital; I want to plan again afterwards");
        given(endorsed())
                .when(new WithdrawPlan(ID, PERSON, why))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanWithdrawn(
                        ID, act(PERSON), transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON), why));
        given(plus(planning(), planSubmittedBy(PRACTITIONER, AGREED_PLAN)))
                .when(new WithdrawPlan(ID, PRACTITIONER, why))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanWithdrawn(
                        ID, actFor(PRACTITIONER), transfer(ControlHolder.PRACTITIONER, ControlHolder.PERSON), why));
    }

    @Test
    void aPlanIsWithdrawnOnlyByWhoeverStandsInThePersonsPlaceOrItsSubmitter() {
        given(endorsed())
                .when(new WithdrawPlan(ID, PRACTITIONER, new Reason("Not needed")))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.ROLE_NOT_ALLOWED))
                .expectNoEvents();
        given(planning())
                .when(new WithdrawPlan(ID, PERSON, new Reason("Nothing to withdraw")))
                .expectException(breaking(Rule.NO_PLAN_AWAITING_DECISION))
                .expectNoEvents();
    }

    @Test
    void aPractitionerNamedAsDelegateSubmitsAsTheDelegate() {
        given(plus(planning(), controlDelegated(DELEGATION_TO_PRACTITIONER)))
                .when(new SubmitPlan(ID, PRACTITIONER, PLAN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanSubmitted(
                        ID,
                        actFor(PRACTITIONER),
                        transfer(PRACTITIONER_DELEGATE_IN_CONTROL, ControlHolder.PRACTITIONER),
                        PLAN));
    }

    static Stream<Arguments> historiesNotPlanning() {
        return Stream.of(
                argumentSet("offer not yet accepted", offered()),
                argumentSet("plan already submitted", submitted()),
                argumentSet("plan approved", approved()));
    }

    @ParameterizedTest
    @MethodSource("historiesNotPlanning")
    void aPlanIsSubmittedOnlyWhilePlanning(List<BudgetEvent> history) {
        given(history)
                .when(new SubmitPlan(ID, PERSON, PLAN))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NOT_PLANNING))
                .expectNoEvents();
    }

    @Test
    void everyPlanLineNamesTheGoalOrOutcomeDomainItServes() {
        var plan = new Plan(
                List.of(PLAN.lines().get(0), new PlanLine("Taxi fares", Money.yearly(50_000), null, null)),
                PlanningApproach.SELF,
                null,
                null);

        given(planning())
                .when(new SubmitPlan(ID, PERSON, plan))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.PLAN_LINE_WITHOUT_PURPOSE))
                .expectNoEvents();
    }

    @Test
    void aPlanLineCitesOnlyARecoveryGoalOfTheAssessment() {
        var plan = new Plan(
                List.of(new PlanLine("Gym membership", Money.yearly(40_000), "G9", null)),
                PlanningApproach.FAMILY_SUPPORTED,
                null,
                null);

        given(planning())
                .when(new SubmitPlan(ID, PERSON, plan))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.UNKNOWN_RECOVERY_GOAL))
                .expectNoEvents();
    }

    @Test
    void aPlanCostingMoreThanTheOfferNeedsAnExceptionReason() {
        given(planning())
                .when(new SubmitPlan(ID, PERSON, planCosting(Money.yearly(1_250_001), null)))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.PLAN_EXCEEDS_OFFER))
                .expectNoEvents();
    }

    @Test
    void aPlanCostingMoreThanTheOfferIsSubmittedAsAnExceptionWithItsReason() {
        Plan exception = planCosting(Money.yearly(1_400_000), "Evening support is what keeps Sam out of hospital");

        given(planning())
                .when(new SubmitPlan(ID, PERSON, exception))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanSubmitted(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.PRACTITIONER), exception));
    }

    @Test
    void aPlanIsMeasuredAgainstTheRevisedOffer() {
        Plan plan = planCosting(REVISED, null);

        given(plus(contested(), offerRevised(REVISION, ASKED), offerAccepted(REVISED)))
                .when(new SubmitPlan(ID, PERSON, plan))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanSubmitted(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.PRACTITIONER), plan));
    }

    @Test
    void afterADeclineThePersonSubmitsAgain() {
        given(plus(endorsed(), planDeclined()))
                .when(new SubmitPlan(ID, PERSON, PLAN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanSubmitted(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.PRACTITIONER), PLAN));
    }

    // --- EndorsePlan ---

    @Test
    void aPractitionerEndorsesASubmittedPlanAndTheAuthorityIsToDecide() {
        given(submitted())
                .when(new EndorsePlan(ID, PRACTITIONER, ENDORSEMENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanEndorsed(
                        ID,
                        act(PRACTITIONER),
                        transfer(ControlHolder.PRACTITIONER, ControlHolder.AUTHORITY),
                        ENDORSEMENT));
    }

    static Stream<Arguments> historiesWithoutASubmittedPlan() {
        return Stream.of(
                argumentSet("planning", planning()),
                argumentSet("already endorsed", endorsed()),
                argumentSet("returned", plus(submitted(), planReturned())));
    }

    @ParameterizedTest
    @MethodSource("historiesWithoutASubmittedPlan")
    void onlyASubmittedPlanIsEndorsed(List<BudgetEvent> history) {
        given(history)
                .when(new EndorsePlan(ID, PRACTITIONER, ENDORSEMENT))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.PLAN_NOT_SUBMITTED))
                .expectNoEvents();
    }

    // --- ReturnPlan ---

    @Test
    void aPractitionerReturnsAPlanWithReasonsAndThePersonPlansAgain() {
        given(submitted())
                .when(new ReturnPlan(ID, PRACTITIONER, PLAN_RETURN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanReturned(
                        ID,
                        act(PRACTITIONER),
                        transfer(ControlHolder.PRACTITIONER, ControlHolder.PERSON),
                        PLAN_RETURN));
    }

    @Test
    void aReturnedPlanGoesToTheDelegateWhileADelegationIsInForce() {
        given(plus(submitted(), controlDelegated(DELEGATION)))
                .when(new ReturnPlan(ID, PRACTITIONER, PLAN_RETURN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanReturned(
                        ID, act(PRACTITIONER), transfer(ControlHolder.PRACTITIONER, NOMINEE_IN_CONTROL), PLAN_RETURN));
    }

    @Test
    void onlyASubmittedPlanIsReturned() {
        given(endorsed())
                .when(new ReturnPlan(ID, PRACTITIONER, PLAN_RETURN))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.PLAN_NOT_SUBMITTED))
                .expectNoEvents();
    }

    // --- AddPersonStatement ---

    @Test
    void thePersonAddsTheirOwnWordsBeforeTheAuthorityDecides() {
        given(endorsed())
                .when(new AddPersonStatement(ID, PERSON, STATEMENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonStatementAdded(
                        ID, act(PERSON), transfer(ControlHolder.AUTHORITY, ControlHolder.AUTHORITY), STATEMENT));
    }

    @Test
    void thePersonMayAddAStatementWhileThePractitionerHasThePlan() {
        given(submitted())
                .when(new AddPersonStatement(ID, PERSON, STATEMENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonStatementAdded(
                        ID, act(PERSON), transfer(ControlHolder.PRACTITIONER, ControlHolder.PRACTITIONER), STATEMENT));
    }

    static Stream<Arguments> historiesWithoutAPlanAwaitingDecision() {
        return Stream.of(
                argumentSet("planning", planning()),
                argumentSet("approved", approved()),
                argumentSet("declined", plus(endorsed(), planDeclined())));
    }

    @ParameterizedTest
    @MethodSource("historiesWithoutAPlanAwaitingDecision")
    void aStatementIsAddedOnlyToAPlanAwaitingADecision(List<BudgetEvent> history) {
        given(history)
                .when(new AddPersonStatement(ID, PERSON, STATEMENT))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NO_PLAN_AWAITING_DECISION))
                .expectNoEvents();
    }

    @Test
    void theNamedDelegateAddsAStatementForThePerson() {
        given(plus(endorsed(), controlDelegated(DELEGATION)))
                .when(new AddPersonStatement(ID, NOMINEE, STATEMENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonStatementAdded(
                        ID, actFor(NOMINEE), transfer(ControlHolder.AUTHORITY, ControlHolder.AUTHORITY), STATEMENT));
    }

    @Test
    void thePersonKeepsTheirOwnVoiceWhileControlIsDelegated() {
        given(plus(endorsed(), controlDelegated(DELEGATION)))
                .when(new AddPersonStatement(ID, PERSON, STATEMENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonStatementAdded(
                        ID, act(PERSON), transfer(ControlHolder.AUTHORITY, ControlHolder.AUTHORITY), STATEMENT));
    }

    @Test
    void aNomineeNotNamedByADelegationOrAuthorisationCannotAddAStatement() {
        given(endorsed())
                .when(new AddPersonStatement(ID, NOMINEE, STATEMENT))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }
}
