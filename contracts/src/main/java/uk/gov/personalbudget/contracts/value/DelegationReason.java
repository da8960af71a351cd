package uk.gov.personalbudget.contracts.value;

/** Why control is delegated. Only a CRISIS lets the authority delegate on the person's behalf. */
public enum DelegationReason {
    CRISIS,
    FLUCTUATING_CAPACITY,
    PREFERENCE,
    OTHER
}
