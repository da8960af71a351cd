package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projector folded over events in memory, keeping rows the way the store does (trail and decisions
 * appended; queue, delegation, plan and contest rows replaced by key; clocks started and stopped in order; outcomes,
 * assessments and the person's acts appended; redeliveries skipped): what the
 * database should hold after the same events.
 */
public final class InMemoryProjection {

    private final BudgetProjector projector = new BudgetProjector();
    private final Map<BudgetId, BudgetSummary> summaries = new LinkedHashMap<>();
    private final List<ProjectionStep> steps = new ArrayList<>();
    private final List<ControlTrailEntry> trail = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final Map<String, ApprovalQueueEntry> queue = new LinkedHashMap<>();
    private final Map<String, DelegationRecord> delegations = new LinkedHashMap<>();
    private final Map<String, PlanCycle> plans = new LinkedHashMap<>();
    private final Map<String, ContestRecord> contests = new LinkedHashMap<>();
    private final Map<String, TimelinessClock> clocks = new LinkedHashMap<>();
    private final List<OutcomeRecord> outcomes = new ArrayList<>();
    private final List<AssessmentRecord> assessments = new ArrayList<>();
    private final List<PersonAct> acts = new ArrayList<>();

    public static InMemoryProjection of(List<EventEnvelope> envelopes) {
        return new InMemoryProjection().apply(envelopes);
    }

    public InMemoryProjection apply(List<EventEnvelope> envelopes) {
        envelopes.forEach(this::apply);
        return this;
    }

    public InMemoryProjection apply(EventEnvelope envelope) {
        BudgetSummary before = summaries.get(envelope.budgetId());
        switch (SequenceCheck.of(before, envelope)) {
            case ALREADY_APPLIED, GAP -> {
                return this;
            }
            case APPLY -> {}
        }
        ProjectionStep step = projector.project(before, envelope);
        steps.add(step);
        summaries.put(envelope.budgetId(), step.after());
        trail.addAll(step.trail());
        decisions.addAll(step.decisions());
        for (QueueChange change : step.queue()) {
            if (change instanceof QueueChange.Upsert upsert) {
                queue.put(upsert.budgetId() + "/" + upsert.kind(), upsert.entry());
            } else if (change instanceof QueueChange.Remove remove) {
                queue.remove(remove.budgetId() + "/" + remove.kind());
            } else if (change instanceof QueueChange.Reallocate moved) {
                queue.replaceAll((key, entry) -> entry.budgetId().equals(moved.budgetId())
                        ? entry.withAllocatedPractitioner(moved.practitioner())
                        : entry);
            }
        }
        step.delegations().forEach(row -> delegations.put(row.budgetId() + "/" + row.sequence(), row));
        step.plans().forEach(row -> plans.put(row.budgetId() + "/" + row.sequence(), row));
        step.contests().forEach(row -> contests.put(row.budgetId() + "/" + row.sequence(), row));
        for (ClockChange change : step.clocks()) {
            if (change instanceof ClockChange.Start start) {
                TimelinessClock clock = start.clock();
                clocks.put(clock.budgetId() + "/" + clock.kind() + "/" + clock.sequence(), clock);
            } else if (change instanceof ClockChange.Stop stop) {
                clocks.replaceAll((key, clock) ->
                        clock.budgetId().equals(stop.budgetId()) && clock.kind() == stop.kind() && clock.running()
                                ? clock.stopped(stop.at(), stop.end())
                                : clock);
            }
        }
        outcomes.addAll(step.outcomes());
        assessments.addAll(step.assessments());
        acts.addAll(step.acts());
        return this;
    }

    public BudgetSummary summary(BudgetId budget) {
        return summaries.get(budget);
    }

    public List<BudgetSummary> summaries() {
        return sorted(summaries.values(), Comparator.comparing(s -> s.budgetId().value()));
    }

    /** The step of the budget's event with this sequence (the single budget's, when there is one). */
    public ProjectionStep step(long sequence) {
        return steps.stream()
                .filter(step -> step.after().lastSequence() == sequence)
                .findFirst()
                .orElseThrow();
    }

    public ProjectionStep lastStep() {
        return steps.get(steps.size() - 1);
    }

    public List<ControlTrailEntry> trail() {
        return sorted(
                trail,
                Comparator.comparing((ControlTrailEntry t) -> t.budgetId().value())
                        .thenComparingLong(ControlTrailEntry::sequence));
    }

    public List<Decision> decisions() {
        return sorted(
                decisions,
                Comparator.comparing((Decision d) -> d.budgetId().value()).thenComparingLong(Decision::sequence));
    }

    public List<ApprovalQueueEntry> queue() {
        return sorted(
                queue.values(),
                Comparator.comparing((ApprovalQueueEntry q) -> q.budgetId().value())
                        .thenComparing(q -> q.kind().name()));
    }

    public List<DelegationRecord> delegations() {
        return sorted(
                delegations.values(),
                Comparator.comparing((DelegationRecord d) -> d.budgetId().value())
                        .thenComparingLong(DelegationRecord::sequence));
    }

    public List<PlanCycle> plans() {
        return sorted(
                plans.values(),
                Comparator.comparing((PlanCycle p) -> p.budgetId().value()).thenComparingLong(PlanCycle::sequence));
    }

    public List<ContestRecord> contests() {
        return sorted(
                contests.values(),
                Comparator.comparing((ContestRecord c) -> c.budgetId().value())
                        .thenComparingLong(ContestRecord::sequence));
    }

    public List<TimelinessClock> clocks() {
        return sorted(
                clocks.values(),
                Comparator.comparing((TimelinessClock c) -> c.budgetId().value())
                        .thenComparing(c -> c.kind().name())
                        .thenComparingLong(TimelinessClock::sequence));
    }

    public List<OutcomeRecord> outcomes() {
        return sorted(
                outcomes,
                Comparator.comparing((OutcomeRecord o) -> o.budgetId().value())
                        .thenComparingLong(OutcomeRecord::sequence));
    }

    public List<AssessmentRecord> assessments() {
        return sorted(
                assessments,
                Comparator.comparing((AssessmentRecord a) -> a.budgetId().value())
                        .thenComparingLong(AssessmentRecord::sequence));
    }

    public List<PersonAct> acts() {
        return sorted(
                acts,
                Comparator.comparing((PersonAct a) -> a.budgetId().value()).thenComparingLong(PersonAct::sequence));
    }

    /** Everything a report reads. */
    public ReportRows reportRows() {
        return new ReportRows(summaries(), trail(), decisions(), plans(), contests(), delegations());
    }

    private static <T> List<T> sorted(Collection<T> rows, Comparator<T> order) {
        return rows.stream().sorted(order).toList();
    }
}
