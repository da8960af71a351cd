package uk.gov.personalbudget.support.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.RemoteKeySourceException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token that cannot be checked because the issuer's keys are unreachable is a retryable 503, not a 500. */
class KeySetUnreachableTest {

    private final ObjectMapper objectMapper = Jackson2ObjectMapperBuilder.json().build();
    private final SecurityProblems problems = new SecurityProblems(objectMapper);

    @Test
    void anUnreachableKeySetIsA503ProblemWithRetryAfter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.onAuthenticationFailure(
                new MockHttpServletRequest("GET", "/api/v1/approvals"),
                response,
                new AuthenticationServiceException(
                        "An error occurred while attempting to decode the Jwt",
                        new RemoteKeySourceException("I/O error", new ConnectException("Connection refused"))));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        JsonNode problem = objectMapper.readTree(response.getContentAsByteArray());
        assertThat(problem.get("type").textValue()).isEqualTo("urn:personal-budget:problem:service-unavailable");
    }

    @Test
    void aBadTokenIsStillA401AndAnyOtherInternalFailureIsNotHidden() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        problems.onAuthenticationFailure(
                new MockHttpServletRequest("GET", "/api/v1/approvals"),
                response,
                new InvalidBearerTokenException("expired"));
        assertThat(response.getStatus()).isEqualTo(401);

        AuthenticationServiceException internal = new AuthenticationServiceException("no key of that type");
        assertThatThrownBy(() -> problems.onAuthenticationFailure(
                        new MockHttpServletRequest(), new MockHttpServletResponse(), internal))
                .isSameAs(internal);
    }
}
