package uk.gov.personalbudget.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.event.PlanSubmitted;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RELEASED = """
            {"type": "object", "required": ["reason", "kind"],
             "properties": {
               "reason": {"type": "string", "maxLength": 200},
               "note": {"type": ["string", "null"]},
               "kind": {"type": "string", "enum": ["A", "B"]},
               "lines": {"type": "array", "items": {"type": "object", "properties": {"cost": {"type": "integer"}}}}}}
            """;

    @Test
    void theSameSchemaIsCompatible() throws IOException {
        assertThat(SchemaCompatibility.incompatibilities(json(RELEASED), json(RELEASED)))
                .isEmpty();
    }

    @Test
    void anOptionalPropertyAnEnumValueAndALooserBoundMayBeAdded() throws IOException {
        String now = RELEASED.replace(
                        "\"note\": {\"type\": [\"string\", \"null\"]},",
                        "\"note\": {\"type\": [\"string\", \"null\"]}, \"extra\": {\"type\": [\"string\", \"null\"]},")
                .replace("[\"A\", \"B\"]", "[\"A\", \"B\", \"C\"]")
                .replace("\"maxLength\": 200", "\"maxLength\": 400");

        assertThat(SchemaCompatibility.incompatibilities(json(RELEASED), json(now)))
                .isEmpty();
    }

    @Test
    void aRemovedOrRenamedPropertyIsIncompatible() throws IOException {
        String now = RELEASED.replace("\"note\":", "\"notes\":");

        assertThat(SchemaCompatibility.incompatibilities(json(RELEASED), json(now)))
                .containsExactly("$.note: removed (or renamed)");
    }

    @Test
    void aChangedTypeIsIncompatible() throws IOException {
        String now = RELEASED.replace("\"cost\": {\"type\": \"integer\"}", "\"cost\": {\"type\": \"string\"}");

        assertThat(SchemaCompatibility.incompatibilities(json(RELEASED), json(now)))
                .containsExactly("$.lines[].cost: type changed from [integer] to [string]");
    }

    @Test
    void aFieldThatBecomesNullableChangesItsType() throws IOException {
        String now = RELEASED.replace("\"kind\": {\"type\": \"string\"", "\"kind\": {\"type\": [\"string\", \"null\"]");

        assertThat(SchemaCompatibility.incompatibilities(json(RELEASED), json(now)))
                .containsExactly("$.kind: type changed from [string] to [null, string]");
    }

    @Test
    void aNewlyRequiredPropertyIsIncompatible() throws IOException {
        String now = RELEASED.replace("[\"reason\", \"kind\"]", "[\"reason\", \"kind\", \"note\"]");

        assertThat(SchemaCompatibility.incompatibilities(json(RELEASED), json(now)))
                .containsExactly("$.note: newly required");
    }

    @Test
    void aNarrowedEnumIsIncompatible() throws IOException {
        String now = RELEASED.replace("[\"A\", \"B\"]", "[\"A\"]");

        assertThat(SchemaCompatibility.incompatibilities(json(RELEASED), json(now)))
                .containsExactly("$.kind: enum narrowed, without [B]");
    }

    @Test
    void aTighterBoundIsIncompatible() throws IOException {
        String now = RELEASED.replace("\"maxLength\": 200", "\"maxLength\": 100");

        assertThat(SchemaCompatibility.incompatibilities(json(RELEASED), json(now)))
                .containsExactly("$.reason: maxLength lowered from 200 to 100");
    }

    @Test
    void planSubmittedRevisionTwoCouldNotHaveKeptRevisionOne() {
        JsonNode revisionOne = EventContract.released(EventContract.RELEASED, PlanSubmitted.class, 1)
                .orElseThrow();

        assertThat(SchemaCompatibility.incompatibilities(revisionOne, EventContract.generated(PlanSubmitted.class)))
                .contains("$.plan.personAgreement: removed (or renamed)");
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
