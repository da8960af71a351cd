package uk.gov.personalbudget.approval.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.personalbudget.approval.personaldata.RevealedHistory;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.store.ProjectionStore;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.util.List;

/** One budget's control trail and decision history, as JSON or CSV ({@code Accept: text/csv}). */
@RestController
@RequestMapping("/api/v1/budgets/{id}")
@Tag(name = "Audit trail")
public class BudgetHistoryController {

    /** Every control transfer of the budget, in order. */
    public record ControlTrail(BudgetId budgetId, boolean rebuildInProgress, List<ControlTrailEntry> transfers) {
    }

    /** Every decision of the budget, in order. */
    public record Decisions(BudgetId budgetId, boolean rebuildInProgress, List<Decision> decisions) {
    }

    private final ProjectionStore store;
    private final RebuildNotice rebuild;
    private final RevealedHistory revealed;

    public BudgetHistoryController(ProjectionStore store, RebuildNotice rebuild, RevealedHistory revealed) {
        this.store = store;
        this.rebuild = rebuild;
        this.revealed = revealed;
    }

    @GetMapping(path = "/control-trail", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getControlTrail", summary = "Every control transfer of the budget: from whom to whom, "
            + "when, by which event and whose act, why, and how long the party that lost control had held it")
    public ResponseEntity<ControlTrail> controlTrail(@PathVariable BudgetId id, @Parameter(hidden = true) Actor actor) {
        requireMayRead(actor, id);
        return rebuild.answer(new ControlTrail(id, rebuild.inProgress(), revealed.trail(store.controlTrail(id))));
    }

    @GetMapping(path = "/control-trail", produces = CsvExport.MEDIA_TYPE)
    @Operation(operationId = "getControlTrailCsv", summary = "The control trail as CSV")
    public ResponseEntity<String> controlTrailCsv(@PathVariable BudgetId id, @Parameter(hidden = true) Actor actor) {
        requireMayRead(actor, id);
        return rebuild.answer(CsvExport.trail(revealed.trail(store.controlTrail(id))));
    }

    @GetMapping(path = "/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getDecisions", summary = "Every decision on the budget with its reasons, and whether "
            + "the person took part or added a statement")
    public ResponseEntity<Decisions> decisions(@PathVariable BudgetId id, @Parameter(hidden = true) Actor actor) {
        requireMayRead(actor, id);
        return rebuild.answer(new Decisions(id, rebuild.inProgress(), revealed.decisions(store.decisions(id))));
    }

    @GetMapping(path = "/decisions", produces = CsvExport.MEDIA_TYPE)
    @Operation(operationId = "getDecisionsCsv", summary = "The decision history as CSV")
    public ResponseEntity<String> decisionsCsv(@PathVariable BudgetId id, @Parameter(hidden = true) Actor actor) {
        requireMayRead(actor, id);
        return rebuild.answer(CsvExport.decisions(revealed.decisions(store.decisions(id))));
    }

    private void requireMayRead(Actor actor, BudgetId id) {
        ReadAccess.requireMayRead(actor, store.budgetAccess(id).orElseThrow(() -> new BudgetNotKnown(id)));
    }
}
