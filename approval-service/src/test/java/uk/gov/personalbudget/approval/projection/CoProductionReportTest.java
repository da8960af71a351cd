package uk.gov.personalbudget.approval.projection;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.value.AssessmentKind;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.PlanningApproach;
import uk.gov.personalbudget.contracts.value.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The co-production report over March 2026, from rows written by hand: each figure with an event just before, at, and
 * just before the end of the range, and one at its end, of which only the middle two count.
 */
class CoProductionReportTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");
    private static final List<Instant> EDGES = List.of(FROM.minusSeconds(1), FROM, TO.minusSeconds(1), TO);
    private static final BudgetId A = new BudgetId("A");

    private final List<AssessmentRecord> assessments = new ArrayList<>();
    private final List<PlanCycle> plans = new ArrayList<>();
    private final List<PersonAct> acts = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();

    private CoProductionReport report() {
        return CoProductionReport.compute(assessments, plans, acts, decisions, FROM, TO, LATER);
    }

    private Decision decision(DecisionKind kind, Instant at, Boolean tookPart) {
        return new Decision(
                A,
                decisions.size(),
                kind,
                at,
                "tm-1",
                Role.AUTHORITY,
                null,
                null,
                null,
                null,
                null,
                tookPart,
                null,
                null,
                null);
    }

    @Test
    void assessmentsCountInTheRangeByWhoLedThem() {
        AssessmentKind[] kinds = {
            AssessmentKind.SELF, AssessmentKind.SELF, AssessmentKind.CO_PRODUCED, AssessmentKind.SELF
        };
        for (int i = 0; i < EDGES.size(); i++) {
            assessments.add(new AssessmentRecord(A, i, EDGES.get(i), kinds[i], true));
        }

        var figures = report().assessments();

        assertThat(figures.total()).isEqualTo(2);
        assertThat(figures.byKind())
                .containsEntry(AssessmentKind.SELF, 1)
                .containsEntry(AssessmentKind.CO_PRODUCED, 1)
                .containsEntry(AssessmentKind.PRACTITIONER_LED, 0);
        assertThat(figures.selfShare()).isEqualTo(0.5);
        assertThat(figures.coProducedShare()).isEqualTo(0.5);
    }

    @Test
    void plansSubmittedInTheRangeCountAsMadeByThePersonOrWithPeerSupport() {
        PlanningApproach[] madeBy = {
            PlanningApproach.SELF,
            PlanningApproach.PEER_SUPPORTED,
            PlanningApproach.FAMILY_SUPPORTED,
            PlanningApproach.SELF
        };
        for (int i = 0; i < EDGES.size(); i++) {
            plans.add(new PlanCycle(A, i, EDGES.get(i), 1_000_000, madeBy[i], null, null, null));
        }

        var figures = report().plans();

        assertThat(figures.submitted()).isEqualTo(2);
        assertThat(figures.byPersonOrPeerShare()).isEqualTo(0.5);
        assertThat(figures.byMadeBy())
                .containsEntry(PlanningApproach.PEER_SUPPORTED, 1)
                .containsEntry(PlanningApproach.FAMILY_SUPPORTED, 1)
                .containsEntry(PlanningApproach.SELF, 0);
    }

    @Test
    void actsOnThePersonsBehalfAreAShareOfThePersonsActsInTheRange() {
        for (int i = 0; i < EDGES.size(); i++) {
            acts.add(new PersonAct(A, i, EDGES.get(i), "OfferAccepted", Role.NOMINEE, true));
        }
        acts.add(new PersonAct(A, 9, FROM.plusSeconds(60), "PlanSubmitted", Role.PERSON, false));
        acts.add(new PersonAct(A, 10, FROM.plusSeconds(90), "PlanSubmitted", Role.PRACTITIONER, true));

        var figures = report().actsForThePerson();

        assertThat(figures.total()).isEqualTo(4);
        assertThat(figures.byThePerson()).isEqualTo(1);
        assertThat(figures.onBehalf()).isEqualTo(3);
        assertThat(figures.onBehalfShare()).isEqualTo(0.75);
        assertThat(figures.onBehalfByRole()).containsEntry(Role.NOMINEE, 2).containsEntry(Role.PRACTITIONER, 1);
    }

    @Test
    void participationCountsTheAuthoritysDecisionsInTheRangeThatRecordIt() {
        decisions.add(decision(DecisionKind.OFFER, EDGES.get(0), false));
        decisions.add(decision(DecisionKind.OFFER, EDGES.get(1), true));
        decisions.add(decision(DecisionKind.DECLINE, EDGES.get(2), false));
        decisions.add(decision(DecisionKind.APPROVAL, EDGES.get(3), true));
        decisions.add(decision(DecisionKind.SUSPENSION, FROM.plusSeconds(5), null));
        decisions.add(decision(DecisionKind.ENDORSEMENT, FROM.plusSeconds(6), null));

        var figures = report().participation();

        assertThat(figures.decisions())
                .as("not the endorsement: the practitioner's")
                .isEqualTo(3);
        assertThat(figures.tookPart()).isEqualTo(1);
        assertThat(figures.didNotTakePart()).isEqualTo(1);
        assertThat(figures.notRecorded()).isEqualTo(1);
        assertThat(figures.tookPartShare()).isEqualTo(0.5);
        assertThat(figures.byKind())
                .filteredOn(kind -> kind.decisions() > 0)
                .extracting(
                        CoProductionReport.KindParticipation::kind,
                        CoProductionReport.KindParticipation::tookPart,
                        CoProductionReport.KindParticipation::didNotTakePart,
                        CoProductionReport.KindParticipation::notRecorded)
                .containsExactly(
                        tuple(DecisionKind.OFFER, 1, 0, 0),
                        tuple(DecisionKind.DECLINE, 0, 1, 0),
                        tuple(DecisionKind.SUSPENSION, 0, 0, 1));
    }

    @Test
    void withNothingInTheRangeEveryShareIsNull() {
        var report = report();
        assertThat(report.assessments().selfShare()).isNull();
        assertThat(report.plans().byPersonOrPeerShare()).isNull();
        assertThat(report.actsForThePerson().onBehalfShare()).isNull();
        assertThat(report.participation().tookPartShare()).isNull();
    }
}
