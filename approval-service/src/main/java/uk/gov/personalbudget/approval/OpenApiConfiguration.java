package uk.gov.personalbudget.approval;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's description, and the bearer token every {@code /api} operation needs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER_SCHEME = "bearer-jwt";

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
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }
}
