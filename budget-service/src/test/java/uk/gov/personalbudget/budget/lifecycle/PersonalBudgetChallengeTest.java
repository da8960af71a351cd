package uk.gov.personalbudget.budget.lifecycle;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.command.AnswerChallenge;
import uk.gov.personalbudget.contracts.command.ChallengeDecision;
import uk.gov.personalbudget.contracts.command.RecordAssessment;
import uk.gov.personalbudget.contracts.command.StatePreferredControl;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.event.ChallengeAnswered;
import uk.gov.personalbudget.contracts.event.DecisionChallenged;
import uk.gov.personalbudget.contracts.event.NeedsAssessed;
import uk.gov.personalbudget.contracts.event.PreferredControlStated;
import uk.gov.personalbudget.contracts.value.Adjustment;
import uk.gov.personalbudget.contracts.value.AdjustmentKind;
import uk.gov.personalbudget.contracts.value.Challenge;
import uk.gov.personalbudget.contracts.value.ChallengeAnswer;
import uk.gov.personalbudget.contracts.value.ChallengeResult;
import uk.gov.personalbudget.contracts.value.ChallengedDecision;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.PreferredControl;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;
import uk.gov.personalbudget.contracts.value.Role;

import static uk.gov.personalbudget.budget.lifecycle.Budgets.*;

/** ChallengeDecision and AnswerChallenge (the complaints procedure), and the person's preferred level of control. */
class PersonalBudgetChallengeTest extends BudgetFixtureSupport {

    private static final Money REDUCED = Money.yearly(1_000_000);

    private static final ChallengeAnswer PARTLY_UPHELD = new ChallengeAnswer(
            ChallengedDecision.APPROVED_AMOUNT,
            ChallengeResult.PARTLY_UPHELD,
            "Two evenings a week are needed after discharge; the others are met by the crisis café.",
            "A temporary adjustment adds two evenings a week for twelve weeks.",
            true,
            NotificationMethod.IN_PERSON);

    private static Adjustment lastingAdjustmentTo(Money amount) {
        return new Adjustment(
                AdjustmentKind.LASTING,
                amount,
                RECENTLY,
                null,
                "Fewer hours needed since Sam started work",
                Role.PRACTITIONER,
                true,
                NotificationMethod.LETTER);
    }

    // --- Which decision may be challenged, and when ---

    @Test
    void thePersonChallengesTheApprovedAmountAndControlStaysWithWhoeverManagesTheMoney() {
        given(active())
                .when(new ChallengeDecision(ID, PERSON, CHALLENGE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DecisionChallenged(
                        ID,
                        act(PERSON),
                        transfer(ControlHolder.PERSON, ControlHolder.PERSON),
                        CHALLENGE,
                        6,
                        APPROVED_AT,
                        OFFERED));
    }

    @Test
    void aChallengeOfACouncilManagedBudgetLeavesControlWithTheAuthority() {
        given(active(COUNCIL_MANAGED))
                .when(new ChallengeDecision(ID, PERSON, CHALLENGE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DecisionChallenged(
                        ID,
                        act(PERSON),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.AUTHORITY),
                        CHALLENGE,
                        6,
                        APPROVED_AT,
                        OFFERED));
    }

    @Test
    void theApprovedAmountMayBeChallengedWhileTheNextPlanIsMadeButNotBeforeApprovalNorOnceTheBudgetEnded() {
        var replanning = plus(
                active(),
                reviewScheduled(LIGHT_TOUCH_REVIEW),
                reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.REPLAN, RECENTLY));
        given(replanning).when(new ChallengeDecision(ID, PERSON, CHALLENGE)).expectSuccessfulHandlerExecution();
        given(endorsed())
                .when(new ChallengeDecision(ID, PERSON, CHALLENGE))
                .expectException(breaking(Rule.NO_DECISION_TO_CHALLENGE))
                .expectNoEvents();
        var ending = plus(
                active(),
                reviewScheduled(LIGHT_TOUCH_REVIEW),
                reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.END, RECENTLY));
        given(ending)
                .when(new ChallengeDecision(ID, PERSON, CHALLENGE))
                .expectException(breaking(Rule.NO_DECISION_TO_CHALLENGE))
                .expectNoEvents();
    }

    @Test
    void aDeclineMayBeChallengedUntilAnotherPlanIsSubmitted() {
        Challenge ofDecline = challengeOf(ChallengedDecision.DECLINE);
        var declined = plus(endorsed(), planDeclined());
        given(declined)
                .when(new ChallengeDecision(ID, PERSON, ofDecline))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DecisionChallenged(
                        ID,
                        act(PERSON),
                        transfer(ControlHolder.PERSON, ControlHolder.PERSON),
                        ofDecline,
                        6,
                        APPROVED_AT,
                        null));
        given(plus(declined, planSubmitted(PLAN)))
                .when(new ChallengeDecision(ID, PERSON, ofDecline))
                .expectException(breaking(Rule.NO_DECISION_TO_CHALLENGE))
                .expectNoEvents();
        given(active())
                .when(new ChallengeDecision(ID, PERSON, ofDecline))
                .expectException(breaking(Rule.NO_DECISION_TO_CHALLENGE))
                .expectNoEvents();
    }

    @Test
    void aReductionMayBeChallengedButAnAdjustmentThatRaisesTheAmountIsNoReduction() {
        Challenge ofReduction = challengeOf(ChallengedDecision.REDUCTION);
        var reduced = plus(active(), budgetAdjusted(lastingAdjustmentTo(REDUCED), OFFERED));
        given(reduced)
                .when(new ChallengeDecision(ID, PERSON, ofReduction))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DecisionChallenged(
                        ID,
                        act(PERSON),
                        transfer(ControlHolder.PERSON, ControlHolder.PERSON),
                        ofReduction,
                        8,
                        RECENTLY,
                        REDUCED));
        given(plus(active(), budgetAdjusted(temporaryAdjustment(ASKED), OFFERED)))
                .when(new ChallengeDecision(ID, PERSON, ofReduction))
                .expectException(breaking(Rule.NO_DECISION_TO_CHALLENGE))
                .expectNoEvents();
        given(plus(reduced, budgetAdjusted(lastingAdjustmentTo(OFFERED), REDUCED)))
                .when(new ChallengeDecision(ID, PERSON, ofReduction))
                .expectException(breaking(Rule.NO_DECISION_TO_CHALLENGE))
                .expectNoEvents();
    }

    @Test
    void anAmountAskedForIsMoreThanZero() {
        given(active())
                .when(new ChallengeDecision(
                        ID,
                        PERSON,
                        new Challenge(ChallengedDecision.APPROVED_AMOUNT, "CMP-1", "Too little", Money.yearly(0))))
                .expectException(breaking(Rule.AMOUNT_NOT_POSITIVE))
                .expectNoEvents();
    }

    @Test
    void aClosedBudgetTakesNoChallenge() {
        given(closed())
                .when(new ChallengeDecision(ID, PERSON, CHALLENGE))
                .expectException(breaking(Rule.BUDGET_CLOSED))
                .expectNoEvents();
    }

    // --- By whom ---

    @Test
    void whileControlIsDelegatedTheDelegateChallengesForThePersonAndThePersonDoesNot() {
        var delegated = plus(active(), controlDelegated(DELEGATION));
        given(delegated)
                .when(new ChallengeDecision(ID, NOMINEE, CHALLENGE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DecisionChallenged(
                        ID,
                        actFor(NOMINEE),
                        transfer(NOMINEE_IN_CONTROL, NOMINEE_IN_CONTROL),
                        CHALLENGE,
                        6,
                        APPROVED_AT,
                        OFFERED));
        given(delegated)
                .when(new ChallengeDecision(ID, PERSON, CHALLENGE))
                .expectException(breaking(Rule.NOT_ACTING_FOR_THE_PERSON))
                .expectNoEvents();
    }

    @Test
    void aNomineeNoDelegationNamesMayNotChallenge() {
        given(active())
                .when(new ChallengeDecision(ID, UNNAMED_NOMINEE, CHALLENGE))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
        given(plus(active(), controlDelegated(DELEGATION)))
                .when(new ChallengeDecision(ID, UNNAMED_NOMINEE, CHALLENGE))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }

    @Test
    void anAuthorisedPersonChallengesForAPersonWhoLacksCapacity() {
        given(plus(active(), authorisedPersonAppointed()))
                .when(new ChallengeDecision(ID, AUTHORISED_PERSON, CHALLENGE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DecisionChallenged(
                        ID,
                        actFor(AUTHORISED_PERSON),
                        transfer(AUTHORISED_PERSON_IN_CONTROL, AUTHORISED_PERSON_IN_CONTROL),
                        CHALLENGE,
                        6,
                        APPROVED_AT,
                        OFFERED));
    }

    @Test
    void theAuthorityDoesNotChallengeItsOwnDecision() {
        given(active())
                .when(new ChallengeDecision(ID, AUTHORITY, CHALLENGE))
                .expectException(breaking(Rule.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    // --- One open challenge per decision ---

    @Test
    void oneChallengePerDecisionAwaitsAnAnswerButAnotherDecisionMayBeChallengedBesideIt() {
        given(challenged())
                .when(new ChallengeDecision(ID, PERSON, CHALLENGE))
                .expectException(breaking(Rule.CHALLENGE_ALREADY_OPEN))
                .expectNoEvents();
        given(plus(challenged(), budgetAdjusted(lastingAdjustmentTo(REDUCED), OFFERED)))
                .when(new ChallengeDecision(ID, PERSON, challengeOf(ChallengedDecision.REDUCTION)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aDecisionWhoseChallengeTheCouncilAnsweredGoesToTheOmbudsmanNotBackToTheCouncil() {
        var answered = plus(challenged(), challengeAnswered(NOT_UPHELD));
        given(answered)
                .when(new ChallengeDecision(ID, PERSON, CHALLENGE))
                .expectException(breaking(Rule.CHALLENGE_ALREADY_ANSWERED))
                .expectNoEvents();
        // A new approval (after a replan) is a new decision, which may be challenged.
        var reapproved = plus(
                answered,
                reviewScheduled(LIGHT_TOUCH_REVIEW),
                reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.REPLAN, RECENTLY),
                planSubmitted(PLAN),
                planEndorsed(),
                planApproved());
        given(reapproved).when(new ChallengeDecision(ID, PERSON, CHALLENGE)).expectSuccessfulHandlerExecution();
    }

    // --- Answering requires reasons ---

    @Test
    void theAuthorityAnswersNotUpheldWithReasonsAndControlIsUnchanged() {
        given(challenged())
                .when(new AnswerChallenge(ID, AUTHORITY, NOT_UPHELD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ChallengeAnswered(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.PERSON, ControlHolder.PERSON),
                        NOT_UPHELD,
                        "CMP-2026-0042",
                        RECENTLY));
    }

    @Test
    void aPartlyUpheldAnswerSaysWhatChanges() {
        given(challenged())
                .when(new AnswerChallenge(ID, AUTHORITY, PARTLY_UPHELD))
                .expectSuccessfulHandlerExecution();
        given(challenged())
                .when(new AnswerChallenge(
                        ID,
                        AUTHORITY,
                        new ChallengeAnswer(
                                ChallengedDecision.APPROVED_AMOUNT,
                                ChallengeResult.PARTLY_UPHELD,
                                PARTLY_UPHELD.reasons(),
                                "",
                                true,
                                NotificationMethod.IN_PERSON)))
                .expectException(breaking(Rule.CHALLENGE_CHANGES_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void anAnswerWithoutReasonsIsRefused() {
        given(challenged())
                .when(new AnswerChallenge(
                        ID,
                        AUTHORITY,
                        new ChallengeAnswer(
                                ChallengedDecision.APPROVED_AMOUNT,
                                ChallengeResult.NOT_UPHELD,
                                null,
                                null,
                                true,
                                NotificationMethod.LETTER)))
                .expectException(breaking(Rule.CHALLENGE_REASONS_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void anAnswerRecordsWhetherThePersonTookPartAndHowTheyWereTold() {
        given(challenged())
                .when(new AnswerChallenge(
                        ID,
                        AUTHORITY,
                        new ChallengeAnswer(
                                ChallengedDecision.APPROVED_AMOUNT,
                                ChallengeResult.NOT_UPHELD,
                                NOT_UPHELD.reasons(),
                                null,
                                null,
                                NotificationMethod.LETTER)))
                .expectException(breaking(Rule.PARTICIPATION_NOT_RECORDED))
                .expectNoEvents();
    }

    @Test
    void onlyAnOpenChallengeIsAnswered() {
        given(plus(challenged(), challengeAnswered(NOT_UPHELD)))
                .when(new AnswerChallenge(ID, AUTHORITY, NOT_UPHELD))
                .expectException(breaking(Rule.NO_OPEN_CHALLENGE))
                .expectNoEvents();
        given(challenged())
                .when(new AnswerChallenge(
                        ID,
                        AUTHORITY,
                        new ChallengeAnswer(
                                ChallengedDecision.DECLINE,
                                ChallengeResult.NOT_UPHELD,
                                "No decline was made",
                                null,
                                true,
                                NotificationMethod.LETTER)))
                .expectException(breaking(Rule.NO_OPEN_CHALLENGE))
                .expectNoEvents();
    }

    @Test
    void onlyTheAuthorityAnswers() {
        given(challenged())
                .when(new AnswerChallenge(ID, PRACTITIONER, NOT_UPHELD))
                .expectException(breaking(Rule.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    // --- Closed budgets ---

    @Test
    void aChallengeOpenWhenTheBudgetClosedIsStillAnsweredButNotOnceThePersonsDataIsErased() {
        var closedWhileChallenged = plus(challenged(), budgetClosed());
        given(closedWhileChallenged)
                .when(new AnswerChallenge(ID, AUTHORITY, NOT_UPHELD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ChallengeAnswered(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.NOBODY, ControlHolder.NOBODY),
                        NOT_UPHELD,
                        "CMP-2026-0042",
                        RECENTLY));
        given(plus(closedWhileChallenged, erasureConfirmed()))
                .when(new AnswerChallenge(ID, AUTHORITY, NOT_UPHELD))
                .expectException(breaking(Rule.BUDGET_CLOSED))
                .expectNoEvents();
    }

    // --- Preferred level of control ---

    @Test
    void anAssessmentRecordsThePreferredControlAndOneWithoutItIsRefused() {
        given(opened())
                .when(new RecordAssessment(ID, PRACTITIONER, ASSESSMENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NeedsAssessed(
                        ID,
                        act(PRACTITIONER),
                        transfer(ControlHolder.PRACTITIONER, ControlHolder.AUTHORITY),
                        ASSESSMENT));
        given(opened())
                .when(new RecordAssessment(ID, PRACTITIONER, withoutPreferredControl(ASSESSMENT)))
                .expectException(breaking(Rule.PREFERRED_CONTROL_NOT_RECORDED))
                .expectNoEvents();
    }

    @Test
    void thePersonChangesTheirPreferredControlLaterAndTheEventSaysWhatItWas() {
        given(active())
                .when(new StatePreferredControl(ID, PERSON, PreferredControl.HOLD_IT_MYSELF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PreferredControlStated(
                        ID,
                        act(PERSON),
                        transfer(ControlHolder.PERSON, ControlHolder.PERSON),
                        PreferredControl.HOLD_IT_MYSELF,
                        PreferredControl.SHARE_IT));
    }

    @Test
    void aPreferenceIsStatedAfterAnAssessmentRecordedBeforePreferencesWereWithNoneBeforeIt() {
        given(plus(opened(), needsAssessed(withoutPreferredControl(ASSESSMENT))))
                .when(new StatePreferredControl(ID, PERSON, PreferredControl.SHARE_IT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PreferredControlStated(
                        ID,
                        act(PERSON),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.AUTHORITY),
                        PreferredControl.SHARE_IT,
                        null));
    }

    @Test
    void aNamedDelegateStatesThePreferenceForThePersonAndAPractitionerDoesNot() {
        given(plus(active(), controlDelegated(DELEGATION)))
                .when(new StatePreferredControl(ID, NOMINEE, PreferredControl.HAVE_IT_MANAGED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PreferredControlStated(
                        ID,
                        actFor(NOMINEE),
                        transfer(NOMINEE_IN_CONTROL, NOMINEE_IN_CONTROL),
                        PreferredControl.HAVE_IT_MANAGED,
                        PreferredControl.SHARE_IT));
        given(active())
                .when(new StatePreferredControl(ID, PRACTITIONER, PreferredControl.HAVE_IT_MANAGED))
                .expectException(breaking(Rule.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void thePreferenceIsFirstRecordedWithTheAssessmentAndNeverAfterClosure() {
        given(opened())
                .when(new StatePreferredControl(ID, PERSON, PreferredControl.SHARE_IT))
                .expectException(breaking(Rule.NOT_ASSESSED))
                .expectNoEvents();
        given(closed())
                .when(new StatePreferredControl(ID, PERSON, PreferredControl.SHARE_IT))
                .expectException(breaking(Rule.BUDGET_CLOSED))
                .expectNoEvents();
    }
}
