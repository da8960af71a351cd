package uk.gov.personalbudget.budget.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import uk.gov.personalbudget.budget.history.BudgetHistory;
import uk.gov.personalbudget.contracts.api.BudgetView;
import uk.gov.personalbudget.contracts.api.HistoryEntry;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Instant;
import java.util.List;

/**
 * A budget's state now or at a past moment, and its full decision history, rebuilt from its events, for a caller the
 * access rule lets read it ({@link BudgetHistory}); to any other it does not exist.
 */
@RestController
@RequestMapping("/api/v1/budgets")
@Tag(name = "Budget state and history")
class BudgetQueryController {

    private final BudgetHistory history;

    public BudgetQueryController(BudgetHistory history) {
        this.history = history;
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getBudget",
            summary = "The budget's state now, or as it was at asOf",
            description = "The ETag is the budget's version (the sequence number of its latest event).")
    public ResponseEntity<BudgetView> get(
            @PathVariable BudgetId id,
            @Parameter(description = "an ISO-8601 instant, e.g. 2026-11-22T10:15:30Z")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            WebRequest request,
            @Parameter(hidden = true) Actor actor) {
        BudgetView view = asOf == null ? history.current(id, actor) : history.asOf(id, asOf, actor);
        String etag = "\"" + view.version() + "\"";
        if (asOf == null && request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(view);
    }

    @GetMapping("/{id}/events")
    @Operation(operationId = "getBudgetEvents", summary = "The budget's full decision history, in order")
    public List<HistoryEntry> events(@PathVariable BudgetId id, @Parameter(hidden = true) Actor actor) {
        return history.entries(id, actor);
    }
}
