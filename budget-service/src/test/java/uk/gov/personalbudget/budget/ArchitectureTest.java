package uk.gov.personalbudget.budget;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.testsupport.architecture.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static uk.gov.personalbudget.testsupport.architecture.ArchitectureRules.mainCode;

/** budget-service's shape, kept by the build: see {@link ArchitectureRules}. */
class ArchitectureTest {

    private static final String ROOT = "uk.gov.personalbudget.budget";
    private static final JavaClasses SERVICE = ArchitectureRules.importService(ROOT);

    @Test
    void theLifecycleAndItsHistoryUseNoWebJdbcKafkaOrDataBinding() {
        ArchitectureRules.domainFreeOfInfrastructure(ROOT + ".lifecycle..", ROOT + ".history..")
                .check(SERVICE);
    }

    @Test
    void theWebReachesTheBudgetOnlyThroughCommandsAndTheHistory() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".web..")
                .and(mainCode())
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".lifecycle.PersonalBudget")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.axonframework.eventsourcing..", "org.axonframework.modelling.command.Repository")
                .check(SERVICE);
    }

    @Test
    void noPackageDependsOnAPackageThatDependsOnIt() {
        ArchitectureRules.noCyclesBetweenPackages(ROOT).check(ArchitectureRules.importMainCode(ROOT));
    }

    @Test
    void aTypeIsPublicOnlyWhenAnotherPackageUsesIt() {
        ArchitectureRules.publicOnlyWhenUsedFromAnotherPackage(
                        SERVICE,
                        // Its one use elsewhere is a compile-time constant (the If-Match metadata key), which javac
                        // inlines.
                        ROOT + ".lifecycle.BudgetCommandTargetResolver",
                        // A program of its own, started by name (deploy/README.md, "Migrations").
                        ROOT + ".migration.MigrateDatabases")
                .check(SERVICE);
    }
}
