package uk.gov.personalbudget.approval.projection;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.projection.ControlSummaryReport.PreferredLevel;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ChallengeResult;
import uk.gov.personalbudget.contracts.value.ChallengedDecision;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.PreferredControl;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Challenges of decisions and the person's preferred control: in the decisions, the queue, the trail's list of
 * challenges and the control-summary report.
 */
class ChallengeProjectionTest {

    private static final BudgetId ID = new BudgetId("PB-C");

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }

    /** Assessed wanting to share control, offered, planned, approved at £12,500 and managed by direct payment. */
    private static LifecycleEvents active() {
        return LifecycleEvents.budget(ID.value())
                .opened()
                .after(days(1))
                .assessed(PreferredControl.SHARE_IT)
                .after(days(1))
                .offered(1_250_000)
                .after(days(1))
                .accepted()
                .after(days(1))
                .submitted(1_250_000)
                .after(days(1))
                .endorsed("Co-produced")
                .after(days(1))
                .approved()
                .after(days(1))
                .managementChosen(ManagementOption.DIRECT_PAYMENT);
    }

    private static List<Decision> of(InMemoryProjection projection, DecisionKind kind) {
        return projection.decisions().stream().filter(d -> d.kind() == kind).toList();
    }

    private static List<ApprovalQueueEntry> challengeQueue(InMemoryProjection projection) {
        return projection.queue().stream()
                .filter(entry -> entry.kind() == QueueKind.CHALLENGE_AWAITING_ANSWER)
                .toList();
    }

    @Test
    void aChallengeIsADecisionOfThePersonsAndWaitsInTheQueueUntilAnswered() {
        var life = active().after(days(3)).challenged(ChallengedDecision.APPROVED_AMOUNT, "CMP-7", "Too little");
        Instant challengedAt = life.lastAt();
        var projection = InMemoryProjection.of(life.envelopes());

        Decision challenge = of(projection, DecisionKind.CHALLENGE).get(0);
        assertThat(challenge.outcome()).isEqualTo("APPROVED_AMOUNT");
        assertThat(challenge.reasons()).isEqualTo("Too little");
        assertThat(challenge.detail()).isEqualTo("complaint CMP-7");
        assertThat(challenge.actor()).isEqualTo(LifecycleEvents.PERSON);
        assertThat(challengeQueue(projection)).singleElement().satisfies(entry -> {
            assertThat(entry.since()).isEqualTo(challengedAt);
            assertThat(entry.detail()).isEqualTo("APPROVED_AMOUNT, complaint CMP-7");
        });
        assertThat(projection.summary(ID).openChallenges()).hasSize(1);
        assertThat(projection.trail())
                .as("a challenge moves no control")
                .noneMatch(entry -> entry.event().equals("DecisionChallenged"));
    }

    @Test
    void theAnswerIsADecisionWithItsWaitAndTheQueueEmpties() {
        var life = active().after(days(3))
                .challenged(ChallengedDecision.APPROVED_AMOUNT, "CMP-7", "Too little")
                .after(days(10))
                .challengeAnswered(
                        ChallengedDecision.APPROVED_AMOUNT,
                        ChallengeResult.PARTLY_UPHELD,
                        "Two evenings are needed",
                        "A temporary adjustment adds two evenings a week");
        var projection = InMemoryProjection.of(life.envelopes());

        Decision answer = of(projection, DecisionKind.CHALLENGE_ANSWER).get(0);
        assertThat(answer.outcome()).isEqualTo("PARTLY_UPHELD");
        assertThat(answer.reasons()).isEqualTo("Two evenings are needed");
        assertThat(answer.detail()).isEqualTo("A temporary adjustment adds two evenings a week");
        assertThat(answer.waitedSeconds()).isEqualTo(days(10).toSeconds());
        assertThat(answer.personTookPart()).isTrue();
        assertThat(answer.personToldBy()).isEqualTo(NotificationMethod.LETTER);
        assertThat(challengeQueue(projection)).isEmpty();
        assertThat(projection.summary(ID).openChallenges()).isEmpty();
    }

    @Test
    void withTwoChallengesOpenTheQueueShowsTheOldestThenTheOther() {
        var life = active().after(days(2))
                .adjusted(1_000_000, "Fewer hours", null)
                .after(days(1))
                .challenged(ChallengedDecision.APPROVED_AMOUNT, "CMP-1", "Too little")
                .after(days(1))
                .challenged(ChallengedDecision.REDUCTION, "CMP-2", "The cut was not explained");
        Instant second = life.lastAt();
        var both = InMemoryProjection.of(life.envelopes());
        assertThat(challengeQueue(both))
                .singleElement()
                .satisfies(entry -> assertThat(entry.detail())
                        .isEqualTo("APPROVED_AMOUNT, complaint CMP-1; 1 more awaiting an answer"));

        life.after(days(1))
                .challengeAnswered(
                        ChallengedDecision.APPROVED_AMOUNT, ChallengeResult.NOT_UPHELD, "It is enough", null);
        var one = InMemoryProjection.of(life.envelopes());
        assertThat(challengeQueue(one)).singleElement().satisfies(entry -> {
            assertThat(entry.since()).isEqualTo(second);
            assertThat(entry.detail()).isEqualTo("REDUCTION, complaint CMP-2");
        });
    }

    @Test
    void aChallengeOpenAtClosureStaysInTheQueueUntilAnswered() {
        var life = active().after(days(1))
                .challenged(ChallengedDecision.APPROVED_AMOUNT, "CMP-7", "Too little")
                .after(days(1))
                .closed("Moved away");
        assertThat(challengeQueue(InMemoryProjection.of(life.envelopes()))).hasSize(1);

        life.after(days(1))
                .challengeAnswered(
                        ChallengedDecision.APPROVED_AMOUNT, ChallengeResult.NOT_UPHELD, "It was enough", null);
        assertThat(challengeQueue(InMemoryProjection.of(life.envelopes()))).isEmpty();
    }

    @Test
    void theTrailListsEachChallengeWithItsAnswerAndWait() {
        var life = active().after(days(3))
                .challenged(ChallengedDecision.APPROVED_AMOUNT, "CMP-7", "Too little")
                .after(days(4))
                .challengeAnswered(ChallengedDecision.APPROVED_AMOUNT, ChallengeResult.NOT_UPHELD, "Enough", null)
                .after(days(1))
                .adjusted(1_000_000, "Fewer hours", null)
                .after(days(1))
                .challenged(ChallengedDecision.REDUCTION, "CMP-8", "Unexplained");
        Instant now = life.lastAt().plus(days(2));

        List<ChallengeOnTrail> challenges =
                ChallengeOnTrail.of(InMemoryProjection.of(life.envelopes()).decisions(), now);

        assertThat(challenges).hasSize(2);
        assertThat(challenges.get(0).complaintReference()).isEqualTo("CMP-7");
        assertThat(challenges.get(0).result()).isEqualTo(ChallengeResult.NOT_UPHELD);
        assertThat(challenges.get(0).waitedSeconds()).isEqualTo(days(4).toSeconds());
        assertThat(challenges.get(0).awaitingAnswer()).isFalse();
        assertThat(challenges.get(1).decision()).isEqualTo(ChallengedDecision.REDUCTION);
        assertThat(challenges.get(1).awaitingAnswer()).isTrue();
        assertThat(challenges.get(1).waitedSeconds()).isEqualTo(days(2).toSeconds());
    }

    @Test
    void thePreferredControlIsKeptOnTheBudgetAndIsADecisionOfThePersons() {
        var life = active().after(days(2)).preferredControlStated(PreferredControl.HOLD_IT_MYSELF);
        var projection = InMemoryProjection.of(life.envelopes());

        assertThat(projection.summary(ID).preferredControl()).isEqualTo(PreferredControl.HOLD_IT_MYSELF);
        assertThat(of(projection, DecisionKind.PREFERRED_CONTROL))
                .extracting(Decision::outcome, Decision::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SHARE_IT", null),
                        org.assertj.core.groups.Tuple.tuple("HOLD_IT_MYSELF", "before: SHARE_IT"));
    }

    // --- The control-summary report ---

    @Test
    void theReportCountsChallengesRaisedAndAnsweredInTheRangeAndThoseAwaitingAnAnswer() {
        var life = active().after(days(1)).challenged(ChallengedDecision.APPROVED_AMOUNT, "CMP-1", "Too little");
        Instant from = life.lastAt().plus(days(1));
        life.after(days(3))
                .challengeAnswered(ChallengedDecision.APPROVED_AMOUNT, ChallengeResult.UPHELD, "Agreed", "Uplift")
                .after(days(1))
                .adjusted(1_000_000, "Fewer hours", null)
                .after(days(1))
                .challenged(ChallengedDecision.REDUCTION, "CMP-2", "Unexplained");
        Instant to = life.lastAt().plus(days(1));
        life.after(days(5))
                .challengeAnswered(ChallengedDecision.REDUCTION, ChallengeResult.NOT_UPHELD, "Explained", null);
        var rows = InMemoryProjection.of(life.envelopes()).reportRows();

        var challenges =
                ControlSummaryReport.compute(rows, from, to, null).overall().challenges();

        assertThat(challenges.raised())
                .as("the first was raised before the range")
                .isEqualTo(1);
        assertThat(challenges.byDecision())
                .containsEntry(ChallengedDecision.REDUCTION, 1)
                .containsEntry(ChallengedDecision.APPROVED_AMOUNT, 0)
                .containsEntry(ChallengedDecision.DECLINE, 0);
        assertThat(challenges.answered())
                .as("the second's answer came after the range")
                .isEqualTo(1);
        assertThat(challenges.upheld()).isEqualTo(1);
        assertThat(challenges.notUpheld()).isZero();
        assertThat(challenges.answerWaitMedianSeconds()).isEqualTo(days(3).toSeconds());
        assertThat(challenges.awaitingAnswer()).isEqualTo(1);
    }

    @Test
    void theReportSetsTheControlThePersonHeldBesideTheControlTheyWanted() {
        // Opened day 0 (the practitioner), assessed wanting to share control day 1 (the authority), offered day 2 (the
        // person), plan submitted day 4 (the practitioner), endorsed day 5 (the authority), approved day 6 (the
        // person, who then manages a direct payment). On day 9 the person says they want to hold control themselves.
        var life = active().after(days(2)).preferredControlStated(PreferredControl.HOLD_IT_MYSELF);
        Instant from = LifecycleEvents.START;
        Instant to = life.lastAt().plus(days(3));
        var rows = InMemoryProjection.of(life.envelopes()).reportRows();

        var shares =
                ControlSummaryReport.compute(rows, from, to, null).overall().byPreferredControl();

        var notRecorded = shares.get(PreferredLevel.NOT_RECORDED);
        assertThat(notRecorded.budgets()).isEqualTo(1);
        assertThat(notRecorded.lifeSeconds()).isEqualTo(days(1).toSeconds());
        assertThat(notRecorded.personSeconds()).isZero();
        var shared = shares.get(PreferredLevel.SHARE_IT);
        assertThat(shared.lifeSeconds()).isEqualTo(days(8).toSeconds());
        assertThat(shared.personSeconds()).isEqualTo(days(2 + 3).toSeconds());
        assertThat(shared.share()).isEqualTo(5.0 / 8);
        var myself = shares.get(PreferredLevel.HOLD_IT_MYSELF);
        assertThat(myself.lifeSeconds()).isEqualTo(days(3).toSeconds());
        assertThat(myself.personSeconds()).isEqualTo(days(3).toSeconds());
        assertThat(myself.share()).isEqualTo(1.0);
        assertThat(shares.get(PreferredLevel.HAVE_IT_MANAGED).share()).isNull();
    }
}
