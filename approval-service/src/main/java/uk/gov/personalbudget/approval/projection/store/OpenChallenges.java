package uk.gov.personalbudget.approval.projection.store;

import uk.gov.personalbudget.approval.projection.BudgetSummary.OpenChallenge;
import uk.gov.personalbudget.contracts.value.ChallengedDecision;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A budget summary's open challenges in one text column: each {@code DECISION|sequence|since|reference}, the reference
 * URL-encoded, joined by {@code ;}. Null when none is open. A budget has at most one open challenge per decision.
 */
final class OpenChallenges {

    private OpenChallenges() {}

    static String encode(List<OpenChallenge> challenges) {
        if (challenges == null || challenges.isEmpty()) {
            return null;
        }
        return challenges.stream()
                .map(c -> c.decision().name() + "|" + c.sequence() + "|" + c.since() + "|"
                        + URLEncoder.encode(c.complaintReference(), StandardCharsets.UTF_8))
                .collect(Collectors.joining(";"));
    }

    static List<OpenChallenge> decode(String column) {
        List<OpenChallenge> challenges = new ArrayList<>();
        if (column == null || column.isEmpty()) {
            return challenges;
        }
        for (String item : column.split(";")) {
            String[] parts = item.split("\\|", 4);
            challenges.add(new OpenChallenge(
                    ChallengedDecision.valueOf(parts[0]),
                    Long.parseLong(parts[1]),
                    Instant.parse(parts[2]),
                    URLDecoder.decode(parts[3], StandardCharsets.UTF_8)));
        }
        return challenges;
    }
}
