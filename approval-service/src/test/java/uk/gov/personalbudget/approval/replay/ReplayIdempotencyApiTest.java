package uk.gov.personalbudget.approval.replay;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code Idempotency-Key} on {@code POST /api/v1/replays}: a retry gets the first replay's answer and starts no
 * other; the key with another request is a 422; a replay that could not start (503) is forgotten.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("local")
@EmbeddedKafka(kraft = true, partitions = 1, topics = "personal-budget-events")
@TestPropertySource(
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "spring.datasource.url=jdbc:h2:mem:replay-keys-${random.uuid};DB_CLOSE_DELAY=-1"
        })
class ReplayIdempotencyApiTest {

    private static final String REPLAYS = "/api/v1/replays";
    private static final String PROBLEM = "urn:personal-budget:problem:";

    @Autowired
    private MockMvc mvc;

    @MockitoSpyBean
    private ReplayService replays;

    @Test
    void aRetriedReplayRequestGetsTheFirstReplayAndStartsNoOther() throws Exception {
        MockHttpServletResponse first = mvc.perform(replay("aud-khan", Role.AUDITOR, "replay-1"))
                .andExpect(status().isAccepted())
                .andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andReturn()
                .getResponse();
        MockHttpServletResponse retry = mvc.perform(replay("aud-khan", Role.AUDITOR, "replay-1"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn()
                .getResponse();

        assertThat(retry.getHeader(HttpHeaders.LOCATION))
                .isEqualTo(first.getHeader(HttpHeaders.LOCATION))
                .isNotNull();
        assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString());
        verify(replays, times(1)).start(any());
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndStartsNothing() throws Exception {
        mvc.perform(replay("aud-khan", Role.AUDITOR, "replay-2")).andExpect(status().isAccepted());

        mvc.perform(replay("aud-khan", Role.AUDITOR, "replay-2")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"start\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value(PROBLEM + "idempotency-key-reused"))
                .andExpect(jsonPath("$.field").value("Idempotency-Key"));
        verify(replays, times(1)).start(any());
    }

    @Test
    void aReplayThatCouldNotStartIsForgottenSoARetryStartsIt() throws Exception {
        doThrow(new ReplayNotStarted("Kafka refused to move the consumer group back", null))
                .doCallRealMethod()
                .when(replays)
                .start(any());

        mvc.perform(replay("sys-ops", Role.SYSTEM, "replay-3"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value(PROBLEM + "replay-not-started"));
        mvc.perform(replay("sys-ops", Role.SYSTEM, "replay-3"))
                .andExpect(status().isAccepted())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        verify(replays, times(2)).start(any());
    }

    @Test
    void aRefusedReplayIsRememberedAsRefused() throws Exception {
        mvc.perform(replay("p-amara", Role.PERSON, "replay-4")).andExpect(status().isForbidden());

        mvc.perform(replay("p-amara", Role.PERSON, "replay-4"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(PROBLEM + "access-denied"))
                .andExpect(header().string("Idempotent-Replayed", "true"));
        verify(replays, times(0)).start(any());
    }

    @Test
    void aMalformedKeyIs400() throws Exception {
        mvc.perform(replay("aud-khan", Role.AUDITOR, "not a key"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM + "invalid-idempotency-key"));
        verify(replays, times(0)).start(any());
    }

    @Test
    void theOpenApiDocumentDescribesTheKeyOnTheReplayPostOnly() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/replays'].post.parameters[?(@.name == 'Idempotency-Key')].in")
                        .value(contains("header")))
                .andExpect(jsonPath("$.paths['/api/v1/replays/{id}'].get.parameters[*].name")
                        .value(not(hasItem("Idempotency-Key"))));
    }

    static MockHttpServletRequestBuilder replay(String subject, Role role, String key) {
        return post(REPLAYS).header("Idempotency-Key", key).with(jwt().jwt(token -> {
            token.subject(subject).claim("role", role.name()).claim("council", TokenHolder.HOME_COUNCIL);
            if (role == Role.PERSON) {
                token.claim("person", "P-1001");
            }
        }));
    }
}
