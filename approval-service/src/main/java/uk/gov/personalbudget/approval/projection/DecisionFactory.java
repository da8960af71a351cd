package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.Act;
import uk.gov.personalbudget.contracts.value.AdjustmentKind;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ChallengeResult;
import uk.gov.personalbudget.contracts.value.ChallengedDecision;
import uk.gov.personalbudget.contracts.value.Erasure;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.PreferredControl;
import uk.gov.personalbudget.contracts.value.ReviewKind;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;

import java.time.Instant;

/**
 * The decision one event makes, one method per kind, each taking just what its kind records (the table on
 * {@link Decision}); whose act it was and when come from the event.
 */
final class DecisionFactory {

    private final BudgetId budget;
    private final long sequence;
    private final Instant at;
    private final Act act;

    /** Whether the person took part in a decision and how they were told, as far as its event records them. */
    record Participation(Boolean personTookPart, NotificationMethod personToldBy) {
        static final Participation NONE = new Participation(null, null);
    }

    DecisionFactory(BudgetId budget, long sequence, Instant at, Act act) {
        this.budget = budget;
        this.sequence = sequence;
        this.at = at;
        this.act = act;
    }

    Decision offer(Money offered, String method, Participation participation) {
        return decision(DecisionKind.OFFER, null, null, method, offered, participation, null, null);
    }

    Decision revision(
            ContestOutcome outcome,
            String reasons,
            String method,
            Money revised,
            Participation participation,
            Long waitedSeconds) {
        return decision(
                DecisionKind.REVISION, outcome.name(), reasons, method, revised, participation, null, waitedSeconds);
    }

    Decision contestWithdrawal(String reason, Money offerStanding, Long waitedSeconds) {
        return decision(
                DecisionKind.CONTEST_WITHDRAWAL,
                null,
                reason,
                null,
                offerStanding,
                Participation.NONE,
                null,
                waitedSeconds);
    }

    /** The person's challenge: the decision challenged, their grounds, the complaint and any amount asked for. */
    Decision challenge(ChallengedDecision decision, String grounds, String complaintReference, Money requested) {
        return decision(
                DecisionKind.CHALLENGE,
                decision.name(),
                grounds,
                "complaint " + complaintReference,
                requested,
                Participation.NONE,
                null,
                null);
    }

    /** The authority's answer: its result, reasons and what changes, and how long the challenge waited for it. */
    Decision challengeAnswer(
            ChallengeResult result, String reasons, String changes, Participation participation, Long waitedSeconds) {
        return decision(
                DecisionKind.CHALLENGE_ANSWER,
                result.name(),
                reasons,
                changes,
                null,
                participation,
                null,
                waitedSeconds);
    }

    /** How much control the person wants, as they said at assessment or since. */
    Decision preferredControl(PreferredControl preferred, PreferredControl previous) {
        return decision(
                DecisionKind.PREFERRED_CONTROL,
                preferred.name(),
                null,
                previous == null ? null : "before: " + previous.name(),
                null,
                Participation.NONE,
                null,
                null);
    }

    Decision endorsement(String comment, Money planCost) {
        return decision(DecisionKind.ENDORSEMENT, null, comment, null, planCost, Participation.NONE, null, null);
    }

    Decision planReturn(String reasons, Money planCost) {
        return decision(DecisionKind.RETURN, null, reasons, null, planCost, Participation.NONE, null, null);
    }

    Decision approval(
            String varianceReason,
            String conditions,
            Money approved,
            Boolean personTookPart,
            Boolean personStatementAdded,
            Long waitedSeconds) {
        return decision(
                DecisionKind.APPROVAL,
                null,
                varianceReason,
                conditions,
                approved,
                new Participation(personTookPart, null),
                personStatementAdded,
                waitedSeconds);
    }

    Decision decline(
            String reasons,
            NotificationMethod personToldBy,
            Money planCost,
            Boolean personTookPart,
            Boolean personStatementAdded,
            Long waitedSeconds) {
        return decision(
                DecisionKind.DECLINE,
                null,
                reasons,
                toldBy(personToldBy),
                planCost,
                new Participation(personTookPart, personToldBy),
                personStatementAdded,
                waitedSeconds);
    }

    Decision planWithdrawal(String reason, Money planCost) {
        return decision(DecisionKind.PLAN_WITHDRAWAL, null, reason, null, planCost, Participation.NONE, null, null);
    }

    Decision management(ManagementOption option, String providerOrSplit) {
        return decision(
                DecisionKind.MANAGEMENT, option.name(), null, providerOrSplit, null, Participation.NONE, null, null);
    }

    Decision adjustment(
            AdjustmentKind kind, String reason, String detail, Money newAmount, Participation participation) {
        return decision(
                DecisionKind.ADJUSTMENT,
                kind == null ? null : kind.name(),
                reason,
                detail,
                newAmount,
                participation,
                null,
                null);
    }

    Decision suspension(String reason, String interimArrangement, Participation participation) {
        return decision(DecisionKind.SUSPENSION, null, reason, interimArrangement, null, participation, null, null);
    }

    Decision resumption(String reason) {
        return decision(DecisionKind.RESUMPTION, null, reason, null, null, Participation.NONE, null, null);
    }

    Decision closure(String reason, Participation participation) {
        return decision(
                DecisionKind.CLOSURE,
                null,
                reason,
                toldBy(participation.personToldBy()),
                null,
                participation,
                null,
                null);
    }

    /** How the person was told of a decline or a closure, for the decision's detail. */
    private static String toldBy(NotificationMethod method) {
        return method == null ? null : "person told by " + method;
    }

    Decision review(ReviewOutcome result, String summary, ReviewKind kind, Boolean personTookPart) {
        return decision(
                DecisionKind.REVIEW,
                result.name(),
                summary,
                kind == null ? null : kind.name(),
                null,
                new Participation(personTookPart, null),
                null,
                null);
    }

    Decision reallocation(String reason, String previousPractitioner, String practitioner) {
        String detail =
                (previousPractitioner == null ? "" : "from " + previousPractitioner + " ") + "to " + practitioner;
        return decision(DecisionKind.REALLOCATION, null, reason, detail, null, Participation.NONE, null, null);
    }

    /** The erasure a second authority confirmed: the actor confirmed it; it waited since the request. */
    Decision erasure(Erasure erasure) {
        return decision(
                DecisionKind.ERASURE,
                null,
                null,
                "requested by " + erasure.requestedBy() + " at " + erasure.requestedAt(),
                null,
                Participation.NONE,
                null,
                BudgetProjector.seconds(erasure.requestedAt(), at));
    }

    private Decision decision(
            DecisionKind kind,
            String outcome,
            String reasons,
            String detail,
            Money amount,
            Participation participation,
            Boolean personStatementAdded,
            Long waitedSeconds) {
        return new Decision(
                budget,
                sequence,
                kind,
                at,
                act.actor(),
                act.actorRole(),
                act.onBehalfOf(),
                outcome,
                reasons,
                detail,
                amount,
                participation.personTookPart(),
                participation.personToldBy(),
                personStatementAdded,
                waitedSeconds);
    }
}
