package uk.gov.personalbudget.approval.projection;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.OutcomeDomain;
import uk.gov.personalbudget.contracts.value.PlanningApproach;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The outcomes report over March 2026 ({@code [1 March, 1 April)}), from rows written by hand. */
class OutcomesReportTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");

    private final List<OutcomeRecord> outcomes = new ArrayList<>();

    private void outcome(
            String budget,
            Instant at,
            OutcomeDomain domain,
            String goal,
            PlanningApproach madeBy,
            ManagementOption option) {
        outcomes.add(new OutcomeRecord(
                new BudgetId(budget), outcomes.size(), at, domain, goal, madeBy, option, Role.PERSON, false));
    }

    @Test
    void onlyOutcomesRecordedInTheRangeCountAtEitherBoundary() {
        outcome("A", FROM.minusNanos(1000), OutcomeDomain.OTHER, null, null, null);
        outcome("A", FROM, OutcomeDomain.DAILY_LIVING, "G1", null, null);
        outcome("B", TO.minusNanos(1000), OutcomeDomain.DAILY_LIVING, "G2", null, null);
        outcome("B", TO, OutcomeDomain.OTHER, null, null, null);

        OutcomesReport report = OutcomesReport.compute(outcomes, FROM, TO, LATER);

        assertThat(report.outcomes()).isEqualTo(2);
        assertThat(report.budgets()).isEqualTo(2);
        assertThat(report.byDomain())
                .filteredOn(count -> count.key().equals("OTHER"))
                .extracting(OutcomesReport.OutcomeCount::outcomes)
                .containsExactly(0);
    }

    @Test
    void nothingRecordedAfterTheMomentTheReportIsMadeIsSeen() {
        Instant asOf = Instant.parse("2026-03-15T00:00:00Z");
        outcome("A", asOf.minusSeconds(1), OutcomeDomain.DAILY_LIVING, null, null, null);
        outcome("A", asOf, OutcomeDomain.DAILY_LIVING, null, null, null);

        OutcomesReport report = OutcomesReport.compute(outcomes, FROM, TO, asOf);

        assertThat(report.end()).isEqualTo(asOf);
        assertThat(report.outcomes()).isEqualTo(1);
    }

    @Test
    void eachBreakdownHasEveryKeyAndAddsUpToTheOutcomes() {
        Instant mid = Instant.parse("2026-03-10T00:00:00Z");
        outcome(
                "A",
                mid,
                OutcomeDomain.CONFIDENCE_AND_SKILLS,
                "G1",
                PlanningApproach.SELF,
                ManagementOption.DIRECT_PAYMENT);
        outcome(
                "A",
                mid.plusSeconds(1),
                OutcomeDomain.CONFIDENCE_AND_SKILLS,
                "G2",
                PlanningApproach.SELF,
                ManagementOption.DIRECT_PAYMENT);
        outcome("B", mid, OutcomeDomain.MENTAL_HEALTH_AND_WELLBEING, "G1", PlanningApproach.PEER_SUPPORTED, null);
        outcome("C", mid, OutcomeDomain.MENTAL_HEALTH_AND_WELLBEING, null, null, ManagementOption.COUNCIL_MANAGED);

        OutcomesReport report = OutcomesReport.compute(outcomes, FROM, TO, LATER);

        assertThat(report.outcomes()).isEqualTo(4);
        assertThat(report.budgets()).isEqualTo(3);
        assertThat(report.byDomain()).hasSize(OutcomeDomain.values().length);
        assertThat(report.byDomain())
                .filteredOn(count -> count.outcomes() > 0)
                .extracting(
                        OutcomesReport.OutcomeCount::key,
                        OutcomesReport.OutcomeCount::outcomes,
                        OutcomesReport.OutcomeCount::budgets)
                .containsExactly(tuple("MENTAL_HEALTH_AND_WELLBEING", 2, 2), tuple("CONFIDENCE_AND_SKILLS", 2, 1));
        assertThat(report.byRecoveryGoal())
                .extracting(
                        OutcomesReport.OutcomeCount::key,
                        OutcomesReport.OutcomeCount::outcomes,
                        OutcomesReport.OutcomeCount::budgets)
                .containsExactly(tuple("G1", 2, 2), tuple("G2", 1, 1), tuple("NONE", 1, 1));
        assertThat(report.tiedToRecoveryGoal()).isEqualTo(3);
        assertThat(report.tiedToRecoveryGoalShare()).isEqualTo(0.75);
        assertThat(report.byPlanMadeBy())
                .extracting(OutcomesReport.OutcomeCount::key, OutcomesReport.OutcomeCount::outcomes)
                .containsExactly(
                        tuple("NONE", 1),
                        tuple("SELF", 2),
                        tuple("CO_PRODUCED", 0),
                        tuple("PEER_SUPPORTED", 1),
                        tuple("FAMILY_SUPPORTED", 0));
        assertThat(report.byManagementOption())
                .extracting(OutcomesReport.OutcomeCount::key, OutcomesReport.OutcomeCount::outcomes)
                .containsExactly(
                        tuple("NONE", 1),
                        tuple("DIRECT_PAYMENT", 2),
                        tuple("COUNCIL_MANAGED", 1),
                        tuple("INDIVIDUAL_SERVICE_FUND", 0),
                        tuple("MIXED", 0));
    }

    @Test
    void anEmptyRangeHasNoShareAndARangeMustEndAfterItStarts() {
        OutcomesReport report = OutcomesReport.compute(outcomes, FROM, TO, LATER);
        assertThat(report.outcomes()).isZero();
        assertThat(report.tiedToRecoveryGoalShare()).isNull();
        assertThatThrownBy(() -> OutcomesReport.compute(outcomes, TO, FROM, LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
