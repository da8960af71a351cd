package uk.gov.personalbudget.contracts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The contracts are shared by every service and by other councils' systems: they may use the JDK, Bean
 * Validation and Jackson's annotations, nothing else (no Spring, JPA, web or Axon type creeps in). ArchUnit
 * fails on an empty import too, so a renamed package cannot make this pass vacuously.
 */
class ContractsDependencyTest {

    private final JavaClasses contracts = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.gov.personalbudget.contracts");

    @Test
    void contractsDependOnlyOnTheJdkBeanValidationAndJacksonAnnotations() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "jakarta.validation..",
                        "com.fasterxml.jackson.annotation..",
                        "uk.gov.personalbudget.contracts..")
                .check(contracts);
    }
}
