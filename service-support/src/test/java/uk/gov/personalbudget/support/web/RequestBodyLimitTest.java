package uk.gov.personalbudget.support.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RequestBodyLimit limit = new RequestBodyLimit(DataSize.ofBytes(10), JSON);

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedUnreadWithAProblem() throws Exception {
        MockHttpServletRequest request = post("01234567890");
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        limit.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertRefused(response);
    }

    @Test
    void aChunkedBodyIsRefusedOncePastTheLimit() throws Exception {
        MockHttpServletRequest request = chunked(post("01234567890"));
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        limit.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertRefused(response);
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheApplicationWhole() throws Exception {
        MockHttpServletRequest request = chunked(post("{\"a\":\"é\"}"));
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest().getInputStream().readAllBytes())
                .isEqualTo("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBodyWithinTheLimitPassesUntouched() throws Exception {
        MockHttpServletRequest request = post("0123456789");
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    private static MockHttpServletRequest post(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/budgets");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** As a chunked body arrives: no declared length. */
    private static MockHttpServletRequest chunked(MockHttpServletRequest sized) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", sized.getRequestURI()) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContentType(sized.getContentType());
        request.setContent(sized.getContentAsByteArray());
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }

    private static void assertRefused(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsByteArray());
        assertThat(problem.get("type").asText()).isEqualTo("urn:personal-budget:problem:payload-too-large");
        assertThat(problem.get("status").intValue()).isEqualTo(413);
    }
}
