package uk.gov.personalbudget.approval.trail;

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
import uk.gov.personalbudget.approval.projection.ChallengeOnTrail;
import uk.gov.personalbudget.approval.projection.ControlSummaryReport.OverdueDelegation;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.HoldReason;
import uk.gov.personalbudget.approval.projection.store.Generations;
import uk.gov.personalbudget.approval.replay.RebuildNotice;
import uk.gov.personalbudget.approval.web.BudgetVisibility;
import uk.gov.personalbudget.approval.web.CsvExport;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One budget's control trail, as JSON or CSV ({@code Accept: text/csv}), for those the contracts' access rule lets
 * see the budget and whose role reads ({@link BudgetVisibility}): anyone else gets the 404 of an unknown budget, and
 * a SYSTEM caller a 403.
 */
@RestController
@RequestMapping("/api/v1/budgets/{id}")
@Tag(name = "Audit trail")
class ControlTrailController {

    /**
     * Every control transfer of the budget, in order; its delegations that ran past their intended end, by the
     * control summary report's definition of an overdue delegation over the budget's whole life until now (each
     * keyed by the sequence of its {@code ControlDelegated} transfer); its challenges of decisions and their answers
     * (they move no control, so they are beside the transfers, with how long each waited or has waited); and the records of the budget's events that
     * were held back, not projected, because they do not fit its hash chain (docs/security.md, "Tamper
     * evidence"): while any is listed, the trail may lack what they claim, and an auditor should look at them.
     */
    public record ControlTrail(
            BudgetId budgetId,
            boolean rebuildInProgress,
            List<ControlTrailEntry> transfers,
            List<OverdueDelegation> overdueDelegations,
            List<ChallengeOnTrail> challenges,
            List<HeldBack> heldBack) {}

    /** A record of the budget held back: the sequence it claims, why, and when. */
    public record HeldBack(Long sequence, HoldReason reason, Instant heldAt) {}

    private final TrailQueries trail;
    private final HeldBackQueries heldBack;
    private final RebuildNotice rebuild;
    private final RevealedHistory revealed;
    private final BudgetVisibility visibility;
    private final Generations generations;
    private final Clock clock;

    ControlTrailController(
            TrailQueries trail,
            HeldBackQueries heldBack,
            RebuildNotice rebuild,
            RevealedHistory revealed,
            BudgetVisibility visibility,
            Generations generations,
            Clock clock) {
        this.trail = trail;
        this.heldBack = heldBack;
        this.rebuild = rebuild;
        this.revealed = revealed;
        this.visibility = visibility;
        this.generations = generations;
        this.clock = clock;
    }

    @GetMapping(path = "/control-trail", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getControlTrail",
            summary = "Every control transfer of the budget: from whom to whom, "
                    + "when, by which event and whose act, why, and how long the party that lost control had held it; the "
                    + "delegations that ran past their intended end, and by how long; and the budget's records held back "
                    + "because they do not fit its hash chain",
            description = BudgetVisibility.READERS)
    public ResponseEntity<ControlTrail> controlTrail(@PathVariable BudgetId id, @Parameter(hidden = true) Actor actor) {
        // One read-only snapshot for the check and every part of the answer: one transaction instead of one per
        // query, and no answer that mixes two generations should a replay promote one in between.
        return generations.read(() -> {
            requireMayRead(actor, id);
            List<HeldBack> held = heldBack.heldBack(id).stream()
                    .map(record -> new HeldBack(record.sequence(), record.reason(), record.heldAt()))
                    .toList();
            return rebuild.answer(new ControlTrail(
                    id,
                    rebuild.inProgress(),
                    revealed.trail(trail.controlTrail(id)),
                    trail.overdueDelegations(id, clock.instant()),
                    trail.challenges(id, clock.instant()),
                    held));
        });
    }

    @GetMapping(path = "/control-trail", produces = CsvExport.MEDIA_TYPE)
    @Operation(
            operationId = "getControlTrailCsv",
            summary = "The control trail as CSV",
            description = BudgetVisibility.READERS)
    public ResponseEntity<String> controlTrailCsv(@PathVariable BudgetId id, @Parameter(hidden = true) Actor actor) {
        return generations.read(() -> {
            requireMayRead(actor, id);
            return rebuild.answer(CsvExport.trail(revealed.trail(trail.controlTrail(id))));
        });
    }

    private void requireMayRead(Actor actor, BudgetId id) {
        visibility.requireReadable(actor, id);
    }
}
