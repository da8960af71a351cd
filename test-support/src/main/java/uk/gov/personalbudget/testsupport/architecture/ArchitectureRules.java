package uk.gov.personalbudget.testsupport.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of a service's shape that its build checks (issue "The shape of the code"): what its domain may not
 * depend on, no cycles between its packages, and no type public that no other package uses. Each service's
 * {@code ArchitectureTest} applies them to its own packages.
 */
public final class ArchitectureRules {

    /** What a domain package may not use: web, JDBC, Kafka and Jackson's data binding (its annotations it may). */
    private static final String[] INFRASTRUCTURE = {
        "org.springframework.web..",
        "org.springframework.http..",
        "jakarta.servlet..",
        "org.springframework.jdbc..",
        "java.sql..",
        "javax.sql..",
        "org.apache.kafka..",
        "org.springframework.kafka..",
        "com.fasterxml.jackson.databind.."
    };

    private ArchitectureRules() {}

    /** The service's classes, main and test: tests count as users of a type, but rules judge main classes only. */
    public static JavaClasses importService(String rootPackage) {
        return new ClassFileImporter().importPackages(rootPackage);
    }

    /** The service's main classes alone: for rules on how they depend on each other, which tests do not change. */
    public static JavaClasses importMainCode(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** A class of the service's main code (not a test). */
    public static DescribedPredicate<JavaClass> mainCode() {
        return DescribedPredicate.describe(
                "main code",
                javaClass -> javaClass
                        .getSource()
                        .map(source -> !source.getUri().toString().contains("/test-classes/"))
                        .orElse(true));
    }

    /** The domain packages use none of web, JDBC, Kafka or Jackson's data binding. */
    public static ArchRule domainFreeOfInfrastructure(String... domainPackages) {
        return noClasses()
                .that()
                .resideInAnyPackage(domainPackages)
                .and(mainCode())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INFRASTRUCTURE)
                .because("the domain decides; how requests arrive, rows are stored and records are sent is "
                        + "another package's concern");
    }

    /**
     * No package of the service depends, through others or directly, on a package that depends on it. Check it on
     * {@link #importMainCode}: test helpers shared by every package would make cycles of their own.
     */
    public static ArchRule noCyclesBetweenPackages(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles();
    }

    /**
     * A public top-level type of the main code is used from another package (by main code or a test), itself or a
     * type nested in it. Uses of a compile-time constant cannot be seen (javac copies the value): exempt such a type
     * by name, saying why.
     */
    public static ArchRule publicOnlyWhenUsedFromAnotherPackage(JavaClasses service, String... exemptions) {
        return classes()
                .that()
                .arePublic()
                .and()
                .areTopLevelClasses()
                .and(mainCode())
                .and(DescribedPredicate.describe(
                        "not exempt", javaClass -> Arrays.stream(exemptions).noneMatch(javaClass.getName()::equals)))
                .should(beUsedFromAnotherPackage(service))
                .because("a type no other package uses is package-private, so a reader knows where it is used");
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage(JavaClasses service) {
        return new ArchCondition<>("be used from another package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean used = service.stream()
                        .filter(member -> topLevel(member).equals(type))
                        .flatMap(member -> member.getDirectDependenciesToSelf().stream())
                        .map(dependency -> topLevel(dependency.getOriginClass()))
                        .anyMatch(origin -> !origin.getPackageName().equals(type.getPackageName()));
                if (!used) {
                    events.add(SimpleConditionEvent.violated(
                            type, type.getName() + " is public, but no class of another package uses it"));
                }
            }
        };
    }

    private static JavaClass topLevel(JavaClass javaClass) {
        JavaClass top = javaClass;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
