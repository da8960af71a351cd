package uk.gov.personalbudget.budget.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.personalbudget.contracts.command.AcceptOffer;
import uk.gov.personalbudget.contracts.command.ContestOffer;
import uk.gov.personalbudget.contracts.command.OfferBudget;
import uk.gov.personalbudget.contracts.command.ReviseOffer;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetOffered;
import uk.gov.personalbudget.contracts.event.OfferAccepted;
import uk.gov.personalbudget.contracts.event.OfferContested;
import uk.gov.personalbudget.contracts.event.OfferRevised;
import uk.gov.personalbudget.contracts.value.BreakdownLine;
import uk.gov.personalbudget.contracts.value.Calculation;
import uk.gov.personalbudget.contracts.value.Contest;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.Offer;
import uk.gov.personalbudget.contracts.value.Period;
import uk.gov.personalbudget.contracts.value.Revision;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static uk.gov.personalbudget.budget.lifecycle.Budgets.*;

/** OfferBudget, ContestOffer, ReviseOffer and AcceptOffer. */
class PersonalBudgetOfferTest extends BudgetFixtureSupport {

    private static final Contest CONTEST_WITHOUT_AMOUNT = new Contest("I was not asked about my evenings.", null);

    // --- OfferBudget ---

    @Test
    void theAuthorityOffersAnIndicativeBudgetAfterAnEligibleAssessmentAndThePersonDecides() {
        given(assessed())
                .when(new OfferBudget(ID, AUTHORITY, OFFER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetOffered(
                        ID, act(AUTHORITY), transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON), OFFER));
    }

    static Stream<Arguments> historiesWithoutAnEligibleAssessment() {
        return Stream.of(
                argumentSet("opened, not assessed", opened()),
                argumentSet("assessed as not eligible", plus(opened(), needsAssessed(INELIGIBLE))),
                argumentSet("already offered", offered()));
    }

    @ParameterizedTest
    @MethodSource("historiesWithoutAnEligibleAssessment")
    void aBudgetIsOfferedOnlyRightAfterAnEligibleAssessment(List<BudgetEvent> history) {
        given(history)
                .when(new OfferBudget(ID, AUTHORITY, OFFER))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NO_ELIGIBLE_ASSESSMENT))
                .expectNoEvents();
    }

    @Test
    void anOfferedAmountIsMoreThanZero() {
        given(assessed())
                .when(new OfferBudget(ID, AUTHORITY, offerOf(Money.yearly(0))))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.AMOUNT_NOT_POSITIVE))
                .expectNoEvents();
    }

    @Test
    void theBreakdownAddsUpToTheAmountOffered() {
        var shortBreakdown = new Calculation(
                "Resource allocation system",
                "RAS-2025.2",
                List.of(
                        new BreakdownLine("Personal care", Money.yearly(800_000)),
                        new BreakdownLine("Community activities", new Money(7_500, Period.WEEKLY))));

        given(assessed())
                .when(new OfferBudget(
                        ID, AUTHORITY, new Offer(OFFERED, shortBreakdown, true, NotificationMethod.IN_PERSON)))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.BREAKDOWN_DOES_NOT_ADD_UP))
                .expectNoEvents();
    }

    @Test
    void anOfferInAnotherPeriodIsComparedWithItsBreakdownPerYear() {
        var weekly = new Offer(
                new Money(24_000, Period.WEEKLY),
                new Calculation(
                        "Resource allocation system",
                        "RAS-2025.2",
                        List.of(
                                new BreakdownLine("Personal care", Money.yearly(1_000_000)),
                                new BreakdownLine("Activities", new Money(248_000, Period.YEARLY)))),
                true,
                NotificationMethod.IN_PERSON);

        given(assessed())
                .when(new OfferBudget(ID, AUTHORITY, weekly))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetOffered(
                        ID, act(AUTHORITY), transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON), weekly));
    }

    // --- ContestOffer ---

    @Test
    void thePersonContestsAnOfferAskingForAnAmountAndTheAuthorityIsToAnswer() {
        given(offered())
                .when(new ContestOffer(ID, PERSON, CONTEST))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferContested(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.AUTHORITY), CONTEST, OFFERED));
    }

    @Test
    void thePersonMayContestWithoutNamingAnAmount() {
        given(offered())
                .when(new ContestOffer(ID, PERSON, CONTEST_WITHOUT_AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferContested(
                        ID,
                        act(PERSON),
                        transfer(ControlHolder.PERSON, ControlHolder.AUTHORITY),
                        CONTEST_WITHOUT_AMOUNT,
                        OFFERED));
    }

    @Test
    void contestingIsAnOrdinaryStepThatNeverClosesTheBudget() {
        given(plus(contested(), offerRevised(REVISION, ASKED)))
                .when(new AcceptOffer(ID, PERSON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferAccepted(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.PERSON), REVISED));
    }

    @Test
    void aRevisedOfferMayBeContestedAgain() {
        var again = new Contest("Two nights are not enough.", ASKED);

        given(plus(contested(), offerRevised(REVISION, ASKED)))
                .when(new ContestOffer(ID, PERSON, again))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferContested(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.AUTHORITY), again, REVISED));
    }

    @Test
    void anAmountAskedForIsMoreThanZero() {
        given(offered())
                .when(new ContestOffer(ID, PERSON, new Contest("Too much is tied up", Money.yearly(0))))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.AMOUNT_NOT_POSITIVE))
                .expectNoEvents();
    }

    static Stream<Arguments> historiesWithoutAnOpenOffer() {
        return Stream.of(
                argumentSet("assessed, not yet offered", assessed()),
                argumentSet("already contested", contested()),
                argumentSet("accepted", planning()));
    }

    @ParameterizedTest
    @MethodSource("historiesWithoutAnOpenOffer")
    void onlyAnOpenOfferIsContested(List<BudgetEvent> history) {
        given(history)
                .when(new ContestOffer(ID, PERSON, CONTEST))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NO_OPEN_OFFER))
                .expectNoEvents();
    }

    @Test
    void aNomineeContestsOnlyWhileADelegationNamesThem() {
        given(offered())
                .when(new ContestOffer(ID, NOMINEE, CONTEST))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }

    @Test
    void theNamedDelegateContestsForThePerson() {
        given(delegated())
                .when(new ContestOffer(ID, NOMINEE, CONTEST))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferContested(
                        ID, actFor(NOMINEE), transfer(NOMINEE_IN_CONTROL, ControlHolder.AUTHORITY), CONTEST, OFFERED));
    }

    // --- ReviseOffer ---

    @Test
    void theAuthorityMayRaiseTheOfferToWhatWasAskedWithoutGivingReasons() {
        var inFull = new Revision(ASKED, calculation(ASKED), null, true, NotificationMethod.IN_PERSON);

        given(contested())
                .when(new ReviseOffer(ID, AUTHORITY, inFull))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferRevised(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON),
                        inFull,
                        OFFERED,
                        ASKED));
    }

    @Test
    void aRevisionShortOfWhatWasAskedNeedsReasons() {
        given(contested())
                .when(new ReviseOffer(
                        ID,
                        AUTHORITY,
                        new Revision(REVISED, calculation(REVISED), " ", true, NotificationMethod.IN_PERSON)))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.REVISION_REASONS_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void aRevisionShortOfWhatWasAskedIsMadeWithReasons() {
        given(contested())
                .when(new ReviseOffer(ID, AUTHORITY, REVISION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferRevised(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON),
                        REVISION,
                        OFFERED,
                        ASKED));
    }

    @Test
    void withoutAnAmountAskedAnOfferNotRaisedNeedsReasons() {
        given(plus(offered(), offerContested(CONTEST_WITHOUT_AMOUNT)))
                .when(new ReviseOffer(
                        ID, AUTHORITY, new Revision(OFFERED, CALCULATION, null, true, NotificationMethod.IN_PERSON)))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.REVISION_REASONS_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void withoutAnAmountAskedARaisedOfferNeedsNoReasons() {
        var raised = new Revision(REVISED, calculation(REVISED), null, true, NotificationMethod.IN_PERSON);

        given(plus(offered(), offerContested(CONTEST_WITHOUT_AMOUNT)))
                .when(new ReviseOffer(ID, AUTHORITY, raised))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferRevised(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON),
                        raised,
                        OFFERED,
                        null));
    }

    @Test
    void anOfferIsRevisedOnlyInAnswerToAContest() {
        given(offered())
                .when(new ReviseOffer(ID, AUTHORITY, REVISION))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NO_OPEN_CONTEST))
                .expectNoEvents();
    }

    @Test
    void aRevisionsBreakdownAddsUpToTheRevisedAmount() {
        given(contested())
                .when(new ReviseOffer(
                        ID,
                        AUTHORITY,
                        new Revision(REVISED, CALCULATION, "Evenings added", true, NotificationMethod.IN_PERSON)))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.BREAKDOWN_DOES_NOT_ADD_UP))
                .expectNoEvents();
    }

    @Test
    void aRevisedAmountIsMoreThanZero() {
        given(contested())
                .when(new ReviseOffer(
                        ID,
                        AUTHORITY,
                        new Revision(
                                Money.yearly(0),
                                calculation(Money.yearly(0)),
                                "Needs are met elsewhere",
                                true,
                                NotificationMethod.IN_PERSON)))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.AMOUNT_NOT_POSITIVE))
                .expectNoEvents();
    }

    // --- AcceptOffer ---

    @Test
    void thePersonAcceptsTheOpenOfferAndPlans() {
        given(offered())
                .when(new AcceptOffer(ID, PERSON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferAccepted(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.PERSON), OFFERED));
    }

    @Test
    void anOfferWaitingForTheAuthoritysAnswerCannotBeAccepted() {
        given(contested())
                .when(new AcceptOffer(ID, PERSON))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NO_OPEN_OFFER))
                .expectNoEvents();
    }

    @Test
    void nothingIsAcceptedBeforeAnOffer() {
        given(assessed())
                .when(new AcceptOffer(ID, PERSON))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NO_OPEN_OFFER))
                .expectNoEvents();
    }

    @Test
    void anAuthorisedPersonAcceptsForThePerson() {
        given(authorised())
                .when(new AcceptOffer(ID, AUTHORISED_PERSON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferAccepted(
                        ID,
                        actFor(AUTHORISED_PERSON),
                        transfer(AUTHORISED_PERSON_IN_CONTROL, AUTHORISED_PERSON_IN_CONTROL),
                        OFFERED));
    }

    @Test
    void whileAnAuthorisedPersonIsAppointedThePersonDoesNotAccept() {
        given(authorised())
                .when(new AcceptOffer(ID, PERSON))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NOT_ACTING_FOR_THE_PERSON))
                .expectNoEvents();
    }
}
