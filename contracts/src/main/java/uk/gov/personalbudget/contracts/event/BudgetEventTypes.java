package uk.gov.personalbudget.contracts.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every budget event type by its public name (the simple class name, e.g. {@code BudgetOffered}), which is
 * what the {@code event-type} header on the Kafka topic carries. Consumers read an event's JSON into the
 * class this gives.
 */
public final class BudgetEventTypes {

    /**
     * The first revision of every type's JSON form. The event store keeps it as no revision at all (as it did before
     * revisions were raised), so the stored events and their hashes stay as they were.
     */
    public static final String FIRST_REVISION = "1";

    /**
     * The types whose JSON form changed incompatibly, and their revision now (docs/events.md, "Revisions and
     * changes"); every other type is at {@link #FIRST_REVISION}. Raise a type's revision here, keep its released
     * schemas, and give both services the way from the old revision to the new.
     */
    private static final Map<Class<? extends BudgetEvent>, String> RAISED_REVISIONS = Map.of(PlanSubmitted.class, "2");

    public static final List<Class<? extends BudgetEvent>> ALL = List.of(
            BudgetOpened.class,
            NeedsAssessed.class,
            BudgetOffered.class,
            OfferContested.class,
            OfferRevised.class,
            OfferAccepted.class,
            PlanSubmitted.class,
            PlanEndorsed.class,
            PlanReturned.class,
            PersonStatementAdded.class,
            PlanApprovedByAuthority.class,
            PlanDeclinedByAuthority.class,
            ManagementChosen.class,
            ControlDelegated.class,
            ControlResumed.class,
            AuthorisedPersonAppointed.class,
            AuthorisationEnded.class,
            BudgetAdjusted.class,
            OutcomeRecorded.class,
            ReviewScheduled.class,
            ReviewCompleted.class,
            BudgetSuspended.class,
            BudgetResumed.class,
            BudgetClosed.class,
            PractitionerReallocated.class,
            ContestWithdrawn.class,
            PlanWithdrawn.class,
            PersonalDataErasureConfirmed.class,
            DecisionChallenged.class,
            ChallengeAnswered.class,
            PreferredControlStated.class);

    private static final Map<String, Class<? extends BudgetEvent>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private BudgetEventTypes() {}

    public static Optional<Class<? extends BudgetEvent>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The revision of {@code type}'s JSON form that budget-service writes now, e.g. {@code "2"}. */
    public static String revisionOf(Class<? extends BudgetEvent> type) {
        return RAISED_REVISIONS.getOrDefault(type, FIRST_REVISION);
    }

    public static String nameOf(BudgetEvent event) {
        return event.getClass().getSimpleName();
    }
}
