package uk.gov.personalbudget.budget.lifecycle;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.personalbudget.contracts.command.AcceptOffer;
import uk.gov.personalbudget.contracts.command.AppointAuthorisedPerson;
import uk.gov.personalbudget.contracts.command.CloseBudget;
import uk.gov.personalbudget.contracts.command.CompleteReview;
import uk.gov.personalbudget.contracts.command.DelegateControl;
import uk.gov.personalbudget.contracts.command.EndAuthorisation;
import uk.gov.personalbudget.contracts.command.OpenBudget;
import uk.gov.personalbudget.contracts.command.ReallocatePractitioner;
import uk.gov.personalbudget.contracts.command.RecordAssessment;
import uk.gov.personalbudget.contracts.command.RecordOutcome;
import uk.gov.personalbudget.contracts.command.ScheduleReview;
import uk.gov.personalbudget.contracts.command.SubmitPlan;
import uk.gov.personalbudget.contracts.command.WithdrawContest;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.event.AuthorisationEnded;
import uk.gov.personalbudget.contracts.event.AuthorisedPersonAppointed;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.event.ContestWithdrawn;
import uk.gov.personalbudget.contracts.event.NeedsAssessed;
import uk.gov.personalbudget.contracts.event.PractitionerReallocated;
import uk.gov.personalbudget.contracts.event.ReviewScheduled;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.Outcome;
import uk.gov.personalbudget.contracts.value.OutcomeDomain;
import uk.gov.personalbudget.contracts.value.Reason;
import uk.gov.personalbudget.contracts.value.ReviewKind;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static uk.gov.personalbudget.budget.lifecycle.Budgets.*;

/**
 * Who may act on a budget at all (issue "Who may act"): the council it belongs to and the caller's relationship to it
 * decide before any rule, and a caller who may not see it is told it does not exist; then the lifecycle's integrity
 * rules that keep control from passing silently.
 */
class PersonalBudgetWhoMayActTest extends BudgetFixtureSupport {

    private static final Outcome OUTCOME = new Outcome(OutcomeDomain.OTHER, "Still here.", null);

    // --- Councils and relationships ---

    static Stream<Arguments> callersWhoMayNotSeeTheBudget() {
        return Stream.of(
                argumentSet("the authority of another council", OTHER_COUNCILS_AUTHORITY),
                argumentSet(
                        "the allocated practitioner's id with another council's token",
                        Actor.of(PRACTITIONER.id(), Role.PRACTITIONER, BRISTOL)),
                argumentSet("a practitioner of the council with no link to the budget", OTHER_PRACTITIONER),
                argumentSet("another person of the council", OTHER_PERSON),
                argumentSet("a nominee for the person whom nothing names", UNNAMED_NOMINEE));
    }

    @ParameterizedTest
    @MethodSource("callersWhoMayNotSeeTheBudget")
    void aCallerWhoMayNotSeeTheBudgetIsToldItDoesNotExistWhatTheyAsk(Actor caller) {
        given(active())
                .when(new CloseBudget(ID, caller, CLOSURE))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
        given(closed())
                .when(new RecordOutcome(ID, caller, OUTCOME))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }

    @Test
    void aStaleIfMatchFromACallerWhoMayNotSeeTheBudgetRevealsNoVersion() {
        given(active())
                .when(
                        new RecordOutcome(ID, OTHER_PERSON, OUTCOME),
                        Map.of(BudgetCommandTargetResolver.EXPECTED_VERSION, 0L))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
        // The person, who may see it, hears that it changed.
        given(active())
                .when(new RecordOutcome(ID, PERSON, OUTCOME), Map.of(BudgetCommandTargetResolver.EXPECTED_VERSION, 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
        given(active())
                .when(
                        new RecordOutcome(ID, OTHER_PERSON, OUTCOME),
                        Map.of(BudgetCommandTargetResolver.EXPECTED_VERSION, 99L))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }

    @Test
    void aBudgetIsOpenedOnlyForTheOpenersCouncilAndOntoTheirCaseloadUnlessTheyNameAnother() {
        givenNoBudget()
                .when(new OpenBudget(ID, Actor.of("sw-9001", Role.PRACTITIONER, BRISTOL), OPENING))
                .expectException(breaking(Rule.NOT_YOUR_COUNCIL))
                .expectNoEvents();
        BudgetOpening namingNobody = new BudgetOpening(SAM, LEEDS, null);
        givenNoBudget()
                .when(new OpenBudget(ID, PRACTITIONER, namingNobody))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetOpened(
                        ID,
                        act(PRACTITIONER),
                        transfer(ControlHolder.NOBODY, ControlHolder.PRACTITIONER),
                        namingNobody.withAllocatedPractitioner(PRACTITIONER.id())));
    }

    @Test
    void theAuthorityReallocatesTheBudgetWithAReasonAndTheCaseloadMovesWithIt() {
        given(active())
                .when(new ReallocatePractitioner(ID, AUTHORITY, REALLOCATION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PractitionerReallocated(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.PERSON, ControlHolder.PERSON),
                        REALLOCATION,
                        PRACTITIONER.id()));
        List<BudgetEvent> reallocated = plus(active(), practitionerReallocated(OTHER_PRACTITIONER));
        given(reallocated)
                .when(new RecordOutcome(ID, PRACTITIONER, OUTCOME))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
        given(reallocated)
                .when(new RecordOutcome(ID, OTHER_PRACTITIONER, OUTCOME))
                .expectSuccessfulHandlerExecution();
        given(active())
                .when(new ReallocatePractitioner(ID, PRACTITIONER, REALLOCATION))
                .expectException(breaking(Rule.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void aNomineeNoLongerSeesTheBudgetOnceTheDelegationEnds() {
        given(plus(delegated(), controlResumed()))
                .when(new RecordOutcome(ID, NOMINEE, OUTCOME))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }

    // --- A re-assessment does not silently void an answer awaited ---

    @Test
    void anAssessmentWhileAContestAwaitsTheAuthorityIsRefusedUntilTheContestIsWithdrawn() {
        given(contested())
                .when(new RecordAssessment(ID, PERSON, SELF_ASSESSMENT))
                .expectException(breaking(Rule.ANSWER_AWAITED))
                .expectNoEvents();
        Reason why = new Reason("We agreed a new assessment first");
        given(contested())
                .when(new WithdrawContest(ID, PERSON, why))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ContestWithdrawn(
                        ID, act(PERSON), transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON), why));
        given(plus(contested(), contestWithdrawn()))
                .when(new RecordAssessment(ID, PRACTITIONER, ASSESSMENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NeedsAssessed(
                        ID, act(PRACTITIONER), transfer(ControlHolder.PERSON, ControlHolder.AUTHORITY), ASSESSMENT));
    }

    @Test
    void anAssessmentWhileAPlanAwaitsAnAnswerIsRefused() {
        for (List<BudgetEvent> awaiting : List.of(submitted(), endorsed())) {
            given(awaiting)
                    .when(new RecordAssessment(ID, PRACTITIONER, ASSESSMENT))
                    .expectException(breaking(Rule.ANSWER_AWAITED))
                    .expectNoEvents();
        }
    }

    @Test
    void onlyTheHolderWithdrawsAContest() {
        given(contested())
                .when(new WithdrawContest(ID, AUTHORITY, new Reason("Not needed")))
                .expectException(breaking(Rule.ROLE_NOT_ALLOWED))
                .expectNoEvents();
        given(offered())
                .when(new WithdrawContest(ID, PERSON, new Reason("Nothing to withdraw")))
                .expectException(breaking(Rule.NO_OPEN_CONTEST))
                .expectNoEvents();
    }

    // --- An authorised person acts for the person ---

    @Test
    void whileAnAuthorisedPersonIsAppointedThePersonNeitherDelegatesNorSelfAssesses() {
        given(authorised())
                .when(new DelegateControl(ID, PERSON, DELEGATION))
                .expectException(breaking(Rule.AUTHORISED_PERSON_ACTS))
                .expectNoEvents();
        given(plus(opened(), authorisedPersonAppointed()))
                .when(new RecordAssessment(ID, PERSON, SELF_ASSESSMENT))
                .expectException(breaking(Rule.AUTHORISED_PERSON_ACTS))
                .expectNoEvents();
        given(authorised())
                .when(new AcceptOffer(ID, PERSON))
                .expectException(breaking(Rule.NOT_ACTING_FOR_THE_PERSON))
                .expectNoEvents();
    }

    // Before approval an appointment schedules no review: PersonalBudgetControlTest's appointment on an offered budget
    // stores that one event alone.
    @Test
    void appointingOrEndingAnAuthorisationOnAnApprovedBudgetSchedulesACapacityChangeReview() {
        ReviewSchedule capacityReview = new ReviewSchedule(ReviewKind.CAPACITY_CHANGE, NOW.plus(Duration.ofDays(28)));
        given(active())
                .when(new AppointAuthorisedPerson(ID, AUTHORITY, AUTHORISATION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new AuthorisedPersonAppointed(
                                ID,
                                act(AUTHORITY),
                                transfer(ControlHolder.PERSON, AUTHORISED_PERSON_IN_CONTROL),
                                AUTHORISATION),
                        new ReviewScheduled(
                                ID,
                                act(AUTHORITY),
                                transfer(AUTHORISED_PERSON_IN_CONTROL, AUTHORISED_PERSON_IN_CONTROL),
                                capacityReview));
        given(plus(active(), authorisedPersonAppointed()))
                .when(new EndAuthorisation(ID, AUTHORITY, new Reason("Capacity regained")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new AuthorisationEnded(
                                ID,
                                act(AUTHORITY),
                                transfer(AUTHORISED_PERSON_IN_CONTROL, ControlHolder.PERSON),
                                AUTHORISED_PERSON.id(),
                                new Reason("Capacity regained")),
                        new ReviewScheduled(
                                ID,
                                act(AUTHORITY),
                                transfer(ControlHolder.PERSON, ControlHolder.PERSON),
                                capacityReview));
    }

    // --- A review that ends the budget ---

    @Test
    void aPractitionerEndingABudgetAtReviewLeavesTheClosingToTheAuthority() {
        var ending = plus(
                active(),
                reviewScheduled(LIGHT_TOUCH_REVIEW),
                reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.END, RECENTLY));
        given(ending)
                .when(new ScheduleReview(ID, PRACTITIONER, LIGHT_TOUCH_REVIEW))
                .expectException(breaking(Rule.BUDGET_NOT_APPROVED))
                .expectNoEvents();
        given(ending)
                .when(new CompleteReview(ID, PRACTITIONER, reviewResult(ReviewOutcome.END)))
                .expectException(breaking(Rule.NO_REVIEW_SCHEDULED))
                .expectNoEvents();
        given(ending)
                .when(new SubmitPlan(ID, PERSON, PLAN))
                .expectException(breaking(Rule.NOT_PLANNING))
                .expectNoEvents();
    }
}
