package uk.gov.personalbudget.support.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The last step of both services' OpenAPI documents: each refusal written once under {@code components/responses}
 * and referred to by every operation ({@link ApiDocumentation#shareRefusals}). springdoc applies the customizers in
 * the order their beans were registered (it takes them as a set, so {@code @Order} does not apply): the service's
 * own, scanned from its package, first, then those {@link uk.gov.personalbudget.support.ServiceEdge} imports, this one last of them.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentationConfiguration {

    @Bean
    OpenApiCustomizer sharedRefusals() {
        return ApiDocumentation::shareRefusals;
    }
}
