package uk.gov.personalbudget.budget.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.personalbudget.budget.history.BudgetHistory;
import uk.gov.personalbudget.budget.history.BudgetNotFound;
import uk.gov.personalbudget.budget.integrity.TamperEvidence;
import uk.gov.personalbudget.contracts.access.BudgetAccessRule;
import uk.gov.personalbudget.contracts.api.ChainVerification;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Role;

/** Whether a budget's stored history is still as it was written: its hash chain recomputed from the event store. */
@RestController
@RequestMapping("/api/v1/budgets")
@Tag(name = "Tamper evidence")
class VerificationController {

    private final TamperEvidence tamperEvidence;
    private final BudgetHistory history;

    public VerificationController(TamperEvidence tamperEvidence, BudgetHistory history) {
        this.tamperEvidence = tamperEvidence;
        this.history = history;
    }

    @GetMapping("/{id}/verification")
    @Operation(
            operationId = "verifyBudget",
            summary = "Recompute the budget's hash chain from the event store (AUDITOR, AUTHORITY)",
            description = "Says whether every stored event still matches its hash and links to the event before it "
                    + "and, if not, which event is the first that does not. See docs/security.md, Tamper evidence.")
    public ChainVerification verify(@PathVariable BudgetId id, @Parameter(hidden = true) Actor actor) {
        // First whether the caller may see the budget at all: to one who may not, it does not exist.
        if (!BudgetAccessRule.maySee(actor, history.parties(id))) {
            throw new BudgetNotFound(id);
        }
        if (!actor.is(Role.AUDITOR) && !actor.is(Role.AUTHORITY)) {
            throw new AccessDeniedException("only an AUDITOR or AUTHORITY verifies a budget's history");
        }
        return tamperEvidence.verify(id).orElseThrow(() -> new BudgetNotFound(id));
    }
}
