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
import uk.gov.personalbudget.approval.projection.ControlSummaryReport;
import uk.gov.personalbudget.approval.replay.RebuildNotice;
import uk.gov.personalbudget.approval.web.BudgetVisibility;
import uk.gov.personalbudget.approval.web.InvalidRange;
import uk.gov.personalbudget.contracts.value.Actor;

import java.time.Instant;

/** Reports across the budgets of the caller's council and a range of dates. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class ReportController {

    private final ReportQueries reports;
    private final RebuildNotice rebuild;

    ReportController(ReportQueries reports, RebuildNotice rebuild) {
        this.reports = reports;
        this.rebuild = rebuild;
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
}
