package uk.gov.personalbudget.approval.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local profile only: the console's sign-in asks budget-service for a development token through this service,
 * so the page needs no second origin. The request and the token pass through unread and are never logged.
 */
@RestController
@Profile("local")
@Tag(name = "Development tokens", description = "Local profile only: budget-service's development tokens")
class DevTokenForwarding {

    static final String PATH = "/dev/tokens";

    private final BudgetServiceClient budgetService;

    DevTokenForwarding(BudgetServiceClient budgetService) {
        this.budgetService = budgetService;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A development token from budget-service's POST /dev/tokens (same body, same answer)")
    @SecurityRequirements
    public ResponseEntity<byte[]> issue(@RequestBody byte[] request) {
        return budgetService.postJson(PATH, request);
    }
}
