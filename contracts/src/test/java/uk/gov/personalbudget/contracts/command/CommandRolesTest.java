package uk.gov.personalbudget.contracts.command;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.Samples;
import uk.gov.personalbudget.contracts.value.Role;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandRolesTest {

    @Test
    void everyCommandNamesTheRolesThatMaySendIt() {
        assertThat(Samples.oneOfEachCommand())
                .allSatisfy(command -> assertThat(CommandRoles.of(command.getClass()))
                        .as(command.getClass().getSimpleName())
                        .isNotEmpty());
    }

    @Test
    void rolesAreReadFromTheAnnotationAndDescribedInTheOrderOfRoleWithTheirCondition() {
        assertThat(CommandRoles.of(OfferBudget.class)).containsExactly(Role.AUTHORITY);
        assertThat(CommandRoles.allows(RecordAssessment.class, Role.PERSON)).isTrue();
        assertThat(CommandRoles.allows(RecordAssessment.class, Role.AUTHORITY)).isFalse();
        assertThat(CommandRoles.describe(OfferBudget.class)).isEqualTo("AUTHORITY");
        assertThat(CommandRoles.describe(RecordAssessment.class))
                .isEqualTo("PERSON, PRACTITIONER; a PERSON records only a self-assessment");
        assertThat(CommandRoles.of(ResumeControl.class))
                .isEqualTo(Set.of(Role.PERSON, Role.NOMINEE, Role.PRACTITIONER, Role.AUTHORITY));
    }

    @Test
    void aCommandWithoutRolesIsAMistakeNotAnOpenDoor() {
        assertThatThrownBy(() -> CommandRoles.of(Unannotated.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@AllowedRoles");
    }

    private record Unannotated(
            uk.gov.personalbudget.contracts.value.BudgetId budgetId, uk.gov.personalbudget.contracts.value.Actor actor)
            implements BudgetCommand {}
}
