package uk.gov.personalbudget.approval.projection;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.projection.ControlSummaryReport.BudgetControlShare;
import uk.gov.personalbudget.approval.projection.ControlSummaryReport.Figures;
import uk.gov.personalbudget.approval.projection.ControlSummaryReport.OverdueDelegation;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetStatus;
import uk.gov.personalbudget.contracts.value.DelegationReason;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * Every figure of the control summary report against expectations worked out by hand, over March 2026
 * ({@code [1 March, 1 April)}) unless a test says otherwise. Rows are written directly, so each test shows
 * exactly what the figure is computed from; the last test runs a whole projected life.
 */
class ControlSummaryReportTest {

    private static final Instant FROM = mar(1, 0);
    private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");
    private static final long HOUR = 3_600;
    private static final long DAY = 86_400;

    private final List<BudgetSummary> budgets = new ArrayList<>();
    private final List<ControlTrailEntry> trail = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final List<PlanCycle> plans = new ArrayList<>();
    private final List<ContestRecord> contests = new ArrayList<>();
    private final List<DelegationRecord> delegations = new ArrayList<>();

    private ControlSummaryReport report(Instant asOf) {
        return ControlSummaryReport.compute(
                new ReportRows(budgets, trail, decisions, plans, contests, delegations), FROM, TO, asOf);
    }

    private ControlSummaryReport report() {
        return report(LATER);
    }

    // --- Authority waiting time ---

    @Test
    void waitingTimeIsTheMedianAndNinetiethPercentileByNearestRankOfPlansDecidedInTheRange() {
        for (int hours = 1; hours <= 10; hours++) {
            plan(
                    "W" + hours,
                    mar(1, 0),
                    mar(10, 0),
                    hours % 2 == 0 ? PlanOutcome.APPROVED : PlanOutcome.DECLINED,
                    mar(10, hours));
        }
        plan("BEFORE", feb(20), feb(25), PlanOutcome.APPROVED, feb(28));
        plan("AT-TO", mar(30, 0), mar(31, 0), PlanOutcome.APPROVED, TO);
        plan("RETURNED", mar(2, 0), null, PlanOutcome.RETURNED, mar(3, 0));
        plan("LAPSED", mar(2, 0), mar(3, 0), PlanOutcome.LAPSED, mar(4, 0));
        plan("WAITING", mar(2, 0), mar(3, 0), null, null);

        var waiting = report().overall().authorityWaiting();

        assertThat(waiting.plansDecided()).isEqualTo(10);
        assertThat(waiting.medianSeconds()).as("5th of 10").isEqualTo(5 * HOUR);
        assertThat(waiting.p90Seconds()).as("9th of 10").isEqualTo(9 * HOUR);
    }

    @Test
    void waitingTimeCountsOnlyDecisionsBeforeTheReportIsMade() {
        for (int hours = 1; hours <= 10; hours++) {
            plan("W" + hours, mar(1, 0), mar(10, 0), PlanOutcome.APPROVED, mar(10, hours));
        }

        var waiting = report(mar(10, 5).plusSeconds(1_800)).overall().authorityWaiting();

        assertThat(waiting.plansDecided()).isEqualTo(5);
        assertThat(waiting.medianSeconds()).as("3rd of 5").isEqualTo(3 * HOUR);
        assertThat(waiting.p90Seconds()).as("5th of 5").isEqualTo(5 * HOUR);
    }

    @Test
    void oneDecisionIsItsOwnMedianAndNoneGivesNoFigure() {
        plan("ONE", mar(1, 0), mar(2, 0), PlanOutcome.APPROVED, mar(2, 7));
        assertThat(report().overall().authorityWaiting())
                .isEqualTo(new ControlSummaryReport.AuthorityWaiting(1, 7 * HOUR, 7 * HOUR));

        plans.clear();
        assertThat(report().overall().authorityWaiting())
                .isEqualTo(new ControlSummaryReport.AuthorityWaiting(0, null, null));
    }

    // --- Contests ---

    @Test
    void contestsRaisedInTheRangeCountWhateverTheDateOfTheirOfferAndAreSplitByOutcome() {
        offer("A", mar(2, 0));
        contest("A", 3, mar(3, 0), mar(5, 0), ContestOutcome.RAISED_TO_ASKED);
        offer("B", mar(4, 0));
        offer("C", feb(20));
        contest("C", 3, mar(2, 0), null, null);
        offer("D", mar(6, 0));
        contest("D", 3, mar(7, 0), mar(9, 0), ContestOutcome.NOT_RAISED);
        contest("D", 5, mar(10, 0), null, null);
        offer("E", mar(8, 0));
        contest("E", 3, mar(9, 0), mar(12, 0), ContestOutcome.LAPSED);
        offer("F", mar(10, 0));
        contest("F", 3, mar(20, 0), Instant.parse("2026-04-03T00:00:00Z"), ContestOutcome.RAISED_PARTLY);
        offer("G", feb(10));
        contest("G", 3, feb(12), feb(14), ContestOutcome.NOT_RAISED);
        offer("G", mar(15, 0));
        offer("H", Instant.parse("2026-04-02T00:00:00Z"));

        var figures = report().overall().contests();

        assertThat(figures.budgetsOffered())
                .as("A B D E F G; C was offered before the range")
                .isEqualTo(6);
        assertThat(figures.budgetsContested())
                .as("A C D E F; C's contest is in the range though its offer is not; G's is before it")
                .isEqualTo(5);
        assertThat(figures.contestRate()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(figures.contests()).isEqualTo(6);
        assertThat(figures.raisedToAsked()).isEqualTo(1);
        assertThat(figures.raisedPartly()).as("F's answer came after the range").isZero();
        assertThat(figures.notRaised()).isEqualTo(1);
        assertThat(figures.lapsed()).isEqualTo(1);
        assertThat(figures.awaitingAnswer()).as("C, D's second, and F").isEqualTo(3);
    }

    @Test
    void aWithdrawnContestIsAnOutcomeOfItsOwnOnceWithdrawnBeforeTheEnd() {
        offer("A", mar(2, 0));
        contest("A", 3, mar(3, 0), mar(4, 0), ContestOutcome.WITHDRAWN);
        contest("A", 5, mar(5, 0), mar(8, 0), ContestOutcome.RAISED_TO_ASKED);
        offer("B", mar(2, 0));
        contest("B", 3, mar(20, 0), Instant.parse("2026-04-03T00:00:00Z"), ContestOutcome.WITHDRAWN);

        var figures = report().overall().contests();

        assertThat(figures).isEqualTo(new ControlSummaryReport.Contests(2, 2, 1.0, 3, 1, 0, 0, 1, 0, 1));
        assertThat(report(mar(3, 12)).overall().contests().awaitingAnswer())
                .as("A's first, not yet withdrawn")
                .isEqualTo(1);
    }

    @Test
    void noOfferGivesNoContestRate() {
        assertThat(report().overall().contests())
                .isEqualTo(new ControlSummaryReport.Contests(0, 0, null, 0, 0, 0, 0, 0, 0, 0));
    }

    // --- Returns and declines ---

    @Test
    void returnsAndDeclinesCountWhenTheyHappenedInTheRangeWhateverTheDateOfSubmissionOrEndorsement() {
        plan("P1", mar(2, 0), null, PlanOutcome.RETURNED, mar(3, 0));
        plan("P2", mar(4, 0), mar(5, 0), PlanOutcome.DECLINED, mar(8, 0));
        plan("P3", mar(6, 0), mar(7, 0), PlanOutcome.APPROVED, mar(9, 0));
        plan("P4", feb(25), mar(1, 0), PlanOutcome.DECLINED, mar(2, 0));
        plan("P5", feb(20), null, PlanOutcome.RETURNED, mar(2, 0));
        plan("P6", mar(30, 0), null, PlanOutcome.RETURNED, Instant.parse("2026-04-02T00:00:00Z"));
        plan("P7", mar(31, 0), mar(31, 12), PlanOutcome.DECLINED, Instant.parse("2026-04-01T01:00:00Z"));

        var figures = report().overall().plans();

        assertThat(figures.submitted()).as("P1 P2 P3 P6 P7").isEqualTo(5);
        assertThat(figures.returned())
                .as("P1, and P5 submitted before the range; P6 returned after it")
                .isEqualTo(2);
        assertThat(figures.returnRate()).isCloseTo(0.4, within(1e-12));
        assertThat(figures.endorsed()).as("P2 P3 P4 P7").isEqualTo(4);
        assertThat(figures.declined()).as("P2 P4; P7 after the range").isEqualTo(2);
        assertThat(figures.declineRate()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void plansWithdrawnBeforeADecisionAreCountedAndAreNeitherReturnedNorDeclined() {
        plan("W1", mar(2, 0), null, PlanOutcome.WITHDRAWN, mar(3, 0));
        plan("W2", mar(4, 0), mar(5, 0), PlanOutcome.WITHDRAWN, mar(6, 0));
        plan("W3", mar(30, 0), null, PlanOutcome.WITHDRAWN, Instant.parse("2026-04-02T00:00:00Z"));
        plan("W4", feb(20), null, PlanOutcome.WITHDRAWN, mar(2, 0));

        var figures = report().overall().plans();

        assertThat(figures)
                .as("W1 W2 W3 submitted in the range; W1 W2 W4 withdrawn in it (W4 submitted before it, W3 "
                        + "withdrawn after it)")
                .isEqualTo(new ControlSummaryReport.Plans(3, 0, 0.0, 1, 0, 0.0, 3));
        assertThat(report().overall().authorityWaiting().plansDecided())
                .as("a withdrawal is no decision")
                .isZero();
    }

    @Test
    void noPlansGiveNoRates() {
        assertThat(report().overall().plans()).isEqualTo(new ControlSummaryReport.Plans(0, 0, null, 0, 0, null, 0));
    }

    // --- Person's share of control ---

    @Test
    void theShareIsThePartOfEachBudgetsLifeInTheRangeThePersonItselfHeldControlAndTheAverageCountsBudgetsEqually() {
        budget("X", feb(19), mar(21, 0));
        transfer("X", 0, ControlHolder.PRACTITIONER, feb(19));
        transfer("X", 1, ControlHolder.PERSON, feb(24));
        transfer("X", 2, ControlHolder.named(ControlParty.NOMINEE, "nominee-1"), mar(1, 0));
        transfer("X", 3, ControlHolder.PERSON, mar(6, 0));
        transfer("X", 4, ControlHolder.AUTHORITY, mar(11, 0));
        transfer("X", 5, ControlHolder.NOBODY, mar(21, 0));
        budget("Y", mar(11, 0), null);
        transfer("Y", 0, ControlHolder.PRACTITIONER, mar(11, 0));
        transfer("Y", 1, ControlHolder.PERSON, mar(16, 0));
        budget("Z", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
        transfer("Z", 0, ControlHolder.PERSON, Instant.parse("2026-01-01T00:00:00Z"));
        budget("W", Instant.parse("2026-04-05T00:00:00Z"), null);
        budget("V", mar(31, 23), mar(31, 23));

        var control = report().overall().personControl();

        assertThat(control.budgets())
                .containsExactly(
                        // X's life before the range (and the person's control from Feb 24 to Mar 1) is not counted.
                        new BudgetControlShare(
                                id("X"), ManagementGroup.NONE, feb(19), mar(21, 0), 20 * DAY, 5 * DAY, 0.25),
                        new BudgetControlShare(
                                id("Y"), ManagementGroup.NONE, mar(11, 0), TO, 21 * DAY, 16 * DAY, 16.0 / 21));
        assertThat(control.averageShare()).isCloseTo((0.25 + 16.0 / 21) / 2, within(1e-12));
        var held = report().overall().secondsHeldByParty();
        assertThat(held)
                .as("control held in the range only: X from Mar 1, Y from its opening")
                .containsEntry(ControlParty.PERSON, 21 * DAY)
                .containsEntry(ControlParty.NOMINEE, 5 * DAY)
                .containsEntry(ControlParty.AUTHORITY, 10 * DAY)
                .containsEntry(ControlParty.PRACTITIONER, 5 * DAY);
        assertThat(held.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(41 * DAY);
    }

    @Test
    void aBudgetStillOpenIsMeasuredToWhenTheReportIsMade() {
        budget("Y", mar(11, 0), null);
        transfer("Y", 0, ControlHolder.PRACTITIONER, mar(11, 0));
        transfer("Y", 1, ControlHolder.PERSON, mar(16, 0));

        var share = report(mar(21, 0)).overall().personControl().budgets().get(0);

        assertThat(share.lifeSeconds()).isEqualTo(10 * DAY);
        assertThat(share.personSeconds()).isEqualTo(5 * DAY);
        assertThat(share.share()).isEqualTo(0.5);
    }

    @Test
    void noBudgetGivesNoAverage() {
        assertThat(report().overall().personControl().averageShare()).isNull();
    }

    // --- Delegations not handed back ---

    @Test
    void overdueDelegationsAreThoseDueInTheRangeNotEndedByTheirIntendedEnd() {
        delegation("D1", feb(20), mar(5, 0), null, null);
        delegation("D2", feb(25), mar(10, 0), mar(12, 0), DelegationEnd.RESUMED);
        delegation("D3", mar(1, 0), mar(15, 0), mar(14, 0), DelegationEnd.RESUMED);
        delegation("D4", mar(1, 0), mar(16, 0), mar(16, 0), DelegationEnd.RESUMED);
        delegation("D5", mar(1, 0), mar(20, 0), mar(18, 0), DelegationEnd.CLOSED);
        delegation("D6", mar(1, 0), mar(22, 0), mar(25, 0), DelegationEnd.CLOSED);
        delegation("D7", feb(1), feb(27), null, null);
        delegation("D8", mar(1, 0), Instant.parse("2026-04-03T00:00:00Z"), null, null);
        delegation("D9", mar(1, 0), mar(28, 0), Instant.parse("2026-04-02T00:00:00Z"), DelegationEnd.RESUMED);

        var overdue = report().overall().overdueDelegations();

        assertThat(overdue.count()).isEqualTo(4);
        assertThat(overdue.delegations())
                .containsExactly(
                        overdue("D1", feb(20), mar(5, 0), null, null, 27 * DAY),
                        overdue("D2", feb(25), mar(10, 0), mar(12, 0), DelegationEnd.RESUMED, 2 * DAY),
                        overdue("D6", mar(1, 0), mar(22, 0), mar(25, 0), DelegationEnd.CLOSED, 3 * DAY),
                        overdue("D9", mar(1, 0), mar(28, 0), null, null, 4 * DAY));
    }

    @Test
    void aDelegationIsOverdueOnlyOnceItsIntendedEndHasPassed() {
        delegation("D1", feb(20), mar(5, 0), null, null);
        delegation("D2", feb(25), mar(10, 0), mar(12, 0), DelegationEnd.RESUMED);
        delegation("D6", mar(1, 0), mar(22, 0), mar(25, 0), DelegationEnd.CLOSED);

        var overdue = report(mar(21, 0)).overall().overdueDelegations();

        assertThat(overdue.delegations())
                .extracting(d -> d.budgetId().value(), OverdueDelegation::overdueSeconds)
                .containsExactly(tuple("D1", 16 * DAY), tuple("D2", 2 * DAY));
    }

    // --- By management option ---

    @Test
    void everyFigureIsBrokenDownByTheManagementOptionChosenLastBeforeTheEnd() {
        for (String budget : List.of("M1", "M2", "M3", "M4")) {
            budget(budget, mar(1, 0), null);
            transfer(budget, 0, ControlHolder.PERSON, mar(1, 0));
            offer(budget, mar(1, 1));
        }
        management("M1", 10, mar(2, 0), ManagementOption.DIRECT_PAYMENT);
        management("M1", 20, mar(20, 0), ManagementOption.COUNCIL_MANAGED);
        management("M2", 10, Instant.parse("2026-04-05T00:00:00Z"), ManagementOption.INDIVIDUAL_SERVICE_FUND);
        management("M3", 10, feb(1), ManagementOption.DIRECT_PAYMENT);
        plan("M1", mar(3, 0), null, PlanOutcome.RETURNED, mar(4, 0));
        plan("M2", mar(3, 0), null, PlanOutcome.RETURNED, mar(4, 0));
        plan("M3", mar(3, 0), null, null, null);
        plan("M4", mar(3, 0), null, null, null);

        var report = report();
        var groups = report.byManagementOption();

        assertThat(groups).containsOnlyKeys(ManagementGroup.values());
        assertThat(List.copyOf(groups.keySet())).containsExactly(ManagementGroup.values());
        assertThat(groups.get(ManagementGroup.NONE).plans())
                .isEqualTo(new ControlSummaryReport.Plans(2, 1, 0.5, 0, 0, null, 0));
        assertThat(groups.get(ManagementGroup.COUNCIL_MANAGED).plans())
                .isEqualTo(new ControlSummaryReport.Plans(1, 1, 1.0, 0, 0, null, 0));
        assertThat(groups.get(ManagementGroup.DIRECT_PAYMENT).plans())
                .isEqualTo(new ControlSummaryReport.Plans(1, 0, 0.0, 0, 0, null, 0));
        assertThat(groups.get(ManagementGroup.MIXED).plans())
                .isEqualTo(new ControlSummaryReport.Plans(0, 0, null, 0, 0, null, 0));
        assertThat(groups.get(ManagementGroup.NONE).contests().budgetsOffered()).isEqualTo(2);
        assertThat(groups.get(ManagementGroup.NONE).personControl().budgets())
                .extracting(share -> share.budgetId().value(), BudgetControlShare::managementGroup)
                .containsExactly(tuple("M2", ManagementGroup.NONE), tuple("M4", ManagementGroup.NONE));
        assertThat(groups.values().stream()
                        .mapToInt(figures -> figures.plans().submitted())
                        .sum())
                .isEqualTo(report.overall().plans().submitted());
        assertThat(groups.values().stream()
                        .mapToInt(figures -> figures.personControl().budgets().size())
                        .sum())
                .isEqualTo(report.overall().personControl().budgets().size());

        assertThat(report(mar(10, 0))
                        .byManagementOption()
                        .get(ManagementGroup.DIRECT_PAYMENT)
                        .plans()
                        .submitted())
                .as("before M1 moved to council-managed")
                .isEqualTo(2);
    }

    // --- Range ---

    @Test
    void theReportEndsAtTheEarlierOfItsEndAndWhenItIsMade() {
        assertThat(report(LATER).end()).isEqualTo(TO);
        assertThat(report(mar(15, 0)).end()).isEqualTo(mar(15, 0));
        assertThatThrownBy(() -> ControlSummaryReport.compute(
                        new ReportRows(budgets, trail, decisions, plans, contests, delegations), TO, TO, LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- A whole projected life ---

    @Test
    void aWholeProjectedLifeGivesTheFiguresWorkedOutFromItsTimeline() {
        var rows = InMemoryProjection.of(
                        LifecycleEvents.fullLifecycle("PB-LIFE").envelopes())
                .reportRows();

        var report = ControlSummaryReport.compute(rows, Instant.parse("2026-01-01T00:00:00Z"), LATER, LATER);
        Figures overall = report.overall();

        // Endorsed on day 40, declined on 46; endorsed on 53, approved on 56.
        assertThat(overall.authorityWaiting())
                .isEqualTo(new ControlSummaryReport.AuthorityWaiting(2, 3 * DAY, 6 * DAY));
        assertThat(overall.contests()).isEqualTo(new ControlSummaryReport.Contests(1, 1, 1.0, 1, 0, 1, 0, 0, 0, 0));
        assertThat(overall.plans()).isEqualTo(new ControlSummaryReport.Plans(3, 1, 1.0 / 3, 2, 1, 0.5, 0));
        // The person held control on days 12-14, 20-31, 34-38, 46-52, 56-78, 92-135, 165-180 and 220-280.
        BudgetControlShare share = overall.personControl().budgets().get(0);
        assertThat(share.lifeSeconds()).isEqualTo(280 * DAY);
        assertThat(share.personSeconds()).isEqualTo(163 * DAY);
        assertThat(share.share()).isCloseTo(163.0 / 280, within(1e-12));
        assertThat(overall.overdueDelegations().count())
                .as("handed back on day 92, meant by day 120")
                .isZero();
        assertThat(overall.authorityWaitSeconds()).containsExactly(3 * DAY, 6 * DAY);
        assertThat(overall.secondsHeldByParty())
                .containsEntry(ControlParty.PERSON, 163 * DAY)
                .containsEntry(ControlParty.NOBODY, 0L)
                .containsKeys(ControlParty.values());
        assertThat(overall.secondsHeldByParty().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("every moment of the life is held by someone")
                .isEqualTo(280 * DAY);
        assertThat(report.byManagementOption().get(ManagementGroup.DIRECT_PAYMENT))
                .isEqualTo(overall);
        assertThat(report.byManagementOption()
                        .get(ManagementGroup.NONE)
                        .personControl()
                        .budgets())
                .isEmpty();
    }

    @Test
    void aLifeWithEveryEventTypeCountsItsWithdrawnContestAndPlan() {
        var rows = InMemoryProjection.of(
                        LifecycleEvents.everyEventType("PB-ALL").envelopes())
                .reportRows();

        Figures overall = ControlSummaryReport.compute(rows, Instant.parse("2026-01-01T00:00:00Z"), LATER, LATER)
                .overall();

        assertThat(overall.contests()).isEqualTo(new ControlSummaryReport.Contests(1, 1, 1.0, 2, 0, 1, 0, 1, 0, 0));
        assertThat(overall.plans())
                .as("four submitted: withdrawn, returned, declined, approved")
                .isEqualTo(new ControlSummaryReport.Plans(4, 1, 0.25, 2, 1, 0.5, 1));
        assertThat(overall.personControl().budgets())
                .singleElement()
                .satisfies(share -> assertThat(share.lifeEnd())
                        .as("alive while ENDING, until the authority closed it")
                        .isEqualTo(rows.budgets().get(0).closedAt()));
    }

    // --- Rows ---

    private static Instant mar(int day, int hour) {
        return Instant.parse(String.format("2026-03-%02dT%02d:00:00Z", day, hour));
    }

    private static Instant feb(int day) {
        return Instant.parse(String.format("2026-02-%02dT00:00:00Z", day));
    }

    private static BudgetId id(String value) {
        return new BudgetId(value);
    }

    private void budget(String budget, Instant openedAt, Instant closedAt) {
        budgets.add(new BudgetSummary(
                id(budget),
                9,
                openedAt,
                new PersonReference("P-" + budget),
                "Leeds",
                null,
                openedAt,
                closedAt,
                closedAt == null ? BudgetStatus.ACTIVE : BudgetStatus.CLOSED,
                null,
                closedAt == null,
                null,
                ControlHolder.PERSON,
                openedAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                BudgetSummary.Counters.NONE,
                null,
                null,
                null,
                null,
                List.of()));
    }

    private void transfer(String budget, long sequence, ControlHolder to, Instant at) {
        trail.add(new ControlTrailEntry(
                id(budget),
                sequence,
                ControlHolder.NOBODY,
                to,
                at,
                "Event",
                "someone",
                Role.AUTHORITY,
                null,
                null,
                0L));
    }

    private void offer(String budget, Instant at) {
        decisions.add(new Decision(
                id(budget),
                decisions.size(),
                DecisionKind.OFFER,
                at,
                "tm-1",
                Role.AUTHORITY,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    }

    private void management(String budget, long sequence, Instant at, ManagementOption option) {
        decisions.add(new Decision(
                id(budget),
                sequence,
                DecisionKind.MANAGEMENT,
                at,
                "person",
                Role.PERSON,
                null,
                option.name(),
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    }

    private void plan(String budget, Instant submittedAt, Instant endorsedAt, PlanOutcome outcome, Instant decidedAt) {
        plans.add(
                new PlanCycle(id(budget), plans.size(), submittedAt, 1_000_000, null, endorsedAt, outcome, decidedAt));
    }

    private void contest(String budget, long sequence, Instant at, Instant endedAt, ContestOutcome outcome) {
        contests.add(new ContestRecord(id(budget), sequence, at, null, null, endedAt, null, outcome));
    }

    private void delegation(String budget, Instant since, Instant intendedEnd, Instant endedAt, DelegationEnd endedBy) {
        delegations.add(new DelegationRecord(
                id(budget),
                4,
                "nominee-1",
                Role.NOMINEE,
                DelegationReason.FLUCTUATING_CAPACITY,
                since,
                intendedEnd,
                endedAt,
                endedBy));
    }

    private static OverdueDelegation overdue(
            String budget,
            Instant since,
            Instant intendedEnd,
            Instant endedAt,
            DelegationEnd endedBy,
            long overdueSeconds) {
        return new OverdueDelegation(
                id(budget), 4, "nominee-1", Role.NOMINEE, since, intendedEnd, endedAt, endedBy, overdueSeconds);
    }
}
