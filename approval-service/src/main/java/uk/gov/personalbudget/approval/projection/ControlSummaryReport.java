package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ChallengeResult;
import uk.gov.personalbudget.contracts.value.ChallengedDecision;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How control was shared across budgets over a range of dates (DOMAIN.md, "What the audit trail must
 * answer", 3), overall and by management option.
 *
 * <h2>The range</h2>
 * A report covers {@code [from, end)} where {@code end} is the earlier of {@code to} and {@code asOf} (the
 * moment it is made). It counts only what happened before {@code end}: something that happens later, even to
 * a plan or contest that started in the range, is not seen. So a report of a past range gives the same answer
 * every time it is made, and after every replay. Every figure counts what happened in the range: each event by the
 * moment it happened (a contest raised in the range of an offer made before it, a plan returned in the range that was
 * submitted before it), and each length of time clipped to the range (control held before {@code from} is not
 * counted). Because numerator and denominator of a rate are each counted in the range, a short range may give a rate
 * above 1 (more contests raised in it than offers made in it).
 *
 * <h2>The figures</h2>
 * <dl>
 * <dt>{@link AuthorityWaiting}</dt>
 * <dd>Plans the authority approved or declined in the range; each waited from its {@code PlanEndorsed} to that
 * decision, in whole seconds. {@code medianSeconds} and {@code p90Seconds} use the nearest-rank method: the
 * smallest observed wait that at least 50 % (90 %) of the waits do not exceed, i.e. the wait at position
 * ⌈q·n⌉ of the sorted waits. Null when no plan was decided.</dd>
 * <dt>{@link Contests}</dt>
 * <dd>{@code budgetsOffered}: budgets with a {@code BudgetOffered} in the range. {@code budgetsContested}: budgets
 * with an {@code OfferContested} in the range, whenever their offer was made. {@code contestRate} = contested /
 * offered, null when none was offered. {@code contests} counts the contests raised in the range (a budget may
 * contest more than once) and splits them by outcome before {@code end}:
 * {@code raisedToAsked + raisedPartly + notRaised} (answered by a revision, see {@link ContestOutcome}),
 * {@code withdrawn} (the person withdrew it before an answer), {@code lapsed} (re-assessment or closure came
 * first) and {@code awaitingAnswer} (still open at {@code end}).</dd>
 * <dt>{@link Plans}</dt>
 * <dd>{@code submitted}: plans submitted in the range; {@code returned}: plans a practitioner returned in the range,
 * whenever submitted; {@code returnRate} = returned / submitted. {@code endorsed}: plans endorsed in the range;
 * {@code declined}: plans the authority declined in the range, whenever endorsed; {@code declineRate} = declined /
 * endorsed. Rates are null when their denominator is 0. {@code withdrawn}: plans withdrawn in the range (by the
 * person, or the practitioner who submitted them) before a decision. Each submission is a plan: a plan returned and
 * submitted again counts twice.</dd>
 * <dt>{@link PersonControl}</dt>
 * <dd>Every budget alive at some moment of the range (opened before {@code end}, not closed at or before
 * {@code from}). Its life in the range runs from its opening or {@code from}, whichever is later, to its closing or
 * {@code end}, whichever is earlier ({@code lifeSeconds}). {@code share} = the part of that life in which control was
 * with the PERSON party
 * itself, following the trail; time with a delegate or an authorised person acting for the person does not
 * count as the person's. {@code averageShare} is the plain mean of the budgets' shares (each budget counts
 * once, whatever its length of life), null when no budget qualifies. Budgets with a life of no length are
 * left out.</dd>
 * <dt>{@code authorityWaitSeconds}</dt>
 * <dd>The waits {@link AuthorityWaiting} summarises, each one, shortest first: their distribution.</dd>
 * <dt>{@code secondsHeldByParty}</dt>
 * <dd>Over the budgets and lives in the range {@link PersonControl} counts: how long each party held control in the
 * range, summed across those budgets, in whole seconds (time before {@code from} or after {@code end} not counted);
 * every party is present.</dd>
 * <dt>{@link Challenges}</dt>
 * <dd>Challenges of the authority's decisions through the complaints procedure. {@code raised}: challenges made in the
 * range, whatever decision and whenever it was made, split by the decision challenged ({@code byDecision}: every
 * {@code ChallengedDecision} present). {@code answered}: answers given in the range, whenever the challenge was made,
 * split by result ({@code upheld}, {@code partlyUpheld}, {@code notUpheld}); {@code answerWaitMedianSeconds} and
 * {@code answerWaitP90Seconds}: how long those answered challenges waited from challenge to answer (nearest rank, as
 * for {@link AuthorityWaiting}), null when none was answered. {@code awaitingAnswer}: challenges made before
 * {@code end} and not answered before it.</dd>
 * <dt>{@link PreferredControlShare}</dt>
 * <dd>For each level of control the person wanted ({@code PreferredControl}, and {@code NOT_RECORDED} before one was
 * recorded): over the same budgets and lives as {@link PersonControl}, the part of those lives in the range during which
 * the person wanted that level (from the assessment or statement that recorded it until the next), in whole seconds
 * ({@code lifeSeconds}), the part of it in which control was with the PERSON party itself ({@code personSeconds}), and
 * {@code share} = person / life from exact time (null when there was no such life); {@code budgets}: how many budgets
 * spent some of their life in the range at that level. So the control the person actually held is set beside what
 * they wanted. Every level is present.</dd>
 * <dt>{@link OverdueDelegations}</dt>
 * <dd>Delegations whose intended end falls in the range and that were not ended by its intended end: still in
 * force, handed back late, or in force when the budget closed after the intended end. One ended on or before
 * its intended end (handed back, or the budget closed) is not overdue. {@code overdueSeconds} runs from the
 * intended end to when it ended, or to {@code end} if it had not.</dd>
 * </dl>
 *
 * <h2>By management option</h2>
 * Each figure is also computed for the budgets of each {@link ManagementGroup}: a budget belongs to the option
 * of its last {@code ManagementChosen} before {@code end}, or to {@code NONE}. Every group is present, empty or
 * not, and the groups add up to the overall figure (counts; not medians or averages).
 */
public record ControlSummaryReport(
        Instant from, Instant to, Instant end, Figures overall, Map<ManagementGroup, Figures> byManagementOption) {

    /** The figures for one set of budgets. */
    public record Figures(
            AuthorityWaiting authorityWaiting,
            List<Long> authorityWaitSeconds,
            Contests contests,
            Plans plans,
            PersonControl personControl,
            Map<ControlParty, Long> secondsHeldByParty,
            OverdueDelegations overdueDelegations,
            Challenges challenges,
            Map<PreferredLevel, PreferredControlShare> byPreferredControl) {}

    public record Challenges(
            int raised,
            Map<ChallengedDecision, Integer> byDecision,
            int answered,
            int upheld,
            int partlyUpheld,
            int notUpheld,
            Long answerWaitMedianSeconds,
            Long answerWaitP90Seconds,
            int awaitingAnswer) {}

    /** The levels of {@code PreferredControl}, and none recorded yet. */
    public enum PreferredLevel {
        HOLD_IT_MYSELF,
        SHARE_IT,
        HAVE_IT_MANAGED,
        NOT_RECORDED
    }

    public record PreferredControlShare(int budgets, long lifeSeconds, long personSeconds, Double share) {}

    public record AuthorityWaiting(int plansDecided, Long medianSeconds, Long p90Seconds) {}

    public record Contests(
            int budgetsOffered,
            int budgetsContested,
            Double contestRate,
            int contests,
            int raisedToAsked,
            int raisedPartly,
            int notRaised,
            int withdrawn,
            int lapsed,
            int awaitingAnswer) {}

    public record Plans(
            int submitted,
            int returned,
            Double returnRate,
            int endorsed,
            int declined,
            Double declineRate,
            int withdrawn) {}

    public record PersonControl(List<BudgetControlShare> budgets, Double averageShare) {}

    /** One budget's life and the part of it the person held control, in whole seconds; share from exact time. */
    public record BudgetControlShare(
            BudgetId budgetId,
            ManagementGroup managementGroup,
            Instant openedAt,
            Instant lifeEnd,
            long lifeSeconds,
            long personSeconds,
            double share) {}

    public record OverdueDelegations(int count, List<OverdueDelegation> delegations) {}

    /**
     * A delegation not handed back by its intended end.
     *
     * @param endedAt when it ended, if before the report's end; null if it was still in force then
     * @param endedBy how it ended, under the same condition
     */
    public record OverdueDelegation(
            BudgetId budgetId,
            long sequence,
            String delegateId,
            Role delegateRole,
            Instant since,
            Instant intendedEnd,
            Instant endedAt,
            DelegationEnd endedBy,
            long overdueSeconds) {

        /** Earliest intended end first, then by budget and sequence. */
        public static final Comparator<OverdueDelegation> ORDER = Comparator.comparing(OverdueDelegation::intendedEnd)
                .thenComparing(d -> d.budgetId().value())
                .thenComparingLong(OverdueDelegation::sequence);

        /**
         * {@code delegation} as seen at {@code end}, if it was overdue then: its intended end came before {@code end}
         * and it had not ended by its intended end. The report and the budget's control trail both judge by this.
         */
        public static Optional<OverdueDelegation> at(DelegationRecord delegation, Instant end) {
            if (!delegation.intendedEnd().isBefore(end)) {
                return Optional.empty();
            }
            boolean ended = delegation.endedAt() != null && delegation.endedAt().isBefore(end);
            if (ended && !delegation.endedAt().isAfter(delegation.intendedEnd())) {
                return Optional.empty();
            }
            Instant until = ended ? delegation.endedAt() : end;
            return Optional.of(new OverdueDelegation(
                    delegation.budgetId(),
                    delegation.sequence(),
                    delegation.delegateId(),
                    delegation.delegateRole(),
                    delegation.since(),
                    delegation.intendedEnd(),
                    ended ? delegation.endedAt() : null,
                    ended ? delegation.endedBy() : null,
                    BudgetProjector.seconds(delegation.intendedEnd(), until)));
        }
    }

    /** The report over {@code [from, min(to, asOf))} from {@code rows}. */
    public static ControlSummaryReport compute(ReportRows rows, Instant from, Instant to, Instant asOf) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a report's range starts before it ends: " + from + " to " + to);
        }
        Instant end = asOf != null && asOf.isBefore(to) ? asOf : to;
        var calculation = new Calculation(rows, from, end);
        Map<ManagementGroup, Figures> byGroup = new EnumMap<>(ManagementGroup.class);
        for (ManagementGroup group : ManagementGroup.values()) {
            byGroup.put(group, calculation.figures(budget -> calculation.groupOf(budget) == group));
        }
        return new ControlSummaryReport(
                from, to, end, calculation.figures(budget -> true), Collections.unmodifiableMap(byGroup));
    }

    private static final class Calculation {

        private final ReportRows rows;
        private final Instant from;
        private final Instant end;
        private final Map<BudgetId, ManagementGroup> groups = new HashMap<>();
        private final Map<BudgetId, List<ControlTrailEntry>> trails = new HashMap<>();
        /** Each budget's preferred-control decisions before the end, in order. */
        private final Map<BudgetId, List<Decision>> preferences = new HashMap<>();

        Calculation(ReportRows rows, Instant from, Instant end) {
            this.rows = rows;
            this.from = from;
            this.end = end;
            rows.decisions().stream()
                    .filter(d -> d.kind() == DecisionKind.MANAGEMENT && d.at().isBefore(end))
                    .sorted(Comparator.comparing(Decision::at).thenComparingLong(Decision::sequence))
                    .forEach(d -> groups.put(d.budgetId(), ManagementGroup.valueOf(d.outcome())));
            rows.decisions().stream()
                    .filter(d -> d.kind() == DecisionKind.PREFERRED_CONTROL && d.at().isBefore(end))
                    .sorted(Comparator.comparing(Decision::at).thenComparingLong(Decision::sequence))
                    .forEach(d -> preferences
                            .computeIfAbsent(d.budgetId(), id -> new ArrayList<>())
                            .add(d));
            rows.trail().stream()
                    .filter(t -> t.at().isBefore(end))
                    .sorted(Comparator.comparingLong(ControlTrailEntry::sequence))
                    .forEach(t -> trails.computeIfAbsent(t.budgetId(), id -> new ArrayList<>())
                            .add(t));
        }

        ManagementGroup groupOf(BudgetId budget) {
            return groups.getOrDefault(budget, ManagementGroup.NONE);
        }

        Figures figures(Predicate<BudgetId> budgets) {
            return new Figures(
                    authorityWaiting(budgets),
                    authorityWaits(budgets),
                    contests(budgets),
                    plans(budgets),
                    personControl(budgets),
                    secondsHeldByParty(budgets),
                    overdueDelegations(budgets),
                    challenges(budgets),
                    byPreferredControl(budgets));
        }

        private Challenges challenges(Predicate<BudgetId> budgets) {
            Map<ChallengedDecision, Integer> byDecision = new EnumMap<>(ChallengedDecision.class);
            for (ChallengedDecision decision : ChallengedDecision.values()) {
                byDecision.put(decision, 0);
            }
            int raised = 0;
            int raisedBeforeEnd = 0;
            int answeredBeforeEnd = 0;
            int upheld = 0;
            int partly = 0;
            int notUpheld = 0;
            List<Long> waits = new ArrayList<>();
            for (Decision d : rows.decisions()) {
                if (!budgets.test(d.budgetId()) || !beforeEnd(d.at())) {
                    continue;
                }
                if (d.kind() == DecisionKind.CHALLENGE) {
                    raisedBeforeEnd++;
                    if (inRange(d.at())) {
                        raised++;
                        byDecision.merge(ChallengedDecision.valueOf(d.outcome()), 1, Integer::sum);
                    }
                } else if (d.kind() == DecisionKind.CHALLENGE_ANSWER) {
                    answeredBeforeEnd++;
                    if (inRange(d.at())) {
                        switch (ChallengeResult.valueOf(d.outcome())) {
                            case UPHELD -> upheld++;
                            case PARTLY_UPHELD -> partly++;
                            case NOT_UPHELD -> notUpheld++;
                        }
                        if (d.waitedSeconds() != null) {
                            waits.add(d.waitedSeconds());
                        }
                    }
                }
            }
            waits.sort(Comparator.naturalOrder());
            return new Challenges(
                    raised,
                    Collections.unmodifiableMap(byDecision),
                    upheld + partly + notUpheld,
                    upheld,
                    partly,
                    notUpheld,
                    nearestRank(waits, 50),
                    nearestRank(waits, 90),
                    Math.max(0, raisedBeforeEnd - answeredBeforeEnd));
        }

        /**
         * Each budget's life in the range cut at every change of the person's preferred control, and the person's own
         * time in control in each piece, summed by the level wanted then.
         */
        private Map<PreferredLevel, PreferredControlShare> byPreferredControl(Predicate<BudgetId> budgets) {
            Map<PreferredLevel, long[]> sums = new EnumMap<>(PreferredLevel.class);
            Map<PreferredLevel, Set<BudgetId>> counted = new EnumMap<>(PreferredLevel.class);
            for (PreferredLevel level : PreferredLevel.values()) {
                sums.put(level, new long[2]);
                counted.put(level, new HashSet<>());
            }
            for (BudgetSummary budget : rows.budgets()) {
                BudgetId id = budget.budgetId();
                Instant lifeEnd = lifeEnd(budget);
                if (!budgets.test(id) || lifeEnd == null) {
                    continue;
                }
                List<ControlTrailEntry> trail = trails.getOrDefault(id, List.of());
                List<Decision> stated = preferences.getOrDefault(id, List.of());
                Instant pieceStart = lifeStart(budget);
                PreferredLevel level = PreferredLevel.NOT_RECORDED;
                for (int i = 0; i <= stated.size(); i++) {
                    Instant pieceEnd = i < stated.size() ? stated.get(i).at() : lifeEnd;
                    if (pieceEnd.isAfter(lifeEnd)) {
                        pieceEnd = lifeEnd;
                    }
                    if (pieceEnd.isAfter(pieceStart)) {
                        long[] sum = sums.get(level);
                        sum[0] += ChronoUnit.MICROS.between(pieceStart, pieceEnd);
                        sum[1] += personMicros(trail, pieceStart, pieceEnd);
                        counted.get(level).add(id);
                    }
                    if (i < stated.size()) {
                        level = PreferredLevel.valueOf(stated.get(i).outcome());
                        Instant at = stated.get(i).at();
                        if (at.isAfter(pieceStart)) {
                            pieceStart = at;
                        }
                    }
                }
            }
            Map<PreferredLevel, PreferredControlShare> shares = new EnumMap<>(PreferredLevel.class);
            sums.forEach((level, sum) -> shares.put(
                    level,
                    new PreferredControlShare(
                            counted.get(level).size(),
                            sum[0] / 1_000_000,
                            sum[1] / 1_000_000,
                            sum[0] == 0 ? null : (double) sum[1] / sum[0])));
            return Collections.unmodifiableMap(shares);
        }

        private boolean inRange(Instant instant) {
            return instant != null && !instant.isBefore(from) && instant.isBefore(end);
        }

        private boolean beforeEnd(Instant instant) {
            return instant != null && instant.isBefore(end);
        }

        private AuthorityWaiting authorityWaiting(Predicate<BudgetId> budgets) {
            List<Long> waits = authorityWaits(budgets);
            return new AuthorityWaiting(waits.size(), nearestRank(waits, 50), nearestRank(waits, 90));
        }

        /** Each decided plan's wait from endorsement to decision, shortest first: the distribution. */
        private List<Long> authorityWaits(Predicate<BudgetId> budgets) {
            return rows.plans().stream()
                    .filter(p -> budgets.test(p.budgetId()))
                    .filter(p -> p.outcome() == PlanOutcome.APPROVED || p.outcome() == PlanOutcome.DECLINED)
                    .filter(p -> inRange(p.decidedAt()) && p.endorsedAt() != null)
                    .map(p -> BudgetProjector.seconds(p.endorsedAt(), p.decidedAt()))
                    .sorted()
                    .toList();
        }

        /**
         * Over the same budgets and lives as {@link PersonControl}: how long each party held control, summed
         * across budgets, in whole seconds. Every party is present.
         */
        private Map<ControlParty, Long> secondsHeldByParty(Predicate<BudgetId> budgets) {
            Map<ControlParty, Long> micros = new EnumMap<>(ControlParty.class);
            for (ControlParty party : ControlParty.values()) {
                micros.put(party, 0L);
            }
            for (BudgetSummary budget : rows.budgets()) {
                BudgetId id = budget.budgetId();
                Instant lifeEnd = lifeEnd(budget);
                if (!budgets.test(id) || lifeEnd == null) {
                    continue;
                }
                List<ControlTrailEntry> trail = trails.getOrDefault(id, List.of());
                for (int i = 0; i < trail.size(); i++) {
                    long held = heldMicros(trail, i, lifeStart(budget), lifeEnd);
                    micros.merge(trail.get(i).to().party(), held, Long::sum);
                }
            }
            Map<ControlParty, Long> seconds = new EnumMap<>(ControlParty.class);
            micros.forEach((party, value) -> seconds.put(party, value / 1_000_000));
            return Collections.unmodifiableMap(seconds);
        }

        private Contests contests(Predicate<BudgetId> budgets) {
            Set<BudgetId> offered = new HashSet<>();
            rows.decisions().stream()
                    .filter(d -> d.kind() == DecisionKind.OFFER && budgets.test(d.budgetId()) && inRange(d.at()))
                    .forEach(d -> offered.add(d.budgetId()));
            Set<BudgetId> contested = new HashSet<>();
            int count = 0;
            int toAsked = 0;
            int partly = 0;
            int notRaised = 0;
            int withdrawn = 0;
            int lapsed = 0;
            int waiting = 0;
            for (ContestRecord contest : rows.contests()) {
                if (!budgets.test(contest.budgetId()) || !inRange(contest.contestedAt())) {
                    continue;
                }
                contested.add(contest.budgetId());
                count++;
                ContestOutcome outcome = beforeEnd(contest.endedAt()) ? contest.outcome() : null;
                if (outcome == null) {
                    waiting++;
                } else {
                    switch (outcome) {
                        case RAISED_TO_ASKED -> toAsked++;
                        case RAISED_PARTLY -> partly++;
                        case NOT_RAISED -> notRaised++;
                        case WITHDRAWN -> withdrawn++;
                        case LAPSED -> lapsed++;
                    }
                }
            }
            return new Contests(
                    offered.size(),
                    contested.size(),
                    rate(contested.size(), offered.size()),
                    count,
                    toAsked,
                    partly,
                    notRaised,
                    withdrawn,
                    lapsed,
                    waiting);
        }

        private Plans plans(Predicate<BudgetId> budgets) {
            int submitted = 0;
            int returned = 0;
            int endorsed = 0;
            int declined = 0;
            int withdrawn = 0;
            for (PlanCycle plan : rows.plans()) {
                if (!budgets.test(plan.budgetId())) {
                    continue;
                }
                if (inRange(plan.submittedAt())) {
                    submitted++;
                }
                if (inRange(plan.endorsedAt())) {
                    endorsed++;
                }
                if (inRange(plan.decidedAt()) && plan.outcome() != null) {
                    switch (plan.outcome()) {
                        case RETURNED -> returned++;
                        case WITHDRAWN -> withdrawn++;
                        case DECLINED -> declined++;
                        default -> {
                            // Approvals are counted by authorityWaiting; lapsed plans are not decisions.
                        }
                    }
                }
            }
            return new Plans(
                    submitted,
                    returned,
                    rate(returned, submitted),
                    endorsed,
                    declined,
                    rate(declined, endorsed),
                    withdrawn);
        }

        private PersonControl personControl(Predicate<BudgetId> budgets) {
            List<BudgetControlShare> shares = new ArrayList<>();
            for (BudgetSummary budget : rows.budgets()) {
                BudgetId id = budget.budgetId();
                Instant lifeEnd = lifeEnd(budget);
                if (!budgets.test(id) || lifeEnd == null) {
                    continue;
                }
                Instant lifeStart = lifeStart(budget);
                long lifeMicros = ChronoUnit.MICROS.between(lifeStart, lifeEnd);
                long personMicros = personMicros(trails.getOrDefault(id, List.of()), lifeStart, lifeEnd);
                shares.add(new BudgetControlShare(
                        id,
                        groupOf(id),
                        budget.openedAt(),
                        lifeEnd,
                        lifeMicros / 1_000_000,
                        personMicros / 1_000_000,
                        (double) personMicros / lifeMicros));
            }
            shares.sort(Comparator.comparing(share -> share.budgetId().value()));
            Double average = shares.isEmpty()
                    ? null
                    : shares.stream()
                            .mapToDouble(BudgetControlShare::share)
                            .average()
                            .orElseThrow();
            return new PersonControl(List.copyOf(shares), average);
        }

        /**
         * The end of the budget's life as the report sees it (its closure, or the report's end), or null when the
         * budget does not count: opened at or after the end, closed at or before {@code from}, or no life at all.
         */
        private Instant lifeEnd(BudgetSummary budget) {
            if (!beforeEnd(budget.openedAt())) {
                return null;
            }
            Instant lifeEnd = beforeEnd(budget.closedAt()) ? budget.closedAt() : end;
            return lifeEnd.isAfter(from) && lifeEnd.isAfter(budget.openedAt()) ? lifeEnd : null;
        }

        /** The start of the budget's life in the range: its opening, or {@code from} if it was opened before. */
        private Instant lifeStart(BudgetSummary budget) {
            return budget.openedAt().isBefore(from) ? from : budget.openedAt();
        }

        private static long personMicros(List<ControlTrailEntry> trail, Instant lifeStart, Instant lifeEnd) {
            long micros = 0;
            for (int i = 0; i < trail.size(); i++) {
                if (trail.get(i).to().party() == ControlParty.PERSON) {
                    micros += heldMicros(trail, i, lifeStart, lifeEnd);
                }
            }
            return micros;
        }

        /** Each trail row starts a holding that lasts until the next row, or the end of the life. */
        private static long heldMicros(List<ControlTrailEntry> trail, int row, Instant lifeStart, Instant lifeEnd) {
            Instant at = trail.get(row).at();
            Instant start = at.isBefore(lifeStart) ? lifeStart : at;
            Instant stop = row + 1 < trail.size() ? trail.get(row + 1).at() : lifeEnd;
            if (stop.isAfter(lifeEnd)) {
                stop = lifeEnd;
            }
            return stop.isAfter(start) ? ChronoUnit.MICROS.between(start, stop) : 0;
        }

        private OverdueDelegations overdueDelegations(Predicate<BudgetId> budgets) {
            List<OverdueDelegation> overdue = new ArrayList<>();
            for (DelegationRecord delegation : rows.delegations()) {
                if (budgets.test(delegation.budgetId()) && inRange(delegation.intendedEnd())) {
                    OverdueDelegation.at(delegation, end).ifPresent(overdue::add);
                }
            }
            overdue.sort(OverdueDelegation.ORDER);
            return new OverdueDelegations(overdue.size(), List.copyOf(overdue));
        }

        /** The value at position ⌈percent·n/100⌉ (1-based) of sorted {@code values}; null if there are none. */
        private static Long nearestRank(List<Long> sorted, int percent) {
            if (sorted.isEmpty()) {
                return null;
            }
            int rank = (percent * sorted.size() + 99) / 100;
            return sorted.get(Math.max(rank, 1) - 1);
        }

        private static Double rate(int part, int whole) {
            return whole == 0 ? null : (double) part / whole;
        }
    }
}
