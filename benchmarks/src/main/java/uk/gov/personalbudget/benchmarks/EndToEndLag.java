package uk.gov.personalbudget.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Benchmark 3: from a command's 2xx to the transfer it caused being readable in approval-service's control trail, at a
 * steady rate of commands (the throughput mix, paced). Budgets opened while measuring are traced (those opened in the
 * warm-up too, unrecorded, so that the first measured trace does not pay for a cold client and cold trail reads, which
 * made it a 0.5-0.9 s outlier and so the p99 of 64 openings): an opening is a control transfer (sequence 0), polled for
 * until the trail lists it, every {@link #POLL} while the lag is under 100 ms and every twentieth of the time waited so
 * far beyond it. Lags are therefore rounded up by at most 5 ms or 5 %, plus one read. A fixed 5 ms for every budget
 * would itself load approval-service once it falls behind (16 pollers each reading 200 times a second), and so measure
 * its own load. For the same reason only every n-th opening is traced, so that about {@code --traced} a second are
 * (default 2; every opening up to 32 commands/s, every fourth at 100/s): every read of a trail costs approval-service
 * and PostgreSQL a few milliseconds of CPU, and tracing every opening at 100 commands/s made the reads a large part of
 * the load being measured. The reads per second are printed.
 * <p>
 * On two cores each service's one C2 compiler thread was still compiling the request path two to three minutes
 * into a run at a paced 100 commands/s, inside the measured window. {@code --jit-warm-up} (default 0, none) first runs the same mix in a closed loop for that long, as the
 * scale-out benchmark does, so that the paced phases measure a service past its start-up compilation.
 */
final class EndToEndLag {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Set<String> FLAGS = Stack.flagsAnd("rates", "clients", "warm-up", "jit-warm-up", "seconds", "traced");
    private static final Duration POLL = Duration.ofMillis(5);
    /** The poll interval grows beyond {@link #POLL} as a fraction of the time waited: 1/20, 5 %. */
    private static final int POLL_FRACTION = 20;

    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    static void run(Options options) throws Exception {
        List<Integer> rates = options.integers("rates", List.of(100, 500));
        int clients = options.integer("clients", 64);
        int traced = options.integer("traced", 2);
        Duration warmUp = options.seconds("warm-up", 10);
        Duration jitWarmUp = options.seconds("jit-warm-up", 0);
        Duration measure = options.seconds("seconds", 30);
        try (Stack stack = Stack.start("lag", options)) {
            stack.startBudgetService(List.of());
            stack.startApprovalService(List.of());
            BudgetApi api = new BudgetApi(stack.budgetServiceUrl());
            String auditor = api.token("aud-bench", "AUDITOR", null, null);
            CommandLoad.warmUpJit(api, clients, "lagjit", jitWarmUp);
            Benchmarks.heading("End-to-end lag: command 2xx to approval-service's control trail");
            for (int rate : rates) {
                Histogram lags = new Histogram(3);
                Histogram published = new Histogram(3);
                AtomicLong lost = new AtomicLong();
                AtomicLong reads = new AtomicLong();
                AtomicLong openings = new AtomicLong();
                List<Opening> traces = new ArrayList<>();
                // An opening is one command in 16 (CommandLoad): every n-th one, so that about --traced a second are.
                long tracedEvery = Math.max(1, (long) Math.ceil(rate / 16.0 / traced));
                ExecutorService pollers = Executors.newFixedThreadPool(16);
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                long benchmark = ProcessHandle.current().pid();
                CpuByProcess cpu = CpuByProcess.ofStack(stack).add("load and pollers", () -> CpuTime.of(benchmark));
                CpuByProcess compilers = CpuByProcess.compilersOf(stack);
                try (OpeningWatch watch = OpeningWatch.start(stack.kafkaBootstrapServers())) {
                    CommandLoad load = new CommandLoad(
                            api, clients, "lag" + rate, new Pacer(rate), (budget, acknowledgedAt, measured) -> {
                                if (openings.getAndIncrement() % tracedEvery != 0) {
                                    return;
                                }
                                // Openings of the warm-up are traced too, unrecorded, so that the first measured one
                                // finds the pollers' client and approval-service's trail reads warm, as all others do.
                                pollers.execute(() -> {
                                    Traced found =
                                            trace(http, stack.approvalServiceUrl(), auditor, budget, acknowledgedAt);
                                    if (!measured) {
                                        return;
                                    }
                                    long onKafka = watch.arrival(budget)
                                            .map(arrived -> Math.max(0, arrived - acknowledgedAt) / 1000)
                                            .orElse(-1L);
                                    synchronized (lags) {
                                        if (onKafka >= 0) {
                                            published.recordValue(onKafka);
                                        }
                                        if (found == null) {
                                            lost.incrementAndGet();
                                            return;
                                        }
                                        reads.addAndGet(found.reads());
                                        lags.recordValue(found.lagMicros());
                                        traces.add(new Opening(acknowledgedAt, found, onKafka));
                                    }
                                });
                            });
                    CommandLoad.Result result = load.run(warmUp, measure, CommandLoad.Window.both(cpu, compilers));
                    pollers.shutdown();
                    pollers.awaitTermination(GIVE_UP.toSeconds() + 10, TimeUnit.SECONDS);
                    synchronized (lags) {
                        System.out.printf(
                                "target %4d commands/s: sent %6.1f commands/s (p99 latency %.1f ms, %d failed%s); lag "
                                        + "over %d openings p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms, %d not seen within "
                                        + "%d s  (goal p99 <= 100 ms at 100/s)%n",
                                rate,
                                result.perSecond(),
                                result.millis(99),
                                result.failures(),
                                result.failureKinds().isEmpty() ? "" : " " + result.failureKinds(),
                                lags.getTotalCount(),
                                lags.getValueAtPercentile(50) / 1000.0,
                                lags.getValueAtPercentile(99) / 1000.0,
                                lags.getMaxValue() / 1000.0,
                                lost.get(),
                                GIVE_UP.toSeconds());
                        System.out.printf(
                                "                       of which 2xx to the record on Kafka: p50 %6.1f ms  "
                                        + "p99 %6.1f ms (%d records)%n",
                                published.getValueAtPercentile(50) / 1000.0,
                                published.getValueAtPercentile(99) / 1000.0,
                                published.getTotalCount());
                        System.out.println("                       the slowest: " + slowest(traces, 5));
                        double window = result.measured().toNanos() / 1e9;
                        System.out.printf(
                                "                       trail reads by the pollers: %.1f a second%n",
                                reads.get() / window);
                        System.out.println("                       " + cpu.summary(result.commands(), window));
                        System.out.println("                       "
                                + compilers.summary("of which the JIT compilers' threads:", result.commands(), window));
                    }
                }
            }
        }
    }

    /** A traced opening: how long until the trail listed it, and the reads that took (null if never listed). */
    private record Traced(long lagMicros, int reads, long lastReadMicros) {}

    /** A measured opening: when its 2xx came ({@link System#nanoTime()}), and when its record was on Kafka (µs, or -1). */
    private record Opening(long acknowledgedAt, Traced traced, long onKafkaMicros) {}

    /**
     * The {@code count} slowest openings, each with when its 2xx came (UTC, to find it in the services' logs), its lag,
     * when its record was on Kafka and how long the trail read that found it took: a tail made by one stall shows as
     * several openings close together, one made by slow reads as long last reads.
     */
    private static String slowest(List<Opening> traces, int count) {
        long wallMinusNano = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
        return traces.stream()
                .sorted(Comparator.comparingLong(
                                (Opening opening) -> opening.traced().lagMicros())
                        .reversed())
                .limit(count)
                .map(opening -> String.format(
                        "%s %.1f ms (on Kafka %.1f ms, last of %d reads %.1f ms)",
                        LocalTime.ofInstant(
                                Instant.EPOCH.plusNanos(wallMinusNano + opening.acknowledgedAt()), ZoneOffset.UTC),
                        opening.traced().lagMicros() / 1000.0,
                        opening.onKafkaMicros() / 1000.0,
                        opening.traced().reads(),
                        opening.traced().lastReadMicros() / 1000.0))
                .collect(Collectors.joining("; "));
    }

    private static Traced trace(
            HttpClient http, String approvalService, String auditor, String budget, long acknowledgedAt) {
        String url = approvalService + "/api/v1/budgets/" + budget + "/control-trail";
        int reads = 0;
        try {
            while (System.nanoTime() - acknowledgedAt < GIVE_UP.toNanos()) {
                long asked = System.nanoTime();
                HttpResponse<String> trail = BudgetApi.get(http, url, auditor);
                long answered = System.nanoTime();
                reads++;
                if (trail.statusCode() == 200 && listsOpening(JSON.readTree(trail.body()))) {
                    return new Traced((answered - acknowledgedAt) / 1000, reads, (answered - asked) / 1000);
                }
                long waited = answered - acknowledgedAt;
                Thread.sleep(Math.max(POLL.toMillis(), waited / POLL_FRACTION / 1_000_000));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception failed) {
            // Counted as not seen.
        }
        return null;
    }

    private static boolean listsOpening(JsonNode trail) {
        for (JsonNode transfer : trail.path("transfers")) {
            if (transfer.path("sequence").asLong(-1) == 0) {
                return true;
            }
        }
        return false;
    }

    private EndToEndLag() {}
}
