package uk.gov.personalbudget.approval.personaldata;

import org.springframework.stereotype.Component;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.support.personaldata.PersonalDataReader;

import java.util.List;

/**
 * A budget's trail and decisions with their personal text revealed: the projections hold it sealed (in a
 * reason, or inside a joined detail such as conditions or "provider ..."), and it reads {@code [erased]} once
 * the person's key is destroyed. Amounts, parties, times and counts are untouched.
 */
@Component
public class RevealedHistory {

    private final PersonalDataReader reader;

    public RevealedHistory(PersonalDataReader reader) {
        this.reader = reader;
    }

    public List<ControlTrailEntry> trail(List<ControlTrailEntry> trail) {
        return trail.stream().map(entry -> new ControlTrailEntry(entry.budgetId(), entry.sequence(), entry.from(),
                entry.to(), entry.at(), entry.event(), entry.actor(), entry.actorRole(), entry.onBehalfOf(),
                reader.revealWithin(entry.reason()), entry.heldForSeconds())).toList();
    }

    public List<Decision> decisions(List<Decision> decisions) {
        return decisions.stream().map(decision -> new Decision(decision.budgetId(), decision.sequence(),
                decision.kind(), decision.at(), decision.actor(), decision.actorRole(), decision.onBehalfOf(),
                decision.outcome(), reader.revealWithin(decision.reasons()), reader.revealWithin(decision.detail()),
                decision.amount(), decision.personTookPart(), decision.personStatementAdded(),
                decision.waitedSeconds())).toList();
    }
}
