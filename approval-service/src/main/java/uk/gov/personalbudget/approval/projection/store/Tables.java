package uk.gov.personalbudget.approval.projection.store;

import org.springframework.jdbc.core.RowMapper;
import uk.gov.personalbudget.approval.projection.ApprovalQueueEntry;
import uk.gov.personalbudget.approval.projection.AssessmentRecord;
import uk.gov.personalbudget.approval.projection.BudgetSummary;
import uk.gov.personalbudget.approval.projection.ClockEnd;
import uk.gov.personalbudget.approval.projection.ClockKind;
import uk.gov.personalbudget.approval.projection.ContestOutcome;
import uk.gov.personalbudget.approval.projection.ContestRecord;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.DecisionKind;
import uk.gov.personalbudget.approval.projection.DelegationEnd;
import uk.gov.personalbudget.approval.projection.DelegationRecord;
import uk.gov.personalbudget.approval.projection.OutcomeRecord;
import uk.gov.personalbudget.approval.projection.PersonAct;
import uk.gov.personalbudget.approval.projection.PlanCycle;
import uk.gov.personalbudget.approval.projection.PlanOutcome;
import uk.gov.personalbudget.approval.projection.QueueKind;
import uk.gov.personalbudget.approval.projection.TimelinessClock;
import uk.gov.personalbudget.contracts.value.AssessmentKind;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetStatus;
import uk.gov.personalbudget.contracts.value.DelegationReason;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.OutcomeDomain;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.PlanningApproach;
import uk.gov.personalbudget.contracts.value.PreferredControl;
import uk.gov.personalbudget.contracts.value.ReviewKind;
import uk.gov.personalbudget.contracts.value.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static uk.gov.personalbudget.approval.projection.store.Columns.flag;
import static uk.gov.personalbudget.approval.projection.store.Columns.holder;
import static uk.gov.personalbudget.approval.projection.store.Columns.instant;
import static uk.gov.personalbudget.approval.projection.store.Columns.money;
import static uk.gov.personalbudget.approval.projection.store.Columns.name;
import static uk.gov.personalbudget.approval.projection.store.Columns.number;
import static uk.gov.personalbudget.approval.projection.store.Columns.text;

/**
 * The projection tables (V1__projections.sql): for each, its columns after {@code generation}, how a row is
 * bound in that order and read back, and its key order. Kept in one place so inserts, reads, snapshots and
 * comparisons cannot disagree about a column.
 */
public final class Tables {

    /** Binds a row's columns, after the generation, in the table's column order. */
    @FunctionalInterface
    interface RowBinder<T> {
        void bind(Columns.Binder binder, T row) throws SQLException;
    }

    /**
     * @param keyColumns how many of {@code columns}, from the first, form the key after the generation
     */
    public record Table<T>(
            String name,
            List<String> columns,
            int keyColumns,
            String keyOrder,
            RowBinder<T> binder,
            RowMapper<T> mapper) {

        /** One INSERT of {@code rows} rows, each bound as {@link #bind} binds one, one after the other. */
        String insert(int rows) {
            String row = "(?" + ", ?".repeat(columns.size()) + ")";
            return "INSERT INTO " + name + " (generation, " + String.join(", ", columns) + ") VALUES "
                    + String.join(", ", Collections.nCopies(rows, row));
        }

        /**
         * Rewrites the row with the same key: every column (keys to themselves), then the generation and key
         * again, so one binder serves inserts and updates, and PostgreSQL can update in place.
         */
        String update() {
            List<String> keys = columns.subList(0, keyColumns);
            return "UPDATE " + name + " SET "
                    + String.join(", ", columns.stream().map(c -> c + " = ?").toList()) + " WHERE generation = ? AND "
                    + String.join(" AND ", keys.stream().map(c -> c + " = ?").toList());
        }

        void bindUpdate(Columns.Binder parameters, int generation, T row, RowBinder<T> key) throws SQLException {
            binder.bind(parameters, row);
            parameters.integer(generation);
            key.bind(parameters, row);
        }

        /** Rows of one generation (the first parameter) meeting {@code condition}, in key order. */
        public String select(String condition) {
            return "SELECT " + String.join(", ", columns) + " FROM " + name + " WHERE generation = ?"
                    + (condition.isEmpty() ? "" : " AND " + condition) + " ORDER BY " + keyOrder;
        }

        /** Rows of generation ? that generation ? lacks. */
        String except() {
            String cols = String.join(", ", columns);
            return "SELECT COUNT(*) FROM (SELECT " + cols + " FROM " + name + " WHERE generation = ? EXCEPT SELECT "
                    + cols + " FROM " + name + " WHERE generation = ?) difference";
        }

        void bind(Columns.Binder parameters, int generation, T row) throws SQLException {
            parameters.integer(generation);
            binder.bind(parameters, row);
        }
    }

    public static final Table<BudgetSummary> BUDGET_SUMMARY = new Table<>(
            "budget_summary",
            List.of(
                    "budget_id",
                    "last_sequence",
                    "last_event_at",
                    "person_reference",
                    "local_authority",
                    "allocated_practitioner",
                    "opened_at",
                    "closed_at",
                    "status",
                    "status_before_suspension",
                    "plan_in_force",
                    "management_option",
                    "control_party",
                    "control_actor_id",
                    "control_since",
                    "offered_pence",
                    "offered_period",
                    "offered_at",
                    "approved_pence",
                    "approved_period",
                    "contest_sequence",
                    "contest_since",
                    "contest_offered_pence",
                    "contest_offered_period",
                    "contest_requested_pence",
                    "contest_requested_period",
                    "plan_sequence",
                    "plan_submitted_at",
                    "plan_yearly_pence",
                    "plan_made_by",
                    "plan_endorsed_at",
                    "delegation_sequence",
                    "delegate_id",
                    "delegate_role",
                    "delegation_reason",
                    "delegation_since",
                    "delegation_intended_end",
                    "review_kind",
                    "review_due_by",
                    "review_since",
                    "capacity_review_due_by",
                    "capacity_review_since",
                    "authorised_person",
                    "contest_count",
                    "plan_count",
                    "return_count",
                    "decline_count",
                    "delegation_count",
                    "plan_made_by_in_force",
                    "direct_payment_since",
                    "last_review_at",
                    "preferred_control",
                    "open_challenges"),
            1,
            "budget_id",
            (b, s) -> {
                b.text(s.budgetId().value())
                        .number(s.lastSequence())
                        .instant(s.lastEventAt())
                        .text(s.person().value())
                        .text(s.localAuthority())
                        .text(s.allocatedPractitioner())
                        .instant(s.openedAt())
                        .instant(s.closedAt())
                        .name(s.status())
                        .name(s.statusBeforeSuspension())
                        .flag(s.planInForce())
                        .name(s.managementOption())
                        .holder(s.controlHolder())
                        .instant(s.controlSince())
                        .money(s.offeredAmount())
                        .instant(s.offeredAt())
                        .money(s.approvedAmount());
                var contest = s.openContest();
                b.number(contest == null ? null : contest.sequence())
                        .instant(contest == null ? null : contest.since())
                        .money(contest == null ? null : contest.offered())
                        .money(contest == null ? null : contest.requested());
                var plan = s.openPlan();
                b.number(plan == null ? null : plan.sequence())
                        .instant(plan == null ? null : plan.submittedAt())
                        .number(plan == null ? null : plan.yearlyPence())
                        .name(plan == null ? null : plan.madeBy())
                        .instant(plan == null ? null : plan.endorsedAt());
                var delegation = s.openDelegation();
                b.number(delegation == null ? null : delegation.sequence())
                        .text(delegation == null ? null : delegation.delegateId())
                        .name(delegation == null ? null : delegation.delegateRole())
                        .name(delegation == null ? null : delegation.reason())
                        .instant(delegation == null ? null : delegation.since())
                        .instant(delegation == null ? null : delegation.intendedEnd());
                var review = s.pendingReview();
                b.name(review == null ? null : review.kind())
                        .instant(review == null ? null : review.dueBy())
                        .instant(review == null ? null : review.since());
                var capacityReview = s.capacityReview();
                b.instant(capacityReview == null ? null : capacityReview.dueBy())
                        .instant(capacityReview == null ? null : capacityReview.since());
                var counters = s.counters();
                b.text(s.authorisedPerson())
                        .integer(counters.contests())
                        .integer(counters.plans())
                        .integer(counters.returns())
                        .integer(counters.declines())
                        .integer(counters.delegations());
                b.name(s.planMadeBy())
                        .instant(s.directPaymentSince())
                        .instant(s.lastReviewAt())
                        .name(s.preferredControl())
                        .text(OpenChallenges.encode(s.openChallenges()));
            },
            (rs, row) -> {
                Long contestSequence = number(rs, "contest_sequence");
                Long planSequence = number(rs, "plan_sequence");
                Long delegationSequence = number(rs, "delegation_sequence");
                ReviewKind reviewKind = name(rs, "review_kind", ReviewKind.class);
                return new BudgetSummary(
                        new BudgetId(rs.getString("budget_id")),
                        rs.getLong("last_sequence"),
                        instant(rs, "last_event_at"),
                        new PersonReference(rs.getString("person_reference")),
                        rs.getString("local_authority"),
                        rs.getString("allocated_practitioner"),
                        instant(rs, "opened_at"),
                        instant(rs, "closed_at"),
                        name(rs, "status", BudgetStatus.class),
                        name(rs, "status_before_suspension", BudgetStatus.class),
                        Boolean.TRUE.equals(flag(rs, "plan_in_force")),
                        name(rs, "management_option", ManagementOption.class),
                        holder(rs, "control"),
                        instant(rs, "control_since"),
                        money(rs, "offered"),
                        instant(rs, "offered_at"),
                        money(rs, "approved"),
                        contestSequence == null
                                ? null
                                : new BudgetSummary.OpenContest(
                                        contestSequence,
                                        instant(rs, "contest_since"),
                                        money(rs, "contest_offered"),
                                        money(rs, "contest_requested")),
                        planSequence == null
                                ? null
                                : new BudgetSummary.OpenPlan(
                                        planSequence,
                                        instant(rs, "plan_submitted_at"),
                                        rs.getLong("plan_yearly_pence"),
                                        name(rs, "plan_made_by", PlanningApproach.class),
                                        instant(rs, "plan_endorsed_at")),
                        delegationSequence == null
                                ? null
                                : new BudgetSummary.OpenDelegation(
                                        delegationSequence,
                                        rs.getString("delegate_id"),
                                        name(rs, "delegate_role", Role.class),
                                        name(rs, "delegation_reason", DelegationReason.class),
                                        instant(rs, "delegation_since"),
                                        instant(rs, "delegation_intended_end")),
                        reviewKind == null
                                ? null
                                : new BudgetSummary.PendingReview(
                                        reviewKind, instant(rs, "review_due_by"), instant(rs, "review_since")),
                        capacityReview(rs),
                        rs.getString("authorised_person"),
                        new BudgetSummary.Counters(
                                rs.getInt("contest_count"),
                                rs.getInt("plan_count"),
                                rs.getInt("return_count"),
                                rs.getInt("decline_count"),
                                rs.getInt("delegation_count")),
                        name(rs, "plan_made_by_in_force", PlanningApproach.class),
                        instant(rs, "direct_payment_since"),
                        instant(rs, "last_review_at"),
                        name(rs, "preferred_control", PreferredControl.class),
                        OpenChallenges.decode(rs.getString("open_challenges")));
            });

    /** The CAPACITY_CHANGE review pending beside another, kept apart (BudgetProjector), if any. */
    private static BudgetSummary.PendingReview capacityReview(ResultSet rs) throws SQLException {
        var dueBy = instant(rs, "capacity_review_due_by");
        return dueBy == null
                ? null
                : new BudgetSummary.PendingReview(
                        ReviewKind.CAPACITY_CHANGE, dueBy, instant(rs, "capacity_review_since"));
    }

    public static final Table<ControlTrailEntry> CONTROL_TRAIL = new Table<>(
            "control_trail",
            List.of(
                    "budget_id",
                    "event_sequence",
                    "from_party",
                    "from_actor_id",
                    "to_party",
                    "to_actor_id",
                    "occurred_at",
                    "event_type",
                    "actor",
                    "actor_role",
                    "on_behalf_of",
                    "reason",
                    "held_for_seconds"),
            2,
            "budget_id, event_sequence",
            (b, t) -> b.text(t.budgetId().value())
                    .number(t.sequence())
                    .holder(t.from())
                    .holder(t.to())
                    .instant(t.at())
                    .text(t.event())
                    .text(t.actor())
                    .name(t.actorRole())
                    .text(t.onBehalfOf())
                    .text(t.reason())
                    .number(t.heldForSeconds()),
            (rs, row) -> new ControlTrailEntry(
                    new BudgetId(rs.getString("budget_id")),
                    rs.getLong("event_sequence"),
                    holder(rs, "from"),
                    holder(rs, "to"),
                    instant(rs, "occurred_at"),
                    rs.getString("event_type"),
                    rs.getString("actor"),
                    name(rs, "actor_role", Role.class),
                    text(rs, "on_behalf_of", PersonReference::new),
                    rs.getString("reason"),
                    number(rs, "held_for_seconds")));

    public static final Table<Decision> DECISION = new Table<>(
            "decision",
            List.of(
                    "budget_id",
                    "event_sequence",
                    "kind",
                    "occurred_at",
                    "actor",
                    "actor_role",
                    "on_behalf_of",
                    "outcome",
                    "reasons",
                    "detail",
                    "amount_pence",
                    "amount_period",
                    "person_took_part",
                    "person_told_by",
                    "person_statement_added",
                    "waited_seconds"),
            2,
            "budget_id, event_sequence",
            (b, d) -> b.text(d.budgetId().value())
                    .number(d.sequence())
                    .name(d.kind())
                    .instant(d.at())
                    .text(d.actor())
                    .name(d.actorRole())
                    .text(d.onBehalfOf())
                    .text(d.outcome())
                    .text(d.reasons())
                    .text(d.detail())
                    .money(d.amount())
                    .flag(d.personTookPart())
                    .name(d.personToldBy())
                    .flag(d.personStatementAdded())
                    .number(d.waitedSeconds()),
            (rs, row) -> new Decision(
                    new BudgetId(rs.getString("budget_id")),
                    rs.getLong("event_sequence"),
                    name(rs, "kind", DecisionKind.class),
                    instant(rs, "occurred_at"),
                    rs.getString("actor"),
                    name(rs, "actor_role", Role.class),
                    text(rs, "on_behalf_of", PersonReference::new),
                    rs.getString("outcome"),
                    rs.getString("reasons"),
                    rs.getString("detail"),
                    money(rs, "amount"),
                    flag(rs, "person_took_part"),
                    name(rs, "person_told_by", NotificationMethod.class),
                    flag(rs, "person_statement_added"),
                    number(rs, "waited_seconds")));

    public static final Table<ApprovalQueueEntry> APPROVAL_QUEUE = new Table<>(
            "approval_queue",
            List.of(
                    "budget_id",
                    "kind",
                    "event_sequence",
                    "since",
                    "person_reference",
                    "allocated_practitioner",
                    "local_authority",
                    "yearly_pence",
                    "due_by",
                    "detail"),
            2,
            "budget_id, kind",
            (b, q) -> b.text(q.budgetId().value())
                    .name(q.kind())
                    .number(q.sequence())
                    .instant(q.since())
                    .text(q.person().value())
                    .text(q.allocatedPractitioner())
                    .text(q.localAuthority())
                    .number(q.yearlyPence())
                    .instant(q.dueBy())
                    .text(q.detail()),
            (rs, row) -> new ApprovalQueueEntry(
                    new BudgetId(rs.getString("budget_id")),
                    name(rs, "kind", QueueKind.class),
                    rs.getLong("event_sequence"),
                    instant(rs, "since"),
                    new PersonReference(rs.getString("person_reference")),
                    rs.getString("allocated_practitioner"),
                    rs.getString("local_authority"),
                    number(rs, "yearly_pence"),
                    instant(rs, "due_by"),
                    rs.getString("detail")));

    public static final Table<DelegationRecord> DELEGATION = new Table<>(
            "delegation",
            List.of(
                    "budget_id",
                    "event_sequence",
                    "delegate_id",
                    "delegate_role",
                    "reason",
                    "since",
                    "intended_end",
                    "ended_at",
                    "ended_by"),
            2,
            "budget_id, event_sequence",
            (b, d) -> b.text(d.budgetId().value())
                    .number(d.sequence())
                    .text(d.delegateId())
                    .name(d.delegateRole())
                    .name(d.reason())
                    .instant(d.since())
                    .instant(d.intendedEnd())
                    .instant(d.endedAt())
                    .name(d.endedBy()),
            (rs, row) -> new DelegationRecord(
                    new BudgetId(rs.getString("budget_id")),
                    rs.getLong("event_sequence"),
                    rs.getString("delegate_id"),
                    name(rs, "delegate_role", Role.class),
                    name(rs, "reason", DelegationReason.class),
                    instant(rs, "since"),
                    instant(rs, "intended_end"),
                    instant(rs, "ended_at"),
                    name(rs, "ended_by", DelegationEnd.class)));

    public static final Table<PlanCycle> PLAN_CYCLE = new Table<>(
            "plan_cycle",
            List.of(
                    "budget_id",
                    "event_sequence",
                    "submitted_at",
                    "yearly_pence",
                    "made_by",
                    "endorsed_at",
                    "outcome",
                    "decided_at"),
            2,
            "budget_id, event_sequence",
            (b, p) -> b.text(p.budgetId().value())
                    .number(p.sequence())
                    .instant(p.submittedAt())
                    .number(p.yearlyPence())
                    .name(p.madeBy())
                    .instant(p.endorsedAt())
                    .name(p.outcome())
                    .instant(p.decidedAt()),
            (rs, row) -> new PlanCycle(
                    new BudgetId(rs.getString("budget_id")),
                    rs.getLong("event_sequence"),
                    instant(rs, "submitted_at"),
                    rs.getLong("yearly_pence"),
                    name(rs, "made_by", PlanningApproach.class),
                    instant(rs, "endorsed_at"),
                    name(rs, "outcome", PlanOutcome.class),
                    instant(rs, "decided_at")));

    public static final Table<ContestRecord> CONTEST = new Table<>(
            "contest",
            List.of(
                    "budget_id",
                    "event_sequence",
                    "contested_at",
                    "offered_pence",
                    "offered_period",
                    "requested_pence",
                    "requested_period",
                    "ended_at",
                    "revised_pence",
                    "revised_period",
                    "outcome"),
            2,
            "budget_id, event_sequence",
            (b, c) -> b.text(c.budgetId().value())
                    .number(c.sequence())
                    .instant(c.contestedAt())
                    .money(c.offered())
                    .money(c.requested())
                    .instant(c.endedAt())
                    .money(c.revised())
                    .name(c.outcome()),
            (rs, row) -> new ContestRecord(
                    new BudgetId(rs.getString("budget_id")),
                    rs.getLong("event_sequence"),
                    instant(rs, "contested_at"),
                    money(rs, "offered"),
                    money(rs, "requested"),
                    instant(rs, "ended_at"),
                    money(rs, "revised"),
                    name(rs, "outcome", ContestOutcome.class)));

    /** V10: one row per timeliness clock, keyed by the kind and the event that started it. */
    public static final Table<TimelinessClock> TIMELINESS_CLOCK = new Table<>(
            "timeliness_clock",
            List.of(
                    "budget_id",
                    "kind",
                    "event_sequence",
                    "local_authority",
                    "started_at",
                    "due_by",
                    "ended_at",
                    "ended_how"),
            3,
            "budget_id, kind, event_sequence",
            (b, c) -> b.text(c.budgetId().value())
                    .name(c.kind())
                    .number(c.sequence())
                    .text(c.localAuthority())
                    .instant(c.startedAt())
                    .instant(c.dueBy())
                    .instant(c.endedAt())
                    .name(c.end()),
            (rs, row) -> new TimelinessClock(
                    new BudgetId(rs.getString("budget_id")),
                    name(rs, "kind", ClockKind.class),
                    rs.getLong("event_sequence"),
                    rs.getString("local_authority"),
                    instant(rs, "started_at"),
                    instant(rs, "due_by"),
                    instant(rs, "ended_at"),
                    name(rs, "ended_how", ClockEnd.class)));

    /** V9: one row per {@code OutcomeRecorded}. */
    public static final Table<OutcomeRecord> OUTCOME = new Table<>(
            "outcome",
            List.of(
                    "budget_id",
                    "event_sequence",
                    "recorded_at",
                    "outcome_domain",
                    "recovery_goal_id",
                    "plan_made_by",
                    "management_option",
                    "actor_role",
                    "on_behalf"),
            2,
            "budget_id, event_sequence",
            (b, o) -> b.text(o.budgetId().value())
                    .number(o.sequence())
                    .instant(o.recordedAt())
                    .name(o.domain())
                    .text(o.recoveryGoalId())
                    .name(o.planMadeBy())
                    .name(o.managementOption())
                    .name(o.actorRole())
                    .flag(o.onBehalf()),
            (rs, row) -> new OutcomeRecord(
                    new BudgetId(rs.getString("budget_id")),
                    rs.getLong("event_sequence"),
                    instant(rs, "recorded_at"),
                    name(rs, "outcome_domain", OutcomeDomain.class),
                    rs.getString("recovery_goal_id"),
                    name(rs, "plan_made_by", PlanningApproach.class),
                    name(rs, "management_option", ManagementOption.class),
                    name(rs, "actor_role", Role.class),
                    Boolean.TRUE.equals(flag(rs, "on_behalf"))));

    /** V9: one row per {@code NeedsAssessed}. */
    public static final Table<AssessmentRecord> ASSESSMENT = new Table<>(
            "assessment",
            List.of("budget_id", "event_sequence", "assessed_at", "kind", "eligible"),
            2,
            "budget_id, event_sequence",
            (b, a) -> b.text(a.budgetId().value())
                    .number(a.sequence())
                    .instant(a.assessedAt())
                    .name(a.kind())
                    .flag(a.eligible()),
            (rs, row) -> new AssessmentRecord(
                    new BudgetId(rs.getString("budget_id")),
                    rs.getLong("event_sequence"),
                    instant(rs, "assessed_at"),
                    name(rs, "kind", AssessmentKind.class),
                    Boolean.TRUE.equals(flag(rs, "eligible"))));

    /** V9: one row per act of the person's, done by them or on their behalf. */
    public static final Table<PersonAct> PERSON_ACT = new Table<>(
            "person_act",
            List.of("budget_id", "event_sequence", "occurred_at", "event_type", "actor_role", "on_behalf"),
            2,
            "budget_id, event_sequence",
            (b, a) -> b.text(a.budgetId().value())
                    .number(a.sequence())
                    .instant(a.at())
                    .text(a.eventType())
                    .name(a.actorRole())
                    .flag(a.onBehalf()),
            (rs, row) -> new PersonAct(
                    new BudgetId(rs.getString("budget_id")),
                    rs.getLong("event_sequence"),
                    instant(rs, "occurred_at"),
                    rs.getString("event_type"),
                    name(rs, "actor_role", Role.class),
                    Boolean.TRUE.equals(flag(rs, "on_behalf"))));

    /** Every projection table, for snapshots, comparisons and deleting a generation. */
    static final List<Table<?>> ALL = List.of(
            BUDGET_SUMMARY,
            CONTROL_TRAIL,
            DECISION,
            APPROVAL_QUEUE,
            DELEGATION,
            PLAN_CYCLE,
            CONTEST,
            TIMELINESS_CLOCK,
            OUTCOME,
            ASSESSMENT,
            PERSON_ACT);

    /**
     * {@code local_authority IN (?, ...)} for {@code councils}, whose ids it adds to {@code parameters}: the queue,
     * the report and the held-back records are read for a set of councils (the caller's), narrowed in SQL by the
     * budgets' {@code local_authority}.
     */
    public static String councilIn(Set<String> councils, List<Object> parameters) {
        List<String> sorted = councils.stream().sorted().toList();
        parameters.addAll(sorted);
        return "local_authority IN (" + String.join(", ", Collections.nCopies(sorted.size(), "?")) + ")";
    }

    private Tables() {}
}
