package uk.gov.personalbudget.contracts.command;

import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.BudgetId;

/** A command to one personal budget, sent by an authenticated actor. */
public interface BudgetCommand {

    /** The budget the command is for; routes it to the aggregate. */
    BudgetId budgetId();

    /** Who sends it, from their token. */
    Actor actor();
}
