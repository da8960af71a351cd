package uk.gov.personalbudget.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.personalbudget.contracts.command.BudgetCommand;
import uk.gov.personalbudget.contracts.control.ControlHolder;
import uk.gov.personalbudget.contracts.control.ControlParty;
import uk.gov.personalbudget.contracts.control.ControlState;
import uk.gov.personalbudget.contracts.control.ControlTransfer;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.value.BudgetId;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.PersonReference;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every command and event survives JSON and back unchanged, with a strict reader. */
class JsonRoundTripTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static Stream<Named<Object>> messages() {
        return Stream.concat(Samples.oneOfEachCommand().stream(), Samples.oneOfEachEvent().stream())
                .map(message -> Named.of(message.getClass().getSimpleName(), message));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void survivesSerialisingAndDeserialising(Object message) throws Exception {
        String json = MAPPER.writeValueAsString(message);

        assertThat(MAPPER.readValue(json, message.getClass())).isEqualTo(message);
    }

    @Test
    void everyCommandAndEventHasASample() {
        assertThat(Samples.oneOfEachCommand().stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(implementationsOf(BudgetCommand.class, "command"));
        assertThat(Samples.oneOfEachEvent().stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(implementationsOf(BudgetEvent.class, "event"));
    }

    @Test
    void aBudgetIdIsABareString() throws Exception {
        assertThat(MAPPER.writeValueAsString(new BudgetId("PB-2026-0001"))).isEqualTo("\"PB-2026-0001\"");
        assertThat(MAPPER.readValue("\"PB-2026-0001\"", BudgetId.class)).isEqualTo(new BudgetId("PB-2026-0001"));
        assertThat(MAPPER.writeValueAsString(new PersonReference("P-1001"))).isEqualTo("\"P-1001\"");
    }

    @Test
    void idsInsideMessagesAreBareStringsAndTimesAreIsoText() {
        JsonNode event = MAPPER.valueToTree(Samples.oneOfEachEvent().get(0));

        assertThat(event.get("budgetId").isTextual()).isTrue();
        assertThat(event.get("budgetId").asText()).isEqualTo("PB-2026-0001");
        assertThat(event.at("/opening/person").asText()).isEqualTo("P-1001");
        assertThat(event.at("/act/occurredAt").asText()).isEqualTo("2026-01-12T10:15:30Z");
    }

    @Test
    void derivedFlagsAreNotPartOfTheJsonForm() {
        assertThat(MAPPER.valueToTree(Money.yearly(1_250_000)).fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("pence", "period");
        assertThat(MAPPER.valueToTree(new ControlTransfer(ControlHolder.PERSON, ControlHolder.AUTHORITY))
                        .fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("before", "after");
    }

    @Test
    void theControlStateInTheAggregatesSnapshotSurvivesJson() throws Exception {
        var state = new ControlState(
                ControlParty.PERSON,
                ManagementOption.MIXED,
                ControlHolder.named(ControlParty.PRACTITIONER, "sw-3001"),
                ControlHolder.named(ControlParty.NOMINEE, "nominee-2002"));

        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(state), ControlState.class))
                .isEqualTo(state);
    }

    @Test
    void anIdThatBreaksThePatternIsNotRead() {
        assertThatThrownBy(() -> MAPPER.readValue("\"../etc/passwd\"", BudgetId.class))
                .isInstanceOf(ValueInstantiationException.class);
    }

    private static Set<Class<?>> implementationsOf(Class<?> type, String subPackage) {
        return new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("uk.gov.personalbudget.contracts." + subPackage)
                        .stream()
                        .filter(candidate -> candidate.isAssignableTo(type) && !candidate.isInterface())
                        .map(JavaClass::reflect)
                        .collect(Collectors.toSet());
    }
}
