package uk.gov.personalbudget.contracts.event;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetEventTypesTest {

    @Test
    void everyEventRecordOfTheContractsIsKnownByItsName() {
        Set<String> records = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("uk.gov.personalbudget.contracts.event")
                        .stream()
                        .filter(JavaClass::isRecord)
                        .filter(type -> type.isAssignableTo(BudgetEvent.class))
                        .map(JavaClass::getSimpleName)
                        .collect(Collectors.toSet());

        assertThat(records).hasSize(31);
        assertThat(BudgetEventTypes.ALL).extracting(Class::getSimpleName).containsExactlyInAnyOrderElementsOf(records);
        records.forEach(name -> assertThat(BudgetEventTypes.byName(name)).isPresent());
        assertThat(BudgetEventTypes.byName("Nonsense")).isEmpty();
    }
}
