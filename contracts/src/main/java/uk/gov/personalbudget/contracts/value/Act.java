package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * Whose act an event records, carried by every event.
 *
 * @param actor      the acting caller's id (the token subject)
 * @param actorRole  the acting caller's role
 * @param onBehalfOf the person the act was done for, when someone other than the person did one of the
 *                   person's acts (a nominee, a delegate, a practitioner with the person's agreement)
 * @param occurredAt when the act was recorded
 */
public record Act(
        @NotNull String actor,
        @NotNull Role actorRole,
        PersonReference onBehalfOf,
        @NotNull Instant occurredAt) {}
