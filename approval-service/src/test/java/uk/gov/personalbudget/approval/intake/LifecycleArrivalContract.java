package uk.gov.personalbudget.approval.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.DecisionKind;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.gov.personalbudget.approval.support.LifecycleEvents.AUTHORITY;
import static uk.gov.personalbudget.approval.support.LifecycleEvents.PERSON;
import static uk.gov.personalbudget.approval.support.LifecycleEvents.PRACTITIONER;
import static uk.gov.personalbudget.contracts.control.ControlHolder.NOBODY;

/**
 * A whole budget's life published to Kafka as budget-service publishes it ends up, complete and in order, in
 * the control trail, the decisions and the queue read over HTTP. Implemented by a test class per database.
 */
interface LifecycleArrivalContract {

    ControlHolder PERSON_HOLDS = ControlHolder.PERSON;
    ControlHolder PRACTITIONER_HOLDS = ControlHolder.PRACTITIONER;
    ControlHolder AUTHORITY_HOLDS = ControlHolder.AUTHORITY;
    ControlHolder SISTER_HOLDS = ControlHolder.named(ControlParty.NOMINEE, LifecycleEvents.NOMINEE);
    ControlHolder AUTHORISED_PERSON_HOLDS =
            ControlHolder.named(ControlParty.NOMINEE, LifecycleEvents.AUTHORISED_PERSON);

    /** One row of the trail as DOMAIN.md's control table predicts it for {@link LifecycleEvents#fullLifecycle}. */
    record Transfer(
            long sequence,
            String event,
            ControlHolder from,
            ControlHolder to,
            String actor,
            String reason,
            Duration heldFor) {}

    List<Transfer> FULL_LIFECYCLE_TRAIL = List.of(
            new Transfer(0, "BudgetOpened", NOBODY, PRACTITIONER_HOLDS, PRACTITIONER, null, null),
            new Transfer(
                    1,
                    "NeedsAssessed",
                    PRACTITIONER_HOLDS,
                    AUTHORITY_HOLDS,
                    PRACTITIONER,
                    "Two eligible outcomes cannot be achieved because of a mental impairment (reg. 2(2))",
                    days(7)),
            new Transfer(2, "BudgetOffered", AUTHORITY_HOLDS, PERSON_HOLDS, AUTHORITY, null, days(5)),
            new Transfer(
                    3,
                    "OfferContested",
                    PERSON_HOLDS,
                    AUTHORITY_HOLDS,
                    PERSON,
                    "It does not cover support in the evenings",
                    days(2)),
            new Transfer(
                    4,
                    "OfferRevised",
                    AUTHORITY_HOLDS,
                    PERSON_HOLDS,
                    AUTHORITY,
                    "Evening support added for two evenings, not three",
                    days(6)),
            // OfferAccepted (5) leaves control with the person: no transfer, so the person holds it 1 + 10 days.
            new Transfer(6, "PlanSubmitted", PERSON_HOLDS, PRACTITIONER_HOLDS, PERSON, null, days(11)),
            new Transfer(
                    7,
                    "PlanReturned",
                    PRACTITIONER_HOLDS,
                    PERSON_HOLDS,
                    PRACTITIONER,
                    "Please say which goal the gym membership serves",
                    days(3)),
            new Transfer(8, "PlanSubmitted", PERSON_HOLDS, PRACTITIONER_HOLDS, PERSON, null, days(4)),
            new Transfer(
                    9,
                    "PlanEndorsed",
                    PRACTITIONER_HOLDS,
                    AUTHORITY_HOLDS,
                    PRACTITIONER,
                    "Co-produced with Sam; sensible and within the offer",
                    days(2)),
            new Transfer(
                    11,
                    "PlanDeclinedByAuthority",
                    AUTHORITY_HOLDS,
                    PERSON_HOLDS,
                    AUTHORITY,
                    "The personal assistant agency is not registered",
                    days(6)),
            new Transfer(12, "PlanSubmitted", PERSON_HOLDS, PRACTITIONER_HOLDS, PERSON, null, days(6)),
            new Transfer(13, "PlanEndorsed", PRACTITIONER_HOLDS, AUTHORITY_HOLDS, PRACTITIONER, null, days(1)),
            new Transfer(14, "PlanApprovedByAuthority", AUTHORITY_HOLDS, PERSON_HOLDS, AUTHORITY, null, days(3)),
            new Transfer(
                    16,
                    "ControlDelegated",
                    PERSON_HOLDS,
                    SISTER_HOLDS,
                    PERSON,
                    "Sam asked his sister to manage things while he is in hospital",
                    days(22)),
            new Transfer(17, "ControlResumed", SISTER_HOLDS, PERSON_HOLDS, PERSON, "Home from hospital", days(14)),
            new Transfer(
                    22,
                    "BudgetSuspended",
                    PERSON_HOLDS,
                    AUTHORITY_HOLDS,
                    AUTHORITY,
                    "Admitted to hospital for a long stay",
                    days(43)),
            new Transfer(23, "BudgetResumed", AUTHORITY_HOLDS, PERSON_HOLDS, AUTHORITY, "Discharged home", days(30)),
            new Transfer(
                    24,
                    "AuthorisedPersonAppointed",
                    PERSON_HOLDS,
                    AUTHORISED_PERSON_HOLDS,
                    AUTHORITY,
                    "MCA-2026-0042",
                    days(15)),
            new Transfer(
                    25,
                    "AuthorisationEnded",
                    AUTHORISED_PERSON_HOLDS,
                    PERSON_HOLDS,
                    AUTHORITY,
                    "Sam has regained capacity",
                    days(40)),
            new Transfer(
                    26,
                    "BudgetClosed",
                    PERSON_HOLDS,
                    NOBODY,
                    AUTHORITY,
                    "Sam moved to another council area",
                    days(60)));

    void publishAndAwait(List<EventEnvelope> envelopes);

    List<ControlTrailEntry> controlTrail(String budgetId) throws Exception;

    List<Decision> decisions(String budgetId) throws Exception;

    List<JsonNode> queueItems(String query, String budgetId) throws Exception;

    @Test
    default void aFullLifecycleArrivesCompleteAndInOrder() throws Exception {
        String id = "PB-" + UUID.randomUUID();
        List<EventEnvelope> life = LifecycleEvents.fullLifecycle(id).envelopes();

        publishAndAwait(life.subList(0, 10));
        List<JsonNode> waiting = queueItems("kind=PLAN_AWAITING_DECISION", id);
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("level").asText()).isEqualTo("TEAM_MANAGER");
        assertThat(waiting.get(0).at("/entry/sequence").asLong()).isEqualTo(9);
        assertThat(waiting.get(0).at("/entry/yearlyPence").asLong()).isEqualTo(1_350_000);
        assertThat(Instant.parse(waiting.get(0).at("/entry/since").asText())).isEqualTo(occurredAt(life, 9));

        publishAndAwait(life.subList(10, life.size()));
        assertThat(queueItems("", id)).as("nothing waits for a closed budget").isEmpty();

        List<ControlTrailEntry> trail = controlTrail(id);
        assertThat(trail)
                .map(entry -> new Transfer(
                        entry.sequence(),
                        entry.event(),
                        entry.from(),
                        entry.to(),
                        entry.actor(),
                        entry.reason(),
                        entry.heldForSeconds() == null ? null : Duration.ofSeconds(entry.heldForSeconds())))
                .containsExactlyElementsOf(FULL_LIFECYCLE_TRAIL);
        assertThat(trail).allSatisfy(entry -> {
            assertThat(entry.budgetId()).isEqualTo(new BudgetId(id));
            assertThat(entry.at()).isEqualTo(occurredAt(life, entry.sequence()));
            assertThat(entry.actorRole())
                    .isEqualTo(life.get((int) entry.sequence()).event().act().actorRole());
            assertThat(entry.onBehalfOf()).isNull();
        });

        List<Decision> decisions = decisions(id);
        assertThat(decisions)
                .extracting(Decision::sequence, Decision::kind, Decision::outcome, Decision::reasons)
                .containsExactly(
                        tuple(2L, DecisionKind.OFFER, null, null),
                        tuple(
                                4L,
                                DecisionKind.REVISION,
                                "RAISED_PARTLY",
                                "Evening support added for two evenings, not three"),
                        tuple(7L, DecisionKind.RETURN, null, "Please say which goal the gym membership serves"),
                        tuple(
                                9L,
                                DecisionKind.ENDORSEMENT,
                                null,
                                "Co-produced with Sam; sensible and within the offer"),
                        tuple(11L, DecisionKind.DECLINE, null, "The personal assistant agency is not registered"),
                        tuple(13L, DecisionKind.ENDORSEMENT, null, null),
                        tuple(14L, DecisionKind.APPROVAL, null, null),
                        tuple(15L, DecisionKind.MANAGEMENT, "DIRECT_PAYMENT", null),
                        tuple(19L, DecisionKind.REVIEW, "CONTINUE", "Going well; keep the plan"),
                        tuple(20L, DecisionKind.ADJUSTMENT, "TEMPORARY", "More support while distress is high"),
                        tuple(22L, DecisionKind.SUSPENSION, null, "Admitted to hospital for a long stay"),
                        tuple(23L, DecisionKind.RESUMPTION, null, "Discharged home"),
                        tuple(26L, DecisionKind.CLOSURE, null, "Sam moved to another council area"));
        Decision decline = decisions.get(4);
        assertThat(decline.personTookPart()).isTrue();
        assertThat(decline.personStatementAdded())
                .as("the statement came before the decline")
                .isTrue();
        assertThat(decline.waitedSeconds()).isEqualTo(days(6).toSeconds());
        Decision approval = decisions.get(6);
        assertThat(approval.amount()).isEqualTo(Money.yearly(1_350_000));
        assertThat(approval.personTookPart()).isTrue();
        assertThat(approval.personStatementAdded())
                .as("no statement on the plan approved")
                .isFalse();
        assertThat(approval.waitedSeconds()).isEqualTo(days(3).toSeconds());
        assertThat(approval.actor()).isEqualTo(AUTHORITY);
    }

    /**
     * After a Kafka outage a failed publication can leave a budget's later event on the topic before its earlier ones
     * (the producer's batch of those expired, a later one of the same partition did not); budget-service then sends
     * the batch again from its first unacknowledged event. The intake skips the early copy and goes on.
     */
    @Test
    default void aLaterEventAheadOfItsPredecessorsIsSkippedAndItsCopyAfterThemProjected() throws Exception {
        String id = "PB-" + UUID.randomUUID();
        List<EventEnvelope> life = LifecycleEvents.fullLifecycle(id).envelopes();
        List<EventEnvelope> topic = new ArrayList<>();
        topic.add(life.get(10));
        topic.addAll(life);

        publishAndAwait(topic);

        assertThat(controlTrail(id))
                .extracting(ControlTrailEntry::sequence)
                .containsExactlyElementsOf(
                        FULL_LIFECYCLE_TRAIL.stream().map(Transfer::sequence).toList());
        assertThat(decisions(id)).hasSize(13);
        assertThat(queueItems("", id)).isEmpty();
    }

    private static Instant occurredAt(List<EventEnvelope> life, long sequence) {
        return life.get((int) sequence).event().act().occurredAt();
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }
}
