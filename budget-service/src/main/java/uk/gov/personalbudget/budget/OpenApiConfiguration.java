package uk.gov.personalbudget.budget;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import uk.gov.personalbudget.budget.web.BudgetCommandController;
import uk.gov.personalbudget.contracts.command.AllowedRoles;
import uk.gov.personalbudget.contracts.command.BudgetCommand;
import uk.gov.personalbudget.contracts.command.CommandRoles;

import java.util.Arrays;

/**
 * The OpenAPI document's description, the bearer token every {@code /api} operation needs, and If-Match on the
 * commands (service-support documents Idempotency-Key).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER_SCHEME = "bearer-jwt";

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
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
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
