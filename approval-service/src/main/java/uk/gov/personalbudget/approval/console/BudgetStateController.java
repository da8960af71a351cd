package uk.gov.personalbudget.approval.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.personalbudget.approval.web.BudgetVisibility;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Role;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What the console needs from budget-service, read through this service so the pages have one origin: a
 * budget's state now or at a past moment, and the verification of its hash chain. This service applies the
 * contracts' access rule first, on the parties it has projected ({@link BudgetVisibility}): a caller who may not
 * see the budget gets the 404 of an unknown budget and budget-service is not asked; then budget-service checks
 * the forwarded token against the same rule on its own copy of the budget.
 */
@RestController
@RequestMapping(path = "/api/v1/budgets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Console")
class BudgetStateController {

    private final BudgetVisibility visibility;
    private final BudgetServiceClient budgetService;

    BudgetStateController(BudgetVisibility visibility, BudgetServiceClient budgetService) {
        this.visibility = visibility;
        this.budgetService = budgetService;
    }

    @GetMapping("/state")
    @Operation(
            operationId = "getBudgetState",
            summary = "The budget's state now, or as it was at asOf, "
                    + "from budget-service (GET /api/v1/budgets/{id}), for those who may read its trail",
            description = "Those who may see the budget by the access rule, but SYSTEM (403); anyone else 404.")
    public ResponseEntity<byte[]> state(
            @PathVariable BudgetId id,
            @Parameter(description = "the moment to show, an ISO-8601 instant; now when absent")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            @Parameter(hidden = true) Actor actor,
            @Parameter(hidden = true) @AuthenticationPrincipal Jwt token) {
        visibility.requireReadable(actor, id);
        String query = asOf == null ? "" : "?asOf=" + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8);
        return budgetService.get(budgetPath(id) + query, token.getTokenValue());
    }

    @GetMapping("/verification")
    @Operation(
            operationId = "getBudgetVerification",
            summary = "budget-service's check of the budget's hash "
                    + "chain (GET /api/v1/budgets/{id}/verification): AUTHORITY and AUDITOR",
            description = "AUTHORITY and AUDITOR of the budget's council; a caller who may not see the budget gets "
                    + "404, one who may see it in another role 403.")
    public ResponseEntity<byte[]> verification(
            @PathVariable BudgetId id,
            @Parameter(hidden = true) Actor actor,
            @Parameter(hidden = true) @AuthenticationPrincipal Jwt token) {
        visibility.requireVisible(actor, id);
        if (!actor.is(Role.AUDITOR) && !actor.is(Role.AUTHORITY)) {
            throw new AccessDeniedException("only the authority and auditors verify a budget's history");
        }
        return budgetService.get(budgetPath(id) + "/verification", token.getTokenValue());
    }

    private static String budgetPath(BudgetId id) {
        return "/api/v1/budgets/" + URLEncoder.encode(id.value(), StandardCharsets.UTF_8);
    }
}
