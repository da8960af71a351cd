package uk.gov.personalbudget.budget.web;

import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.value.BudgetStatus;

import java.util.List;
import java.util.function.Supplier;

import static uk.gov.personalbudget.contracts.value.BudgetStatus.ACTIVE;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.APPROVED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.ASSESSED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.CLOSED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.CONTESTED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.OFFERED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.PLANNING;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.PLAN_ENDORSED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.PLAN_SUBMITTED;
import static uk.gov.personalbudget.contracts.value.BudgetStatus.SUSPENDED;

/**
 * Every command endpoint under {@code /api/v1/budgets/{id}}, as a row: where the budget must be and who
 * sends it for it to succeed, what it leaves (status and control holder, after DOMAIN.md's control table),
 * a role that may not send it, a stage where the lifecycle refuses it, and a field its body cannot do without.
 */
public final class Commands {

    private static final ControlHolder NAMED_NOMINEE = ControlHolder.named(ControlParty.NOMINEE, Party.NOMINEE.sub);

    private Commands() {}

    /**
     * @param command       the path segment
     * @param at            where the budget is for the command to succeed
     * @param by            who sends it then
     * @param body          a valid body, or null when the endpoint reads none
     * @param statusAfter   the budget's status after it
     * @param controlAfter  who holds control after it
     * @param wrongRole     a caller whose role may not send it
     * @param conflictAt    a stage where the lifecycle refuses it
     * @param conflictSlug  the rule that refuses it there
     * @param requiredField a top-level body field without which the body is invalid, or null when none is
     */
    public record CommandCase(
            String command,
            Stage at,
            Party by,
            Supplier<String> body,
            BudgetStatus statusAfter,
            ControlHolder controlAfter,
            Party wrongRole,
            Stage conflictAt,
            String conflictSlug,
            String requiredField) {

        public String validBody() {
            return body == null ? null : body.get();
        }

        public boolean readsABody() {
            return body != null;
        }

        @Override
        public String toString() {
            return command;
        }
    }

    public static List<CommandCase> all() {
        return List.of(
                new CommandCase(
                        "record-assessment",
                        Stage.OPENED,
                        Party.PRACTITIONER,
                        Bodies::assessment,
                        ASSESSED,
                        ControlHolder.AUTHORITY,
                        Party.AUTHORITY,
                        Stage.APPROVED,
                        "assessment-after-approval",
                        "eligibilityReasons"),
                new CommandCase(
                        "offer-budget",
                        Stage.ASSESSED,
                        Party.AUTHORITY,
                        Bodies::offer,
                        OFFERED,
                        ControlHolder.PERSON,
                        Party.PRACTITIONER,
                        Stage.OPENED,
                        "no-eligible-assessment",
                        "amount"),
                new CommandCase(
                        "contest-offer",
                        Stage.OFFERED,
                        Party.PERSON,
                        Bodies::contest,
                        CONTESTED,
                        ControlHolder.AUTHORITY,
                        Party.PRACTITIONER,
                        Stage.PLANNING,
                        "no-open-offer",
                        "reason"),
                new CommandCase(
                        "revise-offer",
                        Stage.CONTESTED,
                        Party.AUTHORITY,
                        Bodies::revision,
                        OFFERED,
                        ControlHolder.PERSON,
                        Party.PERSON,
                        Stage.OFFERED,
                        "no-open-contest",
                        "calculation"),
                new CommandCase(
                        "accept-offer",
                        Stage.OFFERED,
                        Party.PERSON,
                        null,
                        PLANNING,
                        ControlHolder.PERSON,
                        Party.AUTHORITY,
                        Stage.CONTESTED,
                        "no-open-offer",
                        null),
                new CommandCase(
                        "submit-plan",
                        Stage.PLANNING,
                        Party.PERSON,
                        Bodies::plan,
                        PLAN_SUBMITTED,
                        ControlHolder.PRACTITIONER,
                        Party.AUTHORITY,
                        Stage.OFFERED,
                        "not-planning",
                        "madeBy"),
                new CommandCase(
                        "endorse-plan",
                        Stage.PLAN_SUBMITTED,
                        Party.PRACTITIONER,
                        Bodies::endorsement,
                        PLAN_ENDORSED,
                        ControlHolder.AUTHORITY,
                        Party.PERSON,
                        Stage.PLANNING,
                        "plan-not-submitted",
                        null),
                new CommandCase(
                        "return-plan",
                        Stage.PLAN_SUBMITTED,
                        Party.PRACTITIONER,
                        Bodies::planReturn,
                        PLANNING,
                        ControlHolder.PERSON,
                        Party.PERSON,
                        Stage.PLAN_ENDORSED,
                        "plan-not-submitted",
                        "reasons"),
                new CommandCase(
                        "add-person-statement",
                        Stage.PLAN_ENDORSED,
                        Party.PERSON,
                        Bodies::statement,
                        PLAN_ENDORSED,
                        ControlHolder.AUTHORITY,
                        Party.PRACTITIONER,
                        Stage.PLANNING,
                        "no-plan-awaiting-decision",
                        "statement"),
                new CommandCase(
                        "approve-by-authority",
                        Stage.PLAN_ENDORSED,
                        Party.AUTHORITY,
                        Bodies::approval,
                        APPROVED,
                        ControlHolder.PERSON,
                        Party.PRACTITIONER,
                        Stage.PLAN_SUBMITTED,
                        "plan-not-endorsed",
                        "personTookPart"),
                new CommandCase(
                        "decline-by-authority",
                        Stage.PLAN_ENDORSED,
                        Party.AUTHORITY,
                        Bodies::decline,
                        PLANNING,
                        ControlHolder.PERSON,
                        Party.PERSON,
                        Stage.PLAN_SUBMITTED,
                        "plan-not-endorsed",
                        "personToldBy"),
                new CommandCase(
                        "choose-management",
                        Stage.APPROVED,
                        Party.PERSON,
                        () -> Bodies.management("DIRECT_PAYMENT"),
                        ACTIVE,
                        ControlHolder.PERSON,
                        Party.AUTHORITY,
                        Stage.PLAN_ENDORSED,
                        "budget-not-approved",
                        "option"),
                new CommandCase(
                        "delegate-control",
                        Stage.ACTIVE,
                        Party.PERSON,
                        Bodies::delegation,
                        ACTIVE,
                        NAMED_NOMINEE,
                        Party.PRACTITIONER,
                        Stage.ASSESSED,
                        "no-offer-yet",
                        "intendedEnd"),
                new CommandCase(
                        "resume-control",
                        Stage.DELEGATED,
                        Party.PERSON,
                        Bodies::resumption,
                        ACTIVE,
                        ControlHolder.PERSON,
                        Party.PRACTITIONER,
                        Stage.ACTIVE,
                        "not-delegated",
                        null),
                new CommandCase(
                        "appoint-authorised-person",
                        Stage.OFFERED,
                        Party.AUTHORITY,
                        Bodies::authorisation,
                        OFFERED,
                        NAMED_NOMINEE,
                        Party.PRACTITIONER,
                        Stage.ASSESSED,
                        "no-offer-yet",
                        "capacityAssessmentReference"),
                new CommandCase(
                        "end-authorisation",
                        Stage.AUTHORISED,
                        Party.AUTHORITY,
                        () -> Bodies.reason("The person has regained capacity"),
                        OFFERED,
                        ControlHolder.PERSON,
                        Party.PERSON,
                        Stage.OFFERED,
                        "not-authorised",
                        "reason"),
                new CommandCase(
                        "adjust-budget",
                        Stage.ACTIVE,
                        Party.AUTHORITY,
                        Bodies::adjustment,
                        ACTIVE,
                        ControlHolder.PERSON,
                        Party.PRACTITIONER,
                        Stage.PLAN_ENDORSED,
                        "budget-not-approved",
                        "requestedBy"),
                new CommandCase(
                        "record-outcome",
                        Stage.ACTIVE,
                        Party.PERSON,
                        Bodies::outcome,
                        ACTIVE,
                        ControlHolder.PERSON,
                        Party.AUTHORITY,
                        Stage.PLANNING,
                        "budget-not-approved",
                        "personsOwnWords"),
                new CommandCase(
                        "schedule-review",
                        Stage.ACTIVE,
                        Party.PRACTITIONER,
                        Bodies::review,
                        ACTIVE,
                        ControlHolder.PERSON,
                        Party.AUTHORITY,
                        Stage.REVIEW_SCHEDULED,
                        "review-already-scheduled",
                        "dueBy"),
                new CommandCase(
                        "complete-review",
                        Stage.REVIEW_SCHEDULED,
                        Party.PRACTITIONER,
                        () -> Bodies.reviewResult("CONTINUE"),
                        ACTIVE,
                        ControlHolder.PERSON,
                        Party.SYSTEM,
                        Stage.ACTIVE,
                        "no-review-scheduled",
                        "summary"),
                new CommandCase(
                        "suspend-budget",
                        Stage.ACTIVE,
                        Party.AUTHORITY,
                        Bodies::suspension,
                        SUSPENDED,
                        ControlHolder.AUTHORITY,
                        Party.PRACTITIONER,
                        Stage.PLANNING,
                        "budget-not-in-use",
                        "interimArrangement"),
                new CommandCase(
                        "resume-budget",
                        Stage.SUSPENDED,
                        Party.AUTHORITY,
                        () -> Bodies.reason("Home again"),
                        ACTIVE,
                        ControlHolder.PERSON,
                        Party.PERSON,
                        Stage.ACTIVE,
                        "budget-not-suspended",
                        "reason"),
                new CommandCase(
                        "close-budget",
                        Stage.ACTIVE,
                        Party.AUTHORITY,
                        () -> Bodies.closure("The person moved to another council area"),
                        CLOSED,
                        ControlHolder.NOBODY,
                        Party.PRACTITIONER,
                        Stage.CLOSED,
                        "budget-closed",
                        "personToldBy"),
                new CommandCase(
                        "reallocate-practitioner",
                        Stage.ACTIVE,
                        Party.AUTHORITY,
                        () -> Bodies.reallocation(Party.OTHER_PRACTITIONER.sub),
                        ACTIVE,
                        ControlHolder.PERSON,
                        Party.PRACTITIONER,
                        Stage.CLOSED,
                        "budget-closed",
                        "practitioner"),
                new CommandCase(
                        "withdraw-contest",
                        Stage.CONTESTED,
                        Party.PERSON,
                        () -> Bodies.reason("The offer is enough after all"),
                        OFFERED,
                        ControlHolder.PERSON,
                        Party.AUTHORITY,
                        Stage.OFFERED,
                        "no-open-contest",
                        "reason"),
                new CommandCase(
                        "withdraw-plan",
                        Stage.PLAN_ENDORSED,
                        Party.PERSON,
                        () -> Bodies.reason("My needs changed: I want a new assessment"),
                        PLANNING,
                        ControlHolder.PERSON,
                        Party.AUTHORITY,
                        Stage.PLANNING,
                        "no-plan-awaiting-decision",
                        "reason"),
                new CommandCase(
                        "challenge-decision",
                        Stage.ACTIVE,
                        Party.PERSON,
                        Bodies::challenge,
                        ACTIVE,
                        ControlHolder.PERSON,
                        Party.AUTHORITY,
                        Stage.PLAN_ENDORSED,
                        "no-decision-to-challenge",
                        "complaintReference"),
                new CommandCase(
                        "answer-challenge",
                        Stage.CHALLENGED,
                        Party.AUTHORITY,
                        Bodies::challengeAnswer,
                        ACTIVE,
                        ControlHolder.PERSON,
                        Party.PERSON,
                        Stage.ACTIVE,
                        "no-open-challenge",
                        "result"),
                new CommandCase(
                        "state-preferred-control",
                        Stage.ACTIVE,
                        Party.PERSON,
                        () -> Bodies.preferredControl("HOLD_IT_MYSELF"),
                        ACTIVE,
                        ControlHolder.PERSON,
                        Party.PRACTITIONER,
                        Stage.CLOSED,
                        "budget-closed",
                        "preferredControl"));
    }

    public static CommandCase named(String command) {
        return all().stream()
                .filter(row -> row.command().equals(command))
                .findFirst()
                .orElseThrow();
    }

    static List<CommandCase> readingABody() {
        return all().stream().filter(CommandCase::readsABody).toList();
    }

    static List<CommandCase> withARequiredField() {
        return all().stream().filter(command -> command.requiredField() != null).toList();
    }
}
