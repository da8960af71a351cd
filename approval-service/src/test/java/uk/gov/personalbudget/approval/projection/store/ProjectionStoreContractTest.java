package uk.gov.personalbudget.approval.projection.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.personalbudget.approval.decisions.DecisionQueries;
import uk.gov.personalbudget.approval.projection.AheadOfSequence;
import uk.gov.personalbudget.approval.projection.ApprovalQueueItem;
import uk.gov.personalbudget.approval.projection.AuthorisationScheme;
import uk.gov.personalbudget.approval.projection.CheckedRecord;
import uk.gov.personalbudget.approval.projection.CoProductionReport;
import uk.gov.personalbudget.approval.projection.ControlSummaryReport;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.InMemoryProjection;
import uk.gov.personalbudget.approval.projection.IntakeOutcome;
import uk.gov.personalbudget.approval.projection.OutcomesReport;
import uk.gov.personalbudget.approval.projection.QueueKind;
import uk.gov.personalbudget.approval.projection.ReportRows;
import uk.gov.personalbudget.approval.projection.TimelinessReport;
import uk.gov.personalbudget.approval.projection.TimelinessThresholds;
import uk.gov.personalbudget.approval.queue.AuthorisationSchemeConfiguration;
import uk.gov.personalbudget.approval.queue.QueueFilter;
import uk.gov.personalbudget.approval.queue.QueueQueries;
import uk.gov.personalbudget.approval.reports.ReportQueries;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.approval.trail.TrailQueries;
import uk.gov.personalbudget.contracts.access.BudgetParties;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetStatus;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.ReviewKind;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static uk.gov.personalbudget.approval.support.LifecycleEvents.START;

/**
 * What the projection store must do on every database we run on: Flyway's schema, batched idempotent writes
 * ({@link ProjectionWriter}) that match the projector row for row, the reads (each capability's queries), and
 * generations for replays ({@link Generations}). Subclasses pick the database. Not transactional: each call
 * commits or rolls back on its own, as in production.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(classes = ProjectionStoreContractTest.StoreOnly.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class ProjectionStoreContractTest {

    /**
     * Just the store, its readers and their configuration: the slice must not depend on what the application class
     * brings in (Kafka, web, security). Nested in a test class, so application component scans never pick it up.
     */
    @Configuration(proxyBeanMethods = false)
    @Import({
        ProjectionWriter.class,
        Generations.class,
        SummaryQueries.class,
        TrailQueries.class,
        DecisionQueries.class,
        QueueQueries.class,
        ReportQueries.class,
        AuthorisationSchemeConfiguration.class
    })
    static class StoreOnly {}

    private static final List<String> TABLES = List.of(
            "budget_summary",
            "control_trail",
            "decision",
            "approval_queue",
            "delegation",
            "plan_cycle",
            "contest",
            "timeliness_clock",
            "outcome",
            "assessment",
            "person_act");
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Set<String> LEEDS = Set.of(TokenHolder.HOME_COUNCIL);

    @Autowired
    ProjectionWriter writer;

    @Autowired
    Generations generations;

    @Autowired
    SummaryQueries summaries;

    @Autowired
    TrailQueries trailQueries;

    @Autowired
    DecisionQueries decisionQueries;

    @Autowired
    QueueQueries queueQueries;

    @Autowired
    ReportQueries reportQueries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuthorisationScheme scheme;

    @Autowired
    TimelinessThresholds thresholds;

    @BeforeEach
    void emptyProjections() {
        TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
        jdbc.update("DELETE FROM projection_generation");
        jdbc.update(
                "INSERT INTO projection_generation (generation, status, created_at) VALUES (1, 'CURRENT', ?)",
                java.time.OffsetDateTime.now());
    }

    private static BudgetId id(String value) {
        return new BudgetId(value);
    }

    /** Several budgets' events in the order one Kafka partition might hold them: interleaved, each in order. */
    private static List<EventEnvelope> interleave(List<List<EventEnvelope>> budgets) {
        List<EventEnvelope> all = new ArrayList<>();
        int longest = budgets.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<EventEnvelope> events : budgets) {
                if (i < events.size()) {
                    all.add(events.get(i));
                }
            }
        }
        return all;
    }

    /** Three lives, and one with every event type. */
    private static List<EventEnvelope> threeLives() {
        return interleave(List.of(
                LifecycleEvents.fullLifecycle("PB-A").envelopes(),
                LifecycleEvents.everyEventType("PB-D").envelopes(),
                LifecycleEvents.fullLifecycle("PB-B", START.plus(Duration.ofDays(3)))
                        .envelopes(),
                LifecycleEvents.budget("PB-C")
                        .opened()
                        .assessed()
                        .offered(1_250_000)
                        .contested("Too little for evenings", 1_400_000L)
                        .envelopes()));
    }

    private void applyInBatches(List<EventEnvelope> events, int size, int generation) {
        for (int from = 0; from < events.size(); from += size) {
            writer.apply(events.subList(from, Math.min(events.size(), from + size)), generation);
        }
    }

    /** The stored generation holds exactly the rows the projector makes in memory from the same events. */
    private void assertStoredAsProjected(InMemoryProjection expected, int generation) {
        ProjectionSnapshot stored = generations.snapshot(generation);
        assertThat(stored.budgets()).containsExactlyInAnyOrderElementsOf(expected.summaries());
        assertThat(stored.trail()).containsExactlyInAnyOrderElementsOf(expected.trail());
        assertThat(stored.decisions()).containsExactlyInAnyOrderElementsOf(expected.decisions());
        assertThat(stored.queue()).containsExactlyInAnyOrderElementsOf(expected.queue());
        assertThat(stored.delegations()).containsExactlyInAnyOrderElementsOf(expected.delegations());
        assertThat(stored.plans()).containsExactlyInAnyOrderElementsOf(expected.plans());
        assertThat(stored.contests()).containsExactlyInAnyOrderElementsOf(expected.contests());
        assertThat(stored.clocks()).containsExactlyInAnyOrderElementsOf(expected.clocks());
        assertThat(stored.outcomes()).containsExactlyInAnyOrderElementsOf(expected.outcomes());
        assertThat(stored.assessments()).containsExactlyInAnyOrderElementsOf(expected.assessments());
        assertThat(stored.acts()).containsExactlyInAnyOrderElementsOf(expected.acts());
    }

    private long rowsOfGeneration(int generation) {
        return TABLES.stream()
                .mapToLong(table -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM " + table + " WHERE generation = ?", Long.class, generation))
                .sum();
    }

    // --- Schema ---

    @Test
    void flywayStartsWithGenerationOneCurrentAndNothingPending() {
        assertThat(generations.currentGeneration()).isEqualTo(1);
        assertThat(generations.pendingGeneration()).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM \"flyway_schema_history\" "
                                + "WHERE \"version\" = '1' AND \"success\" = TRUE",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void theSchemeOfAuthorisationDefaultsToTheCouncilExample() {
        assertThat(scheme.levels())
                .extracting(AuthorisationScheme.Level::name, AuthorisationScheme.Level::yearlyLimitPence)
                .containsExactly(
                        tuple("TEAM_MANAGER", 1_500_000L),
                        tuple("SERVICE_MANAGER", 3_000_000L),
                        tuple("HEAD_OF_SERVICE", null));
    }

    // --- Applying ---

    @Test
    void wholeLivesInOneBatchAreStoredExactlyAsProjectedAndReadBackInOrder() {
        List<EventEnvelope> events = threeLives();

        writer.apply(events, 1);

        InMemoryProjection expected = InMemoryProjection.of(events);
        assertStoredAsProjected(expected, 1);
        List<ControlTrailEntry> trail = trailQueries.controlTrail(id("PB-A"));
        assertThat(trail)
                .hasSize(20)
                .isEqualTo(expected.trail().stream()
                        .filter(row -> row.budgetId().equals(id("PB-A")))
                        .toList());
        assertThat(trail.get(0).heldForSeconds()).isNull();
        List<Decision> decisions = decisionQueries.decisions(id("PB-A"));
        assertThat(decisions)
                .hasSize(13)
                .isEqualTo(expected.decisions().stream()
                        .filter(row -> row.budgetId().equals(id("PB-A")))
                        .toList());
        assertThat(summaries.summary(id("PB-A")))
                .get()
                .satisfies(summary -> assertThat(summary.status()).isEqualTo(BudgetStatus.CLOSED));
        assertThat(queueQueries.queue(LEEDS, QueueFilter.ALL, NOW))
                .extracting(ApprovalQueueItem::budgetId, ApprovalQueueItem::kind)
                .containsExactly(tuple(id("PB-C"), QueueKind.CONTEST_AWAITING_ANSWER));
    }

    @Test
    void textWithTabsLineBreaksAndBackslashesAndInstantsWithMillisecondsAreStoredAsTheyAre() {
        String awkward = "line one\nline\ttwo \\N \\ back\r\nend\\";
        List<EventEnvelope> events = LifecycleEvents.budget("PB-TEXT", START.plusMillis(123))
                .opened()
                .assessed()
                .offered(1_000_000)
                .accepted()
                .submitted(1_000_000)
                .endorsed(awkward)
                .envelopes();

        writer.apply(events, 1);

        InMemoryProjection expected = InMemoryProjection.of(events);
        assertStoredAsProjected(expected, 1);
        assertThat(expected.decisions().toString()).contains(awkward);
    }

    @Test
    void afterEveryEventOfALifeTheStoreHoldsWhatTheProjectorMade() {
        List<EventEnvelope> events = threeLives();
        var expected = new InMemoryProjection();
        int applied = 0;
        int size = 1;
        while (applied < events.size()) {
            List<EventEnvelope> batch = events.subList(applied, Math.min(events.size(), applied + size));
            writer.apply(batch, 1);
            expected.apply(batch);
            assertStoredAsProjected(expected, 1);
            applied += batch.size();
            size = size % 4 + 1;
        }
    }

    @Test
    void applyingTheSameBatchTwiceChangesNothing() {
        List<EventEnvelope> events = threeLives();
        writer.apply(events, 1);
        ProjectionSnapshot once = generations.snapshot(1);

        writer.apply(events, 1);

        assertThat(generations.snapshot(1)).isEqualTo(once);
    }

    @Test
    void aRedeliveredOverlappingBatchAppliesOnlyWhatIsNew() {
        List<EventEnvelope> events = threeLives();

        assertThat(writer.apply(events.subList(0, 30), 1))
                .as("skipped as already applied")
                .isZero();
        assertThat(writer.apply(events.subList(10, 50), 1)).isEqualTo(20);
        assertThat(writer.apply(events.subList(45, events.size()), 1)).isEqualTo(5);
        assertThat(writer.apply(events.subList(0, 5), 1)).isEqualTo(5);

        assertStoredAsProjected(InMemoryProjection.of(events), 1);
    }

    @Test
    void anEventAheadOfItsBudgetsNextIsSkippedAndTheRestOfTheBatchIsWritten() {
        List<EventEnvelope> a = LifecycleEvents.budget("PB-A")
                .opened()
                .assessed()
                .offered(1_000_000)
                .envelopes();
        List<EventEnvelope> b = LifecycleEvents.budget("PB-B")
                .opened()
                .assessed()
                .offered(1_000_000)
                .envelopes();
        List<EventEnvelope> batch = List.of(a.get(0), a.get(1), a.get(2), b.get(0), b.get(2));

        IntakeOutcome outcome = writer.apply(
                batch.stream().map(CheckedRecord::unchecked).toList(), 1, Instant.parse("2026-12-06T18:00:00Z"));

        assertThat(outcome.ahead()).containsExactly(new AheadOfSequence(id("PB-B"), 1, 2, null));
        assertThat(outcome.duplicates()).isZero();
        assertStoredAsProjected(InMemoryProjection.of(List.of(a.get(0), a.get(1), a.get(2), b.get(0))), 1);
    }

    /**
     * What the topic holds after a failed publication: a budget's later event (here its seventh) comes before the
     * batch is sent again from its first unacknowledged event, which sends the missing events and that one again.
     */
    @Test
    void aSkippedEventIsProjectedWhenItsCopyFollowsTheMissingEvents() {
        List<EventEnvelope> events = LifecycleEvents.fullLifecycle("PB-A").envelopes();
        writer.apply(events.subList(0, 4), 1);

        List<EventEnvelope> topic = new ArrayList<>();
        topic.add(events.get(6));
        topic.addAll(events.subList(4, 8));
        topic.add(events.get(6));
        topic.addAll(events.subList(8, events.size()));
        assertThat(writer.apply(topic, 1)).as("duplicates").isEqualTo(1);

        assertStoredAsProjected(InMemoryProjection.of(events), 1);
    }

    @Test
    void aSkippedEventLeavesItsBudgetAsItWasUntilTheMissingEventsCome() {
        List<EventEnvelope> events = LifecycleEvents.fullLifecycle("PB-A").envelopes();
        writer.apply(events.subList(0, 4), 1);

        writer.apply(List.of(events.get(6)), 1);

        assertStoredAsProjected(InMemoryProjection.of(events.subList(0, 4)), 1);
        writer.apply(events.subList(4, events.size()), 1);
        assertStoredAsProjected(InMemoryProjection.of(events), 1);
    }

    @Test
    void anEventThatCannotBeProjectedFailsTheBatchAndWritesNothing() {
        List<EventEnvelope> a =
                LifecycleEvents.budget("PB-A").opened().assessed().envelopes();
        EventEnvelope assessedFirst =
                LifecycleEvents.budget("PB-B").opened().assessed().envelopes().get(1);
        EventEnvelope withoutOpening = new EventEnvelope(
                assessedFirst.eventId(), assessedFirst.budgetId(), 0, assessedFirst.timestamp(), assessedFirst.event());

        assertThatThrownBy(() -> writer.apply(List.of(a.get(0), a.get(1), withoutOpening), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the budget was opened");

        assertThat(rowsOfGeneration(1)).isZero();
    }

    @Test
    void applyingToAGenerationThatDoesNotExistFails() {
        assertThatThrownBy(() -> writer.apply(threeLives(), 7)).isInstanceOf(UnknownGeneration.class);
        assertThat(rowsOfGeneration(7)).isZero();
    }

    // --- Reading ---

    @Test
    void theQueueShowsWhatWaitsWithTheLevelItNeedsHowLongAndWhatIsOverdue() {
        Instant dueSoon = NOW.plus(Duration.ofDays(5));
        Instant duePast = NOW.minus(Duration.ofDays(5));
        writer.apply(
                interleave(List.of(
                        LifecycleEvents.budget("TM")
                                .opened()
                                .assessed()
                                .offered(1_250_000)
                                .accepted()
                                .submitted(1_200_000)
                                .endorsed(null)
                                .envelopes(),
                        LifecycleEvents.budget("SM", START.plusSeconds(60))
                                .opened()
                                .assessed()
                                .offered(2_000_000)
                                .accepted()
                                .submitted(2_000_000)
                                .endorsed(null)
                                .envelopes(),
                        LifecycleEvents.budget("HOS", START.plusSeconds(120))
                                .opened()
                                .assessed()
                                .offered(2_500_000)
                                .accepted()
                                .submitted(3_200_000)
                                .endorsed(null)
                                .envelopes(),
                        LifecycleEvents.budget("CONTEST")
                                .opened()
                                .assessed()
                                .offered(1_000_000)
                                .contested("Too little", null)
                                .envelopes(),
                        LifecycleEvents.budget("LATE")
                                .opened()
                                .assessed()
                                .offered(1_000_000)
                                .delegated(LifecycleEvents.NOMINEE, Role.NOMINEE, duePast, "In hospital")
                                .envelopes(),
                        LifecycleEvents.budget("ONTIME")
                                .opened()
                                .assessed()
                                .offered(1_000_000)
                                .delegated(LifecycleEvents.NOMINEE, Role.NOMINEE, dueSoon, "In hospital")
                                .envelopes(),
                        LifecycleEvents.budget("REVIEW")
                                .opened()
                                .assessed()
                                .offered(1_000_000)
                                .accepted()
                                .submitted(1_000_000)
                                .endorsed(null)
                                .approved()
                                .managementChosen(ManagementOption.DIRECT_PAYMENT)
                                .reviewScheduled(ReviewKind.INITIAL_LIGHT_TOUCH, duePast)
                                .envelopes())),
                1);

        List<ApprovalQueueItem> all = queueQueries.queue(LEEDS, QueueFilter.ALL, NOW);
        assertThat(all)
                .extracting(
                        item -> item.budgetId().value(),
                        ApprovalQueueItem::kind,
                        ApprovalQueueItem::level,
                        ApprovalQueueItem::overdue)
                .containsExactlyInAnyOrder(
                        tuple("TM", QueueKind.PLAN_AWAITING_DECISION, "TEAM_MANAGER", false),
                        tuple("SM", QueueKind.PLAN_AWAITING_DECISION, "SERVICE_MANAGER", false),
                        tuple("HOS", QueueKind.PLAN_AWAITING_DECISION, "HEAD_OF_SERVICE", false),
                        tuple("CONTEST", QueueKind.CONTEST_AWAITING_ANSWER, null, false),
                        tuple("LATE", QueueKind.DELEGATION, null, true),
                        tuple("ONTIME", QueueKind.DELEGATION, null, false),
                        tuple("REVIEW", QueueKind.REVIEW, null, true),
                        // The timeliness queue: endorsed in January, still undecided in June (14 days by default)...
                        tuple("TM", QueueKind.DECISION_OVERDUE, null, true),
                        tuple("SM", QueueKind.DECISION_OVERDUE, null, true),
                        tuple("HOS", QueueKind.DECISION_OVERDUE, null, true),
                        // ...and approved in January with no review completed in 8 weeks.
                        tuple("REVIEW", QueueKind.INITIAL_REVIEW_OVERDUE, null, true));
        assertThat(all).extracting(item -> item.entry().since()).isSorted();
        ApprovalQueueItem tm = all.stream()
                .filter(item -> item.budgetId().value().equals("TM"))
                .filter(item -> item.kind() == QueueKind.PLAN_AWAITING_DECISION)
                .findFirst()
                .orElseThrow();
        assertThat(tm.waitingSeconds())
                .isEqualTo(Duration.between(tm.entry().since(), NOW).toSeconds());
        assertThat(tm.entry().yearlyPence()).isEqualTo(1_250_000L);

        assertThat(queueQueries.queue(LEEDS, QueueFilter.of(QueueKind.DELEGATION), NOW))
                .extracting(item -> item.budgetId().value())
                .containsExactlyInAnyOrder("LATE", "ONTIME");
        assertThat(queueQueries.queue(LEEDS, new QueueFilter(null, "SERVICE_MANAGER", false), NOW))
                .extracting(item -> item.budgetId().value())
                .containsExactly("SM");
        assertThat(queueQueries.queue(LEEDS, new QueueFilter(QueueKind.REVIEW, "SERVICE_MANAGER", false), NOW))
                .isEmpty();
        assertThat(queueQueries.queue(LEEDS, new QueueFilter(null, null, true), NOW))
                .extracting(item -> item.budgetId().value())
                .containsExactlyInAnyOrder("LATE", "REVIEW", "TM", "SM", "HOS", "REVIEW");
        assertThat(queueQueries.queue(LEEDS, QueueFilter.of(QueueKind.DECISION_OVERDUE), NOW))
                .extracting(item -> item.budgetId().value())
                .containsExactly("TM", "SM", "HOS");
        assertThat(queueQueries.queue(LEEDS, new QueueFilter(null, "SERVICE_MANAGER", true), NOW))
                .as("a level is of plans awaiting a decision, not of the timeliness queue")
                .isEmpty();
        assertThat(queueQueries.queue(
                        LEEDS, QueueFilter.of(QueueKind.DECISION_OVERDUE), START.plus(Duration.ofDays(1))))
                .as("not yet past the council's 14 days")
                .isEmpty();
        assertThat(queueQueries.queue(LEEDS, new QueueFilter(QueueKind.DELEGATION, null, true), NOW))
                .extracting(item -> item.budgetId().value())
                .containsExactly("LATE");
        assertThatThrownBy(() -> queueQueries.queue(LEEDS, new QueueFilter(null, "DIRECTOR", false), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReportIsComputedFromTheStoredRows() {
        List<EventEnvelope> events = interleave(List.of(
                LifecycleEvents.fullLifecycle("PB-A").envelopes(),
                LifecycleEvents.budget("PB-B", START.plus(Duration.ofDays(2)))
                        .opened()
                        .assessed()
                        .offered(2_000_000)
                        .after(Duration.ofDays(1))
                        .contested("Not enough", 2_400_000L)
                        .after(Duration.ofDays(4))
                        .revised(2_400_000, null)
                        .accepted()
                        .after(Duration.ofDays(9))
                        .submitted(2_400_000)
                        .after(Duration.ofDays(3))
                        .endorsed(null)
                        .after(Duration.ofDays(8))
                        .approved()
                        .managementChosen(ManagementOption.COUNCIL_MANAGED)
                        .after(Duration.ofDays(10))
                        .delegated(LifecycleEvents.NOMINEE, Role.NOMINEE, START.plus(Duration.ofDays(60)), "Crisis")
                        .envelopes(),
                LifecycleEvents.budget("PB-C", START.plus(Duration.ofDays(40)))
                        .opened()
                        .assessed()
                        .offered(900_000)
                        .accepted()
                        .after(Duration.ofDays(2))
                        .submitted(900_000)
                        .after(Duration.ofDays(1))
                        .returned("Which goal?")
                        .envelopes()));
        applyInBatches(events, 9, 1);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2027-01-01T00:00:00Z");

        ControlSummaryReport report = reportQueries.report(LEEDS, from, to, to);

        assertThat(report)
                .isEqualTo(ControlSummaryReport.compute(
                        InMemoryProjection.of(events).reportRows(), from, to, to));
        assertThat(report.overall().contests().budgetsOffered()).isEqualTo(3);
        assertThat(report.overall().plans().submitted()).isEqualTo(5);
        assertThat(report.overall().overdueDelegations().delegations())
                .extracting(d -> d.budgetId().value())
                .containsExactly("PB-B");
        assertThat(report.overall().personControl().budgets()).hasSize(3);

        Instant mid = START.plus(Duration.ofDays(45));
        assertThat(reportQueries.report(LEEDS, from, to, mid))
                .isEqualTo(ControlSummaryReport.compute(
                        InMemoryProjection.of(events).reportRows(), from, to, mid));
    }

    @Test
    void theOutcomesCoProductionAndTimelinessReportsAreComputedFromTheStoredRowsOfTheCouncilsAsked() {
        List<EventEnvelope> leeds = interleave(List.of(
                LifecycleEvents.fullLifecycle("PB-A").envelopes(),
                LifecycleEvents.everyEventType("PB-D").envelopes(),
                LifecycleEvents.budget("PB-B", START.plus(Duration.ofDays(2)))
                        .opened()
                        .assessed()
                        .offered(1_000_000)
                        .accepted()
                        .submitted(1_000_000)
                        .endorsed(null)
                        .approved()
                        .managementChosen(ManagementOption.DIRECT_PAYMENT)
                        .after(Duration.ofDays(3))
                        .outcomeRecorded("I cook on Sundays now")
                        .after(Duration.ofDays(20))
                        .suspended("In hospital")
                        .envelopes()));
        List<EventEnvelope> bristol = LifecycleEvents.budget("PB-BRISTOL")
                .inCouncil(TokenHolder.OTHER_COUNCIL)
                .opened()
                .assessed()
                .offered(1_000_000)
                .accepted()
                .submitted(1_000_000)
                .endorsed(null)
                .approved()
                .managementChosen(ManagementOption.COUNCIL_MANAGED)
                .outcomeRecorded("Back at work")
                .envelopes();
        applyInBatches(interleave(List.of(leeds, bristol)), 7, 1);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2027-01-01T00:00:00Z");
        var expected = InMemoryProjection.of(leeds);

        for (Instant asOf : List.of(to, START.plus(Duration.ofDays(45)))) {
            assertThat(reportQueries.outcomes(LEEDS, from, to, asOf))
                    .isEqualTo(OutcomesReport.compute(expected.outcomes(), from, to, asOf));
            assertThat(reportQueries.coProduction(LEEDS, from, to, asOf))
                    .isEqualTo(CoProductionReport.compute(
                            expected.assessments(),
                            expected.plans(),
                            expected.acts(),
                            expected.decisions(),
                            from,
                            to,
                            asOf));
            assertThat(reportQueries.timeliness(LEEDS, from, to, asOf))
                    .isEqualTo(TimelinessReport.compute(expected.clocks(), thresholds, from, to, asOf));
        }
        assertThat(reportQueries.outcomes(LEEDS, from, to, to).outcomes()).isEqualTo(3);
        assertThat(reportQueries
                        .outcomes(Set.of(TokenHolder.OTHER_COUNCIL), from, to, to)
                        .outcomes())
                .isEqualTo(1);
        assertThat(reportQueries.outcomes(Set.of(), from, to, to).outcomes()).isZero();
        assertThat(reportQueries.timeliness(Set.of(), from, to, to))
                .isEqualTo(TimelinessReport.compute(List.of(), thresholds, from, to, to));
        assertThat(queueQueries.queue(LEEDS, QueueFilter.of(QueueKind.SUSPENSION_OVERDUE), NOW))
                .extracting(item -> item.budgetId().value(), ApprovalQueueItem::overdue)
                .containsExactly(tuple("PB-B", true));
        assertThat(queueQueries.queue(LEEDS, QueueFilter.of(QueueKind.SUSPENSION_OVERDUE), START))
                .isEmpty();
    }

    @Test
    void thePartiesSayWhoseBudgetItIsAndWhoStandsForThePersonNow() {
        var events = LifecycleEvents.budget("PB-A", START, new PersonReference("P-7"), "sw-9")
                .inCouncil(TokenHolder.OTHER_COUNCIL)
                .opened()
                .assessed()
                .offered(1_000_000);
        writer.apply(events.envelopes(), 1);
        assertThat(summaries.parties(id("PB-A")))
                .contains(new BudgetParties(TokenHolder.OTHER_COUNCIL, new PersonReference("P-7"), "sw-9", null, null));

        int applied = events.envelopes().size();
        events.delegated("sw-12", Role.PRACTITIONER, START.plus(Duration.ofDays(30)), "In hospital")
                .authorisedPersonAppointed("n-5", "MCA-1")
                .reallocated("sw-10", "Moved team");
        writer.apply(events.envelopes().subList(applied, events.envelopes().size()), 1);
        assertThat(summaries.parties(id("PB-A")))
                .contains(new BudgetParties(
                        TokenHolder.OTHER_COUNCIL,
                        new PersonReference("P-7"),
                        "sw-10",
                        ControlHolder.named(ControlParty.PRACTITIONER, "sw-12"),
                        ControlHolder.named(ControlParty.NOMINEE, "n-5")));

        applied = events.envelopes().size();
        events.resumed("Home").authorisationEnded("Capacity regained");
        writer.apply(events.envelopes().subList(applied, events.envelopes().size()), 1);
        assertThat(summaries.parties(id("PB-A")))
                .contains(
                        new BudgetParties(TokenHolder.OTHER_COUNCIL, new PersonReference("P-7"), "sw-10", null, null));

        assertThat(summaries.exists(id("PB-A"))).isTrue();
        assertThat(summaries.parties(id("PB-X"))).isEmpty();
        assertThat(summaries.exists(id("PB-X"))).isFalse();
        assertThat(trailQueries.controlTrail(id("PB-X"))).isEmpty();
    }

    @Test
    void theQueueAndTheReportHoldOnlyTheBudgetsOfTheCouncilsAsked() {
        List<EventEnvelope> leeds = LifecycleEvents.budget("PB-LEEDS")
                .opened()
                .assessed()
                .offered(1_000_000)
                .accepted()
                .submitted(1_000_000)
                .endorsed(null)
                .envelopes();
        List<EventEnvelope> bristol = LifecycleEvents.budget("PB-BRISTOL")
                .inCouncil(TokenHolder.OTHER_COUNCIL)
                .opened()
                .assessed()
                .offered(1_000_000)
                .contested("Too little", null)
                .envelopes();
        writer.apply(interleave(List.of(leeds, bristol)), 1);
        Set<String> bristolOnly = Set.of(TokenHolder.OTHER_COUNCIL);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2027-01-01T00:00:00Z");

        assertThat(queueQueries.queue(LEEDS, QueueFilter.ALL, NOW))
                .extracting(item -> item.budgetId().value(), ApprovalQueueItem::kind)
                .containsExactlyInAnyOrder(
                        tuple("PB-LEEDS", QueueKind.PLAN_AWAITING_DECISION),
                        tuple("PB-LEEDS", QueueKind.DECISION_OVERDUE));
        assertThat(queueQueries.queue(bristolOnly, QueueFilter.ALL, NOW))
                .extracting(item -> item.budgetId().value())
                .containsExactly("PB-BRISTOL");
        assertThat(queueQueries.queue(
                        Set.of(TokenHolder.HOME_COUNCIL, TokenHolder.OTHER_COUNCIL), QueueFilter.ALL, NOW))
                .hasSize(3);
        assertThat(queueQueries.queue(Set.of(), QueueFilter.ALL, NOW)).isEmpty();

        assertThat(reportQueries.report(LEEDS, from, to, to))
                .isEqualTo(ControlSummaryReport.compute(
                        InMemoryProjection.of(leeds).reportRows(), from, to, to));
        assertThat(reportQueries.report(bristolOnly, from, to, to))
                .isEqualTo(ControlSummaryReport.compute(
                        InMemoryProjection.of(bristol).reportRows(), from, to, to));
        assertThat(reportQueries
                        .report(Set.of("york"), from, to, to)
                        .overall()
                        .personControl()
                        .budgets())
                .isEmpty();
        assertThat(reportQueries.report(Set.of(), from, to, to))
                .isEqualTo(ControlSummaryReport.compute(ReportRows.NONE, from, to, to));
    }

    @Test
    void aReallocationRenamesThePractitionerOfWhatWaitsWhetherStoredBeforeOrInTheSameBatch() {
        var events = LifecycleEvents.budget("PB-A")
                .opened()
                .assessed()
                .offered(1_000_000)
                .accepted()
                .submitted(1_000_000)
                .endorsed(null)
                .delegated(LifecycleEvents.NOMINEE, Role.NOMINEE, NOW.plus(Duration.ofDays(5)), "In hospital");
        int stored = events.envelopes().size();
        events.reallocated("sw-3002", "Moved team")
                .reviewScheduled(ReviewKind.INITIAL_LIGHT_TOUCH, NOW)
                .reallocated("sw-3003", "Moved again");
        writer.apply(events.envelopes().subList(0, stored - 1), 1);
        writer.apply(events.envelopes().subList(stored - 1, events.envelopes().size()), 1);

        assertThat(queueQueries.queue(LEEDS, QueueFilter.ALL, NOW))
                .extracting(item -> item.entry().kind(), item -> item.entry().allocatedPractitioner())
                .containsExactlyInAnyOrder(
                        tuple(QueueKind.PLAN_AWAITING_DECISION, "sw-3003"),
                        tuple(QueueKind.DELEGATION, "sw-3003"),
                        tuple(QueueKind.REVIEW, "sw-3003"),
                        tuple(QueueKind.DECISION_OVERDUE, "sw-3003"));
        assertStoredAsProjected(InMemoryProjection.of(events.envelopes()), 1);
    }

    // --- Generations ---

    @Test
    void generationsAreIsolatedUntilPromoted() {
        List<EventEnvelope> a = LifecycleEvents.fullLifecycle("PB-A").envelopes();
        List<EventEnvelope> b =
                LifecycleEvents.budget("PB-B").opened().assessed().envelopes();
        writer.apply(a, 1);

        int rebuild = generations.startGeneration();
        writer.apply(b, rebuild);

        assertThat(rebuild).isEqualTo(2);
        assertThat(generations.currentGeneration()).isEqualTo(1);
        assertThat(generations.pendingGeneration()).contains(2);
        assertThat(summaries.exists(id("PB-A"))).isTrue();
        assertThat(summaries.exists(id("PB-B"))).isFalse();
        assertThat(summaries.exists(id("PB-A"), 2)).isFalse();
        assertThat(summaries.exists(id("PB-B"), 2)).isTrue();
        assertThat(trailQueries.controlTrail(id("PB-B"), 2)).hasSize(2);
        assertThat(trailQueries.controlTrail(id("PB-A"), 2)).isEmpty();
    }

    @Test
    void promotingFlipsReadersToTheNewGenerationAndDeletesEveryOther() {
        writer.apply(LifecycleEvents.fullLifecycle("PB-A").envelopes(), 1);
        int rebuild = generations.startGeneration();
        writer.apply(LifecycleEvents.budget("PB-B").opened().assessed().envelopes(), rebuild);

        generations.promote(rebuild);

        assertThat(generations.currentGeneration()).isEqualTo(rebuild);
        assertThat(generations.pendingGeneration()).isEmpty();
        assertThat(rowsOfGeneration(1)).isZero();
        assertThat(jdbc.queryForList(
                        "SELECT generation FROM projection_generation WHERE status <> 'RETIRED'", Integer.class))
                .containsExactly(rebuild);
        assertThat(summaries.exists(id("PB-B"))).isTrue();
        assertThat(summaries.exists(id("PB-A"))).isFalse();
        assertThatThrownBy(() ->
                        writer.apply(LifecycleEvents.budget("PB-C").opened().envelopes(), 1))
                .isInstanceOf(UnknownGeneration.class);
        assertThat(generations.startGeneration()).as("numbers keep rising").isEqualTo(rebuild + 1);
    }

    @Test
    void aRebuildFromTheSameEventsIsIdenticalWhateverTheBatchesAndRedeliveries() {
        List<EventEnvelope> events = threeLives();
        applyInBatches(events, 7, 1);
        int rebuild = generations.startGeneration();
        writer.apply(events.subList(0, 20), rebuild);
        writer.apply(events.subList(0, 40), rebuild);
        applyInBatches(events.subList(40, events.size()), 50, rebuild);

        assertThat(generations.compareGenerations(1, rebuild).identical()).isTrue();
        assertThat(generations.snapshot(rebuild)).isEqualTo(generations.snapshot(1));

        jdbc.update(
                "UPDATE control_trail SET reason = 'changed' WHERE generation = ? AND budget_id = 'PB-A' "
                        + "AND event_sequence = 3",
                rebuild);
        GenerationComparison changed = generations.compareGenerations(1, rebuild);
        assertThat(changed.identical()).isFalse();
        assertThat(changed.differingRows()).containsEntry("control_trail", 2L).containsEntry("decision", 0L);
        assertThat(generations.snapshot(rebuild)).isNotEqualTo(generations.snapshot(1));
    }

    @Test
    void discardDeletesARebuildButNeverTheCurrentGeneration() {
        writer.apply(LifecycleEvents.budget("PB-A").opened().envelopes(), 1);
        int rebuild = generations.startGeneration();
        writer.apply(LifecycleEvents.budget("PB-A").opened().envelopes(), rebuild);

        generations.discard(rebuild);
        generations.discard(rebuild);

        assertThat(rowsOfGeneration(rebuild)).isZero();
        assertThat(generations.pendingGeneration()).isEmpty();
        assertThatThrownBy(() -> generations.discard(1)).isInstanceOf(IllegalStateException.class);
        assertThat(summaries.exists(id("PB-A"))).isTrue();
    }

    @Test
    void startingARebuildDiscardsAnUnfinishedOne() {
        int first = generations.startGeneration();
        writer.apply(LifecycleEvents.budget("PB-A").opened().envelopes(), first);

        int second = generations.startGeneration();

        assertThat(second).isEqualTo(first + 1);
        assertThat(generations.pendingGeneration()).contains(second);
        assertThat(rowsOfGeneration(first)).isZero();
        assertThatThrownBy(() ->
                        writer.apply(LifecycleEvents.budget("PB-A").opened().envelopes(), first))
                .isInstanceOf(UnknownGeneration.class);
    }
}
