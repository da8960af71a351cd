package uk.gov.personalbudget.budget.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;
import uk.gov.personalbudget.budget.support.LocalProfileTest;
import uk.gov.personalbudget.budget.web.Bodies;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.support.personaldata.PersonKeys;
import uk.gov.personalbudget.support.personaldata.PersonalDataUnavailable;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The key store is a database of its own, so an erasure's events and the key's destruction cannot share a
 * transaction: when destroying the key fails after the events are stored, the answer says so (503), the budget keeps
 * its one record of the erasure and its person's words stay readable, and a repeated confirmation finishes the
 * erasure without recording it twice.
 */
@LocalProfileTest
class ErasureAfterAKeyStoreFailureTest {

    private static final String ASSESSED_NEED = "Maintaining a habitable home";

    @Autowired
    MockMvc mvc;

    @Autowired
    DevTokenIssuer issuer;

    @Autowired
    ObjectMapper json;

    @MockitoSpyBean
    PersonKeys keys;

    private final String person = "P-K" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aRepeatedConfirmationFinishesAnErasureWhoseKeyCouldNotBeDestroyed() throws Exception {
        String budget = read(
                        withBody(post("/api/v1/budgets"), Bodies.opening(person)),
                        token("pr-ellis", Role.PRACTITIONER),
                        201)
                .get("id")
                .textValue();
        send(budget, "record-assessment", Bodies.assessment(), token("pr-ellis", Role.PRACTITIONER));
        send(budget, "close-budget", Bodies.closure("Opened in error"), authority("au-okafor"));
        String requests = "/api/v1/persons/" + person + "/erasure-requests";
        String request = read(
                        withBody(post(requests), "{\"reason\":\"The person asked us to\"}"),
                        authority("au-okafor"),
                        201)
                .get("id")
                .textValue();
        doThrow(new PersonalDataUnavailable("the personal data key store cannot be reached"))
                .doCallRealMethod()
                .when(keys)
                .erase(any(), anyString());

        mvc.perform(post(requests + "/" + request + "/confirmation")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + authority("au-second")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:personal-budget:problem:personal-data-unavailable"));

        JsonNode events = read(get("/api/v1/budgets/" + budget + "/events"), auditor(), 200);
        assertThat(events).hasSize(4);
        assertThat(events.get(3).get("type").textValue()).isEqualTo("PersonalDataErasureConfirmed");
        assertThat(events.toString()).as("the key is not destroyed yet").contains(ASSESSED_NEED);
        assertThat(read(get(requests + "/" + request), authority("au-okafor"), 200)
                        .get("status")
                        .textValue())
                .isEqualTo("CONFIRMED");

        JsonNode erasure = read(post(requests + "/" + request + "/confirmation"), authority("au-third"), 200);

        assertThat(erasure.get("confirmedBy").textValue())
                .as("the confirmation recorded, not the repeat's")
                .isEqualTo("au-second");
        JsonNode after = read(get("/api/v1/budgets/" + budget + "/events"), auditor(), 200);
        assertThat(after).as("nothing recorded twice").hasSize(4);
        assertThat(after.toString()).doesNotContain(ASSESSED_NEED).contains("[erased]");
    }

    private void send(String budget, String command, String body, String token) throws Exception {
        read(withBody(post("/api/v1/budgets/" + budget + "/" + command), body), token, 200);
    }

    private JsonNode read(MockHttpServletRequestBuilder request, String token, int status) throws Exception {
        return json.readTree(mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static MockHttpServletRequestBuilder withBody(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String token(String sub, Role role) {
        return issuer.issue(sub, role, null, null, TokenHolder.HOME_COUNCIL);
    }

    private String authority(String sub) {
        return issuer.issue(sub, Role.AUTHORITY, null, 2_000_000L, TokenHolder.HOME_COUNCIL);
    }

    private String auditor() {
        return token("aud-khan", Role.AUDITOR);
    }
}
