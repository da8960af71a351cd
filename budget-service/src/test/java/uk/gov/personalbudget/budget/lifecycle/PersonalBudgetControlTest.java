package uk.gov.personalbudget.budget.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.personalbudget.contracts.command.AcceptOffer;
import uk.gov.personalbudget.contracts.command.AppointAuthorisedPerson;
import uk.gov.personalbudget.contracts.command.DelegateControl;
import uk.gov.personalbudget.contracts.command.EndAuthorisation;
import uk.gov.personalbudget.contracts.command.ResumeControl;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.event.AuthorisationEnded;
import uk.gov.personalbudget.contracts.event.AuthorisedPersonAppointed;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.ControlDelegated;
import uk.gov.personalbudget.contracts.event.ControlResumed;
import uk.gov.personalbudget.contracts.event.OfferAccepted;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Delegate;
import uk.gov.personalbudget.contracts.value.Delegation;
import uk.gov.personalbudget.contracts.value.DelegationReason;
import uk.gov.personalbudget.contracts.value.Reason;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static uk.gov.personalbudget.budget.lifecycle.Budgets.*;

/**
 * DelegateControl, ResumeControl, AppointAuthorisedPerson and EndAuthorisation, and who may do the person's
 * acts: the person on their own budget, a nominee only while a delegation or authorisation names them.
 */
class PersonalBudgetControlTest extends BudgetFixtureSupport {

    private static final Delegate SISTER = new Delegate("nominee-2001", Role.NOMINEE);
    private static final Reason CAPACITY_REGAINED = new Reason("Capacity regained: MCA-2026-0057");

    // --- DelegateControl ---

    @Test
    void thePersonDelegatesControlToANamedNominee() {
        given(offered())
                .when(new DelegateControl(ID, PERSON, DELEGATION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ControlDelegated(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, NOMINEE_IN_CONTROL), DELEGATION));
    }

    @Test
    void thePersonDelegatesControlToTheirPractitioner() {
        given(planning())
                .when(new DelegateControl(ID, PERSON, DELEGATION_TO_PRACTITIONER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ControlDelegated(
                        ID,
                        act(PERSON),
                        transfer(ControlHolder.PERSON, PRACTITIONER_DELEGATE_IN_CONTROL),
                        DELEGATION_TO_PRACTITIONER));
    }

    @Test
    void aDelegationWhileTheAuthorityDecidesLeavesControlWithTheAuthority() {
        given(endorsed())
                .when(new DelegateControl(ID, PERSON, DELEGATION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ControlDelegated(
                        ID, act(PERSON), transfer(ControlHolder.AUTHORITY, ControlHolder.AUTHORITY), DELEGATION));
    }

    @Test
    void theAuthorityDelegatesForThePersonInACrisis() {
        given(active())
                .when(new DelegateControl(ID, AUTHORITY, CRISIS_DELEGATION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ControlDelegated(
                        ID, actFor(AUTHORITY), transfer(ControlHolder.PERSON, NOMINEE_IN_CONTROL), CRISIS_DELEGATION));
    }

    @Test
    void theAuthorityDelegatesOnlyInACrisis() {
        given(active())
                .when(new DelegateControl(ID, AUTHORITY, DELEGATION))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.AUTHORITY_DELEGATES_ONLY_IN_CRISIS))
                .expectNoEvents();
    }

    @Test
    void controlIsDelegatedOnlyOnceABudgetIsOffered() {
        given(assessed())
                .when(new DelegateControl(ID, PERSON, DELEGATION))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NO_OFFER_YET))
                .expectNoEvents();
    }

    @Test
    void aDelegationIsResumedBeforeControlIsDelegatedAgain() {
        given(delegated())
                .when(new DelegateControl(ID, PERSON, DELEGATION_TO_PRACTITIONER))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.ALREADY_DELEGATED))
                .expectNoEvents();
    }

    @Test
    void afterControlIsResumedItMayBeDelegatedAgain() {
        given(plus(delegated(), controlResumed()))
                .when(new DelegateControl(ID, PERSON, DELEGATION_TO_PRACTITIONER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ControlDelegated(
                        ID,
                        act(PERSON),
                        transfer(ControlHolder.PERSON, PRACTITIONER_DELEGATE_IN_CONTROL),
                        DELEGATION_TO_PRACTITIONER));
    }

    static Stream<Arguments> delegatesOfTheWrongRole() {
        return Stream.of(
                argumentSet("the authority", Role.AUTHORITY),
                argumentSet("another person", Role.PERSON),
                argumentSet("a council system", Role.SYSTEM),
                argumentSet("an auditor", Role.AUDITOR));
    }

    @ParameterizedTest
    @MethodSource("delegatesOfTheWrongRole")
    void controlIsDelegatedOnlyToANomineeOrAPractitioner(Role role) {
        var delegation = new Delegation(
                new Delegate("someone-9001", role),
                DelegationReason.PREFERENCE,
                "Asked for it",
                NOW.plus(Duration.ofDays(7)));

        given(offered())
                .when(new DelegateControl(ID, PERSON, delegation))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.DELEGATE_MUST_BE_NOMINEE_OR_PRACTITIONER))
                .expectNoEvents();
    }

    static Stream<Arguments> intendedEndsNotInTheFuture() {
        return Stream.of(argumentSet("yesterday", NOW.minus(Duration.ofDays(1))), argumentSet("now", NOW));
    }

    @ParameterizedTest
    @MethodSource("intendedEndsNotInTheFuture")
    void aDelegationsIntendedEndLiesInTheFuture(Instant intendedEnd) {
        var delegation = new Delegation(SISTER, DelegationReason.PREFERENCE, "Asked for it", intendedEnd);

        given(offered())
                .when(new DelegateControl(ID, PERSON, delegation))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.INTENDED_END_NOT_IN_FUTURE))
                .expectNoEvents();
    }

    @Test
    void aPersonDelegatesOnlyOnTheirOwnBudget() {
        given(offered())
                .when(new DelegateControl(ID, OTHER_PERSON, DELEGATION))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }

    // --- ResumeControl ---

    @Test
    void thePersonTakesBackControl() {
        given(delegated())
                .when(new ResumeControl(ID, PERSON, RESUMPTION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ControlResumed(
                        ID, act(PERSON), transfer(NOMINEE_IN_CONTROL, ControlHolder.PERSON), SISTER, RESUMPTION));
    }

    @Test
    void theDelegateHandsControlBack() {
        given(delegated())
                .when(new ResumeControl(ID, NOMINEE, RESUMPTION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ControlResumed(
                        ID, actFor(NOMINEE), transfer(NOMINEE_IN_CONTROL, ControlHolder.PERSON), SISTER, RESUMPTION));
    }

    @Test
    void aPractitionerDelegateHandsControlBack() {
        given(plus(offered(), controlDelegated(DELEGATION_TO_PRACTITIONER)))
                .when(new ResumeControl(ID, PRACTITIONER, RESUMPTION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ControlResumed(
                        ID,
                        actFor(PRACTITIONER),
                        transfer(PRACTITIONER_DELEGATE_IN_CONTROL, ControlHolder.PERSON),
                        new Delegate("sw-3001", Role.PRACTITIONER),
                        RESUMPTION));
    }

    @Test
    void theAuthorityEndsADelegation() {
        given(delegated())
                .when(new ResumeControl(ID, AUTHORITY, RESUMPTION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ControlResumed(
                        ID, actFor(AUTHORITY), transfer(NOMINEE_IN_CONTROL, ControlHolder.PERSON), SISTER, RESUMPTION));
    }

    static Stream<Arguments> strangersToTheDelegation() {
        return Stream.of(
                argumentSet("a nominee who is not the delegate", UNNAMED_NOMINEE),
                argumentSet("a practitioner who is not the delegate nor allocated", OTHER_PRACTITIONER));
    }

    @ParameterizedTest
    @MethodSource("strangersToTheDelegation")
    void toAStrangerTheBudgetDoesNotExist(Actor stranger) {
        given(delegated())
                .when(new ResumeControl(ID, stranger, RESUMPTION))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }

    @Test
    void aCouncilSystemDoesNotEndADelegation() {
        given(delegated())
                .when(new ResumeControl(ID, SYSTEM, RESUMPTION))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void controlIsResumedOnlyWhileDelegated() {
        given(offered())
                .when(new ResumeControl(ID, PERSON, RESUMPTION))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NOT_DELEGATED))
                .expectNoEvents();
    }

    @Test
    void resumingWhileTheAuthorityDecidesLeavesControlWithTheAuthority() {
        given(plus(endorsed(), controlDelegated(DELEGATION)))
                .when(new ResumeControl(ID, PERSON, RESUMPTION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ControlResumed(
                        ID,
                        act(PERSON),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.AUTHORITY),
                        SISTER,
                        RESUMPTION));
    }

    @Test
    void resumingWhileAnAuthorisedPersonIsAppointedGivesControlToTheAuthorisedPerson() {
        given(plus(authorised(), controlDelegated(DELEGATION)))
                .when(new ResumeControl(ID, AUTHORITY, RESUMPTION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ControlResumed(
                        ID,
                        actFor(AUTHORITY),
                        transfer(NOMINEE_IN_CONTROL, AUTHORISED_PERSON_IN_CONTROL),
                        SISTER,
                        RESUMPTION));
    }

    // --- AppointAuthorisedPerson ---

    @Test
    void theAuthorityAppointsAnAuthorisedPersonOnACapacityAssessment() {
        given(offered())
                .when(new AppointAuthorisedPerson(ID, AUTHORITY, AUTHORISATION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AuthorisedPersonAppointed(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.PERSON, AUTHORISED_PERSON_IN_CONTROL),
                        AUTHORISATION));
    }

    @Test
    void anAppointmentWhileADelegationIsInForceLeavesControlWithTheDelegate() {
        given(delegated())
                .when(new AppointAuthorisedPerson(ID, AUTHORITY, AUTHORISATION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AuthorisedPersonAppointed(
                        ID, act(AUTHORITY), transfer(NOMINEE_IN_CONTROL, NOMINEE_IN_CONTROL), AUTHORISATION));
    }

    @Test
    void anAuthorisedPersonIsAppointedOnlyOnceABudgetIsOffered() {
        given(assessed())
                .when(new AppointAuthorisedPerson(ID, AUTHORITY, AUTHORISATION))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NO_OFFER_YET))
                .expectNoEvents();
    }

    @Test
    void oneAuthorisedPersonIsAppointedAtATime() {
        given(authorised())
                .when(new AppointAuthorisedPerson(ID, AUTHORITY, AUTHORISATION))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.ALREADY_AUTHORISED))
                .expectNoEvents();
    }

    // --- EndAuthorisation ---

    @Test
    void endingAnAuthorisationReturnsControlToThePerson() {
        given(authorised())
                .when(new EndAuthorisation(ID, AUTHORITY, CAPACITY_REGAINED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AuthorisationEnded(
                        ID,
                        act(AUTHORITY),
                        transfer(AUTHORISED_PERSON_IN_CONTROL, ControlHolder.PERSON),
                        "nominee-2002",
                        CAPACITY_REGAINED));
    }

    @Test
    void endingAnAuthorisationWhileThePractitionerHoldsControlLeavesItThere() {
        given(plus(planning(), authorisedPersonAppointed(), planSubmitted(PLAN)))
                .when(new EndAuthorisation(ID, AUTHORITY, CAPACITY_REGAINED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AuthorisationEnded(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.PRACTITIONER, ControlHolder.PRACTITIONER),
                        "nominee-2002",
                        CAPACITY_REGAINED));
    }

    @Test
    void onlyAnAuthorisationInForceIsEnded() {
        given(plus(authorised(), authorisationEnded()))
                .when(new EndAuthorisation(ID, AUTHORITY, CAPACITY_REGAINED))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NOT_AUTHORISED))
                .expectNoEvents();
    }

    // --- Who does the person's acts ---

    static Stream<Arguments> actorsOnSomeoneElsesBudget() {
        return Stream.of(
                argumentSet("another person", OTHER_PERSON),
                argumentSet("a person whose token names nobody", PERSON_WITHOUT_CLAIM),
                argumentSet("a nominee for someone else, though their id is the delegate's", NOMINEE_FOR_SOMEONE_ELSE));
    }

    @ParameterizedTest
    @MethodSource("actorsOnSomeoneElsesBudget")
    void personsAndNomineesActOnlyOnTheBudgetTheirTokenNames(Actor actor) {
        given(delegated())
                .when(new AcceptOffer(ID, actor))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }

    static Stream<Arguments> historiesWhereNoOverlayNamesTheNominee() {
        return Stream.of(
                argumentSet("never delegated", offered()),
                argumentSet("delegation resumed", plus(delegated(), controlResumed())),
                argumentSet("authorisation ended", plus(authorised(), authorisationEnded())));
    }

    @ParameterizedTest
    @MethodSource("historiesWhereNoOverlayNamesTheNominee")
    void aNomineeSeesTheBudgetOnlyWhileADelegationOrAuthorisationNamesThem(List<BudgetEvent> history) {
        given(history)
                .when(new AcceptOffer(ID, NOMINEE))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }

    @Test
    void aNomineeNotNamedByTheDelegationDoesNotActForThePerson() {
        given(delegated())
                .when(new AcceptOffer(ID, UNNAMED_NOMINEE))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }

    @Test
    void whileControlIsDelegatedTheDelegateNotThePersonMovesTheBudgetOn() {
        given(delegated())
                .when(new AcceptOffer(ID, PERSON))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NOT_ACTING_FOR_THE_PERSON))
                .expectNoEvents();
    }

    @Test
    void theNamedDelegateAcceptsForThePerson() {
        given(delegated())
                .when(new AcceptOffer(ID, NOMINEE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferAccepted(
                        ID, actFor(NOMINEE), transfer(NOMINEE_IN_CONTROL, NOMINEE_IN_CONTROL), OFFERED));
    }

    @Test
    void theDelegateTakesPrecedenceOverTheAuthorisedPerson() {
        given(plus(authorised(), controlDelegated(CRISIS_DELEGATION)))
                .when(new AcceptOffer(ID, AUTHORISED_PERSON))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NOT_ACTING_FOR_THE_PERSON))
                .expectNoEvents();
    }
}
