package uk.gov.personalbudget.budget.access;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.test.context.TestContextManager;
import uk.gov.personalbudget.budget.access.BudgetHttp.Answer;
import uk.gov.personalbudget.budget.web.Bodies;
import uk.gov.personalbudget.budget.web.Commands;
import uk.gov.personalbudget.budget.web.Party;
import uk.gov.personalbudget.budget.web.Stage;
import uk.gov.personalbudget.testsupport.tokens.BadTokens;
import uk.gov.personalbudget.testsupport.tokens.BadTokens.BadToken;
import uk.gov.personalbudget.testsupport.tokens.TestIssuer;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.personalbudget.budget.access.BudgetHttp.BUDGETS;

/**
 * Bad input thrown at every endpoint of budget-service, on budgets where the same request with a good body and
 * token would succeed: malformed JSON, wrong types, missing and unknown fields, huge bodies and strings, bad
 * money, dates and ids, wrong content types and invalid tokens. Every answer is a 4xx problem detail, never a
 * 5xx, and no event is stored. jqwik runs it; it joins the Spring context of {@link ServedOverHttp} (shared
 * with the access-matrix test) through Spring's {@link TestContextManager}.
 */
class BudgetServiceBadInputTest extends ServedOverHttp {

    private static final TestContextManager SPRING = new TestContextManager(BudgetServiceBadInputTest.class);
    private static final int FIVE_MB = 5 * 1024 * 1024;
    /** Longer than any string field may be (the longest allow 8,000 characters), shorter than the body limit. */
    private static final int LONGEST_STRING = 8_000;

    private static JsonNode openApi;
    private static List<Target> targets;
    /** Signing them takes time (a new RSA key for some), so each caller's are made once. */
    private static final Map<Caller, List<BadToken>> BAD_TOKENS = new ConcurrentHashMap<>();

    /** One endpoint, on a budget where its usual caller's good request would succeed. */
    record Target(
            String method, String template, String path, Caller caller, String body, String schema, String witness) {

        boolean readsABody() {
            return body != null;
        }

        /** The path with {@code id} in place of its budget or person. */
        String pathFor(String id) {
            return template.replaceAll("\\{(id|ref)}", id);
        }

        JsonNode json() {
            return JsonPaths.read(body);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** One bad request. */
    record Attempt(
            Target target,
            String what,
            String path,
            String authorization,
            String contentType,
            HttpRequest.BodyPublisher body) {

        @Override
        public String toString() {
            return target + " with " + what;
        }
    }

    @BeforeProperty
    void joinTheSharedSpringContext() throws Exception {
        SPRING.prepareTestInstance(this);
    }

    // --- Properties ---

    @Property(tries = 200)
    void malformedJsonIsRefused(@ForAll("malformedJson") Attempt attempt) {
        refusedWithoutStoring(attempt);
    }

    @Property(tries = 200)
    void aValueOfTheWrongTypeIsRefused(@ForAll("wrongTypes") Attempt attempt) {
        refusedWithoutStoring(attempt);
    }

    @Property(tries = 100)
    void aMissingRequiredFieldIsRefused(@ForAll("missingFields") Attempt attempt) {
        refusedWithoutStoring(attempt);
    }

    @Property(tries = 100)
    void anUnknownFieldIsRefused(@ForAll("unknownFields") Attempt attempt) {
        refusedWithoutStoring(attempt);
    }

    @Property(tries = 15)
    void aHugeBodyIsRefusedUnread(@ForAll("hugeBodies") Attempt attempt) {
        Answer answer = refusedWithoutStoring(attempt);
        assertThat(answer.status()).as("%s: %s", attempt, answer).isEqualTo(413);
    }

    @Property(tries = 100)
    void aHugeStringIsRefused(@ForAll("hugeStrings") Attempt attempt) {
        refusedWithoutStoring(attempt);
    }

    @Property(tries = 200)
    void negativeOverflowingOrFractionalMoneyIsRefused(@ForAll("badMoney") Attempt attempt) {
        refusedWithoutStoring(attempt);
    }

    @Property(tries = 200)
    void aBadDateIsRefused(@ForAll("badDates") Attempt attempt) {
        refusedWithoutStoring(attempt);
    }

    @Property(tries = 200)
    void aBadOrUnknownIdIsRefused(@ForAll("badIds") Attempt attempt) {
        refusedWithoutStoring(attempt);
    }

    @Property(tries = 100)
    void aBodyThatIsNotJsonIsRefused(@ForAll("wrongContentTypes") Attempt attempt) {
        refusedWithoutStoring(attempt);
    }

    @Property(tries = 200)
    void anInvalidTokenIsRefused(@ForAll("invalidTokens") Attempt attempt) {
        Answer answer = refusedWithoutStoring(attempt);
        assertThat(answer.status()).as("%s: %s", attempt, answer).isEqualTo(401);
    }

    private Answer refusedWithoutStoring(Attempt attempt) {
        long before = storedEvents();
        long requestsBefore = storedErasureRequests();
        String witness = attempt.target().witness();
        String viewBefore = witness == null ? null : http().view(witness);
        Answer answer = http().send(
                        attempt.target().method(),
                        attempt.path(),
                        attempt.authorization(),
                        attempt.contentType(),
                        attempt.body());
        assertThat(answer.status()).as("%s: %s", attempt, answer).isBetween(400, 499);
        assertThat(answer.isProblem())
                .as("%s answers a problem detail: %s", attempt, answer)
                .isTrue();
        assertThat(answer.json().path("status").intValue())
                .as("%s: %s", attempt, answer)
                .isEqualTo(answer.status());
        assertThat(storedEvents()).as("events stored after %s", attempt).isEqualTo(before);
        assertThat(storedErasureRequests())
                .as("erasure requests stored after %s", attempt)
                .isEqualTo(requestsBefore);
        if (witness != null) {
            assertThat(http().view(witness)).as("the budget after %s", attempt).isEqualTo(viewBefore);
        }
        return answer;
    }

    // --- What is thrown ---

    @Provide
    Arbitrary<Attempt> malformedJson() {
        return bodyTargets()
                .flatMap(target -> Arbitraries.oneOf(
                        Arbitraries.integers()
                                .between(1, target.body().length() - 1)
                                .map(end -> json(
                                        target,
                                        "its body cut after " + end + " characters",
                                        target.body().substring(0, end))),
                        Arbitraries.of("}", "]", ",", "x", "{}", "\"", " {\"a\":1}")
                                .map(tail -> json(target, "'" + tail + "' after its body", target.body() + tail)),
                        Arbitraries.of(
                                        "[]",
                                        "[" + target.body() + "]",
                                        "42",
                                        "\"text\"",
                                        "true",
                                        "{",
                                        "{\"",
                                        "'single'",
                                        "{a:1}",
                                        target.body().replaceFirst("\"", "'"))
                                .map(body -> json(target, "the body " + body, body)),
                        duplicateField(target),
                        Arbitraries.strings()
                                .ofMinLength(1)
                                .ofMaxLength(200)
                                .filter(text -> !text.isBlank() && !"null".equals(text.strip()) && !isJsonObject(text))
                                .map(text -> json(target, "the body '" + text + "'", text))));
    }

    private Arbitrary<Attempt> duplicateField(Target target) {
        String first = target.json().fieldNames().next();
        String repeated = "{\"" + first + "\":" + target.json().get(first) + ","
                + target.body().substring(1);
        return Arbitraries.just(json(target, "'" + first + "' twice", repeated));
    }

    @Provide
    Arbitrary<Attempt> wrongTypes() {
        return bodyTargets()
                .flatMap(target -> Arbitraries.of(JsonPaths.values(target.json()))
                        .flatMap(at -> {
                            JsonNode node = target.json().at(at);
                            List<String> others = new ArrayList<>(List.of("{}", "[]", "\"text\"", "12", "1.5", "true"));
                            others.removeIf(other -> JsonPaths.read(other).getNodeType() == node.getNodeType());
                            return Arbitraries.of(others)
                                    .map(other -> json(
                                            target, at + " as " + other, JsonPaths.with(target.json(), at, other)));
                        }));
    }

    @Provide
    Arbitrary<Attempt> missingFields() {
        return bodyTargets()
                .filter(target -> !requiredFields(target).isEmpty())
                .flatMap(target -> Arbitraries.of(requiredFields(target))
                        .map(at -> json(target, "no " + at, JsonPaths.without(target.json(), at))));
    }

    @Provide
    Arbitrary<Attempt> unknownFields() {
        Arbitrary<String> names = Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars('_', '-', ' ', 'é')
                .ofMinLength(1)
                .ofMaxLength(30)
                .map(name -> "unknown" + name);
        Arbitrary<String> values = Arbitraries.of("null", "1", "\"x\"", "true", "{}", "[]");
        return bodyTargets()
                .flatMap(target -> Combinators.combine(Arbitraries.of(JsonPaths.objects(target.json())), names, values)
                        .as((at, name, value) -> json(
                                target,
                                "an unknown field '" + name + "' at '" + at + "'",
                                JsonPaths.withField(target.json(), at, name, value))));
    }

    @Provide
    Arbitrary<Attempt> hugeBodies() {
        Arbitrary<Function<Target, String>> shapes = Arbitraries.of(
                target -> target.readsABody() ? target.body() + " ".repeat(FIVE_MB) : " ".repeat(FIVE_MB),
                target -> "{\"field\":\"" + "a".repeat(FIVE_MB) + "\"}",
                target -> "[" + "1,".repeat(FIVE_MB / 2) + "1]",
                target -> "[".repeat(FIVE_MB / 2) + "]".repeat(FIVE_MB / 2));
        return Combinators.combine(allTargets(), shapes, Arbitraries.of(true, false))
                .as((target, shape, chunked) -> {
                    byte[] body = shape.apply(target).getBytes(StandardCharsets.UTF_8);
                    HttpRequest.BodyPublisher publisher = chunked
                            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                            : HttpRequest.BodyPublishers.ofByteArray(body);
                    return new Attempt(
                            target,
                            body.length + " bytes" + (chunked ? ", chunked" : ""),
                            target.path(),
                            bearer(target),
                            "application/json",
                            publisher);
                });
    }

    @Provide
    Arbitrary<Attempt> hugeStrings() {
        // A short random piece repeated: generating 300,000 random characters per try would be slow.
        Arbitrary<String> huge = Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withChars('é', '€', '"', '\\', '\n')
                                .ofMinLength(1)
                                .ofMaxLength(8),
                        Arbitraries.integers().between(LONGEST_STRING + 1, 300_000))
                .as((piece, length) -> piece.repeat(length / piece.length() + 1).substring(0, length));
        return bodyTargets()
                .filter(target -> !JsonPaths.strings(target.json()).isEmpty())
                .flatMap(target -> Combinators.combine(Arbitraries.of(JsonPaths.strings(target.json())), huge)
                        .as((at, text) -> json(
                                target,
                                at + " of " + text.length() + " characters",
                                JsonPaths.with(
                                        target.json(),
                                        at,
                                        JsonPaths.JSON.valueToTree(text).toString()))));
    }

    @Provide
    Arbitrary<Attempt> badMoney() {
        Arbitrary<String[]> bad = Arbitraries.oneOf(
                Arbitraries.of(
                                "9223372036854775807",
                                "-9223372036854775808",
                                "9223372036854775808",
                                "-9223372036854775809",
                                "-1",
                                "-1200000",
                                "10000000001",
                                "1e30",
                                "-1e30",
                                "1E3",
                                "1.5",
                                "0.01",
                                "99999999999999999999999999999",
                                "\"1200000\"",
                                "null",
                                "true",
                                "[]")
                        .map(pence -> new String[] {"pence", pence}),
                Arbitraries.of("\"DAILY\"", "\"yearly\"", "\"\"", "1", "null", "{}")
                        .map(period -> new String[] {"period", period}));
        return bodyTargets()
                .filter(target -> !JsonPaths.money(target.json()).isEmpty())
                .flatMap(target -> Combinators.combine(Arbitraries.of(JsonPaths.money(target.json())), bad)
                        .as((at, change) -> json(
                                target,
                                at + "/" + change[0] + " = " + change[1],
                                JsonPaths.with(target.json(), at.appendProperty(change[0]), change[1]))));
    }

    @Provide
    Arbitrary<Attempt> badDates() {
        Arbitrary<String> bad = Arbitraries.of(
                "\"2026-13-01T00:00:00Z\"",
                "\"2026-02-30T10:00:00Z\"",
                "\"2026-11-22T25:00:00Z\"",
                "\"2026-11-22T10:15:30\"",
                "\"2026-11-22\"",
                "\"22/11/2026\"",
                "\"tomorrow\"",
                "\"\"",
                "\" \"",
                "\"+1000000001-01-01T00:00:00Z\"",
                "\"2026-11-22T10:15:30+25:00\"",
                "1764000000",
                "1764000000000",
                "1.7640e9",
                "-1",
                "true",
                "{}",
                "[]",
                "null");
        return bodyTargets()
                .filter(target -> !JsonPaths.instants(target.json()).isEmpty())
                .flatMap(target -> Combinators.combine(Arbitraries.of(JsonPaths.instants(target.json())), bad)
                        .as((at, date) -> json(target, at + " = " + date, JsonPaths.with(target.json(), at, date))));
    }

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
                Arbitraries.of(".", "..", "%", "%00", ";", "a;b=c", "a/b", "\\", "\u0000", " ", "P-1001\n"));
        Arbitrary<Attempt> inPath = Combinators.combine(
                        allTargets().filter(target -> target.template().contains("{")), ids)
                .as((target, id) -> new Attempt(
                        target,
                        "the id '" + id + "'",
                        target.pathFor(
                                URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")),
                        bearer(target),
                        target.readsABody() ? "application/json" : null,
                        target.readsABody() ? HttpRequest.BodyPublishers.ofString(target.body()) : null));
        Arbitrary<Attempt> personInBody = Combinators.combine(
                        Arbitraries.lazy(() -> Arbitraries.just(openingTarget())),
                        Arbitraries.oneOf(
                                Arbitraries.of("", " ", "P 1001", "P/1001", "P-1001\n", "Pé", "P.1001"),
                                Arbitraries.strings().alpha().ofMinLength(65).ofMaxLength(500)))
                .as((target, person) -> json(
                        target,
                        "the person '" + person + "'",
                        JsonPaths.with(
                                target.json(),
                                JsonPointer.compile("/person"),
                                JsonPaths.JSON.valueToTree(person).toString())));
        return Arbitraries.frequencyOf(Tuple.of(4, inPath), Tuple.of(1, personInBody));
    }

    @Provide
    Arbitrary<Attempt> wrongContentTypes() {
        Arbitrary<String> types = Arbitraries.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=abc",
                "application/json; charset=no-such-charset",
                "application/octet-stream",
                "not a media type",
                "application/",
                "text/csv",
                "application/problem+json; charset=ebcdic");
        return Combinators.combine(bodyTargets(), types)
                .as((target, type) -> new Attempt(
                        target,
                        "Content-Type " + type,
                        target.path(),
                        bearer(target),
                        type,
                        HttpRequest.BodyPublishers.ofString(target.body())));
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
                                .map(bad -> attempt(target, bad.what(), bad.authorization())),
                        garbage.map(text -> attempt(target, "the token '" + text + "'", "Bearer " + text))));
    }

    // --- Targets ---

    private Attempt json(Target target, String what, String body) {
        return new Attempt(
                target,
                what,
                target.path(),
                bearer(target),
                "application/json",
                HttpRequest.BodyPublishers.ofString(body));
    }

    private Attempt attempt(Target target, String what, String authorization) {
        return new Attempt(
                target,
                what,
                target.path(),
                authorization,
                target.readsABody() ? "application/json" : null,
                target.readsABody() ? HttpRequest.BodyPublishers.ofString(target.body()) : null);
    }

    private String bearer(Target target) {
        return "Bearer " + http().token(target.caller());
    }

    private Arbitrary<Target> allTargets() {
        return Arbitraries.lazy(() -> Arbitraries.of(targets()));
    }

    private Arbitrary<Target> bodyTargets() {
        return Arbitraries.lazy(() ->
                Arbitraries.of(targets().stream().filter(Target::readsABody).toList()));
    }

    private Target openingTarget() {
        return targets().stream()
                .filter(target -> target.template().equals(BUDGETS))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Every endpoint of the OpenAPI document, each on a budget where its good request would succeed; made once,
     * since no bad request may change any of them.
     */
    private synchronized List<Target> targets() {
        if (targets == null) {
            JsonNode paths = openApi().get("paths");
            Map<Stage, String> budgets = new EnumMap<>(Stage.class);
            List<Target> all = new ArrayList<>();
            paths.fieldNames()
                    .forEachRemaining(template -> paths.get(template)
                            .fieldNames()
                            .forEachRemaining(
                                    method -> all.add(target(method.toUpperCase(), template, paths, budgets))));
            targets = List.copyOf(all);
        }
        return targets;
    }

    private Target target(String method, String template, JsonNode paths, Map<Stage, String> budgets) {
        String schema = paths.path(template)
                .path(method.toLowerCase())
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText(null);
        String endpoint = method + " " + template;
        String command = "POST " + BUDGETS + "/{id}/";
        if (endpoint.equals("POST " + BUDGETS)) {
            return new Target(
                    method, template, template, Caller.of(Party.PRACTITIONER), compact(Bodies.opening()), schema, null);
        }
        if (endpoint.startsWith(command)) {
            Commands.CommandCase row = Commands.named(endpoint.substring(command.length()));
            String id = budgets.computeIfAbsent(row.at(), stage -> http().budgetAt(stage));
            return new Target(
                    method,
                    template,
                    template.replace("{id}", id),
                    Caller.of(row.by()),
                    compact(row.validBody()),
                    schema,
                    id);
        }
        if (endpoint.startsWith("GET " + BUDGETS + "/{id}")) {
            String id = budgets.computeIfAbsent(Stage.OPENED, stage -> http().budgetAt(stage));
            return new Target(
                    method, template, template.replace("{id}", id), Caller.of(Party.AUDITOR), null, schema, id);
        }
        if (endpoint.startsWith(method + " /api/v1/persons/{ref}/erasure-requests")) {
            // A person of their own, whose budget is closed, so that an erasure would succeed; the request to read or
            // confirm was made by another authority. Its id is part of the template: only {ref} is varied.
            String person = "P-" + UUID.randomUUID();
            String id = http().closedBudgetOf(person);
            String request = template.contains("{requestId}")
                    ? template.replace(
                            "{requestId}", http().erasureRequested(person, Caller.of(Party.JUNIOR_AUTHORITY)))
                    : template;
            boolean readsABody = method.equals("POST") && !template.contains("{requestId}");
            return new Target(
                    method,
                    request,
                    request.replace("{ref}", person),
                    Caller.of(Party.AUTHORITY),
                    readsABody ? compact(BudgetHttp.ERASURE_REQUEST) : null,
                    schema,
                    id);
        }
        throw new IllegalStateException(
                "the bad-input test does not know how to call " + endpoint + ": add it to target()");
    }

    private static String compact(String json) {
        return json == null ? null : JsonPaths.read(json).toString();
    }

    private List<JsonPointer> requiredFields(Target target) {
        JsonNode schemas = schemas();
        List<JsonPointer> required = new ArrayList<>();
        collectRequired(target.json(), schemas, schemas.path(name(target.schema())), JsonPointer.empty(), required);
        return required;
    }

    private JsonNode schemas() {
        return openApi().path("components").path("schemas");
    }

    private synchronized JsonNode openApi() {
        if (openApi == null) {
            openApi = http().send("GET", "/v3/api-docs", null, null, null).json();
        }
        return openApi;
    }

    private static void collectRequired(
            JsonNode value, JsonNode schemas, JsonNode schema, JsonPointer at, List<JsonPointer> required) {
        if (schema.has("$ref")) {
            schema = schemas.path(name(schema.get("$ref").asText()));
        }
        if (value.isObject()) {
            for (JsonNode name : schema.path("required")) {
                if (value.has(name.asText())) {
                    required.add(at.appendProperty(name.asText()));
                }
            }
            JsonNode properties = schema.path("properties");
            value.fieldNames()
                    .forEachRemaining(field -> collectRequired(
                            value.get(field), schemas, properties.path(field), at.appendProperty(field), required));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collectRequired(value.get(i), schemas, schema.path("items"), at.appendIndex(i), required);
            }
        }
    }

    private static String name(String ref) {
        return ref == null ? "" : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static boolean isJsonObject(String text) {
        try {
            return JsonPaths.JSON.readTree(text) instanceof ObjectNode;
        } catch (Exception notJson) {
            return false;
        }
    }
}
