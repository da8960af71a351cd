package uk.gov.personalbudget.contracts.api;

import uk.gov.personalbudget.contracts.value.Challenge;

import java.time.Instant;

/**
 * A challenge of a decision awaiting the authority's answer, as a budget's view shows it.
 *
 * @param challenge        what was challenged, the complaint's reference and the grounds
 * @param decisionSequence the sequence number of the challenged decision's event in the history
 * @param challengedAt     when it was made
 * @param challengedBy     who made it (the person, or whoever stood in their place)
 */
public record OpenChallenge(Challenge challenge, long decisionSequence, Instant challengedAt, String challengedBy) {}
