package uk.gov.personalbudget.budget.publication;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.function.BiConsumer;

/** Told of each record about to be sent, and then (through the callback it returns) of Kafka's answer. */
interface PublicationObserver {

    PublicationObserver NONE = (record, event) -> (acknowledged, failure) -> {};

    /**
     * May change the record's headers before it is sent.
     *
     * @return called once Kafka has acknowledged the record (failure null) or refused it
     */
    BiConsumer<Object, Throwable> sending(ProducerRecord<String, byte[]> record, DomainEventMessage<?> event);
}
