package uk.gov.personalbudget.contracts.control;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.personalbudget.contracts.Samples;
import uk.gov.personalbudget.contracts.event.AuthorisationEnded;
import uk.gov.personalbudget.contracts.event.AuthorisedPersonAppointed;
import uk.gov.personalbudget.contracts.event.BudgetAdjusted;
import uk.gov.personalbudget.contracts.event.BudgetClosed;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetOffered;
import uk.gov.personalbudget.contracts.event.BudgetOpened;
import uk.gov.personalbudget.contracts.event.BudgetResumed;
import uk.gov.personalbudget.contracts.event.BudgetSuspended;
import uk.gov.personalbudget.contracts.event.ChallengeAnswered;
import uk.gov.personalbudget.contracts.event.ContestWithdrawn;
import uk.gov.personalbudget.contracts.event.ControlDelegated;
import uk.gov.personalbudget.contracts.event.ControlResumed;
import uk.gov.personalbudget.contracts.event.DecisionChallenged;
import uk.gov.personalbudget.contracts.event.ManagementChosen;
import uk.gov.personalbudget.contracts.event.NeedsAssessed;
import uk.gov.personalbudget.contracts.event.OfferAccepted;
import uk.gov.personalbudget.contracts.event.OfferContested;
import uk.gov.personalbudget.contracts.event.OfferRevised;
import uk.gov.personalbudget.contracts.event.OutcomeRecorded;
import uk.gov.personalbudget.contracts.event.PersonStatementAdded;
import uk.gov.personalbudget.contracts.event.PersonalDataErasureConfirmed;
import uk.gov.personalbudget.contracts.event.PlanApprovedByAuthority;
import uk.gov.personalbudget.contracts.event.PlanDeclinedByAuthority;
import uk.gov.personalbudget.contracts.event.PlanEndorsed;
import uk.gov.personalbudget.contracts.event.PlanReturned;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;
import uk.gov.personalbudget.contracts.event.PlanWithdrawn;
import uk.gov.personalbudget.contracts.event.PractitionerReallocated;
import uk.gov.personalbudget.contracts.event.PreferredControlStated;
import uk.gov.personalbudget.contracts.event.ReviewCompleted;
import uk.gov.personalbudget.contracts.event.ReviewScheduled;
import uk.gov.personalbudget.contracts.value.Adjustment;
import uk.gov.personalbudget.contracts.value.AdjustmentKind;
import uk.gov.personalbudget.contracts.value.Authorisation;
import uk.gov.personalbudget.contracts.value.BudgetOpening;
import uk.gov.personalbudget.contracts.value.Contest;
import uk.gov.personalbudget.contracts.value.Decline;
import uk.gov.personalbudget.contracts.value.Delegate;
import uk.gov.personalbudget.contracts.value.Delegation;
import uk.gov.personalbudget.contracts.value.DelegationReason;
import uk.gov.personalbudget.contracts.value.Endorsement;
import uk.gov.personalbudget.contracts.value.Erasure;
import uk.gov.personalbudget.contracts.value.Management;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.MixedSplit;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.NotificationMethod;
import uk.gov.personalbudget.contracts.value.Offer;
import uk.gov.personalbudget.contracts.value.Outcome;
import uk.gov.personalbudget.contracts.value.OutcomeDomain;
import uk.gov.personalbudget.contracts.value.PersonStatement;
import uk.gov.personalbudget.contracts.value.PlanReturn;
import uk.gov.personalbudget.contracts.value.PreferredControl;
import uk.gov.personalbudget.contracts.value.Reallocation;
import uk.gov.personalbudget.contracts.value.Reason;
import uk.gov.personalbudget.contracts.value.Resumption;
import uk.gov.personalbudget.contracts.value.ReviewOutcome;
import uk.gov.personalbudget.contracts.value.ReviewResult;
import uk.gov.personalbudget.contracts.value.Revision;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.contracts.value.Suspension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.personalbudget.contracts.Samples.BUDGET;
import static uk.gov.personalbudget.contracts.control.ControlParty.AUTHORITY;
import static uk.gov.personalbudget.contracts.control.ControlParty.NOBODY;
import static uk.gov.personalbudget.contracts.control.ControlParty.PERSON;
import static uk.gov.personalbudget.contracts.control.ControlParty.PRACTITIONER;
import static uk.gov.personalbudget.contracts.control.ControlParty.PROVIDER;
import static uk.gov.personalbudget.contracts.value.ManagementOption.COUNCIL_MANAGED;
import static uk.gov.personalbudget.contracts.value.ManagementOption.DIRECT_PAYMENT;
import static uk.gov.personalbudget.contracts.value.ManagementOption.INDIVIDUAL_SERVICE_FUND;
import static uk.gov.personalbudget.contracts.value.ManagementOption.MIXED;

/** DOMAIN.md's "Who holds control" table, row by row, including the delegation and authorisation overlay. */
class ControlRuleTest {

    private static final ControlHolder SISTER = ControlHolder.named(ControlParty.NOMINEE, "nominee-2001");
    private static final ControlHolder CARE_COORDINATOR = ControlHolder.named(PRACTITIONER, "sw-3001");
    private static final ControlHolder AUTHORISED = ControlHolder.named(ControlParty.NOMINEE, "nominee-2002");

    /** One row: who holds control after {@code event}, from the state {@code before}. */
    record Row(String situation, ControlState before, BudgetEvent event, ControlHolder after) {
        @Override
        public String toString() {
            return situation;
        }
    }

    static Stream<Row> table() {
        return Stream.of(
                row("BudgetOpened: the practitioner assesses", ControlState.INITIAL, opened(), of(PRACTITIONER)),
                row("NeedsAssessed: the authority offers", base(PRACTITIONER), assessed(), of(AUTHORITY)),
                row("OfferContested: the authority answers", base(PERSON), contested(), of(AUTHORITY)),
                row(
                        "ContestWithdrawn: the person, whose offer is open again",
                        base(AUTHORITY),
                        new ContestWithdrawn(BUDGET, null, null, new Reason("The offer is enough")),
                        of(PERSON)),
                row(
                        "PlanWithdrawn: the person plans again",
                        base(AUTHORITY),
                        new PlanWithdrawn(BUDGET, null, null, new Reason("Needs changed")),
                        of(PERSON)),
                row(
                        "PractitionerReallocated: unchanged",
                        base(PRACTITIONER),
                        new PractitionerReallocated(
                                BUDGET, null, null, new Reallocation("sw-3002", "Moved team"), "sw-3001"),
                        of(PRACTITIONER)),
                row(
                        "PersonalDataErasureConfirmed: unchanged",
                        base(NOBODY),
                        new PersonalDataErasureConfirmed(
                                BUDGET,
                                null,
                                null,
                                new Erasure("r-1", "au-2001", Instant.parse("2026-12-01T10:00:00Z"), "k-1")),
                        of(NOBODY)),
                row("BudgetOffered: the person", base(AUTHORITY), offered(), of(PERSON)),
                row("OfferRevised: the person", base(AUTHORITY), revised(), of(PERSON)),
                row("OfferAccepted: the person plans", base(PERSON), accepted(), of(PERSON)),
                row("PlanSubmitted: the practitioner", base(PERSON), submitted(), of(PRACTITIONER)),
                row("PlanReturned: the person", base(PRACTITIONER), returned(), of(PERSON)),
                row("PlanEndorsed: the authority decides", base(PRACTITIONER), endorsed(), of(AUTHORITY)),
                row("PlanDeclinedByAuthority: the person", base(AUTHORITY), declined(), of(PERSON)),
                row("PlanApprovedByAuthority: the person chooses", base(AUTHORITY), approved(), of(PERSON)),
                row("ManagementChosen direct payment: the person", base(PERSON), chosen(DIRECT_PAYMENT), of(PERSON)),
                row(
                        "ManagementChosen council-managed: the authority",
                        base(PERSON),
                        chosen(COUNCIL_MANAGED),
                        of(AUTHORITY)),
                row(
                        "ManagementChosen individual service fund: the provider",
                        base(PERSON),
                        chosen(INDIVIDUAL_SERVICE_FUND),
                        of(PROVIDER)),
                row("ManagementChosen mixed: the person", base(PERSON), chosen(MIXED), of(PERSON)),
                row(
                        "ManagementChosen again, from the provider to the authority",
                        managed(PROVIDER, INDIVIDUAL_SERVICE_FUND),
                        chosen(COUNCIL_MANAGED),
                        of(AUTHORITY)),
                row(
                        "BudgetSuspended: the authority",
                        managed(PROVIDER, INDIVIDUAL_SERVICE_FUND),
                        suspended(),
                        of(AUTHORITY)),
                row(
                        "BudgetResumed, direct payment: back to the person",
                        managed(AUTHORITY, DIRECT_PAYMENT),
                        resumed(),
                        of(PERSON)),
                row(
                        "BudgetResumed, council-managed: the authority",
                        managed(AUTHORITY, COUNCIL_MANAGED),
                        resumed(),
                        of(AUTHORITY)),
                row(
                        "BudgetResumed, service fund: back to the provider",
                        managed(AUTHORITY, INDIVIDUAL_SERVICE_FUND),
                        resumed(),
                        of(PROVIDER)),
                row("BudgetResumed, mixed: back to the person", managed(AUTHORITY, MIXED), resumed(), of(PERSON)),
                row(
                        "BudgetResumed before management was chosen: the person, whose choice it is",
                        base(AUTHORITY),
                        resumed(),
                        of(PERSON)),
                row(
                        "ReviewCompleted continue, direct payment: the person",
                        managed(PERSON, DIRECT_PAYMENT),
                        reviewed(ReviewOutcome.CONTINUE),
                        of(PERSON)),
                row(
                        "ReviewCompleted continue, council-managed: the authority",
                        managed(AUTHORITY, COUNCIL_MANAGED),
                        reviewed(ReviewOutcome.CONTINUE),
                        of(AUTHORITY)),
                row(
                        "ReviewCompleted continue, service fund: the provider",
                        managed(PROVIDER, INDIVIDUAL_SERVICE_FUND),
                        reviewed(ReviewOutcome.CONTINUE),
                        of(PROVIDER)),
                row(
                        "ReviewCompleted continue, mixed: the person",
                        managed(PERSON, MIXED),
                        reviewed(ReviewOutcome.CONTINUE),
                        of(PERSON)),
                row(
                        "ReviewCompleted replan: the person plans again",
                        managed(PROVIDER, INDIVIDUAL_SERVICE_FUND),
                        reviewed(ReviewOutcome.REPLAN),
                        of(PERSON)),
                row(
                        "ReviewCompleted end: the authority, to close the budget",
                        managed(PERSON, DIRECT_PAYMENT),
                        reviewed(ReviewOutcome.END),
                        of(AUTHORITY)),
                row("BudgetClosed: nobody", managed(PERSON, DIRECT_PAYMENT), closed(), of(NOBODY)),
                row(
                        "BudgetClosed while delegated: nobody, not the delegate",
                        delegated(PERSON, SISTER),
                        closed(),
                        of(NOBODY)),
                row(
                        "ControlDelegated to a nominee while the person holds control: the nominee",
                        base(PERSON),
                        delegatedTo(new Delegate("nominee-2001", Role.NOMINEE)),
                        SISTER),
                row(
                        "ControlDelegated to a practitioner while the person holds control: the practitioner",
                        base(PERSON),
                        delegatedTo(new Delegate("sw-3001", Role.PRACTITIONER)),
                        CARE_COORDINATOR),
                row(
                        "ControlDelegated while the authority decides: control stays with the authority",
                        base(AUTHORITY),
                        delegatedTo(new Delegate("nominee-2001", Role.NOMINEE)),
                        of(AUTHORITY)),
                row(
                        "PlanApprovedByAuthority while delegated: to the delegate, not the person",
                        delegated(AUTHORITY, SISTER),
                        approved(),
                        SISTER),
                row(
                        "ManagementChosen direct payment while delegated: the delegate",
                        delegated(PERSON, SISTER),
                        chosen(DIRECT_PAYMENT),
                        SISTER),
                row(
                        "ManagementChosen council-managed while delegated: the authority",
                        delegated(PERSON, SISTER),
                        chosen(COUNCIL_MANAGED),
                        of(AUTHORITY)),
                row(
                        "ControlResumed while the delegate holds control: back to the person",
                        delegated(PERSON, SISTER),
                        resumedControl(),
                        of(PERSON)),
                row(
                        "ControlResumed while the practitioner holds control by the lifecycle: the practitioner",
                        delegated(PRACTITIONER, SISTER),
                        resumedControl(),
                        of(PRACTITIONER)),
                row(
                        "AuthorisedPersonAppointed while the person holds control: the authorised person",
                        base(PERSON),
                        appointed(),
                        AUTHORISED),
                row(
                        "AuthorisedPersonAppointed while the authority decides: the authority",
                        base(AUTHORITY),
                        appointed(),
                        of(AUTHORITY)),
                row(
                        "PlanReturned while authorised: to the authorised person",
                        authorised(PRACTITIONER),
                        returned(),
                        AUTHORISED),
                row(
                        "AuthorisationEnded while the authorised person holds control: back to the person",
                        authorised(PERSON),
                        authorisationEnded(),
                        of(PERSON)),
                row(
                        "AuthorisationEnded while the practitioner holds control: the practitioner",
                        authorised(PRACTITIONER),
                        authorisationEnded(),
                        of(PRACTITIONER)),
                row(
                        "ControlDelegated while an authorised person is appointed: the delegate comes first",
                        authorised(PERSON),
                        delegatedTo(new Delegate("nominee-2001", Role.NOMINEE)),
                        SISTER),
                row(
                        "AuthorisedPersonAppointed while delegated: the delegate keeps control",
                        delegated(PERSON, SISTER),
                        appointed(),
                        SISTER),
                row(
                        "ControlResumed while an authorised person is appointed: the authorised person",
                        new ControlState(PERSON, null, SISTER, AUTHORISED),
                        resumedControl(),
                        AUTHORISED),
                row(
                        "AuthorisationEnded while delegated: the delegate keeps control",
                        new ControlState(PERSON, null, SISTER, AUTHORISED),
                        authorisationEnded(),
                        SISTER),
                row("PersonStatementAdded: unchanged (the authority)", base(AUTHORITY), statement(), of(AUTHORITY)),
                row(
                        "BudgetAdjusted: unchanged (the provider)",
                        managed(PROVIDER, INDIVIDUAL_SERVICE_FUND),
                        adjusted(),
                        of(PROVIDER)),
                row("OutcomeRecorded: unchanged (the delegate)", delegated(PERSON, SISTER), outcome(), SISTER),
                row(
                        "ReviewScheduled: unchanged (the person)",
                        managed(PERSON, DIRECT_PAYMENT),
                        reviewScheduled(),
                        of(PERSON)),
                row(
                        "ReviewScheduled: unchanged (the authority, while suspended)",
                        managed(AUTHORITY, MIXED),
                        reviewScheduled(),
                        of(AUTHORITY)),
                row(
                        "DecisionChallenged: unchanged (the person keeps managing the direct payment meanwhile)",
                        managed(PERSON, DIRECT_PAYMENT),
                        new DecisionChallenged(BUDGET, null, null, Samples.CHALLENGE, 10, null, null),
                        of(PERSON)),
                row(
                        "DecisionChallenged while delegated: unchanged (the delegate)",
                        delegated(PERSON, SISTER),
                        new DecisionChallenged(BUDGET, null, null, Samples.CHALLENGE, 10, null, null),
                        SISTER),
                row(
                        "ChallengeAnswered: unchanged (the authority, managing the money)",
                        managed(AUTHORITY, COUNCIL_MANAGED),
                        new ChallengeAnswered(BUDGET, null, null, Samples.CHALLENGE_ANSWER, "CMP-1", null),
                        of(AUTHORITY)),
                row(
                        "PreferredControlStated: unchanged (the provider)",
                        managed(PROVIDER, INDIVIDUAL_SERVICE_FUND),
                        new PreferredControlStated(BUDGET, null, null, PreferredControl.HOLD_IT_MYSELF, null),
                        of(PROVIDER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void controlAfterEachEventFollowsTheTable(Row row) {
        assertThat(ControlRule.after(row.before(), row.event()).holder()).isEqualTo(row.after());
        assertThat(ControlRule.transfer(row.before(), row.event()))
                .isEqualTo(new ControlTransfer(row.before().holder(), row.after()));
    }

    @Test
    void everyEventTypeHasAControlExpectation() {
        Set<Class<?>> eventTypes = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("uk.gov.personalbudget.contracts.event")
                        .stream()
                        .filter(type -> type.isAssignableTo(BudgetEvent.class) && !type.isInterface())
                        .map(JavaClass::reflect)
                        .collect(Collectors.toSet());
        Set<Class<?>> covered = table().map(row -> row.event().getClass()).collect(Collectors.toSet());

        assertThat(eventTypes).isNotEmpty();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(eventTypes);
    }

    @Test
    void theRuleReadsTheEventNotItsControlField() {
        var stamped = new BudgetOffered(
                BUDGET,
                null,
                new ControlTransfer(ControlHolder.NOBODY, ControlHolder.NOBODY),
                new Offer(Samples.OFFERED, Samples.CALCULATION));

        assertThat(ControlRule.after(base(AUTHORITY), stamped).holder()).isEqualTo(ControlHolder.PERSON);
    }

    @Test
    void aWholeLifeWithACrisisDelegationMovesControlAsTheTableSays() {
        List<BudgetEvent> life = List.of(
                opened(),
                assessed(),
                offered(),
                contested(),
                revised(),
                accepted(),
                submitted(),
                endorsed(),
                delegatedTo(new Delegate("nominee-2001", Role.NOMINEE)),
                declined(),
                submitted(),
                endorsed(),
                approved(),
                resumedControl(),
                chosen(INDIVIDUAL_SERVICE_FUND),
                suspended(),
                resumed(),
                reviewed(ReviewOutcome.REPLAN),
                closed());

        ControlState state = ControlState.INITIAL;
        List<ControlHolder> holders = new ArrayList<>();
        for (BudgetEvent event : life) {
            state = ControlRule.after(state, event);
            holders.add(state.holder());
        }

        assertThat(holders)
                .containsExactly(
                        of(PRACTITIONER),
                        of(AUTHORITY),
                        of(PERSON),
                        of(AUTHORITY),
                        of(PERSON),
                        of(PERSON),
                        of(PRACTITIONER),
                        of(AUTHORITY),
                        of(AUTHORITY),
                        SISTER,
                        of(PRACTITIONER),
                        of(AUTHORITY),
                        SISTER,
                        of(PERSON),
                        of(PROVIDER),
                        of(AUTHORITY),
                        of(PROVIDER),
                        of(PERSON),
                        of(NOBODY));
    }

    @Test
    void aTransferIsOnlyAChangeOfHolder() {
        assertThat(new ControlTransfer(ControlHolder.PERSON, SISTER).isTransfer())
                .isTrue();
        assertThat(new ControlTransfer(SISTER, ControlHolder.named(ControlParty.NOMINEE, "nominee-2001")).isTransfer())
                .isFalse();
    }

    private static Row row(String situation, ControlState before, BudgetEvent event, ControlHolder after) {
        return new Row(situation, before, event, after);
    }

    private static ControlHolder of(ControlParty party) {
        return ControlHolder.of(party);
    }

    private static ControlState base(ControlParty party) {
        return new ControlState(party, null, null, null);
    }

    private static ControlState managed(ControlParty party, ManagementOption option) {
        return new ControlState(party, option, null, null);
    }

    private static ControlState delegated(ControlParty party, ControlHolder delegate) {
        return new ControlState(party, null, delegate, null);
    }

    private static ControlState authorised(ControlParty party) {
        return new ControlState(party, null, null, AUTHORISED);
    }

    // Events carry no act or control here: the rule reads neither.

    private static BudgetEvent opened() {
        return new BudgetOpened(BUDGET, null, null, new BudgetOpening(Samples.PERSON_REF, "leeds", null));
    }

    private static BudgetEvent assessed() {
        return new NeedsAssessed(BUDGET, null, null, Samples.ASSESSMENT);
    }

    private static BudgetEvent offered() {
        return new BudgetOffered(BUDGET, null, null, new Offer(Samples.OFFERED, Samples.CALCULATION));
    }

    private static BudgetEvent contested() {
        return new OfferContested(BUDGET, null, null, new Contest("Not enough for evenings", null), Samples.OFFERED);
    }

    private static BudgetEvent revised() {
        return new OfferRevised(
                BUDGET,
                null,
                null,
                new Revision(Samples.OFFERED, Samples.CALCULATION, "Evenings are met by the day centre"),
                Samples.OFFERED,
                null);
    }

    private static BudgetEvent accepted() {
        return new OfferAccepted(BUDGET, null, null, Samples.OFFERED);
    }

    private static BudgetEvent submitted() {
        return new PlanSubmitted(BUDGET, null, null, Samples.PLAN);
    }

    private static BudgetEvent returned() {
        return new PlanReturned(BUDGET, null, null, new PlanReturn("Cost the assistant's hours"));
    }

    private static BudgetEvent endorsed() {
        return new PlanEndorsed(BUDGET, null, null, new Endorsement(null));
    }

    private static BudgetEvent statement() {
        return new PersonStatementAdded(BUDGET, null, null, new PersonStatement("This plan is mine."));
    }

    private static BudgetEvent declined() {
        return new PlanDeclinedByAuthority(
                BUDGET, null, null, new Decline("The hours are not costed", false, NotificationMethod.LETTER), false);
    }

    private static BudgetEvent approved() {
        return new PlanApprovedByAuthority(BUDGET, null, null, Samples.APPROVAL, Samples.OFFERED, false);
    }

    private static BudgetEvent chosen(ManagementOption option) {
        return new ManagementChosen(
                BUDGET,
                null,
                null,
                switch (option) {
                    case INDIVIDUAL_SERVICE_FUND -> new Management(option, "Leeds Mind", null);
                    case MIXED ->
                        new Management(
                                option, null, new MixedSplit(Money.yearly(1_000_000), Money.yearly(250_000), null));
                    default -> new Management(option, null, null);
                });
    }

    private static BudgetEvent delegatedTo(Delegate delegate) {
        return new ControlDelegated(
                BUDGET,
                null,
                null,
                new Delegation(
                        delegate,
                        DelegationReason.CRISIS,
                        "Admitted to hospital",
                        Instant.parse("2026-03-01T00:00:00Z")));
    }

    private static BudgetEvent resumedControl() {
        return new ControlResumed(BUDGET, null, null, new Delegate("nominee-2001", Role.NOMINEE), new Resumption(null));
    }

    private static BudgetEvent appointed() {
        return new AuthorisedPersonAppointed(BUDGET, null, null, new Authorisation("nominee-2002", "MCA-2026-0042"));
    }

    private static BudgetEvent authorisationEnded() {
        return new AuthorisationEnded(BUDGET, null, null, "nominee-2002", new Reason("Capacity regained"));
    }

    private static BudgetEvent adjusted() {
        return new BudgetAdjusted(
                BUDGET,
                null,
                null,
                new Adjustment(
                        AdjustmentKind.LASTING,
                        Money.yearly(1_300_000),
                        Samples.AT,
                        null,
                        "Needs increased",
                        Role.PRACTITIONER),
                Samples.OFFERED);
    }

    private static BudgetEvent outcome() {
        return new OutcomeRecorded(
                BUDGET,
                null,
                null,
                new Outcome(OutcomeDomain.SOCIAL_PARTICIPATION_AND_RELATIONSHIPS, "Back at the allotment.", "G1"));
    }

    private static BudgetEvent reviewScheduled() {
        return new ReviewScheduled(BUDGET, null, null, Samples.REVIEW);
    }

    private static BudgetEvent reviewed(ReviewOutcome outcome) {
        return new ReviewCompleted(BUDGET, null, null, Samples.REVIEW, new ReviewResult(outcome, "Reviewed", true));
    }

    private static BudgetEvent suspended() {
        return new BudgetSuspended(BUDGET, null, null, new Suspension("In hospital", "Ward staff meet needs"));
    }

    private static BudgetEvent resumed() {
        return new BudgetResumed(BUDGET, null, null, new Reason("Home again"));
    }

    private static BudgetEvent closed() {
        return new BudgetClosed(BUDGET, null, null, new Reason("Moved away"), NotificationMethod.LETTER);
    }
}
