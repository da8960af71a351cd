package uk.gov.personalbudget.approval.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.personalbudget.approval.intake.EventRecordReader.UnreadableEventRecord;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.support.BudgetEventTopic;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;
import uk.gov.personalbudget.contracts.value.AgreementMethod;
import uk.gov.personalbudget.contracts.value.PersonAgreement;
import uk.gov.personalbudget.contracts.value.Plan;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Reading records of the topic's format (docs/events.md); anything else is an error, never a skip. */
class EventRecordReaderTest {

    private static final String ID = "PB-reader";
    private static final List<EventEnvelope> LIFE =
            LifecycleEvents.fullLifecycle(ID).envelopes();

    private final EventRecordReader reader = new EventRecordReader(BudgetEventTopic.JSON);

    @Test
    void readsEveryEventTypeAsBudgetServicePublishesIt() {
        assertThat(LIFE.stream().map(EventEnvelope::eventType).distinct()).hasSize(24);
        for (EventEnvelope envelope : LIFE) {
            assertThat(reader.read(consumed(envelope, UnaryOperator.identity())))
                    .isEqualTo(envelope);
        }
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        EventEnvelope opened = LIFE.get(0);
        ConsumerRecord<String, byte[]> record = consumed(
                opened,
                r -> withValue(
                        r,
                        new String(r.value(), StandardCharsets.UTF_8)
                                .replaceFirst("\\{", "{\"addedLater\":{\"x\":1},")));

        assertThat(reader.read(record)).isEqualTo(opened);
    }

    @Test
    void readsAPlanSubmittedOfRevisionOneAsTheSameEventAsRevisionTwo() throws Exception {
        EventEnvelope submitted = LIFE.stream()
                .filter(envelope -> envelope.event() instanceof PlanSubmitted)
                .findFirst()
                .orElseThrow();
        PlanSubmitted event = (PlanSubmitted) submitted.event();
        for (PersonAgreement agreement : List.of(
                new PersonAgreement(
                        AgreementMethod.IN_PERSON,
                        Instant.parse("2026-02-03T11:00:00Z"),
                        "Case note CN-2026-0203",
                        "Agreed at home"),
                PersonAgreement.notesOnly("Agreed at home"))) {
            Plan plan = new Plan(event.plan().lines(), event.plan().madeBy(), null, agreement);
            EventEnvelope revision2 = new EventEnvelope(
                    submitted.eventId(),
                    submitted.budgetId(),
                    submitted.sequence(),
                    submitted.timestamp(),
                    new PlanSubmitted(event.budgetId(), event.act(), event.control(), plan));
            ConsumerRecord<String, byte[]> record = consumed(revision2, r -> {
                ObjectNode json = (ObjectNode) readTree(r.value());
                ObjectNode stored = (ObjectNode) json.get("plan");
                ObjectNode storedAgreement = (ObjectNode) stored.get("agreement");
                stored.set("personAgreement", storedAgreement.remove("notes"));
                if (agreement.method() == null) {
                    stored.putNull("agreement");
                }
                return withHeader(withValue(r, json.toString()), "event-revision", "1");
            });

            assertThat(reader.read(record)).isEqualTo(revision2);
            assertThat(reader.read(consumed(revision2, UnaryOperator.identity())))
                    .isEqualTo(revision2);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(byte[] json) {
        try {
            return BudgetEventTopic.JSON.readTree(json);
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> unreadable() {
        return Stream.of(
                arguments(
                        "an unknown event type",
                        (UnaryOperator<ProducerRecord<String, byte[]>>)
                                r -> withHeader(r, "event-type", "BudgetTeleported"),
                        "unknown event type BudgetTeleported"),
                arguments(
                        "a revision it does not know",
                        (UnaryOperator<ProducerRecord<String, byte[]>>) r -> withHeader(r, "event-revision", "2"),
                        "revision 2 of BudgetOffered is not supported"),
                arguments(
                        "a revision later than it knows",
                        (UnaryOperator<ProducerRecord<String, byte[]>>) r -> withHeader(r, "event-revision", "3"),
                        "revision 3 of BudgetOffered is not supported"),
                arguments(
                        "a value that is not JSON",
                        (UnaryOperator<ProducerRecord<String, byte[]>>) r -> withValue(r, "\u0000\u0001garbage"),
                        "cannot read"),
                arguments(
                        "JSON of another shape",
                        (UnaryOperator<ProducerRecord<String, byte[]>>) r -> withValue(r, "[1, 2, 3]"),
                        "cannot read"),
                arguments(
                        "no value at all",
                        (UnaryOperator<ProducerRecord<String, byte[]>>)
                                r -> new ProducerRecord<>(r.topic(), r.partition(), r.key(), null, r.headers()),
                        "cannot read"),
                arguments(
                        "a key naming another budget",
                        (UnaryOperator<ProducerRecord<String, byte[]>>)
                                r -> new ProducerRecord<>(r.topic(), r.partition(), "PB-other", r.value(), r.headers()),
                        "carries an event of budget " + ID),
                arguments(
                        "no sequence header",
                        (UnaryOperator<ProducerRecord<String, byte[]>>) r -> without(r, "aggregate-sequence"),
                        "no aggregate-sequence header"),
                arguments(
                        "no event type header",
                        (UnaryOperator<ProducerRecord<String, byte[]>>) r -> without(r, "event-type"),
                        "no event-type header"),
                arguments(
                        "a sequence that is not a number",
                        (UnaryOperator<ProducerRecord<String, byte[]>>) r -> withHeader(r, "aggregate-sequence", "two"),
                        "cannot read"),
                arguments(
                        "a timestamp that is not an instant",
                        (UnaryOperator<ProducerRecord<String, byte[]>>)
                                r -> withHeader(r, "event-timestamp", "yesterday"),
                        "cannot read"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void aRecordNotInTheTopicsFormatIsAnErrorNamingWhereItIs(
            String what, UnaryOperator<ProducerRecord<String, byte[]>> spoil, String reason) {
        ConsumerRecord<String, byte[]> record = consumed(LIFE.get(2), spoil);

        assertThatThrownBy(() -> reader.read(record))
                .isInstanceOf(UnreadableEventRecord.class)
                .hasMessageStartingWith("cannot read personal-budget-events-3@42: ")
                .hasMessageContaining(reason);
    }

    /** The record as a consumer receives it from partition 3 at offset 42. */
    static ConsumerRecord<String, byte[]> consumed(
            EventEnvelope envelope, UnaryOperator<ProducerRecord<String, byte[]>> spoil) {
        ProducerRecord<String, byte[]> produced =
                spoil.apply(BudgetEventTopic.record("personal-budget-events", envelope));
        return new ConsumerRecord<>(
                "personal-budget-events",
                3,
                42,
                0L,
                TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE,
                produced.key(),
                produced.value(),
                produced.headers(),
                Optional.empty());
    }

    private static ProducerRecord<String, byte[]> withValue(ProducerRecord<String, byte[]> record, String value) {
        return new ProducerRecord<>(
                record.topic(),
                record.partition(),
                record.key(),
                value.getBytes(StandardCharsets.UTF_8),
                record.headers());
    }

    private static ProducerRecord<String, byte[]> withHeader(
            ProducerRecord<String, byte[]> record, String name, String value) {
        Map<String, byte[]> headers = new HashMap<>();
        record.headers().forEach(header -> headers.put(header.key(), header.value()));
        headers.put(name, value.getBytes(StandardCharsets.UTF_8));
        RecordHeaders replaced = new RecordHeaders();
        headers.forEach(replaced::add);
        return new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(), replaced);
    }

    private static ProducerRecord<String, byte[]> without(ProducerRecord<String, byte[]> record, String name) {
        RecordHeaders kept = new RecordHeaders();
        record.headers().forEach(header -> {
            if (!header.key().equals(name)) {
                kept.add(header);
            }
        });
        return new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(), kept);
    }
}
