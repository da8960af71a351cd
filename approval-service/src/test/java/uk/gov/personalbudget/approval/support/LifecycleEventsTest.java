package uk.gov.personalbudget.approval.support;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.control.ControlRule;
import uk.gov.personalbudget.contracts.control.ControlState;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.PractitionerReallocated;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleEventsTest {

    private final LifecycleEvents life = LifecycleEvents.fullLifecycle("PB-1");

    @Test
    void eachTransferIsTheControlRuleFoldedOverTheEventsSoFar() {
        for (LifecycleEvents events : List.of(life, LifecycleEvents.everyEventType("PB-1"))) {
            ControlState state = ControlState.INITIAL;
            for (BudgetEvent event : events.events()) {
                assertThat(event.control()).isEqualTo(ControlRule.transfer(state, event));
                state = ControlRule.after(state, event);
            }
            assertThat(state.holder()).isEqualTo(ControlHolder.NOBODY);
        }
    }

    @Test
    void aReallocationNamesThePractitionerTheBudgetLeft() {
        var events = LifecycleEvents.budget("PB-4").opened().reallocated("sw-7", "Moved team");

        var moved = (PractitionerReallocated) events.lastEnvelope().event();
        assertThat(moved.previousPractitioner()).isEqualTo(LifecycleEvents.PRACTITIONER);
        assertThat(moved.reallocation().practitioner()).isEqualTo("sw-7");
    }

    @Test
    void sequencesStartAtZeroAndEventIdsAreStable() {
        List<EventEnvelope> envelopes = life.envelopes();
        assertThat(envelopes)
                .extracting(EventEnvelope::sequence)
                .containsExactlyElementsOf(
                        LongStream.range(0, envelopes.size()).boxed().toList());
        assertThat(envelopes)
                .extracting(EventEnvelope::eventId)
                .doesNotHaveDuplicates()
                .isEqualTo(LifecycleEvents.fullLifecycle("PB-1").envelopes().stream()
                        .map(EventEnvelope::eventId)
                        .toList());
    }

    @Test
    void theDelegateDoesThePersonsActsOnTheirBehalf() {
        var events = LifecycleEvents.budget("PB-2")
                .opened()
                .assessed()
                .offered(1_000_000)
                .delegated(
                        LifecycleEvents.NOMINEE,
                        Role.NOMINEE,
                        LifecycleEvents.START.plus(Duration.ofDays(30)),
                        "In hospital")
                .accepted();

        var accepted = events.lastEnvelope().event().act();
        assertThat(accepted.actor()).isEqualTo(LifecycleEvents.NOMINEE);
        assertThat(accepted.actorRole()).isEqualTo(Role.NOMINEE);
        assertThat(accepted.onBehalfOf()).isEqualTo(new PersonReference("P-1001"));
        assertThat(events.control().holder())
                .isEqualTo(ControlHolder.named(ControlParty.NOMINEE, LifecycleEvents.NOMINEE));
    }

    @Test
    void eventsHappenAStepApartUnlessToldOtherwise() {
        var events = LifecycleEvents.budget("PB-3")
                .opened()
                .assessed()
                .after(Duration.ofDays(2))
                .offered(1);

        assertThat(events.envelopes())
                .extracting(e -> e.event().act().occurredAt())
                .containsExactly(
                        LifecycleEvents.START,
                        LifecycleEvents.START.plus(LifecycleEvents.STEP),
                        LifecycleEvents.START.plus(LifecycleEvents.STEP).plus(Duration.ofDays(2)));
    }
}
