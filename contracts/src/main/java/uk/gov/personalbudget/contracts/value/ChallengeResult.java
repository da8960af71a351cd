package uk.gov.personalbudget.contracts.value;

/** The authority's finding on a challenge, in the words of a complaint's response. */
public enum ChallengeResult {
    UPHELD,
    PARTLY_UPHELD,
    NOT_UPHELD;

    /** Whether the finding changes anything, so that the answer must say what. */
    public boolean changesSomething() {
        return this != NOT_UPHELD;
    }
}
