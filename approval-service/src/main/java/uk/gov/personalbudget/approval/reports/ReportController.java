package uk.gov.personalbudget.approval.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.personalbudget.approval.projection.CoProductionReport;
import uk.gov.personalbudget.approval.projection.ControlSummaryReport;
import uk.gov.personalbudget.approval.projection.OutcomesReport;
import uk.gov.personalbudget.approval.projection.TimelinessReport;
import uk.gov.personalbudget.approval.replay.RebuildNotice;
import uk.gov.personalbudget.approval.web.BudgetVisibility;
import uk.gov.personalbudget.approval.web.InvalidRange;
import uk.gov.personalbudget.contracts.value.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** Reports across the budgets of the caller's council and a range of dates. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class ReportController {

    private final ReportQueries reports;
    private final RebuildNotice rebuild;
    private final Clock clock;

    ReportController(ReportQueries reports, RebuildNotice rebuild, Clock clock) {
        this.reports = reports;
        this.rebuild = rebuild;
        this.clock = clock;
    }

    @GetMapping("/control-summary")
    @Operation(
            operationId = "getControlSummary",
            summary = "Authority waiting times, contests, returns and "
                    + "declines, the person's share of control and delegations not handed back, overall and by "
                    + "management option, for [from, to)",
            description = "AUTHORITY and AUDITOR; only the budgets of the "
                    + "council the caller's token names. Contests end raised to what was asked, raised partly, not raised, "
                    + "withdrawn by the person or lapsed; plans can be withdrawn before a decision. Every figure counts "
                    + "what happened in the range: each event by when it happened (a contest raised in the range of an "
                    + "offer made before it counts; a plan submitted before the range and returned in it counts as "
                    + "returned), and every length of time clipped to the range (control held before 'from' is not "
                    + "counted), so a short range may give a rate above 1.")
    public ResponseEntity<ControlSummaryReport> controlSummary(
            @Parameter(description = "start of the range, an ISO-8601 instant (inclusive)")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @Parameter(description = "end of the range, an ISO-8601 instant (exclusive)")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @Parameter(hidden = true) Actor actor) {
        var councils = BudgetVisibility.councilsReadableAcross(actor);
        if (!to.isAfter(from)) {
            throw new InvalidRange("'to' must be after 'from'");
        }
        return rebuild.answer(reports.report(councils, from, to));
    }

    @GetMapping("/outcomes")
    @Operation(
            operationId = "getOutcomesReport",
            summary = "Outcomes people recorded in [from, to): by outcome domain, by recovery goal, by how the plan "
                    + "in force was made and by management option",
            description = "AUTHORITY and AUDITOR; only the budgets of the council the caller's token names. An outcome "
                    + "counts when it was recorded in the range, with the plan in force (its madeBy, or NONE) and the "
                    + "management option (or NONE) of its budget at that moment. Each count gives the outcomes and the "
                    + "distinct budgets; each breakdown adds up to 'outcomes'. Recovery goal ids are the person's own "
                    + "keys within their assessment: 'tiedToRecoveryGoal' is the figure that compares across budgets.")
    public ResponseEntity<OutcomesReport> outcomes(
            @Parameter(description = "start of the range, an ISO-8601 instant (inclusive)")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @Parameter(description = "end of the range, an ISO-8601 instant (exclusive)")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @Parameter(hidden = true) Actor actor) {
        var councils = readableRange(actor, from, to);
        return rebuild.answer(reports.outcomes(councils, from, to, clock.instant()));
    }

    @GetMapping("/co-production")
    @Operation(
            operationId = "getCoProductionReport",
            summary = "How far people led their own budgets in [from, to): assessments and plans by who made them, "
                    + "acts done on the person's behalf, and the person's part in the authority's decisions",
            description =
                    "AUTHORITY and AUDITOR; only the budgets of the council the caller's token names. Every figure "
                            + "counts the events that happened in the range: assessments by kind (SELF: made by the person), "
                            + "plans submitted by madeBy (SELF or PEER_SUPPORTED: by the person or with peer support), the "
                            + "person's acts (by the PERSON, or by someone else for them: onBehalfOf) and the authority's "
                            + "decisions that record whether the person took part. Shares are null when there is nothing to "
                            + "divide by.")
    public ResponseEntity<CoProductionReport> coProduction(
            @Parameter(description = "start of the range, an ISO-8601 instant (inclusive)")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @Parameter(description = "end of the range, an ISO-8601 instant (exclusive)")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @Parameter(hidden = true) Actor actor) {
        var councils = readableRange(actor, from, to);
        return rebuild.answer(reports.coProduction(councils, from, to, clock.instant()));
    }

    @GetMapping("/timeliness")
    @Operation(
            operationId = "getTimelinessReport",
            summary = "Statutory duties and waits in [from, to): reviews within their windows, offers and decisions "
                    + "within the council's thresholds, suspensions and for how long, and time from opening to money "
                    + "in place (median and 90th percentile)",
            description =
                    "AUTHORITY and AUDITOR; only the budgets of the council the caller's token names. For each kind "
                            + "of duty: clocks started and met in the range (with the median and 90th percentile of how long "
                            + "those met took), and those that fell due in the range while still running (missed), each listed "
                            + "with how long past due. A light-touch review is due 8 weeks after approval, a direct payment "
                            + "review 6 months after the direct payment's start, an annual review a year after the last review "
                            + "(or the approval); any completed review meets them. Offers, decisions and suspensions are due "
                            + "after the council's thresholds (approval.timeliness). Time suspended is clipped to the range.")
    public ResponseEntity<TimelinessReport> timeliness(
            @Parameter(description = "start of the range, an ISO-8601 instant (inclusive)")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @Parameter(description = "end of the range, an ISO-8601 instant (exclusive)")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @Parameter(hidden = true) Actor actor) {
        var councils = readableRange(actor, from, to);
        return rebuild.answer(reports.timeliness(councils, from, to, clock.instant()));
    }

    /** The councils the caller reads across, once the range is a range. */
    private static Set<String> readableRange(Actor actor, Instant from, Instant to) {
        var councils = BudgetVisibility.councilsReadableAcross(actor);
        if (!to.isAfter(from)) {
            throw new InvalidRange("'to' must be after 'from'");
        }
        return councils;
    }
}
