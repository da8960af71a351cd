package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.AssessmentKind;
import uk.gov.personalbudget.contracts.value.PlanningApproach;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far the person led their own budget over a range of dates (the research found co-produced and peer-supported
 * planning worked best, and that decisions were made without the person's input).
 *
 * <h2>The range</h2>
 * As the control summary: {@code [from, end)}, {@code end} the earlier of {@code to} and the moment the report is made;
 * each figure counts the events that happened in it.
 *
 * <h2>The figures</h2>
 * <dl>
 * <dt>{@link Assessments}</dt>
 * <dd>{@code NeedsAssessed} in the range, by kind; {@code selfShare} = SELF / all (made by the person), and
 * {@code coProducedShare} = CO_PRODUCED / all. Null shares when there were none.</dd>
 * <dt>{@link PlansMade}</dt>
 * <dd>Plans submitted in the range (each submission, as the control summary counts them), by {@code madeBy};
 * {@code byPersonOrPeerShare} = (SELF + PEER_SUPPORTED) / all.</dd>
 * <dt>{@link ActsForThePerson}</dt>
 * <dd>The person's acts in the range: each event the PERSON did, or that someone else did for them (the act names the
 * person in {@code onBehalfOf}: a nominee, delegate or authorised person, or a practitioner with the person's
 * agreement). {@code onBehalfShare} = on their behalf / all; {@code onBehalfByRole} says who acted for them.</dd>
 * <dt>{@link Participation}</dt>
 * <dd>The authority's decisions in the range that affect the person and record whether they took part (offers,
 * revisions, approvals, declines, adjustments, suspensions, closures): {@code tookPart}, {@code didNotTakePart} and
 * {@code notRecorded} (decisions recorded before it was asked); {@code tookPartShare} = took part / (took part + did
 * not). Also by decision kind.</dd>
 * </dl>
 */
public record CoProductionReport(
        Instant from,
        Instant to,
        Instant end,
        Assessments assessments,
        PlansMade plans,
        ActsForThePerson actsForThePerson,
        Participation participation) {

    /** The authority's decisions that record whether the person took part. */
    static final Set<DecisionKind> AUTHORITY_DECISIONS = Set.of(
            DecisionKind.OFFER,
            DecisionKind.REVISION,
            DecisionKind.APPROVAL,
            DecisionKind.DECLINE,
            DecisionKind.ADJUSTMENT,
            DecisionKind.SUSPENSION,
            DecisionKind.CLOSURE);

    public record Assessments(
            int total, Map<AssessmentKind, Integer> byKind, Double selfShare, Double coProducedShare) {}

    public record PlansMade(int submitted, Map<PlanningApproach, Integer> byMadeBy, Double byPersonOrPeerShare) {}

    public record ActsForThePerson(
            int total, int byThePerson, int onBehalf, Double onBehalfShare, Map<Role, Integer> onBehalfByRole) {}

    public record Participation(
            int decisions,
            int tookPart,
            int didNotTakePart,
            int notRecorded,
            Double tookPartShare,
            List<KindParticipation> byKind) {}

    public record KindParticipation(
            DecisionKind kind, int decisions, int tookPart, int didNotTakePart, int notRecorded) {}

    /** The report over {@code [from, min(to, asOf))} from rows that may cover more. */
    public static CoProductionReport compute(
            List<AssessmentRecord> assessments,
            List<PlanCycle> plans,
            List<PersonAct> acts,
            List<Decision> decisions,
            Instant from,
            Instant to,
            Instant asOf) {
        ReportRange range = ReportRange.of(from, to, asOf);
        return new CoProductionReport(
                from,
                to,
                range.end(),
                assessments(assessments, range),
                plans(plans, range),
                acts(acts, range),
                participation(decisions, range));
    }

    private static Assessments assessments(List<AssessmentRecord> rows, ReportRange range) {
        Map<AssessmentKind, Integer> byKind = new EnumMap<>(AssessmentKind.class);
        for (AssessmentKind kind : AssessmentKind.values()) {
            byKind.put(kind, 0);
        }
        int total = 0;
        for (AssessmentRecord row : rows) {
            if (range.contains(row.assessedAt()) && row.kind() != null) {
                byKind.merge(row.kind(), 1, Integer::sum);
                total++;
            }
        }
        return new Assessments(
                total,
                byKind,
                ReportRange.share(byKind.get(AssessmentKind.SELF), total),
                ReportRange.share(byKind.get(AssessmentKind.CO_PRODUCED), total));
    }

    private static PlansMade plans(List<PlanCycle> rows, ReportRange range) {
        Map<PlanningApproach, Integer> byMadeBy = new EnumMap<>(PlanningApproach.class);
        for (PlanningApproach approach : PlanningApproach.values()) {
            byMadeBy.put(approach, 0);
        }
        int total = 0;
        for (PlanCycle plan : rows) {
            if (range.contains(plan.submittedAt()) && plan.madeBy() != null) {
                byMadeBy.merge(plan.madeBy(), 1, Integer::sum);
                total++;
            }
        }
        int personOrPeer = byMadeBy.get(PlanningApproach.SELF) + byMadeBy.get(PlanningApproach.PEER_SUPPORTED);
        return new PlansMade(total, byMadeBy, ReportRange.share(personOrPeer, total));
    }

    private static ActsForThePerson acts(List<PersonAct> rows, ReportRange range) {
        Map<Role, Integer> byRole = new EnumMap<>(Role.class);
        int total = 0;
        int onBehalf = 0;
        for (PersonAct act : rows) {
            if (!range.contains(act.at())) {
                continue;
            }
            total++;
            if (act.onBehalf()) {
                onBehalf++;
                byRole.merge(act.actorRole(), 1, Integer::sum);
            }
        }
        return new ActsForThePerson(total, total - onBehalf, onBehalf, ReportRange.share(onBehalf, total), byRole);
    }

    private static Participation participation(List<Decision> rows, ReportRange range) {
        Map<DecisionKind, int[]> byKind = new EnumMap<>(DecisionKind.class);
        for (DecisionKind kind : DecisionKind.values()) {
            if (AUTHORITY_DECISIONS.contains(kind)) {
                byKind.put(kind, new int[3]);
            }
        }
        for (Decision decision : rows) {
            if (range.contains(decision.at()) && byKind.containsKey(decision.kind())) {
                Boolean took = decision.personTookPart();
                byKind.get(decision.kind())[took == null ? 2 : took ? 0 : 1]++;
            }
        }
        List<KindParticipation> kinds = new ArrayList<>();
        int[] all = new int[3];
        byKind.forEach((kind, counts) -> {
            kinds.add(new KindParticipation(kind, counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2]));
            for (int i = 0; i < 3; i++) {
                all[i] += counts[i];
            }
        });
        return new Participation(
                all[0] + all[1] + all[2],
                all[0],
                all[1],
                all[2],
                ReportRange.share(all[0], all[0] + all[1]),
                List.copyOf(kinds));
    }
}
