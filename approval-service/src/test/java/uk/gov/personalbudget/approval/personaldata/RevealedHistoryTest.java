package uk.gov.personalbudget.approval.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.projection.ControlSummaryReport;
import uk.gov.personalbudget.approval.projection.ControlTrailEntry;
import uk.gov.personalbudget.approval.projection.Decision;
import uk.gov.personalbudget.approval.projection.EventEnvelope;
import uk.gov.personalbudget.approval.projection.InMemoryProjection;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.support.personaldata.PersonKey;
import uk.gov.personalbudget.support.personaldata.PersonKeyStore;
import uk.gov.personalbudget.support.personaldata.PersonKeys;
import uk.gov.personalbudget.support.personaldata.PersonalDataCipher;
import uk.gov.personalbudget.support.personaldata.PersonalDataKeysProperties;
import uk.gov.personalbudget.support.personaldata.PersonalDataModule;
import uk.gov.personalbudget.support.personaldata.PersonalDataReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events arrive with their personal text sealed (as budget-service stores and publishes them); the projections
 * keep it sealed, and the trail and decisions read it out in clear until the person's key is destroyed, then as
 * {@code [erased]}, with every other column as it was.
 */
class RevealedHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper SEALING = JSON.copy().registerModule(new PersonalDataModule());

    private final PersonKeyStore store = PersonKeyStore.open(
            new PersonalDataKeysProperties.Datasource(
                    "jdbc:h2:mem:approval-keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2),
            true);
    private final PersonKeys keys = new PersonKeys(store, Duration.ZERO, Clock.systemUTC());
    private final RevealedHistory revealed =
            new RevealedHistory(new PersonalDataReader(keys), budget -> LifecycleEvents.PERSON_REF);

    private final List<EventEnvelope> plain =
            LifecycleEvents.fullLifecycle("b-sealed").envelopes();
    private final InMemoryProjection asWritten = InMemoryProjection.of(plain);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theProjectionsKeepPersonalTextSealedAndReadItOutInClear() {
        InMemoryProjection sealed = InMemoryProjection.of(sealed(plain));

        assertThat(sealed.trail())
                .extracting(ControlTrailEntry::reason)
                .filteredOn(reason -> reason != null)
                .isNotEmpty()
                .allSatisfy(reason -> assertThat(reason).startsWith(PersonalDataCipher.PREFIX));
        assertThat(sealed.decisions())
                .extracting(Decision::reasons)
                .filteredOn(reason -> reason != null)
                .isNotEmpty()
                .allSatisfy(reason -> assertThat(reason).startsWith(PersonalDataCipher.PREFIX));

        assertThat(revealed.trail(sealed.trail())).isEqualTo(asWritten.trail());
        assertThat(revealed.decisions(sealed.decisions())).isEqualTo(asWritten.decisions());
        assertThat(report(sealed)).as("reports need no personal text").isEqualTo(report(asWritten));
    }

    @Test
    void onceTheKeyIsDestroyedPersonalTextReadsErasedAndNothingElseChanges() {
        InMemoryProjection sealed = InMemoryProjection.of(sealed(plain));

        keys.erase(LifecycleEvents.PERSON_REF, "au-okafor");

        List<ControlTrailEntry> trail = revealed.trail(sealed.trail());
        List<Decision> decisions = revealed.decisions(sealed.decisions());
        assertThat(trail).hasSameSizeAs(asWritten.trail());
        for (int i = 0; i < trail.size(); i++) {
            ControlTrailEntry before = asWritten.trail().get(i);
            assertThat(trail.get(i))
                    .isEqualTo(new ControlTrailEntry(
                            before.budgetId(),
                            before.sequence(),
                            before.from(),
                            before.to(),
                            before.at(),
                            before.event(),
                            before.actor(),
                            before.actorRole(),
                            before.onBehalfOf(),
                            before.reason() == null ? null : "[erased]",
                            before.heldForSeconds()));
        }
        assertThat(decisions).hasSameSizeAs(asWritten.decisions());
        for (int i = 0; i < decisions.size(); i++) {
            Decision before = asWritten.decisions().get(i);
            Decision after = decisions.get(i);
            assertThat(after.reasons()).isEqualTo(before.reasons() == null ? null : "[erased]");
            assertThat(List.of(
                            after.kind(),
                            after.at(),
                            after.actor(),
                            String.valueOf(after.amount()),
                            String.valueOf(after.outcome()),
                            String.valueOf(after.waitedSeconds())))
                    .isEqualTo(List.of(
                            before.kind(),
                            before.at(),
                            before.actor(),
                            String.valueOf(before.amount()),
                            String.valueOf(before.outcome()),
                            String.valueOf(before.waitedSeconds())));
        }
        assertThat(decisions)
                .extracting(Decision::detail)
                .filteredOn(detail -> detail != null)
                .anySatisfy(detail -> assertThat(detail).contains("[erased]"))
                .noneSatisfy(detail -> assertThat(detail).contains(PersonalDataCipher.PREFIX));
    }

    private static ControlSummaryReport report(InMemoryProjection projection) {
        Instant end = LifecycleEvents.START.plus(Duration.ofDays(365));
        return ControlSummaryReport.compute(
                projection.reportRows(), LifecycleEvents.START.minus(Duration.ofDays(1)), end, end);
    }

    /** The envelopes as approval-service reads them off the topic: personal text sealed, nothing revealed. */
    private List<EventEnvelope> sealed(List<EventEnvelope> envelopes) {
        PersonKey key = keys.forSealing(LifecycleEvents.PERSON_REF);
        PersonalDataModule.Protector seal = text -> PersonalDataCipher.seal(key.keyId(), key.secretKey(), text);
        return envelopes.stream()
                .map(envelope -> {
                    try {
                        byte[] published = SEALING.writer()
                                .withAttribute(PersonalDataModule.PROTECT, seal)
                                .writeValueAsBytes(envelope.event());
                        return new EventEnvelope(
                                envelope.eventId(),
                                envelope.budgetId(),
                                envelope.sequence(),
                                envelope.timestamp(),
                                JSON.readValue(published, envelope.event().getClass()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
