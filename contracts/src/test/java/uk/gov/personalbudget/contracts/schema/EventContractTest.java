package uk.gov.personalbudget.contracts.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.event.BudgetEvent;
import uk.gov.personalbudget.contracts.event.BudgetEventTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topic's contract in contracts' resources follows the event records: the schema of every type at the revision
 * written now is the one released for that revision (or, after a compatible change, is written over it), every
 * earlier revision's schema is kept, and the AsyncAPI document is made from them. After changing an event record,
 * run this test with {@code -Devent-contract.rewrite=true} to write the files anew: it writes a new revision's schema
 * and a compatible change, never an incompatible change to a released revision (raise the type's revision in
 * {@link BudgetEventTypes} instead).
 */
class EventContractTest {

    private static final boolean REWRITE = Boolean.getBoolean("event-contract.rewrite");

    @Test
    void everyHeaderOfTheTopicIsInTheContract() {
        assertThat(EventContract.HEADERS.keySet()).containsExactlyInAnyOrderElementsOf(EventContract.declaredHeaders());
    }

    @Test
    void eachTypesSchemaAtItsRevisionIsTheReleasedOne() {
        List<String> problems = new ArrayList<>();
        for (Class<? extends BudgetEvent> type : BudgetEventTypes.ALL) {
            int revision = EventContract.currentRevision(type);
            ObjectNode generated = EventContract.generated(type);
            Optional<ObjectNode> released = EventContract.released(EventContract.RELEASED, type, revision);
            String file = EventContract.fileName(type, revision);
            if (released.isEmpty()) {
                problem(problems, file + " is not released: a new type or revision");
                rewrite(type, revision, generated);
                continue;
            }
            if (released.get().equals(generated)) {
                continue;
            }
            List<String> incompatibilities = SchemaCompatibility.incompatibilities(released.get(), generated);
            if (incompatibilities.isEmpty()) {
                problem(problems, file + " changed compatibly");
                rewrite(type, revision, generated);
            } else {
                problems.add(file + " changed incompatibly: raise " + type.getSimpleName() + "'s revision"
                        + " (BudgetEventTypes) and upcast the old one; " + incompatibilities);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyEarlierRevisionIsKeptAndNoLaterOneExists() throws IOException {
        for (Class<? extends BudgetEvent> type : BudgetEventTypes.ALL) {
            int current = EventContract.currentRevision(type);
            for (int revision = 1; revision < current; revision++) {
                assertThat(EventContract.RELEASED.resolve(EventContract.fileName(type, revision)))
                        .as("the released schema of an earlier revision")
                        .exists();
            }
        }
        Set<String> known = new java.util.HashSet<>();
        for (Class<? extends BudgetEvent> type : BudgetEventTypes.ALL) {
            for (int revision = 1; revision <= EventContract.currentRevision(type); revision++) {
                known.add(EventContract.fileName(type, revision));
            }
        }
        try (var files = Files.list(EventContract.RELEASED)) {
            assertThat(files.map(file -> file.getFileName().toString())).allMatch(known::contains);
        }
    }

    @Test
    void theAsyncApiDocumentIsMadeFromTheReleasedSchemas() throws IOException {
        String made = EventContract.text(EventContract.document(EventContract.RELEASED));
        if (REWRITE) {
            Files.createDirectories(EventContract.DOCUMENT.getParent());
            Files.writeString(EventContract.DOCUMENT, made);
        }
        assertThat(EventContract.DOCUMENT)
                .as("written with -Devent-contract.rewrite=true")
                .hasContent(made);
    }

    private static void problem(List<String> problems, String problem) {
        if (!REWRITE) {
            problems.add(problem + ": write it with -Devent-contract.rewrite=true");
        }
    }

    private static void rewrite(Class<? extends BudgetEvent> type, int revision, ObjectNode generated) {
        if (REWRITE) {
            EventContract.write(EventContract.RELEASED.resolve(EventContract.fileName(type, revision)), generated);
        }
    }
}
