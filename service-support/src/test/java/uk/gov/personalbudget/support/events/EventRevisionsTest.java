package uk.gov.personalbudget.support.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class EventRevisionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String LINES =
            "\"lines\":[{\"description\":\"pd:v1:k:AAAA\",\"cost\":{\"pence\":100,\"period\":\"YEARLY\"},"
                    + "\"recoveryGoalId\":\"G1\",\"outcomeDomain\":null}],\"madeBy\":\"SELF\",\"exceptionReason\":null";

    @Test
    void theNotesOnTheAgreementJoinItsRecord() throws IOException {
        JsonNode revision1 = json("{\"budgetId\":\"b-1\",\"plan\":{" + LINES + ",\"personAgreement\":\"pd:v1:k:BBBB\","
                + "\"agreement\":{\"method\":\"SIGNED_PLAN\",\"agreedAt\":\"2026-02-27T14:00:00Z\","
                + "\"reference\":\"pd:v1:k:CCCC\"}}}");

        assertThat(EventRevisions.toCurrent(PlanSubmitted.class, null, revision1))
                .contains(
                        json("{\"budgetId\":\"b-1\",\"plan\":{" + LINES + ",\"agreement\":{\"method\":\"SIGNED_PLAN\","
                                + "\"agreedAt\":\"2026-02-27T14:00:00Z\",\"reference\":\"pd:v1:k:CCCC\","
                                + "\"notes\":\"pd:v1:k:BBBB\"}}}"));
    }

    @Test
    void notesWithoutARecordBecomeAnAgreementOfNotesAlone() throws IOException {
        JsonNode revision1 = json("{\"plan\":{" + LINES + ",\"personAgreement\":\"pd:v1:k:BBBB\",\"agreement\":null}}");

        assertThat(EventRevisions.toCurrent(PlanSubmitted.class, "1", revision1))
                .contains(json("{\"plan\":{" + LINES + ",\"agreement\":{\"method\":null,\"agreedAt\":null,"
                        + "\"reference\":null,\"notes\":\"pd:v1:k:BBBB\"}}}"));
    }

    @Test
    void aPlanStoredBeforeTheAgreementExistedHasNone() throws IOException {
        JsonNode revision1 = json("{\"plan\":{" + LINES + ",\"personAgreement\":null}}");

        assertThat(EventRevisions.toCurrent(PlanSubmitted.class, null, revision1))
                .contains(json("{\"plan\":{" + LINES + ",\"agreement\":null}}"));
    }

    @Test
    void theCurrentRevisionIsReadAsItIs() throws IOException {
        JsonNode revision2 = json("{\"plan\":{" + LINES + ",\"agreement\":null}}");

        assertThat(EventRevisions.toCurrent(PlanSubmitted.class, "2", revision2))
                .contains(revision2);
        assertThat(EventRevisions.toCurrent(BudgetOpened.class, "1", revision2)).contains(revision2);
    }

    @Test
    void aLaterRevisionThanThisVersionKnowsIsNotGuessed() throws IOException {
        JsonNode revision3 = json("{\"plan\":{}}");

        assertThat(EventRevisions.toCurrent(PlanSubmitted.class, "3", revision3))
                .isEmpty();
        assertThat(EventRevisions.toCurrent(BudgetOpened.class, "2", revision3)).isEmpty();
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
