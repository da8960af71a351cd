package uk.gov.personalbudget.budget.lifecycle;

import java.util.Optional;

/** A command broke a rule of the budget's lifecycle; nothing was stored. */
public class BudgetRuleViolation extends RuntimeException {

    private final transient Rule rule;
    private final String field;

    public BudgetRuleViolation(Rule rule, String detail) {
        this(rule, detail, null);
    }

    public BudgetRuleViolation(Rule rule, String detail, String field) {
        super(detail);
        this.rule = rule;
        this.field = field;
    }

    public Rule rule() {
        return rule;
    }

    /** The request field at fault, as a path into the request body (e.g. {@code plan.lines[1].cost}). */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
