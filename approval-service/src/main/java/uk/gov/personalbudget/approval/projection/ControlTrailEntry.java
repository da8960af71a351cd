package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;

/**
 * One control transfer of a budget: the unit of the audit trail (DOMAIN.md, "What the audit trail must
 * answer", 1). Written only for events whose {@code control().isTransfer()}.
 *
 * @param sequence       the event's sequence number in the budget
 * @param from           who held control before the event
 * @param to             who holds control after it
 * @param at             when the event happened ({@code act().occurredAt()})
 * @param event          the event's type name, e.g. {@code PlanEndorsed}
 * @param actor          whose act it was
 * @param actorRole      in what role
 * @param onBehalfOf     the person the act was done for, when someone else did one of the person's acts
 * @param reason         the reason the event states, kept as written (see {@link BudgetProjector#reasonOf}); null
 *                       when the event states none
 * @param heldForSeconds how long {@code from} had held control: {@code at} minus the moment it gained control,
 *                       in whole seconds (rounded down); null for the opening transfer, when nobody held it before
 */
public record ControlTrailEntry(
        BudgetId budgetId,
        long sequence,
        ControlHolder from,
        ControlHolder to,
        Instant at,
        String event,
        String actor,
        Role actorRole,
        PersonReference onBehalfOf,
        String reason,
        Long heldForSeconds) {}
