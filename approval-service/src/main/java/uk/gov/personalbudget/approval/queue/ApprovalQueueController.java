package uk.gov.personalbudget.approval.queue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.personalbudget.approval.projection.ApprovalQueueItem;
import uk.gov.personalbudget.approval.projection.AuthorisationScheme;
import uk.gov.personalbudget.approval.projection.QueueKind;
import uk.gov.personalbudget.approval.replay.RebuildNotice;
import uk.gov.personalbudget.approval.web.BudgetVisibility;
import uk.gov.personalbudget.approval.web.UnknownLevel;
import uk.gov.personalbudget.contracts.value.Actor;

import java.time.Clock;
import java.util.List;

/**
 * The authority's approval queue: endorsed plans waiting for a decision with the authorisation level each
 * needs, contests waiting for an answer, delegations and reviews with their due dates, budgets a review ended
 * waiting to be closed, and the timeliness queue (duties past their due date, the {@code _OVERDUE} kinds). Each caller sees the budgets of their own council only.
 */
@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Approval queue")
class ApprovalQueueController {

    /** The queue as it stands, oldest first within each kind. */
    public record ApprovalQueue(boolean rebuildInProgress, List<ApprovalQueueItem> items) {}

    private final QueueQueries queries;
    private final RebuildNotice rebuild;
    private final Clock clock;
    private final AuthorisationScheme scheme;

    ApprovalQueueController(QueueQueries queries, RebuildNotice rebuild, Clock clock, AuthorisationScheme scheme) {
        this.queries = queries;
        this.rebuild = rebuild;
        this.clock = clock;
        this.scheme = scheme;
    }

    @GetMapping
    @Operation(
            operationId = "getApprovalQueue",
            summary = "What waits for the authority, and for how long",
            description = "AUTHORITY and AUDITOR; only the budgets of the council the caller's token names.")
    public ResponseEntity<ApprovalQueue> queue(
            @Parameter(
                            description = "only items of this kind; the _OVERDUE kinds are the timeliness queue: "
                                    + "statutory reviews not done in time, offers, decisions and suspensions waiting "
                                    + "longer than the council's threshold")
                    @RequestParam(required = false)
                    QueueKind kind,
            @Parameter(description = "only plans needing this authorisation level, e.g. HEAD_OF_SERVICE")
                    @RequestParam(required = false)
                    String level,
            @Parameter(
                            description = "only items past their due date: delegations and reviews, and the "
                                    + "timeliness queue's _OVERDUE kinds (listed only once due)")
                    @RequestParam(defaultValue = "false")
                    boolean overdue,
            @Parameter(hidden = true) Actor actor) {
        var councils = BudgetVisibility.councilsReadableAcross(actor);
        if (level != null && !scheme.hasLevel(level)) {
            throw new UnknownLevel(
                    level,
                    scheme.levels().stream()
                            .map(AuthorisationScheme.Level::name)
                            .toList());
        }
        List<ApprovalQueueItem> items = queries.queue(councils, new QueueFilter(kind, level, overdue), clock.instant());
        return rebuild.answer(new ApprovalQueue(rebuild.inProgress(), items));
    }
}
