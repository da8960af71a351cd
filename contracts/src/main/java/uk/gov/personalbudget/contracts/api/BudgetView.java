package uk.gov.personalbudget.contracts.api;

import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.value.Adjustment;
import uk.gov.personalbudget.contracts.value.Approval;
import uk.gov.personalbudget.contracts.value.Assessment;
import uk.gov.personalbudget.contracts.value.Authorisation;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.BudgetStatus;
import uk.gov.personalbudget.contracts.value.Contest;
import uk.gov.personalbudget.contracts.value.Delegation;
import uk.gov.personalbudget.contracts.value.Erasure;
import uk.gov.personalbudget.contracts.value.Management;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.Offer;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Plan;
import uk.gov.personalbudget.contracts.value.PreferredControl;
import uk.gov.personalbudget.contracts.value.ReviewSchedule;
import uk.gov.personalbudget.contracts.value.Suspension;

import java.time.Instant;
import java.util.List;

/**
 * A budget's state at one moment, rebuilt from its events: now, or as it was at a past instant.
 *
 * @param id                   the budget
 * @param person               the person it is for
 * @param localAuthority       the council it belongs to
 * @param allocatedPractitioner the practitioner whose caseload it is on, if any
 * @param status               where it is in its lifecycle
 * @param planInForce          whether an approved plan is in force (paid): from the authority's approval until a
 *                             review ends the budget or it closes, so also while a review's replan makes the next
 *                             plan (status PLANNING to PLAN_ENDORSED), when the budget can still be adjusted,
 *                             suspended, reviewed and its outcomes recorded
 * @param controlHolder        who holds control
 * @param version              the sequence number of its latest event at that moment (the ETag)
 * @param openedAt             when it was opened
 * @param lastChangedAt        when its latest event happened
 * @param assessment           the latest needs assessment
 * @param offer                the indicative budget now offered (after any revision)
 * @param openContest          the contest waiting for the authority's answer, if any
 * @param plan                 the latest plan submitted
 * @param personStatements     the person's statements on the plan now before the practitioner or authority
 * @param approval             the authority's approval
 * @param currentAmount        the amount in force at that moment, after adjustments
 * @param adjustmentInForce    the temporary adjustment in force at that moment, if any
 * @param management           how the budget is managed
 * @param delegation           the delegation in force, if any
 * @param authorisation        the authorisation in force, if any
 * @param pendingReview        of the reviews scheduled and not yet completed, the one due first (the one completing a
 *                             review completes), if any
 * @param pendingReviews       every review scheduled and not yet completed, due first first: one at most, and beside
 *                             it a CAPACITY_CHANGE review
 * @param suspension           the suspension in force, if any
 * @param closureReason        why the budget closed, once closed
 * @param personToldOfClosureBy how the person was told of the closure, once closed
 * @param preferredControl     how much control of the budget the person wants, as last recorded (at assessment or
 *                             stated since); none for assessments recorded before it was
 * @param openChallenges       the challenges of decisions awaiting the authority's answer, oldest first
 * @param erasure              the erasure of the person's personal data, once two authorities confirmed it (who
 *                             confirmed it, and when, is the act of its event in the history)
 */
public record BudgetView(
        BudgetId id,
        PersonReference person,
        String localAuthority,
        String allocatedPractitioner,
        BudgetStatus status,
        boolean planInForce,
        ControlHolder controlHolder,
        long version,
        Instant openedAt,
        Instant lastChangedAt,
        Assessment assessment,
        Offer offer,
        Contest openContest,
        Plan plan,
        List<String> personStatements,
        Approval approval,
        Money currentAmount,
        Adjustment adjustmentInForce,
        Management management,
        Delegation delegation,
        Authorisation authorisation,
        ReviewSchedule pendingReview,
        List<ReviewSchedule> pendingReviews,
        Suspension suspension,
        String closureReason,
        NotificationMethod personToldOfClosureBy,
        PreferredControl preferredControl,
        List<OpenChallenge> openChallenges,
        Erasure erasure) {}
