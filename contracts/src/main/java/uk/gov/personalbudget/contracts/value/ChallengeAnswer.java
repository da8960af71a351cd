package uk.gov.personalbudget.contracts.value;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The authority's answer to an open challenge, with reasons in plain language.
 *
 * @param decision       which decision's challenge is answered (one is open per decision at most)
 * @param result         upheld, partly upheld or not upheld
 * @param reasons        why, in plain language; required
 * @param changes        what changes as a result (e.g. an adjustment to follow); required unless not upheld
 * @param personTookPart whether the person took part in the answer (e.g. met the complaints officer)
 * @param personToldBy   how the person was told of it
 */
public record ChallengeAnswer(
        @NotNull ChallengedDecision decision,
        @NotNull ChallengeResult result,
        @PersonalData @Size(max = 4000) String reasons,
        @PersonalData @Size(max = 4000) String changes,
        Boolean personTookPart,
        NotificationMethod personToldBy) {}
