package uk.gov.personalbudget.budget.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who reads a budget and its history: the person, a nominee or practitioner while a delegation or authorisation names
 * them, the allocated practitioner, and the authority and auditors of its council. To anyone else it does not exist.
 */
class BudgetReadAccessApiTest extends ApiTestSupport {

    private static final String[] RESOURCES = {"", "/events", "?asOf=2020-01-01T00:00:00Z"};

    @ParameterizedTest
    @EnumSource(
            value = Party.class,
            names = {
                "OTHER_PERSON",
                "OTHER_PERSONS_NOMINEE",
                "OTHER_NOMINEE",
                "NOMINEE",
                "OTHER_PRACTITIONER",
                "OTHER_COUNCILS_AUTHORITY",
                "OTHER_COUNCILS_PRACTITIONER",
                "OTHER_COUNCILS_PERSON"
            })
    void toACallerWithNoRelationshipToTheBudgetItDoesNotExist(Party stranger) throws Exception {
        String id = api.open();
        for (String resource : RESOURCES) {
            String unknown = api.read(api.get("/api/v1/budgets/PB-unknown" + resource, Party.AUTHORITY)
                            .andExpect(status().isNotFound()))
                    .toString();

            var answer = api.get("/api/v1/budgets/" + id + resource, stranger)
                    .andExpect(ApiClient.problem(404, "budget-not-found"))
                    .andExpect(header().doesNotExist("ETag"));
            assertThat(api.read(answer).toString())
                    .as("%s as %s", resource, stranger)
                    .isEqualTo(unknown.replace("PB-unknown", id));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Party.class,
            names = {"PERSON", "PRACTITIONER", "AUTHORITY", "AUDITOR"})
    void thePersonTheAllocatedPractitionerAndTheCouncilsAuthorityAndAuditorsReadIt(Party reader) throws Exception {
        String id = api.open();

        api.get("/api/v1/budgets/" + id, reader).andExpect(status().isOk());
        api.get("/api/v1/budgets/" + id + "/events", reader).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/events"})
    void aCouncilSystemSeesTheBudgetForItsCommandsButReadsNothingOfIt(String resource) throws Exception {
        String id = api.open();

        api.get("/api/v1/budgets/" + id + resource, Party.SYSTEM).andExpect(ApiClient.problem(403, "access-denied"));
    }

    @Test
    void aNomineeReadsOnlyWhileADelegationNamesThem() throws Exception {
        String id = api.budgetAt(Stage.DELEGATED);
        api.get("/api/v1/budgets/" + id + "/events", Party.NOMINEE).andExpect(status().isOk());

        api.send(id, "resume-control", Party.PERSON, Bodies.resumption()).andExpect(status().isOk());

        api.get("/api/v1/budgets/" + id + "/events", Party.NOMINEE)
                .andExpect(ApiClient.problem(404, "budget-not-found"));
        api.get("/api/v1/budgets/" + id + "?asOf=" + Bodies.fromNow(java.time.Duration.ZERO), Party.NOMINEE)
                .andExpect(ApiClient.problem(404, "budget-not-found"));
    }

    @Test
    void aReallocationMovesTheBudgetFromOnePractitionersCaseloadToAnother() throws Exception {
        String id = api.budgetAt(Stage.ACTIVE);
        api.get("/api/v1/budgets/" + id, Party.OTHER_PRACTITIONER)
                .andExpect(ApiClient.problem(404, "budget-not-found"));

        api.send(id, "reallocate-practitioner", Party.AUTHORITY, Bodies.reallocation(Party.OTHER_PRACTITIONER.sub))
                .andExpect(status().isOk());

        api.get("/api/v1/budgets/" + id, Party.OTHER_PRACTITIONER).andExpect(status().isOk());
        api.get("/api/v1/budgets/" + id, Party.PRACTITIONER).andExpect(ApiClient.problem(404, "budget-not-found"));
        api.send(id, "record-outcome", Party.PRACTITIONER, Bodies.outcome())
                .andExpect(ApiClient.problem(404, "budget-not-found"));
    }
}
