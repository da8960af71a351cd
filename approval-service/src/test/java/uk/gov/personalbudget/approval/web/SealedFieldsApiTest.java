package uk.gov.personalbudget.approval.web;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.DecisionKind;
import uk.gov.personalbudget.approval.support.InMemoryApprovalServiceTest;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.support.personaldata.PersonKey;
import uk.gov.personalbudget.support.personaldata.PersonKeyStore;
import uk.gov.personalbudget.support.personaldata.PersonKeys;
import uk.gov.personalbudget.support.personaldata.PersonalDataCipher;
import uk.gov.personalbudget.support.personaldata.PersonalDataKeysProperties;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A record from before budget-service refused sealed-looking input: its provider (a clear field) carries a value
 * sealed with the budget's own person's key, copied from the endorsement. The trail and decisions, as JSON and as
 * CSV, open the endorsement the producer sealed and show {@code [not opened]} for the copy.
 */
class SealedFieldsApiTest extends InMemoryApprovalServiceTest {

    private static final String COMMENT = "Co-produced with Sam; sensible and within the offer";
    private static final String NOT_OPENED = "[not opened]";

    @Autowired
    private PersonalDataKeysProperties keyStore;

    @Test
    void aSealedValueInAClearFieldReadsNotOpenedWhileTheBudgetsSealedFieldsOpen() throws Exception {
        PersonReference person = new PersonReference("P-" + UUID.randomUUID());
        String budget = "PB-" + UUID.randomUUID();
        String comment = sealedFor(person, COMMENT);
        publishAndAwait(LifecycleEvents.budget(budget, LifecycleEvents.START, person, LifecycleEvents.PRACTITIONER)
                .opened()
                .assessed()
                .offered(1_250_000)
                .accepted()
                .submitted(1_250_000)
                .endorsed(comment)
                .approved()
                .serviceFundChosen(comment)
                .suspended("As the practitioner wrote: " + comment)
                .envelopes());

        List<Decision> decisions = decisions(budget);
        assertThat(decision(decisions, DecisionKind.ENDORSEMENT).reasons()).isEqualTo(COMMENT);
        assertThat(decision(decisions, DecisionKind.MANAGEMENT).detail()).isEqualTo("provider " + NOT_OPENED);
        assertThat(decision(decisions, DecisionKind.SUSPENSION).reasons())
                .isEqualTo("As the practitioner wrote: " + NOT_OPENED);
        List<ControlTrailEntry> trail = controlTrail(budget);
        assertThat(transfer(trail, "PlanEndorsed").reason()).isEqualTo(COMMENT);
        assertThat(transfer(trail, "BudgetSuspended").reason()).isEqualTo("As the practitioner wrote: " + NOT_OPENED);

        String decisionsCsv = csv("/api/v1/budgets/" + budget + "/decisions");
        assertThat(rows(decisionsCsv))
                .filteredOn(row -> row.get("kind").equals("MANAGEMENT"))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("detail", "provider " + NOT_OPENED));
        assertThat(rows(decisionsCsv))
                .filteredOn(row -> row.get("kind").equals("ENDORSEMENT"))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("reasons", COMMENT));
        String trailCsv = csv("/api/v1/budgets/" + budget + "/control-trail");
        assertThat(rows(trailCsv))
                .filteredOn(row -> row.get("event").equals("BudgetSuspended"))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("reason", "As the practitioner wrote: " + NOT_OPENED));
        assertThat(rows(trailCsv))
                .filteredOn(row -> row.get("event").equals("PlanEndorsed"))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("reason", COMMENT));
        assertThat(decisionsCsv + trailCsv).doesNotContain(PersonalDataCipher.PREFIX);
    }

    /** {@code text} sealed as budget-service seals it, with the person's key in the key store both services share. */
    private String sealedFor(PersonReference person, String text) {
        try (PersonKeyStore store = PersonKeyStore.open(keyStore.datasource(), true)) {
            PersonKey key = new PersonKeys(store, Duration.ZERO, Clock.systemUTC()).forSealing(person);
            return PersonalDataCipher.seal(key.keyId(), key.secretKey(), text);
        }
    }

    private static Decision decision(List<Decision> decisions, DecisionKind kind) {
        return decisions.stream()
                .filter(decision -> decision.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    private static ControlTrailEntry transfer(List<ControlTrailEntry> trail, String event) {
        return trail.stream()
                .filter(entry -> entry.event().equals(event))
                .findFirst()
                .orElseThrow();
    }

    private String csv(String path) throws Exception {
        return get(path, tokens.auditor(), MediaType.parseMediaType("text/csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<Map<String, String>> rows(String csv) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            return rows.readAll();
        }
    }
}
