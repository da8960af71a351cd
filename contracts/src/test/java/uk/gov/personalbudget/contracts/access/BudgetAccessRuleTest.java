package uk.gov.personalbudget.contracts.access;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.PersonReference;
import uk.gov.personalbudget.contracts.value.Role;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.personalbudget.contracts.access.Relationship.ALLOCATED;
import static uk.gov.personalbudget.contracts.access.Relationship.NAMED_DELEGATE;
import static uk.gov.personalbudget.contracts.access.Relationship.OTHER_COUNCIL;
import static uk.gov.personalbudget.contracts.access.Relationship.OWN;
import static uk.gov.personalbudget.contracts.access.Relationship.SAME_COUNCIL;

class BudgetAccessRuleTest {

    private static final PersonReference SAM = new PersonReference("P-1001");
    private static final BudgetParties PLAIN = new BudgetParties("leeds", SAM, "sw-3001", null, null);
    private static final BudgetParties DELEGATED = new BudgetParties(
            "leeds",
            SAM,
            "sw-3001",
            ControlHolder.named(ControlParty.PRACTITIONER, "sw-3002"),
            ControlHolder.named(ControlParty.NOMINEE, "nominee-2001"));

    @Test
    void aPersonSeesOnlyTheirOwnBudgetInTheirCouncil() {
        assertThat(BudgetAccessRule.relationship(person("P-1001", "leeds"), PLAIN))
                .isEqualTo(OWN);
        assertThat(BudgetAccessRule.maySee(person("P-1001", "leeds"), PLAIN)).isTrue();
        assertThat(BudgetAccessRule.relationship(person("P-1002", "leeds"), PLAIN))
                .isEqualTo(SAME_COUNCIL);
        assertThat(BudgetAccessRule.maySee(person("P-1002", "leeds"), PLAIN)).isFalse();
        // The same reference at another council is another person's record.
        assertThat(BudgetAccessRule.relationship(person("P-1001", "bristol"), PLAIN))
                .isEqualTo(OTHER_COUNCIL);
        assertThat(BudgetAccessRule.maySee(person("P-1001", "bristol"), PLAIN)).isFalse();
    }

    @Test
    void aNomineeSeesTheBudgetOnlyWhileADelegationOrAuthorisationNamesThem() {
        Actor nominee = new Actor("nominee-2001", Role.NOMINEE, SAM, null, Set.of("leeds"));

        assertThat(BudgetAccessRule.relationship(nominee, DELEGATED)).isEqualTo(NAMED_DELEGATE);
        assertThat(BudgetAccessRule.mayRead(nominee, DELEGATED)).isTrue();
        assertThat(BudgetAccessRule.relationship(nominee, PLAIN)).isEqualTo(OWN);
        assertThat(BudgetAccessRule.maySee(nominee, PLAIN))
                .as("the person claim alone gives nothing")
                .isFalse();
        assertThat(BudgetAccessRule.maySee(Actor.of("nominee-2001", Role.NOMINEE, "leeds"), DELEGATED))
                .as("a token naming no person: the delegation decides")
                .isTrue();
        assertThat(BudgetAccessRule.maySee(
                        new Actor("nominee-2001", Role.NOMINEE, new PersonReference("P-1002"), null, Set.of("leeds")),
                        DELEGATED))
                .as("a token for another person")
                .isFalse();
    }

    @Test
    void aPractitionerSeesTheirCaseloadAndWhereTheyAreTheNamedDelegate() {
        assertThat(BudgetAccessRule.relationship(Actor.of("sw-3001", Role.PRACTITIONER, "leeds"), PLAIN))
                .isEqualTo(ALLOCATED);
        assertThat(BudgetAccessRule.relationship(Actor.of("sw-3002", Role.PRACTITIONER, "leeds"), DELEGATED))
                .isEqualTo(NAMED_DELEGATE);
        assertThat(BudgetAccessRule.relationship(Actor.of("sw-3002", Role.PRACTITIONER, "leeds"), PLAIN))
                .isEqualTo(SAME_COUNCIL);
        assertThat(BudgetAccessRule.maySee(Actor.of("sw-3002", Role.PRACTITIONER, "leeds"), PLAIN))
                .isFalse();
        // A nominee's id named as a practitioner delegate is not the practitioner.
        assertThat(BudgetAccessRule.maySee(Actor.of("nominee-2001", Role.PRACTITIONER, "leeds"), DELEGATED))
                .isFalse();
        assertThat(BudgetAccessRule.maySee(Actor.of("sw-3001", Role.PRACTITIONER, "bristol"), PLAIN))
                .isFalse();
    }

    @Test
    void councilWideRolesSeeTheirCouncilOnlyAndSystemReadsNothing() {
        for (Role role : Set.of(Role.AUTHORITY, Role.AUDITOR, Role.SYSTEM)) {
            assertThat(BudgetAccessRule.maySee(Actor.of("x", role, "leeds"), PLAIN))
                    .as(role.name())
                    .isTrue();
            assertThat(BudgetAccessRule.maySee(Actor.of("x", role, "bristol"), PLAIN))
                    .as(role.name())
                    .isFalse();
        }
        assertThat(BudgetAccessRule.mayRead(Actor.of("scheduler", Role.SYSTEM, "leeds"), PLAIN))
                .isFalse();
        assertThat(BudgetAccessRule.mayReadAcrossBudgets(Actor.of("a", Role.AUTHORITY, "leeds"), "leeds"))
                .isTrue();
        assertThat(BudgetAccessRule.mayReadAcrossBudgets(Actor.of("a", Role.AUTHORITY, "leeds"), "bristol"))
                .isFalse();
        assertThat(BudgetAccessRule.mayReadAcrossBudgets(Actor.of("s", Role.PRACTITIONER, "leeds"), "leeds"))
                .isFalse();
    }

    @Test
    void aCallerOfNoCouncilSeesNothing() {
        assertThat(BudgetAccessRule.maySee(Actor.of("a", Role.AUTHORITY), PLAIN))
                .isFalse();
    }

    private static Actor person(String reference, String council) {
        return new Actor("person-" + reference, Role.PERSON, new PersonReference(reference), null, Set.of(council));
    }
}
