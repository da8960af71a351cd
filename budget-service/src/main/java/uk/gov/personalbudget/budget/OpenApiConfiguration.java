package uk.gov.personalbudget.budget;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import uk.gov.personalbudget.budget.lifecycle.Rule;
import uk.gov.personalbudget.budget.problem.BudgetProblem;
import uk.gov.personalbudget.budget.security.DevTokenController;
import uk.gov.personalbudget.budget.web.BudgetCommandController;
import uk.gov.personalbudget.contracts.command.AllowedRoles;
import uk.gov.personalbudget.contracts.command.BudgetCommand;
import uk.gov.personalbudget.contracts.command.CommandRoles;
import uk.gov.personalbudget.support.web.ApiDocumentation;
import uk.gov.personalbudget.support.web.ProblemType;
import uk.gov.personalbudget.support.web.ProblemTypes;

import java.util.Arrays;
import java.util.List;

/**
 * The OpenAPI document's description, the bearer token every {@code /api} operation needs, and If-Match on the
 * commands (service-support documents Idempotency-Key).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER_SCHEME = "bearer-jwt";
    private static final String BUDGETS = "/api/v1/budgets";
    private static final String ERASURES = "/api/v1/persons/";

    @Bean
    OpenAPI budgetServiceOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Personal budget service")
                        .version("v1")
                        .description("Commands and histories for the lifecycle of personal budgets in adult social "
                                + "care. Every call under /api needs a bearer token whose claims say who the caller "
                                + "is: sub, role, person (for PERSON and NOMINEE) and authorisation_limit in pence "
                                + "(for AUTHORITY)."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "A JWT with the claims sub, role, and where the role needs them person and "
                                                        + "authorisation_limit")))
                // One server, so the document is the same wherever it is served (the committed copy is compared).
                .servers(List.of(new Server().url("http://localhost:8080").description("./run-local")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }

    /** Every problem type the service answers with: the shared ones, its own, and every lifecycle rule. */
    static ProblemTypes problemTypes() {
        return ProblemTypes.sharedAnd(List.of(BudgetProblem.values()))
                .and(Arrays.stream(Rule.values())
                        .<ProblemType>map(rule -> rule::slug)
                        .toList())
                .withMember(
                        "currentVersion",
                        new IntegerSchema()
                                .format("int64")
                                .description("version-mismatch: the budget's version now, to send in If-Match"))
                .withMember(
                        "expectedVersion",
                        new IntegerSchema().format("int64").description("version-mismatch: the version If-Match named"))
                .withMember(
                        "requestId",
                        new StringSchema().description("erasure-already-requested: the request awaiting confirmation"))
                .withMember(
                        "openBudgets",
                        new ArraySchema()
                                .items(new StringSchema())
                                .description("erasure-needs-closed-budgets: the person's budgets not yet closed"));
    }

    @Bean
    OpenApiCustomizer sharedApiDocumentation() {
        return ApiDocumentation.shared(problemTypes(), BEARER_SCHEME);
    }

    /** An example of each request body (budget-service's RequestExamplesApiTest sends each). */
    @Bean
    OpenApiCustomizer requestExamples() {
        return ApiDocumentation.requestExamples("openapi-examples/requests.json");
    }

    /**
     * What budget-service's operations answer besides the shared refusals: a command's rules (403, 409, 400), a stale
     * If-Match (412 with the current version as ETag), a new budget's 201 with its Location, the version as ETag.
     */
    @Bean
    OpenApiCustomizer budgetServiceAnswers() {
        return openApi -> {
            ApiDocumentation.forEachApiOperation(openApi, (path, operation) -> answers(openApi, path, operation));
            Operation devTokens =
                    ApiDocumentation.operation(openApi, DevTokenController.PATH, PathItem.HttpMethod.POST);
            if (devTokens != null) {
                ApiDocumentation.refusal(devTokens, HttpStatus.BAD_REQUEST, "A parameter or the body is invalid");
                ApiDocumentation.refusal(
                        devTokens,
                        HttpStatus.UNAUTHORIZED,
                        "An Authorization header was sent with a token that is invalid or expired (none is needed)");
                ApiDocumentation.refusal(
                        devTokens, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than any endpoint accepts");
                ApiDocumentation.refusal(
                        devTokens, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is not application/json");
                ApiDocumentation.sortResponses(devTokens);
            }
        };
    }

    private static void answers(OpenAPI openApi, String path, Operation operation) {
        boolean command = path.startsWith(BUDGETS)
                && operation == ApiDocumentation.operation(openApi, path, PathItem.HttpMethod.POST);
        boolean erasure = path.startsWith(ERASURES);
        if (command || erasure) {
            ApiDocumentation.refusal(operation, HttpStatus.FORBIDDEN, "The token does not allow this request");
            ApiDocumentation.refusal(operation, HttpStatus.CONFLICT, "A rule of the lifecycle refuses it now");
            ApiDocumentation.refusal(operation, HttpStatus.BAD_REQUEST, "A parameter or the body is invalid");
        }
        if (command && path.equals(BUDGETS)) {
            created(operation, "Opened: Location names the new budget");
            ApiDocumentation.refusal(
                    operation,
                    HttpStatus.PRECONDITION_FAILED,
                    "If-Match was sent: a budget not yet opened has no version to match (version-mismatch)");
        }
        if (path.equals(BUDGETS + "/{id}")
                && operation == ApiDocumentation.operation(openApi, path, PathItem.HttpMethod.GET)) {
            notModified(operation);
        }
        boolean erasureRequest = erasure
                && path.endsWith("/erasure-requests")
                && operation == ApiDocumentation.operation(openApi, path, PathItem.HttpMethod.POST);
        if (erasureRequest) {
            created(operation, "Requested: Location names the request, which a second authority confirms");
        }
        if (command && !path.equals(BUDGETS)) {
            ApiDocumentation.refusal(operation, HttpStatus.NOT_FOUND, "No such budget, or none the caller may see");
            ApiDocumentation.header(
                    ApiDocumentation.refusal(
                            operation,
                            HttpStatus.PRECONDITION_FAILED,
                            "If-Match names another version: currentVersion (and ETag) say which is current"),
                    HttpHeaders.ETAG,
                    version());
        }
        if (command || path.equals(BUDGETS + "/{id}")) {
            ApiDocumentation.successes(operation)
                    .forEach(success -> ApiDocumentation.header(success, HttpHeaders.ETAG, version()));
        }
        ApiDocumentation.sortResponses(operation);
    }

    /** The budget's GET answers 304 (and no body) when If-None-Match names its current version. */
    private static void notModified(Operation operation) {
        operation.addParametersItem(new HeaderParameter()
                .name(HttpHeaders.IF_NONE_MATCH)
                .required(false)
                .description("The ETag of an earlier read, e.g. \"7\": 304 and no body while the budget is still at "
                        + "that version")
                .schema(new StringSchema().example("\"7\"")));
        ApiResponse notModified = new ApiResponse()
                .description("Not modified: the budget is still at the version " + "If-None-Match names");
        ApiDocumentation.header(notModified, HttpHeaders.ETAG, version());
        operation.getResponses().addApiResponse("304", notModified);
    }

    /** A 201 with Location instead of springdoc's 200. */
    private static void created(Operation operation, String description) {
        ApiResponse created = operation.getResponses().remove("200");
        created.setDescription(description);
        ApiDocumentation.header(
                created,
                HttpHeaders.LOCATION,
                new Header().description("The new resource's URI").schema(new StringSchema().format("uri-reference")));
        operation.getResponses().addApiResponse("201", created);
    }

    private static Header version() {
        return new Header()
                .description("The budget's version, quoted, e.g. \"7\": the If-Match of the next command")
                .schema(new StringSchema());
    }

    /**
     * Each command's operation says who may send it, read from the command's {@link AllowedRoles} (the one place the
     * roles are written). An operation of the command controller names its command: operationId {@code offerBudget}
     * sends {@code OfferBudget}; one that names no command fails the document (OpenApiDocumentApiTest reads it).
     */
    @Bean
    OperationCustomizer rolesOfCommands() {
        return (operation, handlerMethod) -> {
            if (handlerMethod.getBeanType().equals(BudgetCommandController.class)) {
                Class<? extends BudgetCommand> command = commandOf(operation.getOperationId());
                operation.setSummary(operation.getSummary() + " (" + CommandRoles.describe(command) + ")");
            }
            return operation;
        };
    }

    static Class<? extends BudgetCommand> commandOf(String operationId) {
        String name = BudgetCommand.class.getPackageName() + "." + Character.toUpperCase(operationId.charAt(0))
                + operationId.substring(1);
        try {
            return Class.forName(name).asSubclass(BudgetCommand.class);
        } catch (ClassNotFoundException | ClassCastException noSuchCommand) {
            throw new IllegalStateException(
                    "the operation " + operationId + " names no command " + name, noSuchCommand);
        }
    }

    /** Every command to an existing budget takes the version it expects in If-Match. */
    @Bean
    OperationCustomizer ifMatchOnCommands() {
        return (operation, handlerMethod) -> {
            boolean toAnExistingBudget = Arrays.stream(handlerMethod.getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(PathVariable.class));
            if (handlerMethod.getBeanType().equals(BudgetCommandController.class) && toAnExistingBudget) {
                operation.addParametersItem(new HeaderParameter()
                        .name("If-Match")
                        .required(false)
                        .description("The budget's version as the ETag of GET or of the previous command gives it, "
                                + "e.g. \"7\" (W/\"7\" is accepted too): the command runs only if the budget is "
                                + "still at that version, else 412 (version-mismatch, with currentVersion) and "
                                + "nothing is stored. Not one version: 400 (invalid-if-match).")
                        .schema(new StringSchema().example("\"7\"")));
            }
            return operation;
        };
    }
}
