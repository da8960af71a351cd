package uk.gov.personalbudget.budget.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.gov.personalbudget.budget.web.BudgetCommandApiTest.controlHolder;

/**
 * A nominee (a token with the person claim) does the person's acts only while a delegation or authorisation
 * names them; the history records who acted and for whom.
 */
class DelegationApiTest extends ApiTestSupport {

    private static final ControlHolder JORDAN = ControlHolder.named(ControlParty.NOMINEE, Party.NOMINEE.sub);

    @Test
    void aNomineeAcceptsAndSubmitsOnlyWhileControlIsDelegatedToThem() throws Exception {
        String id = api.budgetAt(Stage.OFFERED);
        api.rejects(id, "accept-offer", Party.NOMINEE, null, 404, "budget-not-found");
        api.rejects(id, "contest-offer", Party.NOMINEE, Bodies.contest(), 404, "budget-not-found");

        api.send(id, "delegate-control", Party.PERSON, Bodies.delegation())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OFFERED"))
                .andExpect(controlHolder(JORDAN));
        api.rejects(id, "accept-offer", Party.OTHER_NOMINEE, null, 404, "budget-not-found");
        api.rejects(id, "accept-offer", Party.PERSON, null, 403, "not-acting-for-the-person");
        api.send(id, "accept-offer", Party.NOMINEE, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PLANNING"))
                .andExpect(controlHolder(JORDAN));
        api.send(id, "submit-plan", Party.NOMINEE, Bodies.plan())
                .andExpect(status().isOk())
                .andExpect(controlHolder(ControlHolder.PRACTITIONER));
        api.send(id, "resume-control", Party.NOMINEE, Bodies.resumption())
                .andExpect(status().isOk())
                .andExpect(controlHolder(ControlHolder.PRACTITIONER));
        api.send(id, "return-plan", Party.PRACTITIONER, Bodies.planReturn())
                .andExpect(status().isOk())
                .andExpect(controlHolder(ControlHolder.PERSON));

        api.rejects(id, "submit-plan", Party.NOMINEE, Bodies.plan(), 404, "budget-not-found");
        api.send(id, "submit-plan", Party.PERSON, Bodies.plan()).andExpect(status().isOk());

        JsonNode events = api.events(id);
        assertThat(events).hasSize(9);
        expectEntry(events.get(3), "ControlDelegated", Party.PERSON, null, "PERSON", JORDAN);
        expectEntry(
                events.get(4),
                "OfferAccepted",
                Party.NOMINEE,
                Party.PERSON_REF,
                JORDAN.party().name(),
                JORDAN);
        expectEntry(
                events.get(5),
                "PlanSubmitted",
                Party.NOMINEE,
                Party.PERSON_REF,
                JORDAN.party().name(),
                ControlHolder.PRACTITIONER);
        expectEntry(
                events.get(6),
                "ControlResumed",
                Party.NOMINEE,
                Party.PERSON_REF,
                "PRACTITIONER",
                ControlHolder.PRACTITIONER);
        expectEntry(events.get(8), "PlanSubmitted", Party.PERSON, null, "PERSON", ControlHolder.PRACTITIONER);
        assertThat(events.get(4).get("controlBefore").get("actorId").textValue())
                .isEqualTo(Party.NOMINEE.sub);
    }

    @Test
    void controlComesBackToThePersonWhenTheDelegateHandsItBack() throws Exception {
        String id = api.budgetAt(Stage.DELEGATED);

        api.send(id, "resume-control", Party.NOMINEE, Bodies.resumption())
                .andExpect(status().isOk())
                .andExpect(controlHolder(ControlHolder.PERSON));

        JsonNode resumed = api.events(id).get(Stage.DELEGATED.events());
        expectEntry(resumed, "ControlResumed", Party.NOMINEE, Party.PERSON_REF, "NOMINEE", ControlHolder.PERSON);
        assertThat(resumed.get("payload").get("resumption").get("reason").textValue())
                .isEqualTo("Back home and well");
        assertThat(api.view(id).get("delegation").isNull()).isTrue();
    }

    @Test
    void aNomineeSpeaksForThePersonOnlyWhileNamed() throws Exception {
        String endorsed = api.budgetAt(Stage.PLAN_ENDORSED);
        String delegated = api.budgetAt(Stage.DELEGATED);

        api.rejects(endorsed, "add-person-statement", Party.NOMINEE, Bodies.statement(), 404, "budget-not-found");
        api.rejects(delegated, "record-outcome", Party.OTHER_NOMINEE, Bodies.outcome(), 404, "budget-not-found");
        api.send(delegated, "record-outcome", Party.NOMINEE, Bodies.outcome()).andExpect(status().isOk());
        api.send(delegated, "record-outcome", Party.PERSON, Bodies.outcome()).andExpect(status().isOk());

        JsonNode events = api.events(delegated);
        int first = Stage.DELEGATED.events();
        expectEntry(events.get(first), "OutcomeRecorded", Party.NOMINEE, Party.PERSON_REF, "NOMINEE", JORDAN);
        expectEntry(events.get(first + 1), "OutcomeRecorded", Party.PERSON, null, "NOMINEE", JORDAN);
    }

    @Test
    void anAuthorisedPersonActsForThePersonUntilTheAuthorisationEnds() throws Exception {
        String id = api.budgetAt(Stage.AUTHORISED);

        api.send(id, "accept-offer", Party.NOMINEE, null)
                .andExpect(status().isOk())
                .andExpect(controlHolder(JORDAN));
        api.send(id, "end-authorisation", Party.AUTHORITY, Bodies.reason("The person has regained capacity"))
                .andExpect(status().isOk())
                .andExpect(controlHolder(ControlHolder.PERSON));
        api.rejects(id, "submit-plan", Party.NOMINEE, Bodies.plan(), 404, "budget-not-found");

        expectEntry(api.events(id).get(4), "OfferAccepted", Party.NOMINEE, Party.PERSON_REF, "NOMINEE", JORDAN);
    }

    @Test
    void aPractitionerDelegatedInACrisisSubmitsThePlanForThePerson() throws Exception {
        String id = api.budgetAt(Stage.PLANNING);
        api.send(
                        id,
                        "delegate-control",
                        Party.AUTHORITY,
                        Bodies.delegation(Party.PRACTITIONER.sub, "PRACTITIONER", "CRISIS"))
                .andExpect(controlHolder(ControlHolder.named(ControlParty.PRACTITIONER, Party.PRACTITIONER.sub)));

        api.send(id, "submit-plan", Party.PRACTITIONER, Bodies.plan()).andExpect(status().isOk());

        expectEntry(
                api.events(id).get(Stage.PLANNING.events() + 1),
                "PlanSubmitted",
                Party.PRACTITIONER,
                Party.PERSON_REF,
                "PRACTITIONER",
                ControlHolder.PRACTITIONER);
    }

    private static void expectEntry(
            JsonNode entry, String type, Party actor, String onBehalfOf, String partyBefore, ControlHolder after) {
        assertThat(entry.get("type").textValue()).isEqualTo(type);
        assertThat(entry.get("actor").textValue()).as(type).isEqualTo(actor.sub);
        assertThat(entry.get("actorRole").textValue()).as(type).isEqualTo(actor.role.name());
        if (onBehalfOf == null) {
            assertThat(entry.get("onBehalfOf").isNull())
                    .as(type + " onBehalfOf")
                    .isTrue();
        } else {
            assertThat(entry.get("onBehalfOf").textValue())
                    .as(type + " onBehalfOf")
                    .isEqualTo(onBehalfOf);
        }
        assertThat(entry.get("controlBefore").get("party").textValue())
                .as(type + " before")
                .isEqualTo(partyBefore);
        assertThat(entry.get("controlAfter").get("party").textValue())
                .as(type + " after")
                .isEqualTo(after.party().name());
        assertThat(entry.get("controlAfter").get("actorId").textValue())
                .as(type + " after")
                .isEqualTo(after.actorId());
        assertThat(entry.get("payload").get("act").get("onBehalfOf").textValue())
                .as(type)
                .isEqualTo(onBehalfOf);
    }
}
