package uk.gov.personalbudget.approval.projection;

import java.util.List;

/**
 * What storing a batch did besides projecting.
 *
 * @param duplicates how many events were skipped as already applied
 * @param heldBack   the records held back for the first time by this batch (a record held back before, read again
 *                   by a replay or a redelivery, is not repeated)
 * @param ahead      the records skipped because an earlier event of their budget has not been projected yet
 */
public record IntakeOutcome(int duplicates, List<HeldBackRecord> heldBack, List<AheadOfSequence> ahead) {}
