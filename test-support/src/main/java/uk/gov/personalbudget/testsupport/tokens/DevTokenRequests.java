package uk.gov.personalbudget.testsupport.tokens;

/** The body of {@code POST /dev/tokens} (budget-service, local profile), for clients outside the service's JVM. */
public final class DevTokenRequests {

    private DevTokenRequests() {}

    /**
     * @param person             the person the token acts for (PERSON, NOMINEE), or null
     * @param authorisationLimit an AUTHORITY's limit in pence, or null
     */
    public static String body(String sub, String role, String person, Long authorisationLimit) {
        return body(sub, role, person, authorisationLimit, TokenHolder.HOME_COUNCIL);
    }

    /** @param council the token's council claim, or null to leave it out */
    public static String body(String sub, String role, String person, Long authorisationLimit, String council) {
        StringBuilder body = new StringBuilder("{\"sub\":\"" + sub + "\",\"role\":\"" + role + "\"");
        if (council != null) {
            body.append(",\"council\":\"").append(council).append('"');
        }
        if (person != null) {
            body.append(",\"person\":\"").append(person).append('"');
        }
        if (authorisationLimit != null) {
            body.append(",\"authorisation_limit\":").append(authorisationLimit);
        }
        return body.append('}').toString();
    }
}
