package uk.gov.personalbudget.budget.publication;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the topic, if missing, before this process publishes its first record. KafkaAdmin already does so at
 * start-up, but only if the broker is reachable then; without this, the first send would let a broker with
 * automatic topic creation make the topic with its own defaults (one partition, retention of a week).
 */
final class TopicCheck implements Runnable {

    private final KafkaAdmin admin;
    private final NewTopic topic;
    private volatile boolean done;

    TopicCheck(KafkaAdmin admin, NewTopic topic) {
        this.admin = admin;
        this.topic = topic;
    }

    @Override
    public void run() {
        if (!done) {
            admin.createOrModifyTopics(topic);
            done = true;
        }
    }
}
