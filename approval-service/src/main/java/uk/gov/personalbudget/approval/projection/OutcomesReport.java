package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.OutcomeDomain;
import uk.gov.personalbudget.contracts.value.PlanningApproach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The outcomes people reported ({@code OutcomeRecorded}) over a range of dates: by outcome domain, by recovery goal,
 * by how the plan in force was made and by management option (DOMAIN.md: outcomes are tied to recovery goals, planning
 * approaches and management options are recorded and reportable).
 *
 * <h2>The range</h2>
 * As the control summary: {@code [from, end)}, {@code end} the earlier of {@code to} and the moment the report is made.
 * An outcome counts when it was recorded in the range; its plan and management option are those of the budget at that
 * moment, whatever changed after.
 *
 * <h2>The figures</h2>
 * Each {@link OutcomeCount} gives the outcomes recorded and the distinct budgets they were recorded for. {@code byDomain} has
 * every domain; {@code byPlanMadeBy} every planning approach and {@code NONE} (no approved plan in force: recorded before
 * approval, or after the budget ended); {@code byManagementOption} every option and {@code NONE} (not chosen yet). Each
 * of those adds up to {@code outcomes}. {@code byRecoveryGoal} has the goal ids cited, in order, and {@code NONE} for
 * outcomes citing none; goal ids are the person's own keys within their assessment (G1, G2...), so across budgets an
 * id groups different goals: {@code tiedToRecoveryGoal} and its share are the figure that compares.
 */
public record OutcomesReport(
        Instant from,
        Instant to,
        Instant end,
        int outcomes,
        int budgets,
        int tiedToRecoveryGoal,
        Double tiedToRecoveryGoalShare,
        List<OutcomeCount> byDomain,
        List<OutcomeCount> byRecoveryGoal,
        List<OutcomeCount> byPlanMadeBy,
        List<OutcomeCount> byManagementOption) {

    /** The key of outcomes without a plan, a management option or a recovery goal. */
    public static final String NONE = "NONE";

    /** Outcomes recorded, and the distinct budgets they were recorded for, under one key. */
    public record OutcomeCount(String key, int outcomes, int budgets) {}

    /** The report over {@code [from, min(to, asOf))} from {@code outcomes} (which may cover more). */
    public static OutcomesReport compute(List<OutcomeRecord> outcomes, Instant from, Instant to, Instant asOf) {
        ReportRange range = ReportRange.of(from, to, asOf);
        List<OutcomeRecord> counted = outcomes.stream()
                .filter(o -> range.contains(o.recordedAt()))
                .sorted(Comparator.comparing((OutcomeRecord o) -> o.budgetId().value())
                        .thenComparingLong(OutcomeRecord::sequence))
                .toList();
        List<String> domains = new ArrayList<>();
        for (OutcomeDomain domain : OutcomeDomain.values()) {
            domains.add(domain.name());
        }
        List<String> approaches = new ArrayList<>(List.of(NONE));
        for (PlanningApproach approach : PlanningApproach.values()) {
            approaches.add(approach.name());
        }
        List<String> options = new ArrayList<>();
        for (ManagementGroup group : ManagementGroup.values()) {
            options.add(group.name());
        }
        Map<String, List<OutcomeRecord>> goals = new TreeMap<>();
        List<OutcomeRecord> untied = new ArrayList<>();
        for (OutcomeRecord outcome : counted) {
            if (outcome.recoveryGoalId() == null) {
                untied.add(outcome);
            } else {
                goals.computeIfAbsent(outcome.recoveryGoalId(), id -> new ArrayList<>())
                        .add(outcome);
            }
        }
        List<OutcomeCount> byGoal = new ArrayList<>();
        goals.forEach((goal, records) -> byGoal.add(count(goal, records)));
        byGoal.add(count(NONE, untied));
        int tied = counted.size() - untied.size();
        return new OutcomesReport(
                from,
                to,
                range.end(),
                counted.size(),
                budgets(counted),
                tied,
                ReportRange.share(tied, counted.size()),
                by(counted, domains, o -> o.domain().name()),
                List.copyOf(byGoal),
                by(
                        counted,
                        approaches,
                        o -> o.planMadeBy() == null ? NONE : o.planMadeBy().name()),
                by(
                        counted,
                        options,
                        o -> ManagementGroup.of(o.managementOption()).name()));
    }

    private static List<OutcomeCount> by(
            List<OutcomeRecord> outcomes, List<String> keys, Function<OutcomeRecord, String> keyOf) {
        Map<String, List<OutcomeRecord>> grouped = new LinkedHashMap<>();
        keys.forEach(key -> grouped.put(key, new ArrayList<>()));
        outcomes.forEach(o -> grouped.get(keyOf.apply(o)).add(o));
        return grouped.entrySet().stream()
                .map(entry -> count(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static OutcomeCount count(String key, List<OutcomeRecord> outcomes) {
        return new OutcomeCount(key, outcomes.size(), budgets(outcomes));
    }

    private static int budgets(List<OutcomeRecord> outcomes) {
        Set<String> budgets = new HashSet<>();
        outcomes.forEach(o -> budgets.add(o.budgetId().value()));
        return budgets.size();
    }
}
