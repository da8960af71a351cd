package uk.gov.personalbudget.testsupport.process;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * One budget's whole life as budget-service's REST commands, in order: what the system tests' and the benchmarks'
 * loads send. Steps 8 and 9 (suspend, resume) may be repeated any number of times on a budget in use.
 */
public final class LifecycleScript {

    /** One command of the script: the endpoint (empty for opening), who sends it, its body, the event it stores. */
    public record Step(String path, String role, String eventType, Supplier<String> body) {}

    public static final List<Step> SCRIPT = List.of(
            new Step("", "PRACTITIONER", "BudgetOpened", null),
            new Step("record-assessment", "PRACTITIONER", "NeedsAssessed", () -> """
                    {"kind":"SELF","eligibleNeeds":["Accessing the community"],"eligible":true,
                     "eligibilityReasons":"Cannot achieve two outcomes without support.","wantsCouncilToMeetNeeds":true,
                     "recoveryGoals":[{"id":"G1","description":"Go to the allotment weekly"}],"advocateNeeded":false,
                     "preferredControl":"HOLD_IT_MYSELF"}"""),
            new Step("offer-budget", "AUTHORITY", "BudgetOffered", () -> """
                    {"amount":{"pence":520000,"period":"YEARLY"},
                     "calculation":{"allocationMethod":"Northshire resource allocation system","methodVersion":"2026.1",
                       "breakdown":[{"description":"Support worker, 2 hours a week","amount":{"pence":520000,"period":"YEARLY"}}]},"personTookPart":true,"personToldBy":"IN_PERSON"}"""),
            new Step("accept-offer", "PERSON", "OfferAccepted", null),
            new Step("submit-plan", "PERSON", "PlanSubmitted", () -> """
                    {"lines":[{"description":"Support worker","cost":{"pence":10000,"period":"WEEKLY"},"recoveryGoalId":"G1"}],
                     "madeBy":"SELF"}"""),
            new Step("endorse-plan", "PRACTITIONER", "PlanEndorsed", null),
            new Step("approve-by-authority", "AUTHORITY", "PlanApprovedByAuthority", () -> """
                    {"approvedAmount":{"pence":520000,"period":"YEARLY"},"payment":{"pence":10000,"period":"WEEKLY"},
                     "conditions":[],"personTookPart":true}"""),
            new Step("choose-management", "PERSON", "ManagementChosen", () -> "{\"option\":\"DIRECT_PAYMENT\"}"),
            new Step("suspend-budget", "AUTHORITY", "BudgetSuspended", () -> """
                    {"reason":"In hospital for a few weeks","interimArrangement":"Ward staff meet needs meanwhile","personTookPart":false,"personToldBy":"IN_PERSON"}"""),
            new Step("resume-budget", "AUTHORITY", "BudgetResumed", () -> "{\"reason\":\"Home again\"}"),
            new Step(
                    "schedule-review",
                    "PRACTITIONER",
                    "ReviewScheduled",
                    () -> "{\"kind\":\"REQUESTED\",\"dueBy\":\""
                            + Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS) + "\"}"),
            new Step(
                    "complete-review",
                    "PRACTITIONER",
                    "ReviewCompleted",
                    () -> "{\"result\":\"CONTINUE\",\"summary\":\"Going well\",\"personTookPart\":true}"),
            new Step(
                    "close-budget",
                    "AUTHORITY",
                    "BudgetClosed",
                    () ->
                            "{\"reason\":\"The person moved away\",\"personTookPart\":true,\"personToldBy\":\"LETTER\"}"));

    /** Index of {@code suspend-budget} in {@link #SCRIPT}; {@code resume-budget} follows it. */
    public static final int SUSPEND = 8;
    /** Index of {@code resume-budget} in {@link #SCRIPT}. */
    public static final int RESUME = 9;

    /** The path of step {@code step} for the budget, under a service's base URL; opening posts to the collection. */
    public static String path(int step, String budgetId) {
        return "/api/v1/budgets"
                + (step == 0 ? "" : "/" + budgetId + "/" + SCRIPT.get(step).path());
    }

    /**
     * The body of step {@code step}; opening names the person and the council, and the practitioner who opens the
     * budget is allocated to it (so the same practitioner's token must send the script's practitioner steps).
     */
    public static String body(int step, String person) {
        if (step == 0) {
            return "{\"person\":\"" + person + "\",\"localAuthority\":\"leeds\"}";
        }
        Step command = SCRIPT.get(step);
        return command.body() == null ? "" : command.body().get();
    }

    private LifecycleScript() {}
}
