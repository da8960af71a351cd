package uk.gov.personalbudget.approval.problem;

import uk.gov.personalbudget.support.web.ProblemType;

/**
 * approval-service's own problem types besides the shared ones: unknown budgets and replays, a replay already
 * running or not started, an invalid range, budget-service unavailable to the console. The OpenAPI document's
 * {@code Problem.type} enum is made from these (OpenApiConfiguration), so it lists every type the service answers.
 */
public enum ApprovalProblem implements ProblemType {
    BUDGET_NOT_FOUND("budget-not-found"),
    REPLAY_NOT_FOUND("replay-not-found"),
    REPLAY_ALREADY_RUNNING("replay-already-running"),
    REPLAY_NOT_STARTED("replay-not-started"),
    INVALID_RANGE("invalid-range"),
    BUDGET_SERVICE_UNAVAILABLE("budget-service-unavailable");

    private final String slug;

    ApprovalProblem(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }
}
