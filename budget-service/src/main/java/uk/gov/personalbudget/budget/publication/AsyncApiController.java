package uk.gov.personalbudget.budget.publication;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;

/**
 * The AsyncAPI 3.0 document of the topic this service publishes (contracts'
 * {@code asyncapi/personal-budget-events.json}; docs/events.md), served as it is in contracts. Like the OpenAPI
 * document it needs no token, and is off unless {@code budget.asyncapi.enabled} (on in the local profile). Like
 * {@code /v3/api-docs} it is a document about the service, not an operation of its API, so the OpenAPI document leaves
 * it out.
 */
@RestController
@Hidden
@ConditionalOnProperty(prefix = "budget.asyncapi", name = "enabled", havingValue = "true")
class AsyncApiController {

    static final String PATH = "/asyncapi.json";
    static final String DOCUMENT = "asyncapi/personal-budget-events.json";

    private final byte[] document;

    AsyncApiController() throws IOException {
        try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
            document = in.readAllBytes();
        }
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] document() {
        return document;
    }
}
