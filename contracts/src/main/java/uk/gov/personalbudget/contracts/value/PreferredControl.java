package uk.gov.personalbudget.contracts.value;

/**
 * How much control of their budget the person wants: recorded at assessment and changeable by the person, so that
 * the control they actually held can be set beside it.
 */
public enum PreferredControl {
    /** The person wants to hold control themselves (e.g. a direct payment they manage). */
    HOLD_IT_MYSELF,
    /** The person wants to share control with a practitioner, a peer supporter or family. */
    SHARE_IT,
    /** The person wants a nominee or the council to manage it for them. */
    HAVE_IT_MANAGED
}
