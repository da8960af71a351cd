package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;

/**
 * One of the person's acts: an event the PERSON did, or that someone did on their behalf (its act names the person
 * in {@code onBehalfOf}: a nominee, a delegate, an authorised person, a practitioner with the person's agreement).
 *
 * @param sequence  the event
 * @param eventType its type, e.g. {@code PlanSubmitted}
 * @param actorRole who did it
 * @param onBehalf  whether someone other than the person did it for them
 */
public record PersonAct(
        BudgetId budgetId, long sequence, Instant at, String eventType, Role actorRole, boolean onBehalf) {}
