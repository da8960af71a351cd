package uk.gov.personalbudget.budget.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import uk.gov.personalbudget.contracts.api.CommandAccepted;

/**
 * Every accepted command answers {@code ETag: "<new version>"}, the value {@code GET} would give and the next
 * command's {@code If-Match} names, so a caller need not read the budget between two commands.
 */
@ControllerAdvice(assignableTypes = BudgetCommandController.class)
class CommandVersionETag implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof CommandAccepted accepted) {
            response.getHeaders().setETag("\"" + accepted.version() + "\"");
        }
        return body;
    }
}
