package uk.gov.personalbudget.budget.lifecycle;

import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Money;

/**
 * The council's scheme of authorisation: an approver may commit the council only up to the yearly amount
 * their token's {@code authorisation_limit} carries (a team manager up to a limit, a head of service above
 * it). No limit in the token means no authority to commit money.
 */
final class AuthorisationLimitPolicy {

    private AuthorisationLimitPolicy() {}

    static void requireCovers(Actor approver, Money amount) {
        Long limit = approver.authorisationLimit();
        if (limit == null || amount.yearlyPence() > limit) {
            throw new BudgetRuleViolation(
                    Rule.AUTHORISATION_LIMIT_EXCEEDED,
                    "the amount comes to " + amount.yearlyPence() + " pence a year; your authorisation limit is "
                            + (limit == null ? "not set" : limit + " pence"));
        }
    }
}
