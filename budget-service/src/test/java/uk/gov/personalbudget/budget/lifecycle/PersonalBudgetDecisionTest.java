package uk.gov.personalbudget.budget.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.personalbudget.contracts.command.AdjustBudget;
import uk.gov.personalbudget.contracts.command.ApproveByAuthority;
import uk.gov.personalbudget.contracts.command.BudgetCommand;
import uk.gov.personalbudget.contracts.command.ChooseManagement;
import uk.gov.personalbudget.contracts.command.CloseBudget;
import uk.gov.personalbudget.contracts.command.DeclineByAuthority;
import uk.gov.personalbudget.contracts.command.OfferBudget;
import uk.gov.personalbudget.contracts.command.ReviseOffer;
import uk.gov.personalbudget.contracts.command.SuspendBudget;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.ManagementChosen;
import uk.gov.personalbudget.contracts.event.PlanApprovedByAuthority;
import uk.gov.personalbudget.contracts.event.PlanDeclinedByAuthority;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Adjustment;
import uk.gov.personalbudget.contracts.value.AdjustmentKind;
import uk.gov.personalbudget.contracts.value.Approval;
import uk.gov.personalbudget.contracts.value.Closure;
import uk.gov.personalbudget.contracts.value.Decline;
import uk.gov.personalbudget.contracts.value.Management;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.MixedSplit;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.Offer;
import uk.gov.personalbudget.contracts.value.Period;
import uk.gov.personalbudget.contracts.value.Revision;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.contracts.value.Suspension;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.axonframework.test.matchers.Matchers.matches;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static uk.gov.personalbudget.budget.lifecycle.Budgets.*;

/** ApproveByAuthority, DeclineByAuthority and ChooseManagement. */
class PersonalBudgetDecisionTest extends BudgetFixtureSupport {

    private static final Decline DECLINE =
            new Decline("The plan does not say how the evenings are covered", true, NotificationMethod.LETTER);

    // --- ApproveByAuthority ---

    @Test
    void theAuthorityApprovesAnEndorsedPlanAndThePersonChoosesHowItIsManaged() {
        given(endorsed())
                .when(new ApproveByAuthority(ID, AUTHORITY, APPROVAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanApprovedByAuthority(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON),
                        APPROVAL,
                        OFFERED,
                        false));
    }

    @Test
    void theApprovalRecordsThatThePersonAddedTheirOwnWords() {
        given(plus(endorsed(), statementAdded()))
                .when(new ApproveByAuthority(ID, AUTHORITY, APPROVAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanApprovedByAuthority(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON),
                        APPROVAL,
                        OFFERED,
                        true));
    }

    @Test
    void aStatementOnAReturnedPlanDoesNotCountForTheNextOne() {
        given(plus(submitted(), statementAdded(), planReturned(), planSubmitted(PLAN), planEndorsed()))
                .when(new ApproveByAuthority(ID, AUTHORITY, APPROVAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanApprovedByAuthority(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON),
                        APPROVAL,
                        OFFERED,
                        false));
    }

    @Test
    void anApprovalWhileControlIsDelegatedGivesControlToTheDelegate() {
        given(plus(endorsed(), controlDelegated(DELEGATION)))
                .when(new ApproveByAuthority(ID, AUTHORITY, APPROVAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanApprovedByAuthority(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.AUTHORITY, NOMINEE_IN_CONTROL),
                        APPROVAL,
                        OFFERED,
                        false));
    }

    static Stream<Arguments> historiesWithoutAnEndorsedPlan() {
        return Stream.of(
                argumentSet("submitted, not endorsed", submitted()),
                argumentSet("already approved", approved()),
                argumentSet("declined", plus(endorsed(), planDeclined())));
    }

    @ParameterizedTest
    @MethodSource("historiesWithoutAnEndorsedPlan")
    void onlyAnEndorsedPlanIsApproved(List<BudgetEvent> history) {
        given(history)
                .when(new ApproveByAuthority(ID, AUTHORITY, APPROVAL))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.PLAN_NOT_ENDORSED))
                .expectNoEvents();
    }

    @Test
    void anApproverWithoutAnAuthorisationLimitCommitsNoMoney() {
        given(endorsed())
                .when(new ApproveByAuthority(ID, AUTHORITY_WITHOUT_LIMIT, APPROVAL))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.AUTHORISATION_LIMIT_EXCEEDED))
                .expectNoEvents();
    }

    @Test
    void anApproverCannotApproveAboveTheirLimit() {
        Actor limitBelowTheAmount = new Actor("tm-4004", Role.AUTHORITY, null, 1_249_999L, Set.of(LEEDS));

        given(endorsed())
                .when(new ApproveByAuthority(ID, limitBelowTheAmount, APPROVAL))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.AUTHORISATION_LIMIT_EXCEEDED))
                .expectNoEvents();
    }

    @Test
    void anApproverMayApproveExactlyTheirLimit() {
        Actor limitEqualToTheAmount = new Actor("tm-4005", Role.AUTHORITY, null, 1_250_000L, Set.of(LEEDS));

        given(endorsed())
                .when(new ApproveByAuthority(ID, limitEqualToTheAmount, APPROVAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanApprovedByAuthority(
                        ID,
                        act(limitEqualToTheAmount),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON),
                        APPROVAL,
                        OFFERED,
                        false));
    }

    @Test
    void theLimitCoversTheAmountPerYearNotPerPayment() {
        Actor limitEqualToTheOffer = new Actor("tm-4005", Role.AUTHORITY, null, 1_250_000L, Set.of(LEEDS));
        var weekly = new Approval(
                new Money(24_100, Period.WEEKLY),
                new Money(24_100, Period.WEEKLY),
                List.of(),
                "Rounded up to whole weekly hours",
                true);

        given(endorsed())
                .when(new ApproveByAuthority(ID, limitEqualToTheOffer, weekly))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.AUTHORISATION_LIMIT_EXCEEDED))
                .expectNoEvents();
    }

    @Test
    void aHeadOfServiceApprovesWhatATeamManagerCannot() {
        Approval aboveTeamManager = approving(Money.yearly(1_600_000), "Approved as an exception for evening care");

        given(endorsed())
                .when(new ApproveByAuthority(ID, HEAD_OF_SERVICE, aboveTeamManager))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanApprovedByAuthority(
                        ID,
                        act(HEAD_OF_SERVICE),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON),
                        aboveTeamManager,
                        OFFERED,
                        false));
    }

    @Test
    void anApprovedAmountThatDiffersFromTheIndicativeAmountNeedsAReason() {
        given(endorsed())
                .when(new ApproveByAuthority(ID, AUTHORITY, approving(Money.yearly(1_200_000), null)))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.VARIANCE_REASON_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void anApprovedAmountThatDiffersFromTheIndicativeAmountIsApprovedWithItsReason() {
        Approval lower = approving(Money.yearly(1_200_000), "The peer group is free from April");

        given(endorsed())
                .when(new ApproveByAuthority(ID, AUTHORITY, lower))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanApprovedByAuthority(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON),
                        lower,
                        OFFERED,
                        false));
    }

    @Test
    void paymentsCannotComeToMoreThanTheApprovedAmount() {
        var overpaid = new Approval(OFFERED, new Money(104_167, Period.MONTHLY), List.of(), null, true);

        given(endorsed())
                .when(new ApproveByAuthority(ID, AUTHORITY, overpaid))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.PAYMENT_EXCEEDS_APPROVED_AMOUNT))
                .expectNoEvents();
    }

    static Stream<Arguments> approvalsWithAnAmountOfZero() {
        return Stream.of(
                argumentSet(
                        "approved amount",
                        new Approval(
                                Money.yearly(0), new Money(0, Period.MONTHLY), List.of(), "Needs met elsewhere", true)),
                argumentSet("payment", new Approval(OFFERED, new Money(0, Period.MONTHLY), List.of(), null, true)));
    }

    @ParameterizedTest
    @MethodSource("approvalsWithAnAmountOfZero")
    void approvedAndPaymentAmountsAreMoreThanZero(Approval approval) {
        given(endorsed())
                .when(new ApproveByAuthority(ID, AUTHORITY, approval))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.AMOUNT_NOT_POSITIVE))
                .expectNoEvents();
    }

    // --- DeclineByAuthority ---

    @Test
    void theAuthorityDeclinesWithPlainReasonsAndThePlanGoesBackToThePerson() {
        given(endorsed())
                .when(new DeclineByAuthority(ID, AUTHORITY, DECLINE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanDeclinedByAuthority(
                        ID, act(AUTHORITY), transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON), DECLINE, false));
    }

    @Test
    void theDeclineRecordsThatThePersonAddedTheirOwnWords() {
        given(plus(endorsed(), statementAdded()))
                .when(new DeclineByAuthority(ID, AUTHORITY, DECLINE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanDeclinedByAuthority(
                        ID, act(AUTHORITY), transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON), DECLINE, true));
    }

    @Test
    void declineRequiresEndorsedPlan() {
        given(submitted())
                .when(new DeclineByAuthority(ID, AUTHORITY, DECLINE))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.PLAN_NOT_ENDORSED))
                .expectNoEvents();
    }

    // --- ChooseManagement ---

    static Stream<Arguments> managementOptions() {
        return Stream.of(
                argumentSet("direct payment: the person", DIRECT_PAYMENT, ControlHolder.PERSON),
                argumentSet("council-managed: the authority", COUNCIL_MANAGED, ControlHolder.AUTHORITY),
                argumentSet("individual service fund: the provider", SERVICE_FUND, ControlHolder.PROVIDER),
                argumentSet("mixed: the person", MIXED, ControlHolder.PERSON));
    }

    @ParameterizedTest
    @MethodSource("managementOptions")
    void thePersonChoosesHowTheBudgetIsManagedAndWhoeverManagesTheMoneyHoldsControl(
            Management management, ControlHolder manager) {
        given(approved())
                .when(new ChooseManagement(ID, PERSON, management))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new ManagementChosen(ID, act(PERSON), transfer(ControlHolder.PERSON, manager), management));
    }

    @Test
    void thePersonMayMoveABudgetInUseFromAServiceFundToTheCouncil() {
        given(active(SERVICE_FUND))
                .when(new ChooseManagement(ID, PERSON, COUNCIL_MANAGED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ManagementChosen(
                        ID, act(PERSON), transfer(ControlHolder.PROVIDER, ControlHolder.AUTHORITY), COUNCIL_MANAGED));
    }

    @Test
    void thePersonMayChangeFromADirectPaymentToACouncilManagedBudget() {
        given(active())
                .when(new ChooseManagement(ID, PERSON, COUNCIL_MANAGED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ManagementChosen(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.AUTHORITY), COUNCIL_MANAGED));
    }

    static Stream<Arguments> serviceFundsWithoutAProvider() {
        return Stream.of(
                argumentSet("no provider", new Management(ManagementOption.INDIVIDUAL_SERVICE_FUND, null, null)),
                argumentSet("blank provider", new Management(ManagementOption.INDIVIDUAL_SERVICE_FUND, " ", null)));
    }

    @ParameterizedTest
    @MethodSource("serviceFundsWithoutAProvider")
    void anIndividualServiceFundIsHeldByANamedProvider(Management management) {
        given(approved())
                .when(new ChooseManagement(ID, PERSON, management))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.PROVIDER_REQUIRED))
                .expectNoEvents();
    }

    static Stream<Arguments> mixedSplitsThatDoNotAddUp() {
        return Stream.of(
                argumentSet("no split", new Management(ManagementOption.MIXED, null, null)),
                argumentSet(
                        "short by a penny",
                        new Management(
                                ManagementOption.MIXED,
                                null,
                                new MixedSplit(Money.yearly(600_000), Money.yearly(649_999), null))),
                argumentSet(
                        "more than approved",
                        new Management(
                                ManagementOption.MIXED,
                                "Leeds Mind",
                                new MixedSplit(Money.yearly(600_000), Money.yearly(400_000), Money.yearly(300_000)))));
    }

    @ParameterizedTest
    @MethodSource("mixedSplitsThatDoNotAddUp")
    void thePartsOfAMixedBudgetAddUpToTheApprovedAmount(Management management) {
        given(approved())
                .when(new ChooseManagement(ID, PERSON, management))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.MIXED_SPLIT_DOES_NOT_ADD_UP))
                .expectNoEvents();
    }

    @Test
    void aMixedSplitAddsUpToTheAmountAsAdjusted() {
        var adjusted = new Adjustment(
                AdjustmentKind.LASTING,
                Money.yearly(1_300_000),
                RECENTLY,
                null,
                "Needs increased",
                Role.PRACTITIONER,
                true,
                NotificationMethod.IN_PERSON);
        var split = new Management(
                ManagementOption.MIXED,
                null,
                new MixedSplit(Money.yearly(650_000), new Money(50_000, Period.FOUR_WEEKLY), null));

        given(plus(active(), budgetAdjusted(adjusted, OFFERED)))
                .when(new ChooseManagement(ID, PERSON, split))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ManagementChosen(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.PERSON), split));
    }

    static Stream<Arguments> historiesNotApprovedOrSuspended() {
        return Stream.of(argumentSet("endorsed, not approved", endorsed()), argumentSet("suspended", suspended()));
    }

    @ParameterizedTest
    @MethodSource("historiesNotApprovedOrSuspended")
    void managementIsChosenForAnApprovedBudgetThatIsNotSuspended(List<BudgetEvent> history) {
        given(history)
                .when(new ChooseManagement(ID, PERSON, DIRECT_PAYMENT))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.BUDGET_NOT_APPROVED))
                .expectNoEvents();
    }

    @Test
    void aDirectPaymentForAPersonLackingCapacityIsChosenByTheirAuthorisedPerson() {
        given(plus(approved(), authorisedPersonAppointed()))
                .when(new ChooseManagement(ID, AUTHORISED_PERSON, DIRECT_PAYMENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ManagementChosen(
                        ID,
                        actFor(AUTHORISED_PERSON),
                        transfer(AUTHORISED_PERSON_IN_CONTROL, AUTHORISED_PERSON_IN_CONTROL),
                        DIRECT_PAYMENT));
    }

    static Stream<Arguments> optionsIncludingADirectPayment() {
        return Stream.of(argumentSet("direct payment", DIRECT_PAYMENT), argumentSet("mixed", MIXED));
    }

    @ParameterizedTest
    @MethodSource("optionsIncludingADirectPayment")
    void aDelegateDoesNotChooseADirectPaymentForAPersonLackingCapacity(Management management) {
        given(plus(approved(), authorisedPersonAppointed(), controlDelegated(DELEGATION)))
                .when(new ChooseManagement(ID, NOMINEE, management))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.DIRECT_PAYMENT_THROUGH_AUTHORISED_PERSON))
                .expectNoEvents();
    }

    @Test
    void aDelegateMayChooseACouncilManagedBudgetForAPersonLackingCapacity() {
        given(plus(approved(), authorisedPersonAppointed(), controlDelegated(DELEGATION)))
                .when(new ChooseManagement(ID, NOMINEE, COUNCIL_MANAGED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ManagementChosen(
                        ID, actFor(NOMINEE), transfer(NOMINEE_IN_CONTROL, ControlHolder.AUTHORITY), COUNCIL_MANAGED));
    }

    @Test
    void whileAnAuthorisedPersonIsAppointedThePersonDoesNotChoose() {
        given(plus(approved(), authorisedPersonAppointed()))
                .when(new ChooseManagement(ID, PERSON, COUNCIL_MANAGED))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NOT_ACTING_FOR_THE_PERSON))
                .expectNoEvents();
    }

    static Stream<Arguments> decisionsThatAffectThePersonWithoutTheirPart() {
        var contested = plus(offered(), offerContested(CONTEST));
        return Stream.of(
                argumentSet(
                        "an offer, without whether they took part",
                        assessed(),
                        new OfferBudget(
                                ID, AUTHORITY, new Offer(OFFERED, CALCULATION, null, NotificationMethod.LETTER)),
                        "offer.personTookPart"),
                argumentSet(
                        "an offer, without how they were told",
                        assessed(),
                        new OfferBudget(ID, AUTHORITY, new Offer(OFFERED, CALCULATION, false, null)),
                        "offer.personToldBy"),
                argumentSet(
                        "a revision",
                        contested,
                        new ReviseOffer(ID, AUTHORITY, new Revision(REVISED, calculation(REVISED), REVISION.reasons())),
                        "revision.personTookPart"),
                argumentSet(
                        "an adjustment",
                        active(),
                        new AdjustBudget(
                                ID,
                                AUTHORITY,
                                new Adjustment(
                                        AdjustmentKind.LASTING,
                                        Money.yearly(1_300_000),
                                        NOW,
                                        null,
                                        "Needs increased",
                                        Role.PRACTITIONER)),
                        "adjustment.personTookPart"),
                argumentSet(
                        "a suspension",
                        active(),
                        new SuspendBudget(ID, AUTHORITY, new Suspension("In hospital", "The ward meets needs")),
                        "suspension.personTookPart"),
                argumentSet(
                        "a closure",
                        active(),
                        new CloseBudget(ID, AUTHORITY, new Closure("Moved away", NotificationMethod.LETTER)),
                        "closure.personTookPart"));
    }

    /**
     * The research's central finding is that decisions were made without the person's input: every decision that
     * affects them records whether they took part and how they were told, or is refused and nothing is stored.
     */
    @ParameterizedTest
    @MethodSource("decisionsThatAffectThePersonWithoutTheirPart")
    void aDecisionThatAffectsThePersonRecordsWhetherTheyTookPartAndHowTheyWereTold(
            List<BudgetEvent> history, BudgetCommand command, String field) {
        given(history)
                .when(command)
                .expectException(breaking(Rule.PARTICIPATION_NOT_RECORDED))
                .expectException(matches(failure ->
                        field.equals(((BudgetRuleViolation) failure).field().orElse(null))))
                .expectNoEvents();
    }
}
