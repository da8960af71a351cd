package uk.gov.personalbudget.budget;

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
    OpenAPI budgetServiceOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Personal budget service")
                        .version("v1")
                        .description("Commands and histories for the lifecycle of personal budgets in adult social "
                                + "care. Every call under /api needs a bearer token whose claims say who the caller "
                                + "is: sub, role, person (for PERSON and NOMINEE) and authorisation_limit in pence "
                                + "(for AUTHORITY)."))
                .components(new Components().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("A JWT with the claims sub, role, and where the role needs them person and "
                                + "authorisation_limit")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }
}
