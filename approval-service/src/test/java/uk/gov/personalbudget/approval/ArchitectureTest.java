package uk.gov.personalbudget.approval;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.personalbudget.testsupport.architecture.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static uk.gov.personalbudget.testsupport.architecture.ArchitectureRules.mainCode;

/** approval-service's shape, kept by the build: see {@link ArchitectureRules}. */
class ArchitectureTest {

    private static final String ROOT = "uk.gov.personalbudget.approval";
    private static final JavaClasses SERVICE = ArchitectureRules.importService(ROOT);

    @Test
    void theProjectorIsPlainJava() {
        ArchitectureRules.domainFreeOfInfrastructure(ROOT + ".projection").check(SERVICE);
        // STYLE.md 6: not even Spring; the store beside it (projection.store) is where Spring and JDBC are.
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".projection")
                .and(mainCode())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .check(SERVICE);
    }

    @Test
    void controllersReadThroughQueriesAndNeverProjectOrWrite() {
        noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".projection.BudgetProjector")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".projection.store.ProjectionWriter")
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
                        // Its one use elsewhere is a compile-time constant (the listener's id), which javac inlines.
                        ROOT + ".intake.BudgetEventListener",
                        // Tests of other packages hold it in local variables, which the bytecode does not record.
                        ROOT + ".projection.store.ProjectionSnapshot",
                        // A program of its own, started by name (deploy/README.md, "Migrations").
                        ROOT + ".migration.MigrateDatabase")
                .check(SERVICE);
    }
}
