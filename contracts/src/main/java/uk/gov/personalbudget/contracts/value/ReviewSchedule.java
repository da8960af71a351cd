package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/** A review and the date it is due by. */
public record ReviewSchedule(
        @NotNull ReviewKind kind, @NotNull Instant dueBy) {}
