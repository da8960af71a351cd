package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotNull;

/**
 * What the person says about how much control of their budget they want (the body of StatePreferredControl).
 *
 * @param preferredControl the level of control they want now
 */
public record ControlPreference(@NotNull PreferredControl preferredControl) {}
