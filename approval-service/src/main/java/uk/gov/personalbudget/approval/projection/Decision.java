package uk.gov.personalbudget.approval.projection;

import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;

/**
 * One decision of a budget's history (DOMAIN.md, "What the audit trail must answer", 2).
 *
 * <table>
 * <caption>What each kind carries</caption>
 * <tr><th>kind</th><th>outcome</th><th>reasons</th><th>detail</th><th>amount</th><th>waitedSeconds</th></tr>
 * <tr><td>OFFER</td><td>-</td><td>-</td><td>allocation method and version</td><td>offer</td><td>-</td></tr>
 * <tr><td>REVISION</td><td>{@link ContestOutcome}</td><td>revision reasons</td><td>allocation method and
 *     version</td><td>revised offer</td><td>since the contest</td></tr>
 * <tr><td>ENDORSEMENT</td><td>-</td><td>endorsement comment</td><td>-</td><td>plan cost a year</td><td>-</td></tr>
 * <tr><td>RETURN</td><td>-</td><td>return reasons</td><td>-</td><td>plan cost a year</td><td>-</td></tr>
 * <tr><td>APPROVAL</td><td>-</td><td>variance reason</td><td>conditions, "; "-separated</td><td>approved
 *     amount</td><td>since the endorsement</td></tr>
 * <tr><td>DECLINE</td><td>-</td><td>decline reasons</td><td>how the person is told</td><td>plan cost a
 *     year</td><td>since the endorsement</td></tr>
 * <tr><td>MANAGEMENT</td><td>the option</td><td>-</td><td>provider, or the mixed split</td><td>-</td><td>-</td></tr>
 * <tr><td>ADJUSTMENT</td><td>TEMPORARY or LASTING</td><td>reason</td><td>who asked, effective from, ends
 *     on</td><td>new amount</td><td>-</td></tr>
 * <tr><td>SUSPENSION</td><td>-</td><td>reason</td><td>interim arrangement</td><td>-</td><td>-</td></tr>
 * <tr><td>RESUMPTION</td><td>-</td><td>reason</td><td>-</td><td>-</td><td>-</td></tr>
 * <tr><td>CLOSURE</td><td>-</td><td>reason</td><td>how the person was told (none for budgets closed before it
 *     was recorded)</td><td>-</td><td>-</td></tr>
 * <tr><td>REVIEW</td><td>CONTINUE, REPLAN or END</td><td>summary</td><td>review kind</td><td>-</td><td>-</td></tr>
 * <tr><td>REALLOCATION</td><td>-</td><td>reason</td><td>"from" the previous practitioner "to" the new
 *     one</td><td>-</td><td>-</td></tr>
 * <tr><td>CONTEST_WITHDRAWAL</td><td>-</td><td>reason</td><td>-</td><td>the offer standing</td><td>since the
 *     contest</td></tr>
 * <tr><td>PLAN_WITHDRAWAL</td><td>-</td><td>reason</td><td>-</td><td>plan cost a year</td><td>-</td></tr>
 * <tr><td>CHALLENGE</td><td>the decision challenged: APPROVED_AMOUNT, DECLINE or REDUCTION</td><td>the person's
 *     grounds</td><td>"complaint" and the complaint's reference</td><td>the amount asked for, if any</td><td>-</td></tr>
 * <tr><td>CHALLENGE_ANSWER</td><td>UPHELD, PARTLY_UPHELD or NOT_UPHELD</td><td>the authority's reasons</td><td>what
 *     changes</td><td>-</td><td>since the challenge</td></tr>
 * <tr><td>PREFERRED_CONTROL</td><td>HOLD_IT_MYSELF, SHARE_IT or HAVE_IT_MANAGED</td><td>-</td><td>"before:" the
 *     preference it replaced, if any</td><td>-</td><td>-</td></tr>
 * <tr><td>ERASURE</td><td>-</td><td>-</td><td>who requested it and when (the actor confirmed it)</td><td>-</td>
 *     <td>since the request</td></tr>
 * </table>
 *
 * @param personTookPart       for the decisions that affect the person (OFFER, REVISION, APPROVAL, DECLINE,
 *                             ADJUSTMENT, SUSPENSION, CLOSURE, REVIEW and CHALLENGE_ANSWER): whether the person took part; null otherwise,
 *                             and for offers, revisions, adjustments, suspensions and closures recorded before
 *                             December 2026
 * @param personToldBy         how the person was told of the decision: for OFFER, REVISION, DECLINE, ADJUSTMENT,
 *                             SUSPENSION, CLOSURE and CHALLENGE_ANSWER; null otherwise (and where it was not yet recorded)
 * @param personStatementAdded for APPROVAL and DECLINE: whether the person's own statement was attached to
 *                             the plan before the decision; null otherwise
 * @param waitedSeconds        how long the decided matter waited for this decision, in whole seconds
 */
public record Decision(
        BudgetId budgetId,
        long sequence,
        DecisionKind kind,
        Instant at,
        String actor,
        Role actorRole,
        PersonReference onBehalfOf,
        String outcome,
        String reasons,
        String detail,
        Money amount,
        Boolean personTookPart,
        NotificationMethod personToldBy,
        Boolean personStatementAdded,
        Long waitedSeconds) {}
