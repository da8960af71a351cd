package uk.gov.personalbudget.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.personalbudget.testsupport.process.ServiceProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault tests (profile {@code faults}, docs/reliability.md): the whole product as real processes on a real
 * PostgreSQL and a real Kafka broker, under a steady load of lifecycle commands, while one part is killed or
 * stopped and started again. Every test then audits what was sent, acknowledged, stored, published and projected
 * ({@link DeliveryAudit}). The tests share one stack; each leaves it running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final int THREADS = 3;
    private static final int MAX_COMMANDS = 8_000;
    private static final Duration MAX_LOAD = Duration.ofMinutes(6);
    /** Commands acknowledged before a fault, and after recovery, so that each phase carries real load. */
    private static final int PHASE_COMMANDS = 150;

    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(60);
    private static final String SERVICE_UNAVAILABLE = "urn:personal-budget:problem:service-unavailable";
    /** The persons' key store (on the same PostgreSQL here) unreachable: PersonalDataProblems' own 503. */
    private static final String KEYS_UNAVAILABLE = "urn:personal-budget:problem:personal-data-unavailable";

    private FaultStack stack;
    private LifecycleLoad load;

    @BeforeAll
    void startStack(@TempDir Path data) throws Exception {
        stack = FaultStack.start(data);
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void wholeStack() throws Exception {
        stack.ensureRunning();
    }

    /** A test that failed half-way leaves no load running into the next. */
    @AfterEach
    void stopLoad() throws InterruptedException {
        if (load != null) {
            load.stop();
            load = null;
        }
    }

    @Test
    @Order(5)
    void budgetServiceStoppedWithSigtermMidLoadAnswersEveryCommandItStoredAndReleasesItsClaims() throws Exception {
        DeliveryAudit audit = DeliveryAudit.begin(stack, "budget-service stopped (SIGTERM) mid-load and restarted")
                .requiringEveryStoredCommandAnswered();
        restartBudgetServiceMidLoad("sigterm", audit, inFlight -> {
            Instant asked = Instant.now();
            stack.stopBudgetService();
            Duration exiting = Duration.between(asked, Instant.now());
            assertThat(stack.publicationClaimOwners())
                    .as("the publication processor's claims after the stop")
                    .isNotEmpty()
                    .containsOnlyNulls();
            return String.format(
                    "SIGTERM with %d command(s) in flight; exited after %.1f s with its claims released",
                    inFlight, exiting.toMillis() / 1000.0);
        });
    }

    @Test
    @Order(1)
    void budgetServiceKilledMidLoadAndRestartedLosesNoAcknowledgedCommandAndDuplicatesNothing() throws Exception {
        DeliveryAudit audit = DeliveryAudit.begin(stack, "budget-service killed (kill -9) mid-load and restarted");
        // Killed while a command is in flight, so that one may be stored without its acknowledgement.
        restartBudgetServiceMidLoad("kill", audit, inFlight -> {
            stack.killBudgetService();
            return String.format("killed with %d command(s) in flight", inFlight);
        });
    }

    /** How a test stops budget-service; answers what the audit's note says of it. */
    @FunctionalInterface
    private interface BudgetServiceStop {
        String stop(int commandsInFlight) throws Exception;
    }

    /**
     * Under load, stops budget-service while a command is in flight, starts it again on the same database and port,
     * lets the load go on as long again, and audits what was sent, stored and published. Commands cut off by the
     * stop have no answer; after the restart the old tokens are refused (the local profile signs with a key made at
     * start-up). Nothing else may fail.
     */
    private void restartBudgetServiceMidLoad(String label, DeliveryAudit audit, BudgetServiceStop stop)
            throws Exception {
        load = startLoad(label);
        awaitAcknowledged(load, PHASE_COMMANDS, "load before the stop");

        await("a command in flight")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(1))
                .until(() -> load.inFlight() > 0);
        String howItStopped = stop.stop(load.inFlight());
        Instant stopped = Instant.now();
        stack.startBudgetService();
        List<String> notes = List.of(String.format(
                "%s; back and ready after %.1f s",
                howItStopped, Duration.between(stopped, Instant.now()).toMillis() / 1000.0));
        awaitAcknowledged(load, PHASE_COMMANDS, "load after the restart");
        load.stop();

        assertThat(audit.verify(load, notes))
                .as("what the audit found (first 20)")
                .isEmpty();
        assertNoServerErrorButRetryable503(load);
        assertThat(load.sent())
                .filteredOn(rejected())
                .allSatisfy(sent -> assertThat(sent.status()).as("a rejection").isEqualTo(401));
    }

    @Test
    @Order(2)
    void kafkaBrokerStoppedForAMinuteCommandsKeepSucceedingAndEveryEventArrivesAfterwards() throws Exception {
        DeliveryAudit audit = DeliveryAudit.begin(stack, "Kafka broker stopped for 60 s and restarted");
        List<String> notes = new ArrayList<>();
        load = startLoad("kafka");
        awaitAcknowledged(load, PHASE_COMMANDS, "load before the broker stops");

        stack.stopKafka();
        long acknowledgedBefore = load.acknowledged();
        Instant stopped = Instant.now();
        await("commands acknowledged throughout 60 s without Kafka")
                .pollDelay(KAFKA_OUTAGE)
                .atMost(KAFKA_OUTAGE.plusSeconds(30))
                .until(() -> load.acknowledged() > acknowledgedBefore);
        long duringOutage = load.acknowledged() - acknowledgedBefore;
        stack.startKafka();
        notes.add(String.format(
                "broker down for %.1f s; %d commands acknowledged meanwhile",
                Duration.between(stopped, Instant.now()).toMillis() / 1000.0, duringOutage));
        awaitAcknowledged(load, PHASE_COMMANDS, "load after the broker is back");
        load.stop();

        assertThat(audit.verify(load, notes))
                .as("what the audit found (first 20)")
                .isEmpty();
        assertNoServerErrorButRetryable503(load);
        assertThat(load.sent())
                .as("commands that failed while Kafka was down")
                .allSatisfy(sent -> assertThat(sent.outcome()).isEqualTo(LifecycleLoad.Outcome.ACKNOWLEDGED));
        assertThat(load.reads())
                .filteredOn(read -> read.service().equals("budget-service"))
                .allSatisfy(read -> assertThat(read.status()).isEqualTo(200));
    }

    @Test
    @Order(3)
    void approvalServiceStoppedAndRestartedCatchesUpWithNothingMissingOrDoubled() throws Exception {
        DeliveryAudit audit = DeliveryAudit.begin(stack, "approval-service stopped under load and restarted");
        List<String> notes = new ArrayList<>();
        load = startLoad("approval");
        awaitAcknowledged(load, PHASE_COMMANDS, "load before approval-service stops");

        stack.stopApprovalService();
        long acknowledgedBefore = load.acknowledged();
        awaitAcknowledged(load, 2 * PHASE_COMMANDS, "load while approval-service is down");
        notes.add(
                (load.acknowledged() - acknowledgedBefore) + " commands acknowledged while approval-service was down");
        stack.startApprovalService();
        awaitAcknowledged(load, PHASE_COMMANDS, "load after approval-service is back");
        load.stop();

        assertThat(audit.verify(load, notes))
                .as("what the audit found (first 20)")
                .isEmpty();
        assertNoServerErrorButRetryable503(load);
        assertThat(load.sent())
                .as("commands that failed while approval-service was down")
                .allSatisfy(sent -> assertThat(sent.outcome()).isEqualTo(LifecycleLoad.Outcome.ACKNOWLEDGED));
    }

    @Test
    @Order(4)
    void postgresRestartedUnderLoadCallersGet503ProblemsMeanwhileAndServicesRecoverWithoutARestart() throws Exception {
        DeliveryAudit audit = DeliveryAudit.begin(stack, "PostgreSQL stopped under load and started again");
        List<String> notes = new ArrayList<>();
        ServiceProcess budgetService = stack.budgetService();
        ServiceProcess approvalService = stack.approvalService();
        load = startLoad("postgres");
        awaitAcknowledged(load, PHASE_COMMANDS, "load before PostgreSQL stops");

        stack.stopPostgres();
        Instant stopped = Instant.now();
        int sentBefore = load.sent().size();
        int readsBefore = load.reads().size();
        await("503s from both services while PostgreSQL is down")
                .atMost(Duration.ofSeconds(60))
                .until(() -> unavailable(load.sentSince(sentBefore)) >= 10
                        && load.readsSince(readsBefore).stream()
                                        .filter(read ->
                                                read.service().equals("approval-service") && read.status() == 503)
                                        .count()
                                >= 2);
        stack.startPostgres();
        notes.add(String.format(
                "PostgreSQL down for %.1f s",
                Duration.between(stopped, Instant.now()).toMillis() / 1000.0));
        awaitAcknowledged(load, PHASE_COMMANDS, "load after PostgreSQL is back");
        load.stop();

        assertThat(audit.verify(load, notes))
                .as("what the audit found (first 20)")
                .isEmpty();
        assertNoServerErrorButRetryable503(load);
        assertThat(budgetService.isAlive())
                .as("budget-service recovered without a restart")
                .isTrue();
        assertThat(approvalService.isAlive())
                .as("approval-service recovered without a restart")
                .isTrue();
        assertThat(stack.budgetService()).isSameAs(budgetService);
        assertThat(stack.approvalService()).isSameAs(approvalService);
        // Every command refused meanwhile was answered, with a clear, retryable 503 problem.
        assertThat(load.sent())
                .as("commands without an answer")
                .noneMatch(sent -> sent.outcome() == LifecycleLoad.Outcome.NO_ANSWER);
        assertThat(load.sent())
                .filteredOn(rejected())
                .allSatisfy(sent -> assertRetryable503(
                        "a refused command", sent.status(), sent.problemJson(), sent.problemType(), sent.retryAfter()));
        // Reads: a full answer, a 503 problem, or (approval-service not there yet) a 404; nothing in between.
        assertThat(load.reads())
                .allSatisfy(read ->
                        assertThat(read.status()).as(read.service() + " read").isIn(200, 404, 503));
    }

    private LifecycleLoad startLoad(String label) {
        return new LifecycleLoad(
                        label, stack.budgetServiceUrl(), stack.approvalServiceUrl(), THREADS, MAX_COMMANDS, MAX_LOAD)
                .start();
    }

    /** Waits until the load has had {@code more} further commands acknowledged. */
    private static void awaitAcknowledged(LifecycleLoad load, int more, String phase) {
        long target = load.acknowledged() + more;
        await(phase + ": " + more + " commands acknowledged")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> load.acknowledged() >= target);
    }

    /**
     * Whatever the fault, no caller ever gets a 5xx other than a 503 problem detail it may retry, nor a 2xx
     * without its whole answer.
     */
    private static void assertNoServerErrorButRetryable503(LifecycleLoad load) {
        assertThat(load.sent())
                .filteredOn(sent -> sent.outcome() == LifecycleLoad.Outcome.ACKNOWLEDGED)
                .allSatisfy(sent ->
                        assertThat(sent.problemType()).as("a 2xx with its body").isNull());
        assertThat(load.reads())
                .allSatisfy(read -> assertThat(read.inconsistency())
                        .as("partial data in a 200")
                        .isNull());
        assertThat(load.sent())
                .filteredOn(sent -> sent.status() >= 500)
                .allSatisfy(sent -> assertRetryable503(
                        "a command", sent.status(), sent.problemJson(), sent.problemType(), sent.retryAfter()));
        assertThat(load.reads())
                .filteredOn(read -> read.status() >= 500)
                .allSatisfy(read -> assertRetryable503(
                        read.service() + " read",
                        read.status(),
                        read.problemJson(),
                        read.problemType(),
                        read.retryAfter()));
    }

    private static void assertRetryable503(
            String what, int status, boolean problemJson, String type, boolean retryAfter) {
        assertThat(status).as(what + ": status").isEqualTo(503);
        assertThat(problemJson).as(what + ": application/problem+json").isTrue();
        assertThat(type).as(what + ": problem type").isIn(SERVICE_UNAVAILABLE, KEYS_UNAVAILABLE);
        if (SERVICE_UNAVAILABLE.equals(type)) {
            assertThat(retryAfter).as(what + ": Retry-After").isTrue();
        }
    }

    private static Predicate<LifecycleLoad.Sent> rejected() {
        return sent -> sent.outcome() == LifecycleLoad.Outcome.REJECTED;
    }

    private static long unavailable(List<LifecycleLoad.Sent> sent) {
        return sent.stream().filter(s -> s.status() == 503).count();
    }
}
