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

    /** The schema revision of every event type's JSON form; raised only by an incompatible change. */
    public static final String REVISION = "1";

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
            PersonalDataErasureConfirmed.class);

    private static final Map<String, Class<? extends BudgetEvent>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private BudgetEventTypes() {}

    public static Optional<Class<? extends BudgetEvent>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String nameOf(BudgetEvent event) {
        return event.getClass().getSimpleName();
    }
}
