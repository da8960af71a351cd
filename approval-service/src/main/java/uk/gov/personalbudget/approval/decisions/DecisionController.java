package uk.gov.personalbudget.approval.decisions;

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
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.replay.RebuildNotice;
import uk.gov.personalbudget.approval.web.BudgetVisibility;
import uk.gov.personalbudget.approval.web.CsvExport;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.util.List;

/**
 * One budget's decision history, as JSON or CSV ({@code Accept: text/csv}), for those the contracts' access rule lets
 * see the budget and whose role reads ({@link BudgetVisibility}): anyone else gets the 404 of an unknown budget, and
 * a SYSTEM caller a 403.
 */
@RestController
@RequestMapping("/api/v1/budgets/{id}")
@Tag(name = "Audit trail")
class DecisionController {

    /** Every decision of the budget, in order. */
    public record Decisions(BudgetId budgetId, boolean rebuildInProgress, List<Decision> decisions) {}

    private final DecisionQueries decisions;
    private final RebuildNotice rebuild;
    private final RevealedHistory revealed;
    private final BudgetVisibility visibility;
    private final Generations generations;

    DecisionController(
            DecisionQueries decisions,
            RebuildNotice rebuild,
            RevealedHistory revealed,
            BudgetVisibility visibility,
            Generations generations) {
        this.decisions = decisions;
        this.rebuild = rebuild;
        this.revealed = revealed;
        this.visibility = visibility;
        this.generations = generations;
    }

    @GetMapping(path = "/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getDecisions",
            summary = "Every decision on the budget with its reasons, and whether "
                    + "the person took part or added a statement (offers, revisions, plans, closure with how the person was "
                    + "told, reallocations to another practitioner, withdrawn contests and plans)",
            description = BudgetVisibility.READERS)
    public ResponseEntity<Decisions> decisions(@PathVariable BudgetId id, @Parameter(hidden = true) Actor actor) {
        // One read-only snapshot for the check and the answer (as the control trail's).
        return generations.read(() -> {
            requireMayRead(actor, id);
            return rebuild.answer(new Decisions(id, rebuild.inProgress(), revealed.decisions(decisions.decisions(id))));
        });
    }

    @GetMapping(path = "/decisions", produces = CsvExport.MEDIA_TYPE)
    @Operation(
            operationId = "getDecisionsCsv",
            summary = "The decision history as CSV",
            description = BudgetVisibility.READERS)
    public ResponseEntity<String> decisionsCsv(@PathVariable BudgetId id, @Parameter(hidden = true) Actor actor) {
        return generations.read(() -> {
            requireMayRead(actor, id);
            return rebuild.answer(CsvExport.decisions(revealed.decisions(decisions.decisions(id))));
        });
    }

    private void requireMayRead(Actor actor, BudgetId id) {
        visibility.requireReadable(actor, id);
    }
}
