package uk.gov.personalbudget.approval.access;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.test.context.TestContextManager;
import uk.gov.personalbudget.approval.access.ApprovalHttp.Answer;
import uk.gov.personalbudget.approval.projection.QueueKind;
import uk.gov.personalbudget.approval.projection.store.ProjectionSnapshot;
import uk.gov.personalbudget.testsupport.tokens.BadTokens;
import uk.gov.personalbudget.testsupport.tokens.BadTokens.BadToken;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input thrown at every endpoint of approval-service, with the caller the endpoint allows: bad ids, bad
 * query parameters (kinds, levels, flags, dates and ranges), huge bodies and invalid tokens. Every answer is a
 * 4xx problem detail, never a 5xx, and nothing changes in the projections and no replay starts. jqwik runs it;
 * it joins the Spring context of {@link ServedOverHttp} (shared with the access-matrix test) through Spring's
 * {@link TestContextManager}.
 */
class ApprovalServiceBadInputTest extends ServedOverHttp {

    private static final TestContextManager SPRING = new TestContextManager(ApprovalServiceBadInputTest.class);
    private static final int FIVE_MB = 5 * 1024 * 1024;
    private static final String RANGE = "from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";
    /** What Spring reads as a boolean, trimmed and in any case. */
    private static final Set<String> BOOLEANS = Set.of("true", "false", "on", "off", "yes", "no", "1", "0");

    private static final Set<String> KINDS =
            Arrays.stream(QueueKind.values()).map(Enum::name).collect(Collectors.toSet());
    private static final Map<Caller, List<BadToken>> BAD_TOKENS = new ConcurrentHashMap<>();

    private static List<Target> targets;

    /** One endpoint, with a path and query its caller's good request would be answered at. */
    record Target(String method, String template, String path, String query, Caller caller) {

        String pathFor(String id) {
            return template.replaceAll("\\{id}", id);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** One bad request. */
    record Attempt(
            Target target, String what, String pathAndQuery, String authorization, HttpRequest.BodyPublisher body) {

        @Override
        public String toString() {
            return target + " with " + what;
        }
    }

    @BeforeProperty
    void joinTheSharedSpringContext() throws Exception {
        SPRING.prepareTestInstance(this);
    }

    @Property(tries = 200)
    void aBadOrUnknownIdIsRefused(@ForAll("badIds") Attempt attempt) {
        refusedChangingNothing(attempt);
    }

    @Property(tries = 200)
    void aBadQueryParameterIsRefused(@ForAll("badParameters") Attempt attempt) {
        refusedChangingNothing(attempt);
    }

    @Property(tries = 200)
    void anInvalidTokenIsRefused(@ForAll("invalidTokens") Attempt attempt) {
        Answer answer = refusedChangingNothing(attempt);
        assertThat(answer.status()).as("%s: %s", attempt, answer).isEqualTo(401);
    }

    @Property(tries = 15)
    void aHugeBodyIsRefusedUnread(@ForAll("hugeBodies") Attempt attempt) {
        Answer answer = refusedChangingNothing(attempt);
        assertThat(answer.status()).as("%s: %s", attempt, answer).isEqualTo(413);
    }

    private Answer refusedChangingNothing(Attempt attempt) {
        ProjectionSnapshot before = generations.snapshot(generations.currentGeneration());
        Answer answer = http().send(
                        attempt.target().method(),
                        attempt.pathAndQuery(),
                        attempt.authorization(),
                        null,
                        attempt.body());
        assertThat(answer.status()).as("%s: %s", attempt, answer).isBetween(400, 499);
        assertThat(answer.isProblem())
                .as("%s answers a problem detail: %s", attempt, answer)
                .isTrue();
        assertThat(answer.json().path("status").intValue())
                .as("%s: %s", attempt, answer)
                .isEqualTo(answer.status());
        assertThat(replays.inProgress()).as("a replay after %s", attempt).isEmpty();
        assertThat(generations.snapshot(generations.currentGeneration()))
                .as("the projections after %s", attempt)
                .isEqualTo(before);
        return answer;
    }

    // --- What is thrown ---

    @Provide
    Arbitrary<Attempt> badIds() {
        Arbitrary<String> ids = Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(80),
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars('-', '_')
                        .ofMinLength(1)
                        .ofMaxLength(64),
                Arbitraries.strings().alpha().ofMinLength(65).ofMaxLength(2_000),
                Arbitraries.create(() -> UUID.randomUUID().toString()),
                Arbitraries.of(".", "..", "%", "%00", ";", "a;b=c", "a/b", "\\", "\u0000", " ", "PB-1\n"));
        return Combinators.combine(
                        allTargets().filter(target -> target.template().contains("{id}")), ids)
                .as((target, id) -> attempt(
                        target,
                        "the id '" + id + "'",
                        target.pathFor(URLEncoder.encode(id, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                                + target.query(),
                        bearer(target),
                        null));
    }

    @Provide
    Arbitrary<Attempt> badParameters() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("plan_awaiting_decision", "PLAN AWAITING DECISION", "0x1", "null", "[]", "%"));
        // Spring trims a parameter (String.trim, control characters too) and reads an empty one as absent.
        Arbitrary<String> kinds = text.filter(value -> !value.trim().isEmpty() && !KINDS.contains(value.trim()))
                .map(value -> "kind=" + encode(value));
        Arbitrary<String> flags = text.filter(value -> !value.trim().isEmpty()
                        && !BOOLEANS.contains(value.trim().toLowerCase()))
                .map(value -> "overdue=" + encode(value));
        Arbitrary<String> levels = text.filter(value -> !List.of("TEAM_MANAGER", "SERVICE_MANAGER", "HEAD_OF_SERVICE")
                        .contains(value))
                .map(value -> "level=" + encode(value));
        Arbitrary<String> dates = Arbitraries.oneOf(
                Arbitraries.of(
                        "2026-13-01T00:00:00Z",
                        "2026-02-30T10:00:00Z",
                        "2026-11-22T25:00:00Z",
                        "2026-11-22T10:15:30",
                        "2026-11-22",
                        "22/11/2026",
                        "tomorrow",
                        "1764000000",
                        "+1000000001-01-01T00:00:00Z",
                        "2026-11-22T10:15:30+25:00"),
                text.filter(value -> !value.trim().isEmpty()));
        Arbitrary<String> ranges = Arbitraries.oneOf(
                dates.map(date -> "from=" + encode(date) + "&to=2027-01-01T00:00:00Z"),
                dates.map(date -> "from=2026-01-01T00:00:00Z&to=" + encode(date)),
                Arbitraries.of(
                        "from=2026-01-01T00:00:00Z",
                        "to=2027-01-01T00:00:00Z",
                        "",
                        "from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                        "from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                        "from=&to="));
        Arbitrary<String> queueFilters = Arbitraries.oneOf(kinds, flags, levels);
        return allTargets()
                .filter(target -> target.template().equals("/api/v1/approvals")
                        || target.template().startsWith("/api/v1/reports/"))
                .flatMap(target -> (target.template().equals("/api/v1/approvals") ? queueFilters : ranges)
                        .map(query -> attempt(target, "?" + query, target.path() + "?" + query, bearer(target), null)));
    }

    @Provide
    Arbitrary<Attempt> invalidTokens() {
        Arbitrary<String> garbage = Arbitraries.strings()
                .ascii()
                .ofMinLength(1)
                .ofMaxLength(300)
                .map(text -> text.replaceAll("[\\x00-\\x1F\\x7F]", ""))
                .filter(text -> !text.isBlank());
        return allTargets()
                .flatMap(target -> Arbitraries.oneOf(
                        Arbitraries.of(BAD_TOKENS.computeIfAbsent(
                                        target.caller(), caller -> BadTokens.forCaller(TestIssuer.get(), caller)))
                                .map(bad -> attempt(
                                        target, bad.what(), target.path() + target.query(), bad.authorization(), null)),
                        garbage.map(text -> attempt(
                                target,
                                "the token '" + text + "'",
                                target.path() + target.query(),
                                "Bearer " + text,
                                null))));
    }

    @Provide
    Arbitrary<Attempt> hugeBodies() {
        Arbitrary<Function<Target, String>> shapes = Arbitraries.of(
                target -> " ".repeat(FIVE_MB),
                target -> "{\"field\":\"" + "a".repeat(FIVE_MB) + "\"}",
                target -> "[".repeat(FIVE_MB / 2) + "]".repeat(FIVE_MB / 2));
        return Combinators.combine(allTargets(), shapes, Arbitraries.of(true, false))
                .as((target, shape, chunked) -> {
                    byte[] body = shape.apply(target).getBytes(StandardCharsets.UTF_8);
                    HttpRequest.BodyPublisher publisher = chunked
                            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                            : HttpRequest.BodyPublishers.ofByteArray(body);
                    return attempt(
                            target,
                            body.length + " bytes" + (chunked ? ", chunked" : ""),
                            target.path() + target.query(),
                            bearer(target),
                            publisher);
                });
    }

    // --- Targets ---

    private static Attempt attempt(
            Target target, String what, String pathAndQuery, String authorization, HttpRequest.BodyPublisher body) {
        return new Attempt(target, what, pathAndQuery, authorization, body);
    }

    private static String bearer(Target target) {
        return "Bearer " + TestIssuer.get().token(target.caller());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Arbitrary<Target> allTargets() {
        return Arbitraries.lazy(() -> Arbitraries.of(targets()));
    }

    /** Every endpoint of the OpenAPI document, with a caller it allows; made once. */
    private synchronized List<Target> targets() {
        if (targets == null) {
            JsonNode paths =
                    http().send("GET", "/v3/api-docs", null, null, null).json().get("paths");
            List<Target> all = new ArrayList<>();
            paths.fieldNames()
                    .forEachRemaining(template -> paths.get(template)
                            .fieldNames()
                            .forEachRemaining(method -> all.add(target(method.toUpperCase(), template))));
            targets = List.copyOf(all);
        }
        return targets;
    }

    private Target target(String method, String template) {
        return switch (method + " " + template) {
            case "GET /api/v1/approvals" -> new Target(method, template, template, "", Caller.AUTHORITY);
            case "GET /api/v1/budgets/{id}/control-trail",
                    "GET /api/v1/budgets/{id}/decisions",
                    "GET /api/v1/budgets/{id}/state",
                    "GET /api/v1/budgets/{id}/verification" ->
                new Target(method, template, template.replace("{id}", budgetOfA()), "", Caller.AUDITOR);
            case "GET /api/v1/reports/control-summary",
                    "GET /api/v1/reports/outcomes",
                    "GET /api/v1/reports/co-production",
                    "GET /api/v1/reports/timeliness" ->
                new Target(method, template, template, "?" + RANGE, Caller.AUDITOR);
            case "POST /api/v1/replays", "GET /api/v1/held-back-records" ->
                new Target(method, template, template, "", Caller.AUDITOR);
            case "GET /api/v1/replays/{id}" ->
                new Target(
                        method,
                        template,
                        template.replace("{id}", UUID.randomUUID().toString()),
                        "",
                        Caller.AUDITOR);
            default ->
                throw new IllegalStateException("the bad-input test does not know how to call " + method + " "
                        + template + ": add it to target()");
        };
    }
}
