package uk.gov.personalbudget.support.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * What every operation under {@code /api} of both services' OpenAPI documents says alike: its answers as
 * {@code application/json}, the {@code Problem} schema (RFC 9457, with {@link ProblemTypes} as the {@code type}
 * enum and our extension members), the refusals any operation can answer, and the bearer token, on each operation.
 * Each service adds its own refusals ({@link #refusal}) in its own customizer, which runs after this one; last,
 * {@link ApiDocumentationConfiguration} writes each refusal once under {@code components/responses}.
 */
public final class ApiDocumentation {

    public static final String PROBLEM = "Problem";
    public static final String API_PATHS = "/api/";
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String ANY = org.springframework.http.MediaType.ALL_VALUE;

    private ApiDocumentation() {}

    /** The customizer each service registers, with its problem types and the name of its bearer scheme. */
    public static OpenApiCustomizer shared(ProblemTypes types, String bearerScheme) {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema(types));
            forEachApiOperation(openApi, (path, operation) -> {
                jsonInsteadOfAny(operation);
                operation.setSecurity(List.of(new SecurityRequirement().addList(bearerScheme)));
                refusal(operation, HttpStatus.UNAUTHORIZED, "No bearer token, or one that is invalid or expired");
                refusal(operation, HttpStatus.FORBIDDEN, "The token does not allow this request");
                refusal(operation, HttpStatus.NOT_ACCEPTABLE, "None of the accepted media types can be answered");
                header(
                        refusal(operation, HttpStatus.TOO_MANY_REQUESTS, "The caller sent more than their share"),
                        HttpHeaders.RETRY_AFTER,
                        retryAfter());
                refusal(operation, HttpStatus.INTERNAL_SERVER_ERROR, "The service failed to handle the request");
                header(
                        refusal(
                                operation,
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "A database or key store the request needs is unavailable for the moment"),
                        HttpHeaders.RETRY_AFTER,
                        retryAfter());
                boolean hasInput = operation.getRequestBody() != null
                        || (operation.getParameters() != null
                                && !operation.getParameters().isEmpty());
                if (hasInput) {
                    refusal(operation, HttpStatus.BAD_REQUEST, "A parameter or the body is invalid");
                }
                if (path.contains("{")) {
                    refusal(operation, HttpStatus.NOT_FOUND, "No such resource, or none the caller may see");
                }
                if (operation.getRequestBody() != null) {
                    refusal(operation, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than any endpoint accepts");
                    refusal(operation, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is not application/json");
                }
                sortResponses(operation);
            });
        };
    }

    /**
     * One example per request body, from the service's JSON resource {@code resource} that maps each operationId to
     * its example (a body a council system would send, which each service's tests post to prove it valid). An
     * operation with a request body and no example fails the document, so a new endpoint brings its example.
     */
    public static OpenApiCustomizer requestExamples(String resource) {
        Map<String, JsonNode> examples = readExamples(resource);
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperations().forEach(operation -> {
                        RequestBody body = operation.getRequestBody();
                        if (body == null || body.getContent() == null) {
                            return;
                        }
                        JsonNode example = examples.get(operation.getOperationId());
                        if (example == null) {
                            throw new IllegalStateException(resource + " has no example for "
                                    + operation.getOperationId() + " (" + path + "): add one");
                        }
                        body.getContent().values().forEach(media -> media.setExample(example));
                    }));
        };
    }

    private static Map<String, JsonNode> readExamples(String resource) {
        try (InputStream in = ApiDocumentation.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            Map<String, JsonNode> examples = new TreeMap<>();
            new ObjectMapper()
                    .readTree(in)
                    .fields()
                    .forEachRemaining(field -> examples.put(field.getKey(), field.getValue()));
            return examples;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(resource, unreadable);
        }
    }

    /**
     * Writes each refusal once, under {@code components/responses}, and has every operation refer to it, once every
     * other customizer has declared its refusals. One name per status (e.g. {@code PreconditionFailed}); where operations
     * answer one status with different refusals, each is numbered after the first, in the order of their description.
     */
    public static void shareRefusals(OpenAPI openApi) {
        Map<String, List<ApiResponse>> byStatus = new TreeMap<>();
        forEachApiOperation(
                openApi,
                (path, operation) -> responses(operation).forEach((code, response) -> {
                    List<ApiResponse> variants = byStatus.computeIfAbsent(code, c -> new ArrayList<>());
                    if (isRefusal(response) && !variants.contains(response)) {
                        variants.add(response);
                    }
                }));
        Map<ApiResponse, String> names = new HashMap<>();
        byStatus.forEach((code, variants) -> {
            variants.sort(Comparator.comparing(ApiDocumentation::sortKey));
            String name = responseName(code);
            for (int i = 0; i < variants.size(); i++) {
                String numbered = i == 0 ? name : name + (i + 1);
                names.put(variants.get(i), numbered);
                openApi.getComponents().addResponses(numbered, variants.get(i));
            }
        });
        forEachApiOperation(openApi, (path, operation) -> {
            ApiResponses shared = new ApiResponses();
            responses(operation)
                    .forEach((code, response) -> shared.addApiResponse(
                            code,
                            names.containsKey(response)
                                    ? new ApiResponse().$ref("#/components/responses/" + names.get(response))
                                    : response));
            operation.setResponses(shared);
        });
    }

    private static boolean isRefusal(ApiResponse response) {
        return response.get$ref() == null
                && response.getContent() != null
                && response.getContent().values().stream()
                        .allMatch(media -> media.getSchema() != null
                                && ("#/components/schemas/" + PROBLEM)
                                        .equals(media.getSchema().get$ref()));
    }

    /** 412 is {@code PreconditionFailed}: the status's name in Spring, in upper camel case. */
    private static String responseName(String code) {
        StringBuilder name = new StringBuilder();
        for (String word : HttpStatus.valueOf(Integer.parseInt(code)).name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static String sortKey(ApiResponse response) {
        return response.getDescription() + "|"
                + (response.getHeaders() == null ? "" : response.getHeaders().keySet());
    }

    /** Calls {@code each} with every operation under {@code /api}, and its path template. */
    public static void forEachApiOperation(OpenAPI openApi, BiConsumer<String, Operation> each) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith(API_PATHS)) {
                item.readOperationsMap().values().forEach(operation -> each.accept(path, operation));
            }
        });
    }

    /** The operations of one path and method, or none. */
    public static Operation operation(OpenAPI openApi, String path, PathItem.HttpMethod method) {
        PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
        return item == null ? null : item.readOperationsMap().get(method);
    }

    /**
     * Declares that {@code operation} may answer {@code status} with a {@code Problem}, in JSON or problem JSON (as
     * the caller's Accept asks); an existing declaration is kept and returned.
     */
    public static ApiResponse refusal(Operation operation, HttpStatus status, String description) {
        ApiResponses responses = responses(operation);
        String code = Integer.toString(status.value());
        ApiResponse response = responses.get(code);
        if (response == null) {
            Schema<?> problem = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
            response = new ApiResponse()
                    .description(description)
                    .content(new Content()
                            .addMediaType(PROBLEM_JSON, new MediaType().schema(problem))
                            .addMediaType(JSON, new MediaType().schema(problem)));
            responses.addApiResponse(code, response);
        }
        return response;
    }

    public static ApiResponse header(ApiResponse response, String name, Header header) {
        response.addHeaderObject(name, header);
        return response;
    }

    /** Every answer below 300, such as 200 and 201. */
    public static List<ApiResponse> successes(Operation operation) {
        return responses(operation).entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("2"))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** Answers in status order, so the document reads (and compares) the same each time. */
    public static void sortResponses(Operation operation) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses(operation)).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    public static Header retryAfter() {
        return new Header()
                .description("Seconds to wait before sending the request again")
                .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE));
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }

    /** springdoc says {@code *}/{@code *} where a controller names no media type; ours answer and read JSON. */
    private static void jsonInsteadOfAny(Operation operation) {
        if (operation.getRequestBody() != null) {
            operation
                    .getRequestBody()
                    .setContent(jsonInsteadOfAny(operation.getRequestBody().getContent()));
        }
        responses(operation).values().forEach(response -> response.setContent(jsonInsteadOfAny(response.getContent())));
    }

    /**
     * Also puts JSON first where an answer has other media types too (the trail and decisions as CSV): generators
     * type an answer by its first media type, so a generated client reads the JSON as its model, not as text.
     */
    private static Content jsonInsteadOfAny(Content content) {
        if (content == null || (!content.containsKey(ANY) && !content.containsKey(JSON))) {
            return content;
        }
        Content replaced = new Content();
        content.forEach((type, media) -> {
            if (ANY.equals(type) || JSON.equals(type)) {
                replaced.addMediaType(JSON, media);
            }
        });
        content.forEach((type, media) -> {
            if (!ANY.equals(type) && !JSON.equals(type)) {
                replaced.addMediaType(type, media);
            }
        });
        return replaced;
    }

    private static Schema<?> problemSchema(ProblemTypes types) {
        StringSchema type = new StringSchema();
        type.setFormat("uri");
        type.setEnum(types.uris());
        type.setDescription("The rule refused: " + ProblemType.PREFIX + " and a stable slug (about:blank where only "
                + "the status says what happened)");
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", type);
        properties.put("title", new StringSchema().description("A short, human summary of the type"));
        properties.put("status", new IntegerSchema().description("The HTTP status"));
        properties.put("detail", new StringSchema().description("What went wrong, for a human"));
        properties.put("instance", new StringSchema().format("uri-reference").description("The request's path"));
        properties.put("field", new StringSchema().description("The first field (or parameter, or header) at fault"));
        properties.put(
                "errors",
                new ArraySchema()
                        .items(new ObjectSchema()
                                .addProperty("field", new StringSchema())
                                .addProperty("reason", new StringSchema())
                                .required(List.of("field", "reason")))
                        .description("Every field at fault, with its reason"));
        properties.putAll(types.members());
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status"));
        problem.setDescription("A refusal, as RFC 9457 problem details, with the extension members our rules add");
        return problem;
    }
}
