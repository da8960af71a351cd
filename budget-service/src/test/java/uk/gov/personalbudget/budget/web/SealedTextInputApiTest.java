package uk.gov.personalbudget.budget.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text shaped like sealed personal data ({@code pd:v1:…}) is refused in every clear-text input, so that no caller can
 * plant a value that would later be opened as if budget-service had sealed it (issue "Hardening", item 4).
 */
class SealedTextInputApiTest extends ApiTestSupport {

    private static final String SEALED_LOOKING =
            "pd:v1:AAAAAAAAAAAAAAAAAAAAAA:" + "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "ACTIVE, choose-management, provider, '{\"option\":\"INDIVIDUAL_SERVICE_FUND\",\"provider\":\"%s\"}'",
        "OFFERED, contest-offer, reason, '{\"reason\":\"Not enough %s\"}'",
        "PLANNING, submit-plan, lines[0].description, "
                + "'{\"lines\":[{\"description\":\"%s\",\"cost\":{\"pence\":100,\"period\":\"WEEKLY\"},"
                + "\"recoveryGoalId\":\"G1\"}],\"madeBy\":\"SELF\"}'"
    })
    void aSealedLookingTextIsRefusedNamingItsFieldAndNothingIsStored(
            Stage stage, String command, String field, String body) throws Exception {
        String id = api.budgetAt(stage);

        api.rejects(id, command, Party.PERSON, body.formatted(SEALED_LOOKING), 400, "sealed-text-refused")
                .andExpect(ApiClient.fieldAtFault(field));
        assertThat(api.version(id)).isEqualTo(stage.events() - 1);
    }
}
