package uk.gov.personalbudget.support.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityProblemsTest {

    private final ObjectMapper objectMapper = Jackson2ObjectMapperBuilder.json().build();

    @Test
    void accessDeniedIsAForbiddenProblemDetail() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new SecurityProblems(objectMapper)
                .handle(
                        new MockHttpServletRequest("POST", "/api/v1/budgets/b-1/close"),
                        response,
                        new AccessDeniedException("no"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = objectMapper.readTree(response.getContentAsByteArray());
        assertThat(problem.get("type").textValue()).isEqualTo("urn:personal-budget:problem:access-denied");
        assertThat(problem.get("status").intValue()).isEqualTo(403);
        assertThat(problem.get("detail").textValue()).isNotBlank();
        assertThat(problem.get("instance").textValue()).isEqualTo("/api/v1/budgets/b-1/close");
    }
}
