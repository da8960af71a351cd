package uk.gov.personalbudget.contracts.value;

/** A temporary adjustment ends on a date; a lasting one stands until changed again. */
public enum AdjustmentKind {
    TEMPORARY,
    LASTING
}
