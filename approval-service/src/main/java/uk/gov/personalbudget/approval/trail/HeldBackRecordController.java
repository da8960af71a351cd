package uk.gov.personalbudget.approval.trail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.personalbudget.approval.projection.HeldBackRecord;
import uk.gov.personalbudget.approval.web.BudgetVisibility;
import uk.gov.personalbudget.contracts.value.Actor;

import java.util.List;

/**
 * The records of the topic held back, not projected, because they do not fit their budget's hash chain
 * (docs/security.md, "Tamper evidence"), with their partition and offset, for the AUTHORITY and AUDITOR of the
 * council of the budget they name (the access rule's reading across budgets). A record naming a budget no event has
 * projected is of no council and listed to no one here: the metric {@code approval.intake.held_back} counts it and
 * the log names its partition and offset.
 */
@RestController
@RequestMapping("/api/v1/held-back-records")
@Tag(name = "Audit trail")
class HeldBackRecordController {

    /** The held-back records of the caller's councils' budgets, oldest first. */
    public record HeldBackRecords(List<HeldBackRecord> records) {}

    private final HeldBackQueries heldBack;

    HeldBackRecordController(HeldBackQueries heldBack) {
        this.heldBack = heldBack;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getHeldBackRecords",
            summary = "Records of the budget events topic that were not "
                    + "projected because they do not fit their budget's hash chain (forged or altered): topic, partition, "
                    + "offset, what they claim to be, why and when",
            description = "AUTHORITY and AUDITOR; only records "
                    + "naming a budget of the council the caller's token names. Records naming a budget that approval-service "
                    + "does not know are listed to no one (see the metric approval.intake.held_back and the log).")
    public HeldBackRecords heldBackRecords(@Parameter(hidden = true) Actor actor) {
        return new HeldBackRecords(heldBack.heldBack(BudgetVisibility.councilsReadableAcross(actor)));
    }
}
