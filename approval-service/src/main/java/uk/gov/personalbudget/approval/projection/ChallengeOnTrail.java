package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ChallengeResult;
import uk.gov.personalbudget.contracts.value.ChallengedDecision;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A challenge of a decision and its answer, as a budget's control trail shows them beside the transfers (they move no
 * control): who challenged which decision, under which complaint, when, and how and when the authority answered. No
 * personal text: the grounds, reasons and changes are in the decisions.
 *
 * @param sequence           the sequence of the {@code DecisionChallenged} event
 * @param answerSequence     the sequence of the {@code ChallengeAnswered} event, if answered
 * @param waitedSeconds      from the challenge to its answer, or to {@code asOf} while it awaits one
 */
public record ChallengeOnTrail(
        BudgetId budgetId,
        long sequence,
        ChallengedDecision decision,
        String complaintReference,
        Instant challengedAt,
        String challengedBy,
        Role challengedByRole,
        PersonReference onBehalfOf,
        Long answerSequence,
        Instant answeredAt,
        String answeredBy,
        ChallengeResult result,
        long waitedSeconds) {

    private static final String COMPLAINT = "complaint ";

    /**
     * The budget's challenges from its CHALLENGE and CHALLENGE_ANSWER decisions before {@code asOf}, in order. An answer
     * answers the open challenge made exactly its wait before it (the wait is counted from the challenge's own time),
     * or else the oldest open one.
     */
    public static List<ChallengeOnTrail> of(List<Decision> decisions, Instant asOf) {
        List<Decision> ordered = decisions.stream()
                .filter(d -> d.kind() == DecisionKind.CHALLENGE || d.kind() == DecisionKind.CHALLENGE_ANSWER)
                .filter(d -> d.at().isBefore(asOf))
                .sorted(Comparator.comparingLong(Decision::sequence))
                .toList();
        List<ChallengeOnTrail> challenges = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        for (Decision d : ordered) {
            if (d.kind() == DecisionKind.CHALLENGE) {
                open.add(challenges.size());
                challenges.add(new ChallengeOnTrail(
                        d.budgetId(),
                        d.sequence(),
                        ChallengedDecision.valueOf(d.outcome()),
                        d.detail() != null && d.detail().startsWith(COMPLAINT)
                                ? d.detail().substring(COMPLAINT.length())
                                : d.detail(),
                        d.at(),
                        d.actor(),
                        d.actorRole(),
                        d.onBehalfOf(),
                        null,
                        null,
                        null,
                        null,
                        BudgetProjector.seconds(d.at(), asOf)));
            } else if (!open.isEmpty()) {
                int answered = open.stream()
                        .filter(i -> d.waitedSeconds() != null
                                && BudgetProjector.seconds(challenges.get(i).challengedAt(), d.at())
                                        == d.waitedSeconds())
                        .findFirst()
                        .orElse(open.get(0));
                open.remove(Integer.valueOf(answered));
                ChallengeOnTrail c = challenges.get(answered);
                challenges.set(
                        answered,
                        new ChallengeOnTrail(
                                c.budgetId(),
                                c.sequence(),
                                c.decision(),
                                c.complaintReference(),
                                c.challengedAt(),
                                c.challengedBy(),
                                c.challengedByRole(),
                                c.onBehalfOf(),
                                d.sequence(),
                                d.at(),
                                d.actor(),
                                ChallengeResult.valueOf(d.outcome()),
                                BudgetProjector.seconds(c.challengedAt(), d.at())));
            }
        }
        return List.copyOf(challenges);
    }

    /** Whether it still awaits the authority's answer. */
    public boolean awaitingAnswer() {
        return answerSequence == null;
    }
}
