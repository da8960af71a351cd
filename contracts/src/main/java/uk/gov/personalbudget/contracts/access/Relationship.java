package uk.gov.personalbudget.contracts.access;

/** How a caller stands to one budget; what it gives depends on the caller's role ({@link BudgetAccessRule}). */
public enum Relationship {
    /** A PERSON whose token names the budget's person (for a NOMINEE: names the person, and nothing else). */
    OWN,
    /** The PRACTITIONER whose caseload the budget is on. */
    ALLOCATED,
    /** Named by the delegation in force (NOMINEE or PRACTITIONER) or the authorisation in force (NOMINEE). */
    NAMED_DELEGATE,
    /** Of the budget's council, and none of the above. */
    SAME_COUNCIL,
    /** Not of the budget's council. */
    OTHER_COUNCIL
}
