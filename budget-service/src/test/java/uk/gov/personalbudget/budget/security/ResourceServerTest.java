package uk.gov.personalbudget.budget.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.personalbudget.budget.support.LocalProfileTest;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.support.security.ActorClaims;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@LocalProfileTest
@Import(ResourceServerTest.ActorEcho.class)
class ResourceServerTest {

    private static final String SOME_API_URL = "/api/v1/budgets/x";
    private static final String PROBLEM = "urn:personal-budget:problem:";

    /** Returns the caller's {@link Actor} as the argument resolver builds it. */
    @RestController
    static class ActorEcho {
        @GetMapping("/api/test/actor")
        Actor actor(Actor actor) {
            return actor;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    DevTokenIssuer issuer;

    @Autowired
    RSAKey devTokenSigningKey;

    @Test
    void aTokenFromTheDevTokenEndpointIsAcceptedByTheApi() throws Exception {
        String body = mvc.perform(post("/dev/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sub\":\"practitioner-1\",\"role\":\"PRACTITIONER\"}"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = objectMapper.readTree(body).get("token").textValue();

        int status = mvc.perform(get(SOME_API_URL).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn()
                .getResponse()
                .getStatus();

        assertThat(status).isNotIn(401, 403);
    }

    @Test
    void theApiWithoutATokenIsUnauthorisedWithAProblemDetail() throws Exception {
        mvc.perform(get(SOME_API_URL))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
                .andExpect(jsonPath("$.type").value(PROBLEM + "missing-token"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(containsString("bearer token")))
                .andExpect(jsonPath("$.instance").value(SOME_API_URL));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsInvalid() throws Exception {
        String forged = new DevTokenIssuer(DevTokenIssuer.generateKey(), Clock.systemUTC())
                .issue("practitioner-1", Role.PRACTITIONER, null, null, TokenHolder.HOME_COUNCIL);

        expectInvalidToken(forged, "signature");
    }

    @Test
    void anExpiredTokenIsInvalid() throws Exception {
        Clock nineHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(9)), ZoneOffset.UTC);
        String expired = new DevTokenIssuer(devTokenSigningKey, nineHoursAgo)
                .issue("practitioner-1", Role.PRACTITIONER, null, null, TokenHolder.HOME_COUNCIL);

        expectInvalidToken(expired, "expired");
    }

    @Test
    void aTokenWithoutARoleIsInvalid() throws Exception {
        expectInvalidToken(issuer.sign(claims().build()), "no role claim");
    }

    @Test
    void aTokenWithAnUnknownRoleIsInvalid() throws Exception {
        expectInvalidToken(issuer.sign(claims().claim(ActorClaims.ROLE, "KING").build()), "role claim");
    }

    @Test
    void aTokenWithoutASubjectIsInvalid() throws Exception {
        JwtClaimsSet noSubject = JwtClaimsSet.builder()
                .issuer(DevTokenIssuer.ISSUER)
                .audience(List.of(DevTokenIssuer.AUDIENCE))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claim(ActorClaims.ROLE, "SYSTEM")
                .build();

        expectInvalidToken(issuer.sign(noSubject), "no sub claim");
    }

    @Test
    void aTokenFromAnotherIssuerIsInvalid() throws Exception {
        expectInvalidToken(
                issuer.sign(claims().issuer("someone-else")
                        .claim(ActorClaims.ROLE, "SYSTEM")
                        .build()),
                "iss");
    }

    @Test
    void controllersGetTheActorFromTheTokenClaims() throws Exception {
        String nominee =
                issuer.issue("nominee-7", Role.NOMINEE, new PersonReference("P-123"), null, TokenHolder.HOME_COUNCIL);
        String authority = issuer.issue("panel-2", Role.AUTHORITY, null, 2_500_000L, TokenHolder.HOME_COUNCIL);

        JsonNode nomineeActor = echo(nominee);
        JsonNode authorityActor = echo(authority);

        assertThat(objectMapper.treeToValue(nomineeActor, Actor.class))
                .isEqualTo(new Actor(
                        "nominee-7",
                        Role.NOMINEE,
                        new PersonReference("P-123"),
                        null,
                        Set.of(TokenHolder.HOME_COUNCIL)));
        assertThat(objectMapper.treeToValue(authorityActor, Actor.class))
                .isEqualTo(new Actor("panel-2", Role.AUTHORITY, null, 2_500_000L, Set.of(TokenHolder.HOME_COUNCIL)));
    }

    @Test
    void aTokenWithoutACouncilOrForACouncilNotServedHereIsInvalid() throws Exception {
        for (String council : new String[] {null, "york"}) {
            String token = issuer.issue("panel-2", Role.AUTHORITY, null, 2_500_000L, council);
            mvc.perform(get("/api/v1/budgets/PB-1").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value(PROBLEM + "invalid-token"))
                    .andExpect(jsonPath("$.detail").value(containsString("council")));
        }
    }

    @Test
    void devTokensAreForCouncilsServedHere() throws Exception {
        mvc.perform(post("/dev/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sub\":\"a\",\"role\":\"AUTHORITY\",\"council\":\"york\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("council"));
    }

    @Test
    void devTokensRejectsAnInvalidBodyWithAProblemDetail() throws Exception {
        mvc.perform(post("/dev/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sub\":\" \",\"role\":\"PERSON\",\"person\":\"not a reference!\","
                                + "\"authorisation_limit\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEM + "invalid-token-request"))
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.detail").value(containsString("authorisation_limit")))
                .andExpect(jsonPath("$.detail").value(containsString("person")))
                .andExpect(jsonPath("$.detail").value(containsString("sub")));
    }

    @Test
    void devTokensRejectsAnUnknownRole() throws Exception {
        mvc.perform(post("/dev/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sub\":\"someone\",\"role\":\"KING\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEM + "invalid-token-request"))
                .andExpect(jsonPath("$.detail").value(containsString("role must be one of")));
    }

    @Test
    void devTokensRejectsABodyWithoutARole() throws Exception {
        mvc.perform(post("/dev/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"sub\":\"someone\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM + "invalid-token-request"))
                .andExpect(jsonPath("$.detail").value(containsString("role")));
    }

    @Test
    void theOpenApiDocumentIsOpenDeclaresBearerTokensAndHidesTheActor() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.bearer-jwt.scheme")
                        .value("bearer"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer-jwt.bearerFormat")
                        .value("JWT"))
                .andExpect(jsonPath("$.security[0].bearer-jwt").isArray())
                .andExpect(jsonPath("$.paths['/api/test/actor'].get").exists())
                .andExpect(jsonPath("$.paths['/api/test/actor'].get.parameters").doesNotExist())
                .andExpect(jsonPath("$.paths['/dev/tokens'].post.security", hasSize(0)));
    }

    @Test
    void healthIsOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    private JwtClaimsSet.Builder claims() {
        return JwtClaimsSet.builder()
                .issuer(DevTokenIssuer.ISSUER)
                .audience(List.of(DevTokenIssuer.AUDIENCE))
                .subject("someone")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
    }

    private JsonNode echo(String token) throws Exception {
        String body = mvc.perform(get("/api/test/actor").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return objectMapper.readTree(body);
    }

    private ResultActions expectInvalidToken(String token, String reason) throws Exception {
        return mvc.perform(get(SOME_API_URL).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")))
                .andExpect(jsonPath("$.type").value(PROBLEM + "invalid-token"))
                .andExpect(jsonPath("$.detail").value(containsString(reason)))
                .andExpect(jsonPath("$.detail").value(not(containsString("Exception"))));
    }
}
