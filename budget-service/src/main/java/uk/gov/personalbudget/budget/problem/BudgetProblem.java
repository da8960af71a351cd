package uk.gov.personalbudget.budget.problem;

import uk.gov.personalbudget.support.web.ProblemType;

/**
 * budget-service's own problem types besides the shared ones and the lifecycle's {@code Rule}s: unknown budgets,
 * concurrent changes, stale or malformed If-Match, erasures, development tokens. The OpenAPI document's
 * {@code Problem.type} enum is made from these (OpenApiConfiguration), so it lists every type the service answers.
 */
public enum BudgetProblem implements ProblemType {
    BUDGET_NOT_FOUND("budget-not-found"),
    CONCURRENT_CHANGE("concurrent-change"),
    VERSION_MISMATCH("version-mismatch"),
    INVALID_IF_MATCH("invalid-if-match"),
    PERSON_NOT_FOUND("person-not-found"),
    ERASURE_ALREADY_REQUESTED("erasure-already-requested"),
    ERASURE_REQUEST_NOT_FOUND("erasure-request-not-found"),
    ERASURE_REQUEST_EXPIRED("erasure-request-expired"),
    ERASURE_NEEDS_EVERY_COUNCIL("erasure-needs-every-council"),
    INVALID_TOKEN_REQUEST("invalid-token-request");

    private final String slug;

    BudgetProblem(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }
}
