package uk.gov.personalbudget.budget.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.personalbudget.contracts.api.CommandAccepted;
import uk.gov.personalbudget.contracts.command.AdjustBudget;
import uk.gov.personalbudget.contracts.command.AppointAuthorisedPerson;
import uk.gov.personalbudget.contracts.command.ChooseManagement;
import uk.gov.personalbudget.contracts.command.CloseBudget;
import uk.gov.personalbudget.contracts.command.CompleteReview;
import uk.gov.personalbudget.contracts.command.RecordAssessment;
import uk.gov.personalbudget.contracts.command.RecordOutcome;
import uk.gov.personalbudget.contracts.command.ResumeBudget;
import uk.gov.personalbudget.contracts.command.ScheduleReview;
import uk.gov.personalbudget.contracts.command.SubmitPlan;
import uk.gov.personalbudget.contracts.command.SuspendBudget;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlRule;
import uk.gov.personalbudget.contracts.control.ControlState;
import uk.gov.personalbudget.contracts.event.AuthorisedPersonAppointed;
import uk.gov.personalbudget.contracts.event.BudgetAdjusted;
import uk.gov.personalbudget.contracts.event.BudgetClosed;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetResumed;
import uk.gov.personalbudget.contracts.event.BudgetSuspended;
import uk.gov.personalbudget.contracts.event.ManagementChosen;
import uk.gov.personalbudget.contracts.event.OutcomeRecorded;
import uk.gov.personalbudget.contracts.event.PlanApprovedByAuthority;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;
import uk.gov.personalbudget.contracts.event.ReviewCompleted;
import uk.gov.personalbudget.contracts.event.ReviewScheduled;
import uk.gov.personalbudget.contracts.value.Adjustment;
import uk.gov.personalbudget.contracts.value.AdjustmentKind;
import uk.gov.personalbudget.contracts.value.BudgetStatus;
import uk.gov.personalbudget.contracts.value.Closure;
import uk.gov.personalbudget.contracts.value.Management;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.MixedSplit;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.Outcome;
import uk.gov.personalbudget.contracts.value.OutcomeDomain;
import uk.gov.personalbudget.contracts.value.Period;
import uk.gov.personalbudget.contracts.value.Reason;
import uk.gov.personalbudget.contracts.value.ReviewKind;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.contracts.value.Suspension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.axonframework.test.matchers.Matchers.matches;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static uk.gov.personalbudget.budget.lifecycle.Budgets.*;

/** AdjustBudget, RecordOutcome, ScheduleReview, CompleteReview, SuspendBudget, ResumeBudget and CloseBudget. */
class PersonalBudgetInUseTest extends BudgetFixtureSupport {

    private static final Outcome OUTCOME = new Outcome(
            OutcomeDomain.SOCIAL_PARTICIPATION_AND_RELATIONSHIPS,
            "I went to the allotment with my brother twice this month.",
            "G1");
    private static final Suspension SUSPENSION = new Suspension(
            "Admitted to hospital under s2",
            "The ward and the discharge team meet Sam's needs",
            true,
            NotificationMethod.IN_PERSON);
    private static final Reason DISCHARGED = new Reason("Discharged home with the crisis team's support");
    private static final Reason MOVED_AWAY = new Reason(CLOSURE.reason());
    private static final List<BudgetEvent> REVIEW_DUE = plus(active(), reviewScheduled(LIGHT_TOUCH_REVIEW));
    /** A week's uplift to £14,000 a year that ended two days ago. */
    private static final Adjustment ENDED_UPLIFT = new Adjustment(
            AdjustmentKind.TEMPORARY,
            Money.yearly(1_400_000),
            daysAgo(9),
            daysAgo(2),
            "Crisis support in the evenings",
            Role.NOMINEE,
            true,
            NotificationMethod.IN_PERSON);

    // --- AdjustBudget ---

    @Test
    void theAuthorityAdjustsTemporarilyUntilAnEndDateAtAnyonesRequest() {
        Adjustment adjustment = temporaryAdjustment(Money.yearly(1_400_000));

        given(active())
                .when(new AdjustBudget(ID, AUTHORITY, adjustment))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetAdjusted(
                        ID, act(AUTHORITY), transfer(ControlHolder.PERSON, ControlHolder.PERSON), adjustment, OFFERED));
    }

    @Test
    void aLastingAdjustmentHasNoEndDate() {
        var lasting = new Adjustment(
                AdjustmentKind.LASTING,
                Money.yearly(1_300_000),
                NOW,
                null,
                "Needs increased after the annual review",
                Role.PRACTITIONER,
                true,
                NotificationMethod.IN_PERSON);

        given(active())
                .when(new AdjustBudget(ID, AUTHORITY, lasting))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetAdjusted(
                        ID, act(AUTHORITY), transfer(ControlHolder.PERSON, ControlHolder.PERSON), lasting, OFFERED));
    }

    static Stream<Arguments> adjustmentsWithAWrongEnd() {
        Money amount = Money.yearly(1_400_000);
        return Stream.of(
                argumentSet(
                        "temporary without an end",
                        new Adjustment(
                                AdjustmentKind.TEMPORARY,
                                amount,
                                NOW,
                                null,
                                "Crisis support",
                                Role.PERSON,
                                true,
                                NotificationMethod.IN_PERSON)),
                argumentSet(
                        "temporary ending as it starts",
                        new Adjustment(
                                AdjustmentKind.TEMPORARY,
                                amount,
                                NOW,
                                NOW,
                                "Crisis support",
                                Role.PERSON,
                                true,
                                NotificationMethod.IN_PERSON)),
                argumentSet(
                        "temporary ending before it starts",
                        new Adjustment(
                                AdjustmentKind.TEMPORARY,
                                amount,
                                NOW,
                                NOW.minus(Duration.ofDays(1)),
                                "Crisis support",
                                Role.PERSON,
                                true,
                                NotificationMethod.IN_PERSON)),
                argumentSet(
                        "lasting with an end",
                        new Adjustment(
                                AdjustmentKind.LASTING,
                                amount,
                                NOW,
                                NOW.plus(Duration.ofDays(28)),
                                "Needs increased",
                                Role.PRACTITIONER,
                                true,
                                NotificationMethod.IN_PERSON)));
    }

    @ParameterizedTest
    @MethodSource("adjustmentsWithAWrongEnd")
    void aTemporaryAdjustmentEndsAfterItStartsAndALastingOneHasNoEnd(Adjustment adjustment) {
        given(active())
                .when(new AdjustBudget(ID, AUTHORITY, adjustment))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.ADJUSTMENT_END_INVALID))
                .expectNoEvents();
    }

    @Test
    void anAdjustmentStaysWithinTheApproversLimit() {
        given(active())
                .when(new AdjustBudget(ID, AUTHORITY, temporaryAdjustment(Money.yearly(1_500_001))))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.AUTHORISATION_LIMIT_EXCEEDED))
                .expectNoEvents();
    }

    @Test
    void anAdjustedAmountIsMoreThanZero() {
        given(active())
                .when(new AdjustBudget(ID, AUTHORITY, temporaryAdjustment(Money.yearly(0))))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.AMOUNT_NOT_POSITIVE))
                .expectNoEvents();
    }

    @Test
    void aBudgetIsAdjustedOnceApproved() {
        given(endorsed())
                .when(new AdjustBudget(ID, AUTHORITY, temporaryAdjustment(Money.yearly(1_400_000))))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.BUDGET_NOT_APPROVED))
                .expectNoEvents();
    }

    @Test
    void aSuspendedBudgetMayBeAdjustedAndTheAuthorityKeepsControl() {
        Adjustment adjustment = temporaryAdjustment(Money.yearly(1_000_000));

        given(suspended())
                .when(new AdjustBudget(ID, AUTHORITY, adjustment))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetAdjusted(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.AUTHORITY),
                        adjustment,
                        OFFERED));
    }

    @Test
    void eachAdjustmentRecordsTheAmountItReplaces() {
        Adjustment first = temporaryAdjustment(Money.yearly(1_400_000));
        Adjustment second = temporaryAdjustment(Money.yearly(1_450_000));

        given(plus(active(), budgetAdjusted(first, OFFERED)))
                .when(new AdjustBudget(ID, AUTHORITY, second))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetAdjusted(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.PERSON, ControlHolder.PERSON),
                        second,
                        Money.yearly(1_400_000)));
    }

    @Test
    void anAdjustmentMadeAfterATemporaryOneEndedReplacesTheLastingAmount() {
        var lasting = new Adjustment(
                AdjustmentKind.LASTING,
                Money.yearly(1_300_000),
                NOW,
                null,
                "Needs increased after the annual review",
                Role.PRACTITIONER,
                true,
                NotificationMethod.IN_PERSON);

        given(plus(active(), budgetAdjusted(ENDED_UPLIFT, OFFERED)))
                .when(new AdjustBudget(ID, AUTHORITY, lasting))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetAdjusted(
                        ID, act(AUTHORITY), transfer(ControlHolder.PERSON, ControlHolder.PERSON), lasting, OFFERED));
    }

    @Test
    void whileATemporaryAdjustmentIsInForceAMixedSplitAddsUpToTheAdjustedAmount() {
        var uplift = new Adjustment(
                AdjustmentKind.TEMPORARY,
                Money.yearly(1_400_000),
                RECENTLY,
                NOW.plus(Duration.ofDays(26)),
                "Crisis support in the evenings",
                Role.NOMINEE,
                true,
                NotificationMethod.IN_PERSON);
        var split = new Management(
                ManagementOption.MIXED,
                null,
                new MixedSplit(Money.yearly(750_000), new Money(50_000, Period.FOUR_WEEKLY), null));

        given(plus(active(), budgetAdjusted(uplift, OFFERED)))
                .when(new ChooseManagement(ID, PERSON, split))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ManagementChosen(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.PERSON), split));
    }

    @Test
    void onceATemporaryAdjustmentHasEndedAMixedSplitAddsUpToTheLastingAmountAgain() {
        given(plus(active(), budgetAdjusted(ENDED_UPLIFT, OFFERED)))
                .when(new ChooseManagement(ID, PERSON, MIXED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ManagementChosen(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.PERSON), MIXED));
    }

    // --- RecordOutcome ---

    @Test
    void thePersonRecordsAnOutcomeInTheirOwnWords() {
        given(active())
                .when(new RecordOutcome(ID, PERSON, OUTCOME))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OutcomeRecorded(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.PERSON), OUTCOME));
    }

    @Test
    void aPractitionerRecordsAnOutcomeForThePerson() {
        var unlinked = new Outcome(OutcomeDomain.EMPLOYMENT_AND_LEARNING, "Sam started a cookery course.", null);

        given(active(COUNCIL_MANAGED))
                .when(new RecordOutcome(ID, PRACTITIONER, unlinked))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OutcomeRecorded(
                        ID,
                        actFor(PRACTITIONER),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.AUTHORITY),
                        unlinked));
    }

    @Test
    void theNamedDelegateRecordsAnOutcomeForThePerson() {
        given(plus(active(), controlDelegated(DELEGATION)))
                .when(new RecordOutcome(ID, NOMINEE, OUTCOME))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OutcomeRecorded(
                        ID, actFor(NOMINEE), transfer(NOMINEE_IN_CONTROL, NOMINEE_IN_CONTROL), OUTCOME));
    }

    @Test
    void aNomineeNotNamedByADelegationOrAuthorisationRecordsNoOutcome() {
        given(active())
                .when(new RecordOutcome(ID, NOMINEE, OUTCOME))
                .expectException(BudgetHidden.class)
                .expectNoEvents();
    }

    @Test
    void anOutcomeCitesOnlyARecoveryGoalOfTheAssessment() {
        given(active())
                .when(new RecordOutcome(ID, PERSON, new Outcome(OutcomeDomain.OTHER, "Fewer bad days.", "G9")))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.UNKNOWN_RECOVERY_GOAL))
                .expectNoEvents();
    }

    @Test
    void outcomesAreRecordedOnceTheBudgetIsApproved() {
        given(planning())
                .when(new RecordOutcome(ID, PERSON, OUTCOME))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.BUDGET_NOT_APPROVED))
                .expectNoEvents();
    }

    // --- ScheduleReview: the budget was approved 14 days before now ---

    @Test
    void aPractitionerSchedulesALightTouchReviewSixToEightWeeksAfterApproval() {
        given(active())
                .when(new ScheduleReview(ID, PRACTITIONER, LIGHT_TOUCH_REVIEW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewScheduled(
                        ID,
                        act(PRACTITIONER),
                        transfer(ControlHolder.PERSON, ControlHolder.PERSON),
                        LIGHT_TOUCH_REVIEW));
    }

    @Test
    void aCouncilSystemSchedulesAReview() {
        given(active(SERVICE_FUND))
                .when(new ScheduleReview(ID, SYSTEM, LIGHT_TOUCH_REVIEW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewScheduled(
                        ID, act(SYSTEM), transfer(ControlHolder.PROVIDER, ControlHolder.PROVIDER), LIGHT_TOUCH_REVIEW));
    }

    static Stream<Arguments> reviewsWithinTheirWindow() {
        return Stream.of(
                argumentSet(
                        "light touch, exactly 6 weeks", review(ReviewKind.INITIAL_LIGHT_TOUCH, weeksAfterApproval(6))),
                argumentSet(
                        "light touch, exactly 8 weeks", review(ReviewKind.INITIAL_LIGHT_TOUCH, weeksAfterApproval(8))),
                argumentSet(
                        "direct payment, tomorrow", review(ReviewKind.DIRECT_PAYMENT, NOW.plus(Duration.ofDays(1)))),
                argumentSet(
                        "direct payment, 183 days after it began",
                        review(ReviewKind.DIRECT_PAYMENT, CHOSEN_AT.plus(Duration.ofDays(183)))),
                argumentSet(
                        "annual, 365 days after approval",
                        review(ReviewKind.ANNUAL, APPROVED_AT.plus(Duration.ofDays(365)))),
                argumentSet(
                        "capacity change, whenever", review(ReviewKind.CAPACITY_CHANGE, NOW.plus(Duration.ofDays(1)))),
                argumentSet(
                        "requested, even beyond a year", review(ReviewKind.REQUESTED, NOW.plus(Duration.ofDays(400)))));
    }

    @ParameterizedTest
    @MethodSource("reviewsWithinTheirWindow")
    void eachKindOfReviewIsScheduledWithinItsWindow(ReviewSchedule review) {
        given(active())
                .when(new ScheduleReview(ID, PRACTITIONER, review))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewScheduled(
                        ID, act(PRACTITIONER), transfer(ControlHolder.PERSON, ControlHolder.PERSON), review));
    }

    static Stream<Arguments> reviewsOutsideTheirWindow() {
        return Stream.of(
                argumentSet(
                        "light touch, a minute before 6 weeks",
                        review(
                                ReviewKind.INITIAL_LIGHT_TOUCH,
                                weeksAfterApproval(6).minusSeconds(60))),
                argumentSet(
                        "light touch, a minute after 8 weeks",
                        review(
                                ReviewKind.INITIAL_LIGHT_TOUCH,
                                weeksAfterApproval(8).plusSeconds(60))),
                argumentSet(
                        "direct payment, 184 days after it began",
                        review(ReviewKind.DIRECT_PAYMENT, CHOSEN_AT.plus(Duration.ofDays(184)))),
                argumentSet(
                        "annual, 366 days after approval",
                        review(ReviewKind.ANNUAL, APPROVED_AT.plus(Duration.ofDays(366)))),
                argumentSet(
                        "capacity change, in the past",
                        review(ReviewKind.CAPACITY_CHANGE, NOW.minus(Duration.ofHours(1)))),
                argumentSet("requested, in the past", review(ReviewKind.REQUESTED, NOW.minusSeconds(1))));
    }

    @ParameterizedTest
    @MethodSource("reviewsOutsideTheirWindow")
    void aReviewDueOutsideItsWindowIsRejected(ReviewSchedule review) {
        given(active())
                .when(new ScheduleReview(ID, PRACTITIONER, review))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.REVIEW_DUE_OUTSIDE_WINDOW))
                .expectNoEvents();
    }

    static Stream<Arguments> budgetsWithoutADirectPayment() {
        return Stream.of(
                argumentSet("management not yet chosen", approved()),
                argumentSet("council-managed", active(COUNCIL_MANAGED)),
                argumentSet("individual service fund", active(SERVICE_FUND)));
    }

    @ParameterizedTest
    @MethodSource("budgetsWithoutADirectPayment")
    void aDirectPaymentReviewIsForABudgetPaidAtLeastPartlyByDirectPayment(List<BudgetEvent> history) {
        given(history)
                .when(new ScheduleReview(ID, PRACTITIONER, review(ReviewKind.DIRECT_PAYMENT, weeksAfterApproval(12))))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.REVIEW_DUE_OUTSIDE_WINDOW))
                .expectNoEvents();
    }

    @Test
    void aMixedBudgetWithADirectPaymentPartHasADirectPaymentReview() {
        ReviewSchedule review = review(ReviewKind.DIRECT_PAYMENT, weeksAfterApproval(12));

        given(active(MIXED))
                .when(new ScheduleReview(ID, PRACTITIONER, review))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewScheduled(
                        ID, act(PRACTITIONER), transfer(ControlHolder.PERSON, ControlHolder.PERSON), review));
    }

    /**
     * The direct payment review counts from the start of the direct payment, not from approval: a budget that
     * switches to a direct payment after seven months still gets its review within that payment's first 6 months.
     */
    @Test
    void aDirectPaymentChosenMonthsAfterApprovalIsReviewedWithinItsOwnFirstSixMonths() {
        Instant switched = NOW.minus(Duration.ofDays(1));
        ReviewSchedule review = review(ReviewKind.DIRECT_PAYMENT, switched.plus(Duration.ofDays(183)));
        var approvedLongAgo = plus(
                approved(),
                managementChosen(COUNCIL_MANAGED),
                new ManagementChosen(ID, Budgets.act(PERSON, switched), null, DIRECT_PAYMENT));

        given(approvedLongAgo)
                .when(new ScheduleReview(ID, PRACTITIONER, review))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewScheduled(
                        ID, act(PRACTITIONER), transfer(ControlHolder.PERSON, ControlHolder.PERSON), review));
    }

    static Stream<Arguments> overdueReviews() {
        Instant longAgo = NOW.minus(Duration.ofDays(400));
        var approvedLongAgo = List.<BudgetEvent>of(
                budgetOpened(),
                needsAssessed(ASSESSMENT),
                budgetOffered(OFFER),
                offerAccepted(OFFERED),
                planSubmitted(PLAN),
                planEndorsed(),
                new PlanApprovedByAuthority(ID, Budgets.act(AUTHORITY, longAgo), null, APPROVAL, OFFERED, false),
                new ManagementChosen(ID, Budgets.act(PERSON, longAgo), null, DIRECT_PAYMENT));
        return Stream.of(
                argumentSet("annual", approvedLongAgo, ReviewKind.ANNUAL),
                argumentSet("direct payment", approvedLongAgo, ReviewKind.DIRECT_PAYMENT),
                argumentSet("light touch", approvedLongAgo, ReviewKind.INITIAL_LIGHT_TOUCH));
    }

    /** A review whose window has passed is overdue, not impossible: it is scheduled within the next 4 weeks. */
    @ParameterizedTest
    @MethodSource("overdueReviews")
    void anOverdueReviewIsScheduledAsItsKindWithinFourWeeks(List<BudgetEvent> history, ReviewKind kind) {
        ReviewSchedule soon = review(kind, NOW.plus(Duration.ofDays(28)));
        given(history)
                .when(new ScheduleReview(ID, PRACTITIONER, soon))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewScheduled(
                        ID, act(PRACTITIONER), transfer(ControlHolder.PERSON, ControlHolder.PERSON), soon));
        given(history)
                .when(new ScheduleReview(ID, PRACTITIONER, review(kind, NOW.plus(Duration.ofDays(29)))))
                .expectException(breaking(Rule.REVIEW_DUE_OUTSIDE_WINDOW))
                .expectNoEvents();
    }

    @Test
    void afterAReviewTheNextAnnualReviewIsDueWithinAYearOfIt() {
        Instant reviewed = NOW.minus(Duration.ofDays(1));
        ReviewSchedule annual = review(ReviewKind.ANNUAL, reviewed.plus(Duration.ofDays(365)));

        given(plus(REVIEW_DUE, reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.CONTINUE, reviewed)))
                .when(new ScheduleReview(ID, PRACTITIONER, annual))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewScheduled(
                        ID, act(PRACTITIONER), transfer(ControlHolder.PERSON, ControlHolder.PERSON), annual));
    }

    @Test
    void oneReviewIsScheduledAtATime() {
        given(REVIEW_DUE)
                .when(new ScheduleReview(ID, PRACTITIONER, review(ReviewKind.REQUESTED, NOW.plus(Duration.ofDays(3)))))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.REVIEW_ALREADY_SCHEDULED))
                .expectNoEvents();
    }

    private static final ReviewSchedule CAPACITY_REVIEW =
            new ReviewSchedule(ReviewKind.CAPACITY_CHANGE, NOW.plus(Duration.ofDays(28)));

    /** DOMAIN.md asks for a review whenever capacity is lost or regained, whatever review is already scheduled. */
    @Test
    void aCapacityChangeReviewIsScheduledBesideAPendingReviewButNoOtherIs() {
        given(REVIEW_DUE)
                .when(new ScheduleReview(ID, PRACTITIONER, CAPACITY_REVIEW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewScheduled(
                        ID, act(PRACTITIONER), transfer(ControlHolder.PERSON, ControlHolder.PERSON), CAPACITY_REVIEW));
        given(plus(REVIEW_DUE, reviewScheduled(CAPACITY_REVIEW)))
                .when(new ScheduleReview(ID, PRACTITIONER, CAPACITY_REVIEW))
                .expectException(breaking(Rule.REVIEW_ALREADY_SCHEDULED))
                .expectNoEvents();
        given(plus(active(), reviewScheduled(CAPACITY_REVIEW)))
                .when(new ScheduleReview(ID, PRACTITIONER, LIGHT_TOUCH_REVIEW))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void appointingAnAuthorisedPersonWhileAReviewIsPendingSchedulesTheCapacityReviewBesideIt() {
        given(REVIEW_DUE)
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
                                CAPACITY_REVIEW));
    }

    /** With two reviews pending, completing a review completes the one due first, then the other. */
    @Test
    void completingAReviewCompletesThePendingOneDueFirst() {
        var bothPending = plus(REVIEW_DUE, reviewScheduled(CAPACITY_REVIEW));
        given(bothPending)
                .when(new CompleteReview(ID, PRACTITIONER, reviewResult(ReviewOutcome.CONTINUE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewCompleted(
                        ID,
                        act(PRACTITIONER),
                        transfer(ControlHolder.PERSON, ControlHolder.PERSON),
                        CAPACITY_REVIEW,
                        reviewResult(ReviewOutcome.CONTINUE)));
        given(plus(bothPending, reviewCompleted(CAPACITY_REVIEW, ReviewOutcome.CONTINUE, RECENTLY)))
                .when(new CompleteReview(ID, PRACTITIONER, reviewResult(ReviewOutcome.CONTINUE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewCompleted(
                        ID,
                        act(PRACTITIONER),
                        transfer(ControlHolder.PERSON, ControlHolder.PERSON),
                        LIGHT_TOUCH_REVIEW,
                        reviewResult(ReviewOutcome.CONTINUE)));
    }

    @Test
    void reviewsAreScheduledOnceTheBudgetIsApproved() {
        given(endorsed())
                .when(new ScheduleReview(ID, PRACTITIONER, LIGHT_TOUCH_REVIEW))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.BUDGET_NOT_APPROVED))
                .expectNoEvents();
    }

    // --- CompleteReview ---

    static Stream<Arguments> continuingBudgets() {
        return Stream.of(
                argumentSet("direct payment: the person", DIRECT_PAYMENT, ControlHolder.PERSON),
                argumentSet("council-managed: the authority", COUNCIL_MANAGED, ControlHolder.AUTHORITY),
                argumentSet("individual service fund: the provider", SERVICE_FUND, ControlHolder.PROVIDER),
                argumentSet("mixed: the person", MIXED, ControlHolder.PERSON));
    }

    @ParameterizedTest
    @MethodSource("continuingBudgets")
    void aReviewThatContinuesLeavesControlWithWhoeverManagesTheMoney(Management management, ControlHolder manager) {
        given(plus(active(management), reviewScheduled(LIGHT_TOUCH_REVIEW)))
                .when(new CompleteReview(ID, PRACTITIONER, reviewResult(ReviewOutcome.CONTINUE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewCompleted(
                        ID,
                        act(PRACTITIONER),
                        transfer(manager, manager),
                        LIGHT_TOUCH_REVIEW,
                        reviewResult(ReviewOutcome.CONTINUE)));
    }

    @Test
    void aReplanOpensANewPlanCycleAndThePersonHoldsControl() {
        given(plus(active(SERVICE_FUND), reviewScheduled(LIGHT_TOUCH_REVIEW)))
                .when(new CompleteReview(ID, PRACTITIONER, reviewResult(ReviewOutcome.REPLAN)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewCompleted(
                        ID,
                        act(PRACTITIONER),
                        transfer(ControlHolder.PROVIDER, ControlHolder.PERSON),
                        LIGHT_TOUCH_REVIEW,
                        reviewResult(ReviewOutcome.REPLAN)));
    }

    @Test
    void afterAReplanThePersonSubmitsANewPlanAgainstTheCurrentOffer() {
        given(plus(REVIEW_DUE, reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.REPLAN, RECENTLY)))
                .when(new SubmitPlan(ID, PERSON, PLAN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanSubmitted(
                        ID, act(PERSON), transfer(ControlHolder.PERSON, ControlHolder.PRACTITIONER), PLAN));
    }

    /** A replan makes the next plan while the approved one stays in force, at every step of the new plan's cycle. */
    private static final List<BudgetEvent> REPLANNING =
            plus(REVIEW_DUE, reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.REPLAN, RECENTLY));

    static Stream<Arguments> stepsOfAReplan() {
        return Stream.of(
                argumentSet("replanning", REPLANNING),
                argumentSet("new plan submitted", plus(REPLANNING, planSubmitted(PLAN))),
                argumentSet("new plan endorsed", plus(REPLANNING, planSubmitted(PLAN), planEndorsed())),
                argumentSet(
                        "new plan declined", plus(REPLANNING, planSubmitted(PLAN), planEndorsed(), planDeclined())));
    }

    /**
     * The approved plan is still paid while the next is made, so a crisis can still get a temporary uplift, a hospital
     * stay is still recorded as a suspension, outcomes are still recorded and reviews still scheduled.
     */
    @ParameterizedTest
    @MethodSource("stepsOfAReplan")
    void duringAReplanTheBudgetIsStillInUse(List<BudgetEvent> replanning) {
        Adjustment uplift = temporaryAdjustment(Money.yearly(1_400_000));
        given(replanning)
                .when(new AdjustBudget(ID, AUTHORITY, uplift))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetAdjusted(
                        ID,
                        act(AUTHORITY),
                        transfer(controlAfter(replanning), controlAfter(replanning)),
                        uplift,
                        OFFERED));
        given(replanning)
                .when(new SuspendBudget(ID, AUTHORITY, SUSPENSION))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(
                        matches(accepted -> ((CommandAccepted) accepted).status() == BudgetStatus.SUSPENDED));
        given(replanning).when(new RecordOutcome(ID, PRACTITIONER, OUTCOME)).expectSuccessfulHandlerExecution();
        given(replanning)
                .when(new ScheduleReview(ID, PRACTITIONER, review(ReviewKind.REQUESTED, NOW.plus(Duration.ofDays(7)))))
                .expectSuccessfulHandlerExecution();
    }

    /** Who holds control after {@code events}, by the contracts' control rule (given events carry no transfer). */
    private static ControlHolder controlAfter(List<BudgetEvent> events) {
        ControlState state = ControlState.INITIAL;
        for (BudgetEvent event : events) {
            state = ControlRule.after(state, event);
        }
        return state.holder();
    }

    @Test
    void aHospitalStayDuringAReplanResumesTheReplanWhereItWas() {
        given(plus(REPLANNING, planSubmitted(PLAN), budgetSuspended()))
                .when(new ResumeBudget(ID, AUTHORITY, DISCHARGED))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(
                        matches(accepted -> ((CommandAccepted) accepted).status() == BudgetStatus.PLAN_SUBMITTED));
    }

    @Test
    void aReviewThatEndsTheBudgetEndsItsUse() {
        given(plus(REVIEW_DUE, reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.END, RECENTLY)))
                .when(new AdjustBudget(ID, AUTHORITY, temporaryAdjustment(Money.yearly(1_400_000))))
                .expectException(breaking(Rule.BUDGET_NOT_APPROVED))
                .expectNoEvents();
    }

    @Test
    void aNewPlanAfterAReplanStillNeedsAnExceptionToExceedTheCurrentOffer() {
        given(plus(REVIEW_DUE, reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.REPLAN, RECENTLY)))
                .when(new SubmitPlan(ID, PERSON, planCosting(Money.yearly(1_300_000), null)))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.PLAN_EXCEEDS_OFFER))
                .expectNoEvents();
    }

    @Test
    void aReviewThatEndsTheBudgetHandsControlToTheAuthorityToCloseIt() {
        given(REVIEW_DUE)
                .when(new CompleteReview(ID, PRACTITIONER, reviewResult(ReviewOutcome.END)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(
                        matches(accepted -> ((CommandAccepted) accepted).status() == BudgetStatus.ENDING))
                .expectEvents(new ReviewCompleted(
                        ID,
                        act(PRACTITIONER),
                        transfer(ControlHolder.PERSON, ControlHolder.AUTHORITY),
                        LIGHT_TOUCH_REVIEW,
                        reviewResult(ReviewOutcome.END)));
    }

    @Test
    void continuingWhileSuspendedIsRejected() {
        given(plus(REVIEW_DUE, budgetSuspended()))
                .when(new CompleteReview(ID, PRACTITIONER, reviewResult(ReviewOutcome.CONTINUE)))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.RESUME_BEFORE_CONTINUING))
                .expectNoEvents();
    }

    @Test
    void aSuspendedBudgetMayBeReplannedAtReview() {
        given(plus(REVIEW_DUE, budgetSuspended()))
                .when(new CompleteReview(ID, PRACTITIONER, reviewResult(ReviewOutcome.REPLAN)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewCompleted(
                        ID,
                        act(PRACTITIONER),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.PERSON),
                        LIGHT_TOUCH_REVIEW,
                        reviewResult(ReviewOutcome.REPLAN)));
    }

    @Test
    void aSuspendedBudgetMayBeEndedAtReview() {
        given(plus(REVIEW_DUE, budgetSuspended()))
                .when(new CompleteReview(ID, PRACTITIONER, reviewResult(ReviewOutcome.END)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReviewCompleted(
                        ID,
                        act(PRACTITIONER),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.AUTHORITY),
                        LIGHT_TOUCH_REVIEW,
                        reviewResult(ReviewOutcome.END)));
    }

    @Test
    void aReviewIsCompletedOnlyWhenOneIsScheduled() {
        given(plus(REVIEW_DUE, reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.CONTINUE, RECENTLY)))
                .when(new CompleteReview(ID, PRACTITIONER, reviewResult(ReviewOutcome.CONTINUE)))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.NO_REVIEW_SCHEDULED))
                .expectNoEvents();
    }

    // --- SuspendBudget and ResumeBudget ---

    @Test
    void theAuthoritySuspendsABudgetInUseAndHoldsControlMeanwhile() {
        given(active())
                .when(new SuspendBudget(ID, AUTHORITY, SUSPENSION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetSuspended(
                        ID, act(AUTHORITY), transfer(ControlHolder.PERSON, ControlHolder.AUTHORITY), SUSPENSION));
    }

    @Test
    void anApprovedBudgetNotYetInUseMayBeSuspended() {
        given(approved())
                .when(new SuspendBudget(ID, AUTHORITY, SUSPENSION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetSuspended(
                        ID, act(AUTHORITY), transfer(ControlHolder.PERSON, ControlHolder.AUTHORITY), SUSPENSION));
    }

    static Stream<Arguments> budgetsNotInUse() {
        return Stream.of(
                argumentSet("endorsed, not approved", endorsed()), argumentSet("already suspended", suspended()));
    }

    @ParameterizedTest
    @MethodSource("budgetsNotInUse")
    void onlyABudgetInUseIsSuspended(List<BudgetEvent> history) {
        given(history)
                .when(new SuspendBudget(ID, AUTHORITY, SUSPENSION))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.BUDGET_NOT_IN_USE))
                .expectNoEvents();
    }

    @ParameterizedTest
    @MethodSource("continuingBudgets")
    void resumingGivesControlBackToWhoeverManagesTheMoney(Management management, ControlHolder manager) {
        given(plus(active(management), budgetSuspended()))
                .when(new ResumeBudget(ID, AUTHORITY, DISCHARGED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new BudgetResumed(ID, act(AUTHORITY), transfer(ControlHolder.AUTHORITY, manager), DISCHARGED));
    }

    @Test
    void resumingWhileControlIsDelegatedGivesControlToTheDelegate() {
        given(plus(active(), controlDelegated(DELEGATION), budgetSuspended()))
                .when(new ResumeBudget(ID, AUTHORITY, DISCHARGED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetResumed(
                        ID, act(AUTHORITY), transfer(ControlHolder.AUTHORITY, NOMINEE_IN_CONTROL), DISCHARGED));
    }

    @Test
    void onlyASuspendedBudgetIsResumed() {
        given(active())
                .when(new ResumeBudget(ID, AUTHORITY, DISCHARGED))
                .expectException(BudgetRuleViolation.class)
                .expectException(breaking(Rule.BUDGET_NOT_SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void aResumedBudgetIsInUseAgain() {
        given(plus(suspended(), budgetResumed()))
                .when(new SuspendBudget(ID, AUTHORITY, SUSPENSION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetSuspended(
                        ID, act(AUTHORITY), transfer(ControlHolder.PERSON, ControlHolder.AUTHORITY), SUSPENSION));
    }

    // --- CloseBudget ---

    @Test
    void theAuthorityClosesABudgetWithAReasonAndNobodyHoldsControl() {
        given(active())
                .when(new CloseBudget(ID, AUTHORITY, CLOSURE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetClosed(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.PERSON, ControlHolder.NOBODY),
                        MOVED_AWAY,
                        NotificationMethod.LETTER,
                        true));
    }

    @Test
    void aBudgetMayBeClosedBeforeItIsEverAssessed() {
        given(opened())
                .when(new CloseBudget(
                        ID,
                        AUTHORITY,
                        new Closure("Opened in error: duplicate of PB-2025-0907", NotificationMethod.PHONE, true)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetClosed(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.PRACTITIONER, ControlHolder.NOBODY),
                        new Reason("Opened in error: duplicate of PB-2025-0907"),
                        NotificationMethod.PHONE,
                        true));
    }

    @Test
    void aDelegationEndsWithTheBudget() {
        given(plus(active(), controlDelegated(DELEGATION)))
                .when(new CloseBudget(ID, AUTHORITY, CLOSURE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetClosed(
                        ID,
                        act(AUTHORITY),
                        transfer(NOMINEE_IN_CONTROL, ControlHolder.NOBODY),
                        MOVED_AWAY,
                        NotificationMethod.LETTER,
                        true));
    }

    @Test
    void aReviewThatEndsTheBudgetHandsItToTheAuthorityWhoClosesItSayingHowThePersonWasTold() {
        given(plus(REVIEW_DUE, reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.END, RECENTLY)))
                .when(new CloseBudget(ID, AUTHORITY, CLOSURE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetClosed(
                        ID,
                        act(AUTHORITY),
                        transfer(ControlHolder.AUTHORITY, ControlHolder.NOBODY),
                        MOVED_AWAY,
                        NotificationMethod.LETTER,
                        true));
    }

    @Test
    void aBudgetAReviewEndsIsEndingAndOnlyClosingItRemains() {
        var ending = plus(REVIEW_DUE, reviewCompleted(LIGHT_TOUCH_REVIEW, ReviewOutcome.END, RECENTLY));
        given(ending)
                .when(new AdjustBudget(ID, AUTHORITY, temporaryAdjustment(Money.yearly(1_400_000))))
                .expectException(breaking(Rule.BUDGET_NOT_APPROVED))
                .expectNoEvents();
        given(ending)
                .when(new RecordAssessment(ID, PRACTITIONER, ASSESSMENT))
                .expectException(breaking(Rule.ASSESSMENT_AFTER_APPROVAL))
                .expectNoEvents();
    }

    private static Instant weeksAfterApproval(int weeks) {
        return APPROVED_AT.plus(Duration.ofDays(7L * weeks));
    }
}
