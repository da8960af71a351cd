package uk.gov.personalbudget.contracts.value;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text field an event can carry is classified: either {@link PersonalData} (encrypted with the person's
 * key) or listed here as not personal, with docs/security.md saying why. A new text field fails this test
 * until someone decides which it is.
 */
class PersonalDataClassificationTest {

    /**
     * Text that does not identify the person: the council's own names and codes, pseudonymous ids, and the
     * person reference, which access control and the person's key need in the clear.
     */
    private static final Set<String> NOT_PERSONAL = Set.of(
            "Act.actor",
            "BudgetId.value",
            "PersonReference.value",
            "BudgetOpening.localAuthority",
            "BudgetOpening.allocatedPractitioner",
            "Calculation.allocationMethod",
            "Calculation.methodVersion",
            "Delegate.id",
            "Authorisation.authorisedPerson",
            "ControlHolder.actorId",
            "Management.provider",
            "Outcome.recoveryGoalId",
            "PlanLine.recoveryGoalId",
            "RecoveryGoal.id",
            "AuthorisationEnded.formerAuthorisedPerson",
            "Reallocation.practitioner",
            "PractitionerReallocated.previousPractitioner",
            "Erasure.requestId",
            "Erasure.requestedBy",
            "Erasure.keyId",
            "Challenge.complaintReference",
            "ChallengeAnswered.complaintReference");

    private static final Set<String> PERSONAL = Set.of(
            "Adjustment.reason",
            "Approval.conditions",
            "Approval.varianceReason",
            "Assessment.eligibleNeeds",
            "Assessment.eligibilityReasons",
            "Authorisation.capacityAssessmentReference",
            "BreakdownLine.description",
            "Challenge.grounds",
            "ChallengeAnswer.reasons",
            "ChallengeAnswer.changes",
            "Contest.reason",
            "Decline.reasons",
            "Delegation.explanation",
            "Endorsement.comment",
            "Outcome.personsOwnWords",
            "PersonStatement.statement",
            "Plan.exceptionReason",
            "PersonAgreement.reference",
            "PersonAgreement.notes",
            "Reallocation.reason",
            "PlanLine.description",
            "PlanReturn.reasons",
            "Reason.reason",
            "RecoveryGoal.description",
            "Resumption.reason",
            "ReviewResult.summary",
            "Revision.reasons",
            "Suspension.reason",
            "Suspension.interimArrangement");

    @Test
    void everyTextFieldOfEveryEventIsClassified() {
        Set<String> annotated = new TreeSet<>();
        Set<String> plain = new TreeSet<>();
        for (RecordComponent component : textComponentsOfEvents()) {
            String name = component.getDeclaringRecord().getSimpleName() + "." + component.getName();
            (component.isAnnotationPresent(PersonalData.class) ? annotated : plain).add(name);
        }

        assertThat(annotated).as("fields marked @PersonalData").containsExactlyInAnyOrderElementsOf(PERSONAL);
        assertThat(plain)
                .as("text fields not marked: each must be listed as not personal")
                .containsExactlyInAnyOrderElementsOf(NOT_PERSONAL);
    }

    @Test
    void theMarkIsVisibleOnTheAccessorAndTheConstructorParameterThatJacksonUses() throws Exception {
        assertThat(Contest.class.getMethod("reason").isAnnotationPresent(PersonalData.class))
                .isTrue();
        assertThat(Contest.class
                        .getDeclaredConstructor(String.class, Money.class)
                        .getParameters()[0]
                        .isAnnotationPresent(PersonalData.class))
                .isTrue();
    }

    /** String and List-of-String components of every record reachable from an event's components. */
    private static List<RecordComponent> textComponentsOfEvents() {
        Deque<Class<?>> pending = new ArrayDeque<>(BudgetEventTypes.ALL);
        Set<Class<?>> seen = new HashSet<>();
        List<RecordComponent> text = new java.util.ArrayList<>();
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (!type.isRecord() || !seen.add(type)) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() == String.class || isListOf(component.getGenericType(), String.class)) {
                    text.add(component);
                }
                pending.push(component.getType());
                if (component.getGenericType() instanceof ParameterizedType list
                        && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                    pending.push(element);
                }
            }
        }
        return text;
    }

    private static boolean isListOf(Type type, Class<?> element) {
        return type instanceof ParameterizedType parameterized
                && parameterized.getRawType() == List.class
                && parameterized.getActualTypeArguments()[0] == element;
    }
}
