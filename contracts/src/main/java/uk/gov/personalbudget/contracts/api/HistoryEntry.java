package uk.gov.personalbudget.contracts.api;

import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;

/**
 * One event of a budget's decision history, as the events endpoint lists it.
 *
 * @param type          the event's name, e.g. {@code PlanApprovedByAuthority}
 * @param sequence      its position in the budget's history, from 0
 * @param timestamp     when it was stored
 * @param actor         whose act it was
 * @param actorRole     in what role
 * @param onBehalfOf    the person it was done for, when someone else did a person's act
 * @param controlBefore who held control before it
 * @param controlAfter  who holds control after it
 * @param payload       the event itself, in its public JSON form
 * @param hash          its hash in the budget's hash chain (docs/security.md, "Tamper evidence"); null for an event
 *                      stored before the chain began
 */
public record HistoryEntry(
        String type,
        long sequence,
        Instant timestamp,
        String actor,
        Role actorRole,
        PersonReference onBehalfOf,
        ControlHolder controlBefore,
        ControlHolder controlAfter,
        BudgetEvent payload,
        String hash) {}
