package uk.gov.personalbudget.approval.personaldata;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.store.SummaryQueries;
import uk.gov.personalbudget.contracts.access.BudgetParties;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.support.personaldata.PersonalDataReader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A budget's trail and decisions with their personal text revealed: the projections hold it sealed (in a
 * reason, or inside a joined detail such as an approval's conditions), and it reads {@code [erased]} once
 * the person's key is destroyed. Only values sealed with the key of the budget's own person are opened; other
 * sealed-looking text reads {@code [not opened]}. Sealed-looking text anywhere but the whole value of a field the
 * producer seals never gets here: the projector wrote it as {@code [not opened]} ({@code BudgetProjector}).
 * Amounts, parties, times and counts are untouched.
 */
@Component
public class RevealedHistory {

    private final PersonalDataReader reader;
    private final Function<BudgetId, PersonReference> ownerOf;

    @Autowired
    RevealedHistory(PersonalDataReader reader, SummaryQueries summaries) {
        this(
                reader,
                budget -> summaries.parties(budget).map(BudgetParties::person).orElse(null));
    }

    RevealedHistory(PersonalDataReader reader, Function<BudgetId, PersonReference> ownerOf) {
        this.reader = reader;
        this.ownerOf = ownerOf;
    }

    public List<ControlTrailEntry> trail(List<ControlTrailEntry> trail) {
        Map<BudgetId, PersonReference> owners = new HashMap<>();
        return trail.stream()
                .map(entry -> {
                    PersonReference owner = owners.computeIfAbsent(entry.budgetId(), ownerOf);
                    return new ControlTrailEntry(
                            entry.budgetId(),
                            entry.sequence(),
                            entry.from(),
                            entry.to(),
                            entry.at(),
                            entry.event(),
                            entry.actor(),
                            entry.actorRole(),
                            entry.onBehalfOf(),
                            reader.revealWithin(entry.reason(), owner),
                            entry.heldForSeconds());
                })
                .toList();
    }

    public List<Decision> decisions(List<Decision> decisions) {
        Map<BudgetId, PersonReference> owners = new HashMap<>();
        return decisions.stream()
                .map(decision -> {
                    PersonReference owner = owners.computeIfAbsent(decision.budgetId(), ownerOf);
                    return new Decision(
                            decision.budgetId(),
                            decision.sequence(),
                            decision.kind(),
                            decision.at(),
                            decision.actor(),
                            decision.actorRole(),
                            decision.onBehalfOf(),
                            decision.outcome(),
                            reader.revealWithin(decision.reasons(), owner),
                            reader.revealWithin(decision.detail(), owner),
                            decision.amount(),
                            decision.personTookPart(),
                            decision.personToldBy(),
                            decision.personStatementAdded(),
                            decision.waitedSeconds());
                })
                .toList();
    }
}
