package uk.gov.personalbudget.budget.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a test wants a budget to be, and the one command that takes it there from the stage before. The
 * budget is managed by direct payment once active, so control is then with the person.
 */
public enum Stage {
    OPENED(null, null),
    ASSESSED(OPENED, new Step(Party.PRACTITIONER, "record-assessment", Bodies::assessment)),
    OFFERED(ASSESSED, new Step(Party.AUTHORITY, "offer-budget", Bodies::offer)),
    CONTESTED(OFFERED, new Step(Party.PERSON, "contest-offer", Bodies::contest)),
    /** Offered, with the nominee appointed as the person's authorised person. */
    AUTHORISED(OFFERED, new Step(Party.AUTHORITY, "appoint-authorised-person", Bodies::authorisation)),
    PLANNING(OFFERED, new Step(Party.PERSON, "accept-offer", () -> null)),
    PLAN_SUBMITTED(PLANNING, new Step(Party.PERSON, "submit-plan", Bodies::plan)),
    PLAN_ENDORSED(PLAN_SUBMITTED, new Step(Party.PRACTITIONER, "endorse-plan", Bodies::endorsement)),
    APPROVED(PLAN_ENDORSED, new Step(Party.AUTHORITY, "approve-by-authority", Bodies::approval)),
    ACTIVE(APPROVED, new Step(Party.PERSON, "choose-management", () -> Bodies.management("DIRECT_PAYMENT"))),
    /** Active, with control delegated to the nominee. */
    DELEGATED(ACTIVE, new Step(Party.PERSON, "delegate-control", Bodies::delegation)),
    /** Active, and the person challenged the approved amount. */
    CHALLENGED(ACTIVE, new Step(Party.PERSON, "challenge-decision", Bodies::challenge)),
    REVIEW_SCHEDULED(ACTIVE, new Step(Party.PRACTITIONER, "schedule-review", Bodies::review)),
    SUSPENDED(ACTIVE, new Step(Party.AUTHORITY, "suspend-budget", Bodies::suspension)),
    CLOSED(ACTIVE, new Step(Party.AUTHORITY, "close-budget", () -> Bodies.closure("The person moved away")));

    /** One command: who sends it, its path segment, and its body (null for none). */
    public record Step(Party by, String command, Supplier<String> body) {}

    final Stage from;
    final Step step;

    Stage(Stage from, Step step) {
        this.from = from;
        this.step = step;
    }

    /** The steps from a freshly opened budget to this stage, in order. */
    public List<Step> steps() {
        Deque<Step> steps = new ArrayDeque<>();
        for (Stage stage = this; stage.step != null; stage = stage.from) {
            steps.addFirst(stage.step);
        }
        return List.copyOf(steps);
    }

    /** How many events a budget at this stage has. */
    int events() {
        return steps().size() + 1;
    }
}
