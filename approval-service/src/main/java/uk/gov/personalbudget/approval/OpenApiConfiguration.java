package uk.gov.personalbudget.approval;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import uk.gov.personalbudget.approval.problem.ApprovalProblem;
import uk.gov.personalbudget.support.web.ApiDocumentation;
import uk.gov.personalbudget.support.web.ProblemTypes;

import java.util.List;

/** The OpenAPI document's description, and the bearer token every {@code /api} operation needs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER_SCHEME = "bearer-jwt";
    private static final String REPLAYS = "/api/v1/replays";
    private static final String DEV_TOKENS = "/dev/tokens";

    @Bean
    OpenAPI approvalServiceOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Approval service")
                        .version("v1")
                        .description("The authority's approval queue, each personal budget's control trail and "
                                + "decision history, reports across budgets, and replays that rebuild them from the "
                                + "budget events. Every call under /api needs a bearer token whose claims say who "
                                + "the caller is: sub, role, and person (for PERSON and NOMINEE)."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "A JWT from the council's identity provider with the claims sub, role, and "
                                                        + "where the role needs it person")))
                // One server, so the document is the same wherever it is served (the committed copy is compared).
                .servers(List.of(new Server().url("http://localhost:8081").description("./run-local")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }

    static ProblemTypes problemTypes() {
        return ProblemTypes.sharedAnd(List.of(ApprovalProblem.values()))
                .withMember(
                        "replay", new StringSchema().description("replay-already-running: the running replay's path"));
    }

    @Bean
    OpenApiCustomizer sharedApiDocumentation() {
        return ApiDocumentation.shared(problemTypes(), BEARER_SCHEME);
    }

    /** An example of each request body (approval-service's RequestExamplesTest sends each). */
    @Bean
    OpenApiCustomizer requestExamples() {
        return ApiDocumentation.requestExamples("openapi-examples/requests.json");
    }

    /**
     * The console's development tokens pass through unread as bytes; the document says what they are: budget-service's
     * token request and its answer, JSON objects (local profile only).
     */
    @Bean
    OpenApiCustomizer forwardedDevTokens() {
        return openApi -> {
            Operation issue = ApiDocumentation.operation(openApi, DEV_TOKENS, PathItem.HttpMethod.POST);
            if (issue == null) {
                return;
            }
            issue.getRequestBody()
                    .getContent()
                    .values()
                    .forEach(media -> media.setSchema(new ObjectSchema()
                            .description("budget-service's DevTokenRequest: sub, role, person, authorisation_limit, "
                                    + "council")));
            issue.getResponses()
                    .values()
                    .forEach(response -> response.getContent()
                            .values()
                            .forEach(media -> media.setSchema(
                                    new ObjectSchema().description("budget-service's answer: {\"token\": \"...\"}"))));
        };
    }

    /**
     * What approval-service's operations answer besides the shared refusals: a replay already running (409) or not
     * started (503), a new replay's 202 with its Location, and budget-service unavailable to the console's reads.
     */
    @Bean
    OpenApiCustomizer approvalServiceAnswers() {
        return openApi -> {
            Operation start = ApiDocumentation.operation(openApi, REPLAYS, PathItem.HttpMethod.POST);
            if (start != null) {
                ApiDocumentation.refusal(start, HttpStatus.CONFLICT, "A replay is already running");
                ApiDocumentation.header(
                        ApiDocumentation.refusal(start, HttpStatus.SERVICE_UNAVAILABLE, "The replay could not start"),
                        HttpHeaders.RETRY_AFTER,
                        ApiDocumentation.retryAfter());
                ApiResponse accepted = start.getResponses().remove("200");
                if (accepted != null) {
                    accepted.setDescription("Started: Location names the replay, to follow its progress");
                    ApiDocumentation.header(
                            accepted,
                            HttpHeaders.LOCATION,
                            new Header()
                                    .description("The replay's path")
                                    .schema(new StringSchema().format("uri-reference")));
                    start.getResponses().addApiResponse("202", accepted);
                }
                ApiDocumentation.sortResponses(start);
            }
        };
    }
}
