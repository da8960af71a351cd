package uk.gov.personalbudget.budget.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.value.BudgetStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every command endpoint, accepted: the answer is the budget's new version, status and control holder. */
class BudgetCommandApiTest extends ApiTestSupport {

    @Test
    void openingABudgetAnswers201WithItsLocationAndFirstState() throws Exception {
        ResultActions opened = api.open(Party.PRACTITIONER, Bodies.opening())
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.status").value("OPENED"))
                .andExpect(controlHolder(ControlHolder.PRACTITIONER));
        String id = api.read(opened).get("id").textValue();

        opened.andExpect(header().string(HttpHeaders.LOCATION, endsWith("/api/v1/budgets/" + id)));
        JsonNode view = api.view(id);
        assertThat(view.get("person").textValue()).isEqualTo(Party.PERSON_REF);
        assertThat(view.get("localAuthority").textValue()).isEqualTo("leeds");
        assertThat(api.events(id).get(0).get("actor").textValue()).isEqualTo(Party.PRACTITIONER.sub);
    }

    @Test
    void aCouncilSystemMayOpenABudget() throws Exception {
        api.open(Party.SYSTEM, Bodies.opening())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPENED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uk.gov.personalbudget.budget.web.Commands#all")
    void everyCommandAnswersTheBudgetsNewVersionStatusAndControlHolder(Commands.CommandCase command) throws Exception {
        String id = api.budgetAt(command.at());
        long before = api.version(id);

        api.send(id, command.command(), command.by(), command.validBody())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.version").value(before + 1))
                .andExpect(jsonPath("$.status").value(command.statusAfter().name()))
                .andExpect(controlHolder(command.controlAfter()));

        JsonNode view = api.view(id);
        assertThat(view.get("version").longValue()).isEqualTo(before + 1);
        assertThat(view.get("status").textValue())
                .isEqualTo(command.statusAfter().name());
        assertThat(view.get("controlHolder").get("party").textValue())
                .isEqualTo(command.controlAfter().party().name());
    }

    @ParameterizedTest(name = "{0} gives control to {1}")
    @CsvSource({
        "'{\"option\":\"DIRECT_PAYMENT\"}', PERSON",
        "'{\"option\":\"COUNCIL_MANAGED\"}', AUTHORITY",
        "'{\"option\":\"INDIVIDUAL_SERVICE_FUND\",\"provider\":\"Northshire Mind\"}', PROVIDER",
        "'{\"option\":\"MIXED\",\"split\":{\"directPayment\":{\"pence\":700000,\"period\":\"YEARLY\"},"
                + "\"councilManaged\":{\"pence\":500000,\"period\":\"YEARLY\"}}}', PERSON"
    })
    void choosingManagementGivesControlToWhoeverManagesTheMoney(String management, String holder) throws Exception {
        String id = api.budgetAt(Stage.APPROVED);

        api.send(id, "choose-management", Party.PERSON, management)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.controlHolder.party").value(holder));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CONTINUE, ACTIVE, PERSON", "REPLAN, PLANNING, PERSON", "END, ENDING, AUTHORITY"})
    void completingAReviewContinuesReplansOrEndsTheBudget(String result, BudgetStatus status, String holder)
            throws Exception {
        String id = api.budgetAt(Stage.REVIEW_SCHEDULED);

        api.send(id, "complete-review", Party.PRACTITIONER, Bodies.reviewResult(result))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(status.name()))
                .andExpect(jsonPath("$.controlHolder.party").value(holder));
    }

    @Test
    void resumingACouncilManagedBudgetGivesControlBackToTheAuthority() throws Exception {
        String id = api.budgetAt(Stage.APPROVED);
        api.send(id, "choose-management", Party.PERSON, Bodies.management("COUNCIL_MANAGED"))
                .andExpect(status().isOk());
        api.send(id, "suspend-budget", Party.AUTHORITY, Bodies.suspension()).andExpect(status().isOk());

        api.send(id, "resume-budget", Party.AUTHORITY, Bodies.reason("Home again"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(controlHolder(ControlHolder.AUTHORITY));
    }

    @Test
    void endorsingAPlanAndResumingControlNeedNoBody() throws Exception {
        String submitted = api.budgetAt(Stage.PLAN_SUBMITTED);
        String delegated = api.budgetAt(Stage.DELEGATED);

        api.send(submitted, "endorse-plan", Party.PRACTITIONER, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PLAN_ENDORSED"));
        api.send(delegated, "resume-control", Party.PERSON, null)
                .andExpect(status().isOk())
                .andExpect(controlHolder(ControlHolder.PERSON));
    }

    @Test
    void aPersonMayRecordTheirOwnSelfAssessment() throws Exception {
        String id = api.budgetAt(Stage.OPENED);

        api.send(id, "record-assessment", Party.PERSON, Bodies.assessment("SELF"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ASSESSED"));
    }

    @Test
    void thePersonContestingAndTheAuthorityRevisingLeavesAnOpenOfferAtTheRevisedAmount() throws Exception {
        String id = api.budgetAt(Stage.CONTESTED);

        api.send(id, "revise-offer", Party.AUTHORITY, Bodies.revision()).andExpect(status().isOk());

        JsonNode view = api.view(id);
        assertThat(view.get("status").textValue()).isEqualTo("OFFERED");
        assertThat(view.get("offer").get("amount").get("pence").longValue()).isEqualTo(1_300_000L);
        assertThat(view.get("openContest").isNull()).isTrue();
    }

    static ResultMatcher controlHolder(ControlHolder holder) {
        return ResultMatcher.matchAll(
                jsonPath("$.controlHolder.party").value(holder.party().name()),
                holder.actorId() == null
                        ? jsonPath("$.controlHolder.actorId").value(nullValue())
                        : jsonPath("$.controlHolder.actorId").value(holder.actorId()));
    }
}
