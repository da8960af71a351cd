package uk.gov.personalbudget.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where budget-service's CPU went, from async-profiler's collapsed stacks ({@link Profiler}): first by thread (the
 * request threads, JIT compiler, publication, ...), then the request threads' samples by the part of a command's path
 * they were in. Each sample goes to the innermost part whose frame is on its stack (a sample in Jackson under the
 * hash chain counts for the hash chain), so the parts add up to the request threads' whole. One sample is one
 * millisecond of CPU, so dividing by the commands answered gives milliseconds per command.
 */
final class ProfileBreakdown {

    static final Set<String> FLAGS = Set.of("collapsed", "commands");

    /** A part of the command path, and a frame (class and method, as async-profiler names them) that marks it. */
    private record Part(String name, String frame) {}

    private static final List<Part> PARTS = List.of(
            new Part("Axon's time limits (a stack trace each)", "AxonTimeLimitedTask.start"),
            new Part("JWT: parse, verify, validate", "NimbusJwtDecoder.decode"),
            new Part("JWT: remembered token, validate", "VerifiedTokens.decode"),
            new Part("development tokens issued (load set-up)", "DevTokenIssuer"),
            new Part("hash chain and insert", "HashChainingAppend.build"),
            new Part("event serialization and sealing", "PersonalDataEventSerializer.serialize"),
            new Part("cached budget freshness check", "CachedBudgetFreshness"),
            new Part("the aggregate's command handler", "uk/gov/personalbudget/budget/lifecycle/PersonalBudget"),
            new Part("commit (transaction, JDBC)", "SpringTransactionManager"),
            new Part("appending events (other)", "AbstractEventStorageEngine.appendEvents"),
            new Part("person-budget index", "PersonBudgetIndex"),
            new Part("publication wake-up", "PromptEventSource"),
            new Part("command observation and log line", "CommandObservation"),
            new Part("Axon command bus (other)", "SimpleCommandBus.doDispatch"),
            new Part("Axon command gateway", "DefaultCommandGateway"),
            new Part("request body: JSON and validation", "RequestResponseBodyMethodProcessor.resolveArgument"),
            new Part("other controller arguments", "HandlerMethodArgumentResolverComposite.resolveArgument"),
            new Part("response: JSON and write", "writeWithMessageConverters"),
            new Part("handler mapping", "DispatcherServlet.getHandler"),
            new Part("Spring MVC (other)", "DispatcherServlet.doDispatch"),
            new Part("idempotency filter", "IdempotencyFilter.doFilterInternal"),
            new Part("rate limit filter", "CallerRateLimit.doFilterInternal"),
            new Part("authorization filter", "AuthorizationFilter.doFilter"),
            new Part("Spring Security filters (other)", "FilterChainProxy"),
            new Part("HTTP observation (metrics, span)", "ServerHttpObservationFilter"));
    private static final String TOMCAT = "Tomcat, sockets, thread hand-offs (other)";
    private static final String REQUEST_THREADS = "http-nio-";

    private final Map<String, Long> threads = new LinkedHashMap<>();
    private final Map<String, Long> requestParts = new LinkedHashMap<>();
    private long samples;
    private long requestSamples;

    static void run(Options options) throws IOException {
        Path collapsed = Path.of(options.text("collapsed", null));
        long commands = Long.parseLong(options.text("commands", "0"));
        System.out.print(of(collapsed).report(commands, ""));
    }

    static ProfileBreakdown of(Path collapsed) throws IOException {
        ProfileBreakdown breakdown = new ProfileBreakdown();
        try (Stream<String> lines = Files.lines(collapsed)) {
            lines.filter(line -> !line.isBlank()).forEach(breakdown::add);
        }
        return breakdown;
    }

    private void add(String line) {
        int space = line.lastIndexOf(' ');
        long count = Long.parseLong(line.substring(space + 1));
        String[] frames = line.substring(0, space).split(";");
        String thread = frames[0].startsWith("[") ? threadGroup(frames[0]) : "(no thread name)";
        samples += count;
        threads.merge(thread, count, Long::sum);
        if (thread.startsWith(REQUEST_THREADS)) {
            requestSamples += count;
            requestParts.merge(innermostPart(frames), count, Long::sum);
        }
    }

    /** "[http-nio-127.0.0.1-8080-exec-12 tid=345]" is one of the group "http-nio-#.#.#.#-#-exec-#". */
    private static String threadGroup(String frame) {
        String name = frame.substring(1, frame.length() - 1);
        int tid = name.lastIndexOf(" tid=");
        return (tid < 0 ? name : name.substring(0, tid)).replaceAll("\\d+", "#");
    }

    private static String innermostPart(String[] frames) {
        for (int index = frames.length - 1; index > 0; index--) {
            for (Part part : PARTS) {
                if (frames[index].contains(part.frame())) {
                    return part.name();
                }
            }
        }
        return TOMCAT;
    }

    String report(long commands, String prefix) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "%sprofile: %,d samples (1 ms of CPU each)%s%n",
                prefix,
                samples,
                commands > 0 ? String.format(", %.2f ms per command", (double) samples / commands) : ""));
        text.append(prefix).append("by thread:\n");
        lines(text, threads, samples, commands, prefix, 10);
        text.append(String.format(
                "%srequest threads by part of the command path (%.1f %% of all samples):%n",
                prefix, 100.0 * requestSamples / Math.max(samples, 1)));
        lines(text, requestParts, requestSamples, commands, prefix, PARTS.size() + 1);
        return text.toString();
    }

    private static void lines(
            StringBuilder text, Map<String, Long> counts, long whole, long commands, String prefix, int most) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(most)
                .forEach(entry -> text.append(String.format(
                        "%s  %5.1f %%%s  %s%n",
                        prefix,
                        100.0 * entry.getValue() / Math.max(whole, 1),
                        commands > 0 ? String.format("  %5.2f ms", (double) entry.getValue() / commands) : "",
                        entry.getKey())));
    }

    private ProfileBreakdown() {}
}
