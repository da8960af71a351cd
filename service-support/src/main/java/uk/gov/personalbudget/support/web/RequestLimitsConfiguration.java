package uk.gov.personalbudget.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * How requests are refused before any controller sees them, so that each refusal is a problem detail: the
 * largest request body either service reads ({@code api.max-request-body-size}, 1MB by default), enforced ahead
 * of every other filter, security included; and Tomcat's own refusals (an encoded slash in the path, say),
 * which would otherwise be an HTML page.
 */
@Configuration(proxyBeanMethods = false)
public class RequestLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            @Value("${api.max-request-body-size:1MB}") DataSize max, ObjectMapper objectMapper) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(max, objectMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Tomcat puts its report valve on the host when the host starts, by class name; Spring Boot adds its own
     * before that. Both are replaced by {@link ProblemReportValve} just before the host starts.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatRefusalsAsProblems() {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            host.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                }
            });
        });
    }
}
