package uk.gov.personalbudget.budget.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uk.gov.personalbudget.contracts.api.CommandAccepted;
import uk.gov.personalbudget.contracts.command.AcceptOffer;
import uk.gov.personalbudget.contracts.command.AddPersonStatement;
import uk.gov.personalbudget.contracts.command.AdjustBudget;
import uk.gov.personalbudget.contracts.command.AnswerChallenge;
import uk.gov.personalbudget.contracts.command.AppointAuthorisedPerson;
import uk.gov.personalbudget.contracts.command.ApproveByAuthority;
import uk.gov.personalbudget.contracts.command.ChallengeDecision;
import uk.gov.personalbudget.contracts.command.ChooseManagement;
import uk.gov.personalbudget.contracts.command.CloseBudget;
import uk.gov.personalbudget.contracts.command.CompleteReview;
import uk.gov.personalbudget.contracts.command.ContestOffer;
import uk.gov.personalbudget.contracts.command.DeclineByAuthority;
import uk.gov.personalbudget.contracts.command.DelegateControl;
import uk.gov.personalbudget.contracts.command.EndAuthorisation;
import uk.gov.personalbudget.contracts.command.EndorsePlan;
import uk.gov.personalbudget.contracts.command.OfferBudget;
import uk.gov.personalbudget.contracts.command.OpenBudget;
import uk.gov.personalbudget.contracts.command.ReallocatePractitioner;
import uk.gov.personalbudget.contracts.command.RecordAssessment;
import uk.gov.personalbudget.contracts.command.RecordOutcome;
import uk.gov.personalbudget.contracts.command.ResumeBudget;
import uk.gov.personalbudget.contracts.command.ResumeControl;
import uk.gov.personalbudget.contracts.command.ReturnPlan;
import uk.gov.personalbudget.contracts.command.ReviseOffer;
import uk.gov.personalbudget.contracts.command.ScheduleReview;
import uk.gov.personalbudget.contracts.command.StatePreferredControl;
import uk.gov.personalbudget.contracts.command.SubmitPlan;
import uk.gov.personalbudget.contracts.command.SuspendBudget;
import uk.gov.personalbudget.contracts.command.WithdrawContest;
import uk.gov.personalbudget.contracts.command.WithdrawPlan;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Adjustment;
import uk.gov.personalbudget.contracts.value.Approval;
import uk.gov.personalbudget.contracts.value.Assessment;
import uk.gov.personalbudget.contracts.value.Authorisation;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.Challenge;
import uk.gov.personalbudget.contracts.value.ChallengeAnswer;
import uk.gov.personalbudget.contracts.value.Closure;
import uk.gov.personalbudget.contracts.value.Contest;
import uk.gov.personalbudget.contracts.value.ControlPreference;
import uk.gov.personalbudget.contracts.value.Decline;
import uk.gov.personalbudget.contracts.value.Delegation;
import uk.gov.personalbudget.contracts.value.Endorsement;
import uk.gov.personalbudget.contracts.value.Management;
import uk.gov.personalbudget.contracts.value.Offer;
import uk.gov.personalbudget.contracts.value.Outcome;
import uk.gov.personalbudget.contracts.value.PersonStatement;
import uk.gov.personalbudget.contracts.value.Plan;
import uk.gov.personalbudget.contracts.value.PlanReturn;
import uk.gov.personalbudget.contracts.value.Reallocation;
import uk.gov.personalbudget.contracts.value.Reason;
import uk.gov.personalbudget.contracts.value.Resumption;
import uk.gov.personalbudget.contracts.value.ReviewResult;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;
import uk.gov.personalbudget.contracts.value.Revision;
import uk.gov.personalbudget.contracts.value.Suspension;

/**
 * One endpoint per command of the lifecycle, the path being the command's name in kebab-case. The actor
 * always comes from the caller's token, never from the body.
 */
@RestController
@RequestMapping("/api/v1/budgets")
@Tag(name = "Lifecycle commands")
public class BudgetCommandController {

    private final BudgetCommands commands;

    public BudgetCommandController(BudgetCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(
            operationId = "openBudget",
            summary = "OpenBudget: open a budget for a person",
            description = "Stores BudgetOpened under a new id and answers 201 with its Location.")
    public ResponseEntity<CommandAccepted> openBudget(
            @Valid @RequestBody BudgetOpening opening, @Parameter(hidden = true) Actor actor) {
        CommandAccepted opened = commands.open(new OpenBudget(BudgetId.generate(), actor, opening));
        var location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .build(opened.id().value());
        return ResponseEntity.created(location).body(opened);
    }

    @PostMapping("/{id}/record-assessment")
    @Operation(
            operationId = "recordAssessment",
            summary = "RecordAssessment: Record a needs assessment and eligibility determination",
            description = "Stores NeedsAssessed and answers with the budget's new version, status and control holder.")
    public CommandAccepted recordAssessment(
            @PathVariable BudgetId id,
            @Valid @RequestBody Assessment assessment,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new RecordAssessment(id, actor, assessment));
    }

    @PostMapping("/{id}/offer-budget")
    @Operation(
            operationId = "offerBudget",
            summary = "OfferBudget: Offer an indicative budget with its calculation",
            description = "Stores BudgetOffered and answers with the budget's new version, status and control holder.")
    public CommandAccepted offerBudget(
            @PathVariable BudgetId id, @Valid @RequestBody Offer offer, @Parameter(hidden = true) Actor actor) {
        return commands.send(new OfferBudget(id, actor, offer));
    }

    @PostMapping("/{id}/contest-offer")
    @Operation(
            operationId = "contestOffer",
            summary = "ContestOffer: Contest the open offer",
            description = "Stores OfferContested and answers with the budget's new version, status and control holder.")
    public CommandAccepted contestOffer(
            @PathVariable BudgetId id, @Valid @RequestBody Contest contest, @Parameter(hidden = true) Actor actor) {
        return commands.send(new ContestOffer(id, actor, contest));
    }

    @PostMapping("/{id}/revise-offer")
    @Operation(
            operationId = "reviseOffer",
            summary = "ReviseOffer: Answer a contest with a revised offer",
            description = "Stores OfferRevised and answers with the budget's new version, status and control holder.")
    public CommandAccepted reviseOffer(
            @PathVariable BudgetId id, @Valid @RequestBody Revision revision, @Parameter(hidden = true) Actor actor) {
        return commands.send(new ReviseOffer(id, actor, revision));
    }

    @PostMapping("/{id}/accept-offer")
    @Operation(
            operationId = "acceptOffer",
            summary = "AcceptOffer: Accept the open offer",
            description = "Stores OfferAccepted and answers with the budget's new version, status and control holder.")
    public CommandAccepted acceptOffer(@PathVariable BudgetId id, @Parameter(hidden = true) Actor actor) {
        return commands.send(new AcceptOffer(id, actor));
    }

    @PostMapping("/{id}/submit-plan")
    @Operation(
            operationId = "submitPlan",
            summary = "SubmitPlan: Submit a support plan",
            description = "Stores PlanSubmitted and answers with the budget's new version, status and control holder.")
    public CommandAccepted submitPlan(
            @PathVariable BudgetId id, @Valid @RequestBody Plan plan, @Parameter(hidden = true) Actor actor) {
        return commands.send(new SubmitPlan(id, actor, plan));
    }

    @PostMapping("/{id}/endorse-plan")
    @Operation(
            operationId = "endorsePlan",
            summary = "EndorsePlan: Endorse the submitted plan",
            description = "Stores PlanEndorsed and answers with the budget's new version, status and control holder.")
    public CommandAccepted endorsePlan(
            @PathVariable BudgetId id,
            @Valid @RequestBody(required = false) Endorsement endorsement,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new EndorsePlan(id, actor, endorsement != null ? endorsement : new Endorsement(null)));
    }

    @PostMapping("/{id}/return-plan")
    @Operation(
            operationId = "returnPlan",
            summary = "ReturnPlan: Return the submitted plan for changes, with reasons",
            description = "Stores PlanReturned and answers with the budget's new version, status and control holder.")
    public CommandAccepted returnPlan(
            @PathVariable BudgetId id,
            @Valid @RequestBody PlanReturn planReturn,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new ReturnPlan(id, actor, planReturn));
    }

    @PostMapping("/{id}/add-person-statement")
    @Operation(
            operationId = "addPersonStatement",
            summary = "AddPersonStatement: Attach the person's own words to the plan before the decision",
            description =
                    "Stores PersonStatementAdded and answers with the budget's new version, status and control holder.")
    public CommandAccepted addPersonStatement(
            @PathVariable BudgetId id,
            @Valid @RequestBody PersonStatement statement,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new AddPersonStatement(id, actor, statement));
    }

    @PostMapping("/{id}/approve-by-authority")
    @Operation(
            operationId = "approveByAuthority",
            summary = "ApproveByAuthority: Approve the endorsed plan within the approver's authorisation limit",
            description =
                    "Stores PlanApprovedByAuthority and answers with the budget's new version, status and control holder.")
    public CommandAccepted approveByAuthority(
            @PathVariable BudgetId id, @Valid @RequestBody Approval approval, @Parameter(hidden = true) Actor actor) {
        return commands.send(new ApproveByAuthority(id, actor, approval));
    }

    @PostMapping("/{id}/decline-by-authority")
    @Operation(
            operationId = "declineByAuthority",
            summary = "DeclineByAuthority: Decline the endorsed plan with reasons in plain language",
            description =
                    "Stores PlanDeclinedByAuthority and answers with the budget's new version, status and control holder.")
    public CommandAccepted declineByAuthority(
            @PathVariable BudgetId id, @Valid @RequestBody Decline decline, @Parameter(hidden = true) Actor actor) {
        return commands.send(new DeclineByAuthority(id, actor, decline));
    }

    @PostMapping("/{id}/choose-management")
    @Operation(
            operationId = "chooseManagement",
            summary = "ChooseManagement: Choose how the approved budget is managed",
            description =
                    "Stores ManagementChosen and answers with the budget's new version, status and control holder.")
    public CommandAccepted chooseManagement(
            @PathVariable BudgetId id,
            @Valid @RequestBody Management management,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new ChooseManagement(id, actor, management));
    }

    @PostMapping("/{id}/delegate-control")
    @Operation(
            operationId = "delegateControl",
            summary = "DelegateControl: Delegate control to a named nominee or practitioner",
            description =
                    "Stores ControlDelegated and answers with the budget's new version, status and control holder.")
    public CommandAccepted delegateControl(
            @PathVariable BudgetId id,
            @Valid @RequestBody Delegation delegation,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new DelegateControl(id, actor, delegation));
    }

    @PostMapping("/{id}/resume-control")
    @Operation(
            operationId = "resumeControl",
            summary = "ResumeControl: End a delegation: control goes back to the person",
            description = "Stores ControlResumed and answers with the budget's new version, status and control holder.")
    public CommandAccepted resumeControl(
            @PathVariable BudgetId id,
            @Valid @RequestBody(required = false) Resumption resumption,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new ResumeControl(id, actor, resumption != null ? resumption : new Resumption(null)));
    }

    @PostMapping("/{id}/appoint-authorised-person")
    @Operation(
            operationId = "appointAuthorisedPerson",
            summary = "AppointAuthorisedPerson: Appoint an authorised person on a capacity assessment",
            description =
                    "Stores AuthorisedPersonAppointed and answers with the budget's new version, status and control holder.")
    public CommandAccepted appointAuthorisedPerson(
            @PathVariable BudgetId id,
            @Valid @RequestBody Authorisation authorisation,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new AppointAuthorisedPerson(id, actor, authorisation));
    }

    @PostMapping("/{id}/end-authorisation")
    @Operation(
            operationId = "endAuthorisation",
            summary = "EndAuthorisation: End an authorisation",
            description =
                    "Stores AuthorisationEnded and answers with the budget's new version, status and control holder.")
    public CommandAccepted endAuthorisation(
            @PathVariable BudgetId id, @Valid @RequestBody Reason reason, @Parameter(hidden = true) Actor actor) {
        return commands.send(new EndAuthorisation(id, actor, reason));
    }

    @PostMapping("/{id}/adjust-budget")
    @Operation(
            operationId = "adjustBudget",
            summary = "AdjustBudget: Adjust the approved budget, temporarily or lastingly",
            description = "Stores BudgetAdjusted and answers with the budget's new version, status and control holder.")
    public CommandAccepted adjustBudget(
            @PathVariable BudgetId id,
            @Valid @RequestBody Adjustment adjustment,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new AdjustBudget(id, actor, adjustment));
    }

    @PostMapping("/{id}/record-outcome")
    @Operation(
            operationId = "recordOutcome",
            summary = "RecordOutcome: Record an outcome in the person's own words",
            description =
                    "Stores OutcomeRecorded and answers with the budget's new version, status and control holder.")
    public CommandAccepted recordOutcome(
            @PathVariable BudgetId id, @Valid @RequestBody Outcome outcome, @Parameter(hidden = true) Actor actor) {
        return commands.send(new RecordOutcome(id, actor, outcome));
    }

    @PostMapping("/{id}/schedule-review")
    @Operation(
            operationId = "scheduleReview",
            summary = "ScheduleReview: Schedule a review",
            description =
                    "Stores ReviewScheduled and answers with the budget's new version, status and control holder.")
    public CommandAccepted scheduleReview(
            @PathVariable BudgetId id,
            @Valid @RequestBody ReviewSchedule review,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new ScheduleReview(id, actor, review));
    }

    @PostMapping("/{id}/complete-review")
    @Operation(
            operationId = "completeReview",
            summary = "CompleteReview: Complete the scheduled review: continue, replan or end",
            description =
                    "Stores ReviewCompleted and answers with the budget's new version, status and control holder. With result END the budget is ENDING and control passes to the authority, which closes it (close-budget).")
    public CommandAccepted completeReview(
            @PathVariable BudgetId id, @Valid @RequestBody ReviewResult result, @Parameter(hidden = true) Actor actor) {
        return commands.send(new CompleteReview(id, actor, result));
    }

    @PostMapping("/{id}/suspend-budget")
    @Operation(
            operationId = "suspendBudget",
            summary = "SuspendBudget: Suspend the budget, with the interim arrangement",
            description =
                    "Stores BudgetSuspended and answers with the budget's new version, status and control holder.")
    public CommandAccepted suspendBudget(
            @PathVariable BudgetId id,
            @Valid @RequestBody Suspension suspension,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new SuspendBudget(id, actor, suspension));
    }

    @PostMapping("/{id}/resume-budget")
    @Operation(
            operationId = "resumeBudget",
            summary = "ResumeBudget: Resume the suspended budget",
            description = "Stores BudgetResumed and answers with the budget's new version, status and control holder.")
    public CommandAccepted resumeBudget(
            @PathVariable BudgetId id, @Valid @RequestBody Reason reason, @Parameter(hidden = true) Actor actor) {
        return commands.send(new ResumeBudget(id, actor, reason));
    }

    @PostMapping("/{id}/close-budget")
    @Operation(
            operationId = "closeBudget",
            summary =
                    "CloseBudget: Close the budget, saying why and how the person was told; nothing is accepted after it",
            description =
                    "Stores BudgetClosed, always the budget's last event, and answers with the budget's new version, status and control holder.")
    public CommandAccepted closeBudget(
            @PathVariable BudgetId id, @Valid @RequestBody Closure closure, @Parameter(hidden = true) Actor actor) {
        return commands.send(new CloseBudget(id, actor, closure));
    }

    @PostMapping("/{id}/reallocate-practitioner")
    @Operation(
            operationId = "reallocatePractitioner",
            summary = "ReallocatePractitioner: Move the budget to another practitioner's caseload, with a reason",
            description =
                    "Stores PractitionerReallocated: from then on the new practitioner, and no longer the previous one, reads and acts on the budget.")
    public CommandAccepted reallocatePractitioner(
            @PathVariable BudgetId id,
            @Valid @RequestBody Reallocation reallocation,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new ReallocatePractitioner(id, actor, reallocation));
    }

    @PostMapping("/{id}/withdraw-contest")
    @Operation(
            operationId = "withdrawContest",
            summary = "WithdrawContest: Withdraw the open contest, with a reason: the offer is open again",
            description =
                    "Stores ContestWithdrawn and answers with the budget's new version, status and control holder.")
    public CommandAccepted withdrawContest(
            @PathVariable BudgetId id, @Valid @RequestBody Reason reason, @Parameter(hidden = true) Actor actor) {
        return commands.send(new WithdrawContest(id, actor, reason));
    }

    @PostMapping("/{id}/withdraw-plan")
    @Operation(
            operationId = "withdrawPlan",
            summary = "WithdrawPlan: Withdraw the plan awaiting the practitioner or the authority, with a reason",
            description = "Stores PlanWithdrawn and answers with the budget's new version, status and control holder.")
    public CommandAccepted withdrawPlan(
            @PathVariable BudgetId id, @Valid @RequestBody Reason reason, @Parameter(hidden = true) Actor actor) {
        return commands.send(new WithdrawPlan(id, actor, reason));
    }

    @PostMapping("/{id}/challenge-decision")
    @Operation(
            operationId = "challengeDecision",
            summary = "ChallengeDecision: Challenge an approved amount, a decline or a reduction, with the complaint's"
                    + " reference and the grounds",
            description =
                    "Stores DecisionChallenged and answers with the budget's new version, status and control holder"
                            + " (control and status are unchanged: the decision stands until the authority answers).")
    public CommandAccepted challengeDecision(
            @PathVariable BudgetId id, @Valid @RequestBody Challenge challenge, @Parameter(hidden = true) Actor actor) {
        return commands.send(new ChallengeDecision(id, actor, challenge));
    }

    @PostMapping("/{id}/answer-challenge")
    @Operation(
            operationId = "answerChallenge",
            summary = "AnswerChallenge: Answer an open challenge with reasons: upheld, partly upheld or not upheld, and"
                    + " what changes",
            description =
                    "Stores ChallengeAnswered and answers with the budget's new version, status and control holder.")
    public CommandAccepted answerChallenge(
            @PathVariable BudgetId id,
            @Valid @RequestBody ChallengeAnswer answer,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new AnswerChallenge(id, actor, answer));
    }

    @PostMapping("/{id}/state-preferred-control")
    @Operation(
            operationId = "statePreferredControl",
            summary = "StatePreferredControl: Say how much control of the budget the person now wants",
            description =
                    "Stores PreferredControlStated and answers with the budget's new version, status and control holder.")
    public CommandAccepted statePreferredControl(
            @PathVariable BudgetId id,
            @Valid @RequestBody ControlPreference preference,
            @Parameter(hidden = true) Actor actor) {
        return commands.send(new StatePreferredControl(id, actor, preference.preferredControl()));
    }
}
