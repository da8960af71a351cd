package uk.gov.personalbudget.budget.lifecycle;

import jakarta.validation.ConstraintViolation;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.personalbudget.contracts.command.AdjustBudget;
import uk.gov.personalbudget.contracts.command.AppointAuthorisedPerson;
import uk.gov.personalbudget.contracts.command.CloseBudget;
import uk.gov.personalbudget.contracts.command.ContestOffer;
import uk.gov.personalbudget.contracts.command.DeclineByAuthority;
import uk.gov.personalbudget.contracts.command.DelegateControl;
import uk.gov.personalbudget.contracts.command.EndAuthorisation;
import uk.gov.personalbudget.contracts.command.OfferBudget;
import uk.gov.personalbudget.contracts.command.OpenBudget;
import uk.gov.personalbudget.contracts.command.RecordAssessment;
import uk.gov.personalbudget.contracts.command.ResumeBudget;
import uk.gov.personalbudget.contracts.command.ReturnPlan;
import uk.gov.personalbudget.contracts.command.SubmitPlan;
import uk.gov.personalbudget.contracts.command.SuspendBudget;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.value.Adjustment;
import uk.gov.personalbudget.contracts.value.AdjustmentKind;
import uk.gov.personalbudget.contracts.value.Assessment;
import uk.gov.personalbudget.contracts.value.Authorisation;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.Closure;
import uk.gov.personalbudget.contracts.value.Contest;
import uk.gov.personalbudget.contracts.value.Decline;
import uk.gov.personalbudget.contracts.value.Delegation;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.Offer;
import uk.gov.personalbudget.contracts.value.Plan;
import uk.gov.personalbudget.contracts.value.PlanReturn;
import uk.gov.personalbudget.contracts.value.PlanningApproach;
import uk.gov.personalbudget.contracts.value.Reason;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.contracts.value.Suspension;

import java.util.List;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static uk.gov.personalbudget.budget.lifecycle.Budgets.*;

/**
 * The rules DOMAIN.md asks of a command's own content (a reason, a reference, an amount) are the contracts'
 * Bean Validation constraints, which LifecycleConfiguration checks on the command bus before the aggregate
 * sees a command. Here the same interceptor runs in the fixture, as a handler interceptor so the fixture can
 * record what it throws.
 */
class PersonalBudgetCommandValidationTest extends BudgetFixtureSupport {

    @BeforeEach
    void validateCommands() {
        fixture.registerCommandHandlerInterceptor(new BeanValidationInterceptor<>());
    }

    static Stream<Arguments> commandsMissingWhatTheRulesRequire() {
        return Stream.of(
                argumentSet(
                        "OpenBudget without a person reference",
                        List.of(),
                        new OpenBudget(ID, PRACTITIONER, new BudgetOpening(null, "leeds", null)),
                        "opening.person"),
                argumentSet(
                        "OpenBudget without a local authority",
                        List.of(),
                        new OpenBudget(ID, PRACTITIONER, new BudgetOpening(SAM, " ", null)),
                        "opening.localAuthority"),
                argumentSet(
                        "RecordAssessment without written reasons",
                        opened(),
                        new RecordAssessment(
                                ID,
                                PRACTITIONER,
                                new Assessment(
                                        ASSESSMENT.kind(),
                                        ASSESSMENT.eligibleNeeds(),
                                        true,
                                        "",
                                        true,
                                        ASSESSMENT.recoveryGoals(),
                                        false)),
                        "assessment.eligibilityReasons"),
                argumentSet(
                        "OfferBudget with a negative amount",
                        assessed(),
                        new OfferBudget(
                                ID,
                                AUTHORITY,
                                new Offer(
                                        Money.yearly(-1),
                                        calculation(Money.yearly(-1)),
                                        true,
                                        NotificationMethod.IN_PERSON)),
                        "offer.amount.pence"),
                argumentSet(
                        "ContestOffer without a reason",
                        offered(),
                        new ContestOffer(ID, PERSON, new Contest(" ", ASKED)),
                        "contest.reason"),
                argumentSet(
                        "SubmitPlan without a line",
                        planning(),
                        new SubmitPlan(ID, PERSON, new Plan(List.of(), PlanningApproach.SELF, null, null)),
                        "plan.lines"),
                argumentSet(
                        "ReturnPlan without reasons",
                        submitted(),
                        new ReturnPlan(ID, PRACTITIONER, new PlanReturn("")),
                        "planReturn.reasons"),
                argumentSet(
                        "DeclineByAuthority without reasons",
                        endorsed(),
                        new DeclineByAuthority(ID, AUTHORITY, new Decline(" ", true, NotificationMethod.LETTER)),
                        "decline.reasons"),
                argumentSet(
                        "DeclineByAuthority without saying how the person is told",
                        endorsed(),
                        new DeclineByAuthority(ID, AUTHORITY, new Decline("Not costed", true, null)),
                        "decline.personToldBy"),
                argumentSet(
                        "DelegateControl without an intended end",
                        offered(),
                        new DelegateControl(
                                ID,
                                PERSON,
                                new Delegation(
                                        DELEGATION.delegate(), DELEGATION.reason(), DELEGATION.explanation(), null)),
                        "delegation.intendedEnd"),
                argumentSet(
                        "AppointAuthorisedPerson without a capacity assessment reference",
                        offered(),
                        new AppointAuthorisedPerson(ID, AUTHORITY, new Authorisation("nominee-2002", " ")),
                        "authorisation.capacityAssessmentReference"),
                argumentSet(
                        "EndAuthorisation without a reason",
                        authorised(),
                        new EndAuthorisation(ID, AUTHORITY, new Reason("")),
                        "reason.reason"),
                argumentSet(
                        "AdjustBudget without a reason",
                        active(),
                        new AdjustBudget(
                                ID,
                                AUTHORITY,
                                new Adjustment(
                                        AdjustmentKind.TEMPORARY,
                                        Money.yearly(1_400_000),
                                        NOW,
                                        NOW.plusSeconds(86_400),
                                        " ",
                                        Role.PERSON,
                                        true,
                                        NotificationMethod.IN_PERSON)),
                        "adjustment.reason"),
                argumentSet(
                        "SuspendBudget without an interim arrangement",
                        active(),
                        new SuspendBudget(
                                ID, AUTHORITY, new Suspension("In hospital", "", true, NotificationMethod.IN_PERSON)),
                        "suspension.interimArrangement"),
                argumentSet(
                        "ResumeBudget without a reason",
                        suspended(),
                        new ResumeBudget(ID, AUTHORITY, new Reason(" ")),
                        "reason.reason"),
                argumentSet(
                        "CloseBudget without a reason",
                        active(),
                        new CloseBudget(ID, AUTHORITY, new Closure("", NotificationMethod.LETTER, true)),
                        "closure.reason"));
    }

    @ParameterizedTest
    @MethodSource("commandsMissingWhatTheRulesRequire")
    void aCommandMissingWhatItsRuleRequiresIsRefusedBeforeTheBudgetSeesIt(
            List<BudgetEvent> history, Object command, String field) {
        given(history)
                .when(command)
                .expectException(JSR303ViolationException.class)
                .expectException(invalidAt(field))
                .expectNoEvents();
    }

    @Test
    void aCompleteCommandPassesValidation() {
        givenNoBudget()
                .when(new OpenBudget(ID, PRACTITIONER, OPENING))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetOpened(
                        ID, act(PRACTITIONER), transfer(ControlHolder.NOBODY, ControlHolder.PRACTITIONER), OPENING));
    }

    private static Matcher<Throwable> invalidAt(String field) {
        return new FeatureMatcher<>(hasItem(field), "a constraint violation at", "violations") {
            @Override
            protected List<String> featureValueOf(Throwable actual) {
                if (!(actual instanceof JSR303ViolationException invalid)) {
                    return List.of();
                }
                return invalid.getViolations().stream()
                        .map(ConstraintViolation::getPropertyPath)
                        .map(Object::toString)
                        .toList();
            }
        };
    }
}
