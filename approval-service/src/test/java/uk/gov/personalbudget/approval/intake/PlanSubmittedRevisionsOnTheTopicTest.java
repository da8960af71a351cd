package uk.gov.personalbudget.approval.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.support.BudgetEventTopic;
import uk.gov.personalbudget.approval.support.InMemoryApprovalServiceTest;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;
import uk.gov.personalbudget.contracts.value.AgreementMethod;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonAgreement;
import uk.gov.personalbudget.contracts.value.Plan;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code PlanSubmitted} published at revision 1 long ago (the person's agreement in words as
 * {@code plan.personAgreement}) and one published at revision 2 (the words in {@code plan.agreement.notes}) travel
 * the real topic and are projected alike: the consumer reads each by its {@code event-revision} header, upcasts the
 * first, and neither is held back.
 */
class PlanSubmittedRevisionsOnTheTopicTest extends InMemoryApprovalServiceTest {

    private static final PersonAgreement AGREEMENT = new PersonAgreement(
            AgreementMethod.IN_PERSON,
            Instant.parse("2026-02-03T11:00:00Z"),
            "Case note CN-2026-0203",
            "Agreed at home");

    @Test
    void aRevisionOneAndARevisionTwoPlanSubmittedAreProjectedAlike() throws Exception {
        String atRevision2 = "PB-" + UUID.randomUUID();
        String atRevision1 = "PB-" + UUID.randomUUID();

        events.send(records(atRevision2, false));
        events.send(records(atRevision1, true));
        awaitCaughtUp();

        assertThat(heldBack.heldBack(new BudgetId(atRevision1)))
                .as("nothing held back")
                .isEmpty();
        assertThat(heldBack.heldBack(new BudgetId(atRevision2)))
                .as("nothing held back")
                .isEmpty();
        assertThat(kinds(decisions(atRevision1))).isEqualTo(kinds(decisions(atRevision2)));
        assertThat(controlTrail(atRevision1)).hasSameSizeAs(controlTrail(atRevision2));
        assertThat(queueItems("kind=PLAN_AWAITING_DECISION", atRevision1))
                .singleElement()
                .satisfies(item -> assertThat(item.at("/entry/yearlyPence").asLong())
                        .isEqualTo(queueItems("kind=PLAN_AWAITING_DECISION", atRevision2)
                                .get(0)
                                .at("/entry/yearlyPence")
                                .asLong())
                        .isEqualTo(1_200_000));
    }

    /** The budget's records up to an endorsed plan with the person's agreement; its plan at revision 1 if asked. */
    private List<ProducerRecord<String, byte[]>> records(String budget, boolean planAtRevision1) {
        List<EventEnvelope> life = LifecycleEvents.budget(budget)
                .opened()
                .assessed()
                .offered(1_200_000)
                .accepted()
                .submitted(1_200_000)
                .endorsed("Sensible and co-produced")
                .envelopes();
        return life.stream()
                .map(envelope -> envelope.event() instanceof PlanSubmitted submitted
                        ? planRecord(envelope, submitted, planAtRevision1)
                        : events.record(envelope))
                .toList();
    }

    private ProducerRecord<String, byte[]> planRecord(
            EventEnvelope envelope, PlanSubmitted submitted, boolean atRevision1) {
        Plan plan = new Plan(submitted.plan().lines(), submitted.plan().madeBy(), null, AGREEMENT);
        ProducerRecord<String, byte[]> record = events.record(new EventEnvelope(
                envelope.eventId(),
                envelope.budgetId(),
                envelope.sequence(),
                envelope.timestamp(),
                new PlanSubmitted(submitted.budgetId(), submitted.act(), submitted.control(), plan)));
        if (!atRevision1) {
            return record;
        }
        try {
            ObjectNode json = (ObjectNode) BudgetEventTopic.JSON.readTree(record.value());
            ObjectNode stored = (ObjectNode) json.get("plan");
            stored.set("personAgreement", ((ObjectNode) stored.get("agreement")).remove("notes"));
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
            headers.put("event-revision", "1");
            return events.record(record.key(), BudgetEventTopic.JSON.writeValueAsBytes(json), headers);
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    private static List<String> kinds(List<Decision> decisions) {
        return decisions.stream().map(decision -> decision.kind().name()).toList();
    }
}
