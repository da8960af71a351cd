package uk.gov.personalbudget.budget.web;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import uk.gov.personalbudget.budget.security.DevTokenIssuer;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.testsupport.tokens.TokenHolder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.gov.personalbudget.budget.web.ApiClient.BUDGETS;
import static uk.gov.personalbudget.budget.web.ApiClient.problem;

/** Who may send which command: 401 without a valid token, 403 for a caller the budget's rules do not allow. */
class CommandAccessApiTest extends ApiTestSupport {

    @Autowired
    private RSAKey devTokenSigningKey;

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#all")
    void aCommandWithoutATokenIsUnauthorisedAndStoresNothing(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(command.at());

        api.rejects(id, command.command(), null, command.validBody(), 401, "missing-token")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")));
    }

    @Test
    void openingWithoutATokenIsUnauthorisedAndStoresNothing() throws Exception {
        long before = api.storedEvents();

        api.open(null, Bodies.opening()).andExpect(problem(401, "missing-token"));

        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void aCommandWithAForgedExpiredOrGarbledTokenIsUnauthorisedAndStoresNothing() throws Exception {
        String id = api.budgetAt(Stage.OFFERED);
        String forged = new DevTokenIssuer(DevTokenIssuer.generateKey(), Clock.systemUTC())
                .issue(Party.PERSON.sub, Role.PERSON, Party.PERSON.person, null, TokenHolder.HOME_COUNCIL);
        String expired = new DevTokenIssuer(
                        devTokenSigningKey, Clock.fixed(Instant.now().minus(Duration.ofHours(9)), ZoneOffset.UTC))
                .issue(Party.PERSON.sub, Role.PERSON, Party.PERSON.person, null, TokenHolder.HOME_COUNCIL);

        for (String token : List.of(forged, expired, "not-a-jwt")) {
            long before = api.version(id);
            api.mvc()
                    .perform(post(BUDGETS + "/" + id + "/accept-offer")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(problem(401, "invalid-token"))
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));
            assertThat(api.version(id)).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#all")
    void anAuditorMaySendNoCommand(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(command.at());

        api.rejects(id, command.command(), Party.AUDITOR, command.validBody(), 403, "role-not-allowed")
                .andExpect(jsonPath("$.detail").value(containsString("AUDITOR")));
    }

    @Test
    void anAuditorMayNotOpenABudget() throws Exception {
        long before = api.storedEvents();

        api.open(Party.AUDITOR, Bodies.opening()).andExpect(problem(403, "role-not-allowed"));

        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void aPersonMayNotOpenABudget() throws Exception {
        long before = api.storedEvents();

        api.open(Party.PERSON, Bodies.opening()).andExpect(problem(403, "role-not-allowed"));

        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#all")
    void aRoleTheCommandIsNotForIsForbidden(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(command.at());

        api.rejects(id, command.command(), command.wrongRole(), command.validBody(), 403, "role-not-allowed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#all")
    void toACallerWhoMayNotSeeTheBudgetItDoesNotExist(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(command.at());
        String unknown = api.read(api.send("PB-does-not-exist", command.command(), Party.AUTHORITY, command.validBody())
                        .andExpect(status().isNotFound()))
                .toString();

        for (Party stranger : List.of(
                Party.OTHER_PERSON,
                Party.OTHER_PRACTITIONER,
                Party.OTHER_COUNCILS_AUTHORITY,
                Party.OTHER_COUNCILS_PRACTITIONER,
                Party.OTHER_COUNCILS_PERSON)) {
            // With an If-Match the stranger cannot know: still nothing about the budget, not even its version.
            var answer = api.perform(
                    post(ApiClient.BUDGETS + "/" + id + "/" + command.command())
                            .header(HttpHeaders.IF_MATCH, "\"0\"")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(command.validBody() == null ? "" : command.validBody()),
                    stranger);
            answer.andExpect(ApiClient.problem(404, "budget-not-found"))
                    .andExpect(header().doesNotExist(HttpHeaders.ETAG));
            assertThat(api.read(answer).toString())
                    .as("%s as %s", command, stranger)
                    .isEqualTo(unknown.replace("PB-does-not-exist", id));
        }
        assertThat(api.read(api.get(ApiClient.BUDGETS + "/" + id + "/events", Party.PRACTITIONER))
                        .size())
                .as("events of the budget after the strangers")
                .isEqualTo(command.at().events());
    }

    @Test
    void anotherPersonsNomineeMayNotActOnThisPersonsBudget() throws Exception {
        String id = api.budgetAt(Stage.DELEGATED);

        api.rejects(id, "record-outcome", Party.OTHER_PERSONS_NOMINEE, Bodies.outcome(), 404, "budget-not-found");
    }

    @Test
    void anApproverMayNotApproveMoreThanTheirAuthorisationLimit() throws Exception {
        String id = api.budgetAt(Stage.PLAN_ENDORSED);

        api.rejects(
                        id,
                        "approve-by-authority",
                        Party.JUNIOR_AUTHORITY,
                        Bodies.approval(),
                        403,
                        "authorisation-limit-exceeded")
                .andExpect(jsonPath("$.detail").value(containsString("500000")));
        api.rejects(
                        id,
                        "approve-by-authority",
                        Party.UNLIMITED_AUTHORITY,
                        Bodies.approval(),
                        403,
                        "authorisation-limit-exceeded")
                .andExpect(jsonPath("$.detail").value(containsString("not set")));
    }

    @Test
    void anApproverMayNotAdjustABudgetAboveTheirAuthorisationLimit() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);

        api.rejects(
                id, "adjust-budget", Party.JUNIOR_AUTHORITY, Bodies.adjustment(), 403, "authorisation-limit-exceeded");
    }

    @Test
    void aPersonRecordsOnlyASelfAssessment() throws Exception {
        String id = api.budgetAt(Stage.OPENED);

        api.rejects(
                        id,
                        "record-assessment",
                        Party.PERSON,
                        Bodies.assessment("PRACTITIONER_LED"),
                        403,
                        "person-records-self-assessment-only")
                .andExpect(ApiClient.fieldAtFault("kind"));
    }

    @Test
    void aPractitionerSubmitsAPlanOnlyWithThePersonsRecordedAgreement() throws Exception {
        String id = api.budgetAt(Stage.PLANNING);

        api.rejects(id, "submit-plan", Party.PRACTITIONER, Bodies.plan(), 403, "person-agreement-required")
                .andExpect(ApiClient.fieldAtFault("agreement"));
        api.rejects(
                id,
                "submit-plan",
                Party.PRACTITIONER,
                Bodies.with(Bodies.plan(), "agreement", "{\"notes\": \"Agreed with the person on 20 November\"}"),
                403,
                "person-agreement-required");
        api.send(id, "submit-plan", Party.PRACTITIONER, Bodies.with(Bodies.plan(), "agreement", Bodies.agreement()))
                .andExpect(status().isOk());
        api.rejects(id, "endorse-plan", Party.PRACTITIONER, null, 403, "endorser-submitted-plan");
    }

    @Test
    void theAuthorityDelegatesThePersonsControlOnlyInACrisis() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);

        api.rejects(
                id,
                "delegate-control",
                Party.AUTHORITY,
                Bodies.delegation(Party.NOMINEE.sub, "NOMINEE", "PREFERENCE"),
                403,
                "authority-delegates-only-in-crisis");
        api.send(
                        id,
                        "delegate-control",
                        Party.AUTHORITY,
                        Bodies.delegation(Party.PRACTITIONER.sub, "PRACTITIONER", "CRISIS"))
                .andExpect(status().isOk());
    }

    @Test
    void aDirectPaymentForAPersonLackingCapacityIsChosenOnlyByTheirAuthorisedPerson() throws Exception {
        String id = api.budgetAt(Stage.AUTHORISED);
        api.send(id, "accept-offer", Party.NOMINEE, null).andExpect(status().isOk());
        api.send(id, "submit-plan", Party.NOMINEE, Bodies.plan()).andExpect(status().isOk());
        api.send(id, "endorse-plan", Party.PRACTITIONER, null).andExpect(status().isOk());
        api.send(id, "approve-by-authority", Party.AUTHORITY, Bodies.approval()).andExpect(status().isOk());
        api.send(
                        id,
                        "delegate-control",
                        Party.AUTHORITY,
                        Bodies.delegation(Party.PRACTITIONER.sub, "PRACTITIONER", "CRISIS"))
                .andExpect(status().isOk());

        api.rejects(
                id,
                "choose-management",
                Party.PRACTITIONER,
                Bodies.management("DIRECT_PAYMENT"),
                403,
                "direct-payment-through-authorised-person");
    }
}
