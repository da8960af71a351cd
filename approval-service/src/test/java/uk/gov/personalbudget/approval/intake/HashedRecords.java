package uk.gov.personalbudget.approval.intake;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.support.BudgetEventTopic;
import uk.gov.personalbudget.contracts.event.EventHeaders;
import uk.gov.personalbudget.contracts.integrity.EventChainHash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Records as budget-service publishes them since its events are hash-chained (docs/events.md): the headers of
 * {@link BudgetEventTopic} plus the event's hash, its previous hash and the stored inputs of the hash, chained from
 * the budget's first event.
 */
final class HashedRecords {

    static final String AGGREGATE_TYPE = "PersonalBudget";

    private HashedRecords() {}

    /** The records of one budget's events, in order, each chained to the one before. */
    static List<ProducerRecord<String, byte[]>> chained(String topic, List<EventEnvelope> envelopes) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        String previous = EventChainHash.GENESIS;
        for (EventEnvelope envelope : envelopes) {
            ProducerRecord<String, byte[]> record = BudgetEventTopic.record(topic, envelope);
            byte[] metaData = ("{\"traceparent\":\"" + header(record, EventHeaders.TRACEPARENT) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            var inputs = new EventChainHash.Inputs(
                    envelope.budgetId().value(),
                    envelope.sequence(),
                    envelope.eventId(),
                    AGGREGATE_TYPE,
                    envelope.timestamp().toString(),
                    envelope.event().getClass().getName(),
                    null,
                    record.value(),
                    metaData);
            String hash = EventChainHash.of(previous, inputs);
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            add(headers, EventHeaders.EVENT_HASH, hash);
            add(headers, EventHeaders.EVENT_PREVIOUS_HASH, previous);
            add(headers, EventHeaders.STORED_AGGREGATE_TYPE, AGGREGATE_TYPE);
            add(headers, EventHeaders.STORED_TIMESTAMP, inputs.timestamp());
            add(headers, EventHeaders.STORED_PAYLOAD_TYPE, inputs.payloadType());
            add(headers, EventHeaders.STORED_METADATA, Base64.getEncoder().encodeToString(metaData));
            records.add(new ProducerRecord<>(topic, null, record.key(), record.value(), headers));
            previous = hash;
        }
        return records;
    }

    /** A copy of the record with its value replaced, every header kept. */
    static ProducerRecord<String, byte[]> withValue(ProducerRecord<String, byte[]> record, byte[] value) {
        return new ProducerRecord<>(
                record.topic(),
                null,
                record.key(),
                value,
                new RecordHeaders(record.headers().toArray()));
    }

    /** A copy of the record with its headers changed by {@code change}. */
    static ProducerRecord<String, byte[]> withHeaders(
            ProducerRecord<String, byte[]> record, UnaryOperator<RecordHeaders> change) {
        return new ProducerRecord<>(
                record.topic(),
                null,
                record.key(),
                record.value(),
                change.apply(new RecordHeaders(record.headers().toArray())));
    }

    /** Replaces a header's value. */
    static RecordHeaders set(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        add(headers, name, value);
        return headers;
    }

    static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
