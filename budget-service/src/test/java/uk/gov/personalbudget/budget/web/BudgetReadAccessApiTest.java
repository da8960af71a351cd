package uk.gov.personalbudget.budget.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A person, or a nominee acting for them, reads only that person's budget and history. */
class BudgetReadAccessApiTest extends ApiTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"", "/events"})
    void anotherPersonOrTheirNomineeMayNotReadTheBudget(String resource) throws Exception {
        String id = api.open();

        api.get("/api/v1/budgets/" + id + resource, Party.OTHER_PERSON)
                .andExpect(ApiClient.problem(403, "access-denied"));
        api.get("/api/v1/budgets/" + id + resource, Party.OTHER_PERSONS_NOMINEE)
                .andExpect(ApiClient.problem(403, "access-denied"));
    }

    @ParameterizedTest
    @EnumSource(value = Party.class, names = {"PERSON", "NOMINEE", "PRACTITIONER", "AUTHORITY", "AUDITOR", "SYSTEM"})
    void thePersonTheirNomineesAndCouncilRolesReadIt(Party reader) throws Exception {
        String id = api.open();

        api.get("/api/v1/budgets/" + id, reader).andExpect(status().isOk());
        api.get("/api/v1/budgets/" + id + "/events", reader).andExpect(status().isOk());
    }
}
