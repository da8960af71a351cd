package uk.gov.personalbudget.approval.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.support.LifecycleEvents;
import uk.gov.personalbudget.contracts.event.ControlDelegated;
import uk.gov.personalbudget.contracts.event.PlanApprovedByAuthority;
import uk.gov.personalbudget.contracts.value.Approval;
import uk.gov.personalbudget.contracts.value.ManagementOption;
import uk.gov.personalbudget.contracts.value.Role;
import uk.gov.personalbudget.support.personaldata.PersonalDataCipher;
import uk.gov.personalbudget.support.personaldata.PersonalDataModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import javax.crypto.SecretKey;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.personalbudget.approval.support.LifecycleEvents.START;

/**
 * The projector keeps a sealed value only in a field the producer seals, and only when it is the whole value;
 * every other {@code pd:v1:} text is projected as {@code [not opened]}, for every event kind alike.
 */
class SealedFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper SEALING = JSON.copy().registerModule(new PersonalDataModule());
    private static final String KEY_ID = PersonalDataCipher.newKeyId();
    private static final SecretKey KEY = PersonalDataCipher.key(PersonalDataCipher.newKeyMaterial());

    private static String seal(String text) {
        return PersonalDataCipher.seal(KEY_ID, KEY, text);
    }

    /** Approved, with the endorsement's comment sealed as budget-service seals it. */
    private static LifecycleEvents approved(String endorsement) {
        return LifecycleEvents.budget("PB-sealed")
                .opened()
                .assessed()
                .offered(1_250_000)
                .accepted()
                .submitted(1_250_000)
                .endorsed(endorsement)
                .approved();
    }

    @Test
    void aValueIsSealedExactlyWhenTheCiphersPatternMatchesIt() {
        String sealed = seal("Co-produced with Sam");
        List<String> texts = new java.util.ArrayList<>(List.of(
                sealed,
                sealed + " and more",
                "x" + sealed,
                sealed.replace("pd:v1:", "pd:v2:"),
                sealed.substring(0, 6 + 22) + sealed.substring(6 + 23),
                "pd:v1:" + "a".repeat(22) + ":" + "b".repeat(38),
                "pd:v1:" + "a".repeat(22) + ":" + "b".repeat(37),
                "pd:v1:" + "a".repeat(21) + ":" + "b".repeat(39),
                "pd:v1:" + "a".repeat(22) + ":" + "b".repeat(37) + "=",
                "pd:v1:" + "a".repeat(22) + "::" + "b".repeat(38),
                "pd:v1:",
                "",
                "plain text"));
        for (int i = 0; i < sealed.length(); i++) {
            texts.add(sealed.substring(0, i) + "+" + sealed.substring(i + 1));
            texts.add(sealed.substring(0, i) + ":" + sealed.substring(i + 1));
        }

        for (String text : texts) {
            assertThat(SealedFields.isSealed(text))
                    .as(text)
                    .isEqualTo(PersonalDataCipher.SEALED.matcher(text).matches());
        }
    }

    @Test
    void aSealedValueInAClearFieldIsProjectedAsNotOpened() {
        String comment = seal("Co-produced with Sam");
        var projection = InMemoryProjection.of(
                approved(comment).serviceFundChosen(comment).envelopes());

        assertThat(projection.decisions())
                .filteredOn(decision -> decision.kind() == DecisionKind.MANAGEMENT)
                .singleElement()
                .satisfies(decision -> assertThat(decision.detail()).isEqualTo("provider [not opened]"));
        assertThat(projection.decisions())
                .filteredOn(decision -> decision.kind() == DecisionKind.ENDORSEMENT)
                .singleElement()
                .satisfies(decision -> assertThat(decision.reasons()).isEqualTo(comment));
    }

    @Test
    void sealedTextWithinAPersonalFieldsPlainTextIsProjectedAsNotOpened() {
        String comment = seal("Co-produced with Sam");
        var projection = InMemoryProjection.of(approved(comment)
                .managementChosen(ManagementOption.DIRECT_PAYMENT)
                .suspended("As the practitioner wrote: " + comment)
                .envelopes());

        assertThat(projection.lastStep().decisions())
                .singleElement()
                .satisfies(decision ->
                        assertThat(decision.reasons()).isEqualTo("As the practitioner wrote: [not opened]"));
        assertThat(projection.lastStep().trail())
                .singleElement()
                .satisfies(row -> assertThat(row.reason()).isEqualTo("As the practitioner wrote: [not opened]"));
    }

    @Test
    void eachStringOfAPersonalListIsJudgedOnItsOwn() {
        String condition = seal("Keep receipts for the allotment tools");
        EventEnvelope arrived = approved(null).lastEnvelope();
        PlanApprovedByAuthority event = (PlanApprovedByAuthority) arrived.event();
        Approval approval = event.approval();
        EventEnvelope planted = new EventEnvelope(
                arrived.eventId(),
                arrived.budgetId(),
                arrived.sequence(),
                arrived.timestamp(),
                new PlanApprovedByAuthority(
                        event.budgetId(),
                        event.act(),
                        event.control(),
                        new Approval(
                                approval.approvedAmount(),
                                approval.payment(),
                                List.of(condition, "See " + condition),
                                approval.varianceReason(),
                                approval.personTookPart()),
                        event.indicativeAmount(),
                        event.personStatementAdded()));

        var confined = (PlanApprovedByAuthority) SealedFields.confine(planted).event();

        assertThat(confined.approval().conditions()).containsExactly(condition, "See [not opened]");
        assertThat(confined.approval().approvedAmount()).isEqualTo(approval.approvedAmount());
    }

    @Test
    void aSealedValueNamingADelegateIsNotOpenedAnywhereItIsProjected() {
        String explanation = seal("Sam asked his sister to manage things while he is in hospital");
        LifecycleEvents delegated = approved(null)
                .managementChosen(ManagementOption.DIRECT_PAYMENT)
                .delegated(seal("Sam's sister"), Role.NOMINEE, START.plus(Duration.ofDays(120)), explanation);

        var confined = (ControlDelegated)
                SealedFields.confine(delegated.lastEnvelope()).event();
        assertThat(confined.delegation().delegate().id()).isEqualTo("[not opened]");
        assertThat(confined.control().after().actorId()).isEqualTo("[not opened]");
        assertThat(confined.delegation().explanation()).isEqualTo(explanation);

        var projection = InMemoryProjection.of(delegated.envelopes());
        assertThat(projection.delegations())
                .singleElement()
                .satisfies(row -> assertThat(row.delegateId()).isEqualTo("[not opened]"));
        assertThat(projection.lastStep().trail()).singleElement().satisfies(row -> {
            assertThat(row.to().actorId()).isEqualTo("[not opened]");
            assertThat(row.reason()).isEqualTo(explanation);
        });
    }

    @Test
    void sealedLookingTextIsNeutralisedWholeWhetherWellFormedOrNot() {
        String sealed = seal("Sam");
        assertThat(SealedFields.neutralise("provider " + sealed + "; direct payment"))
                .isEqualTo("provider [not opened]; direct payment");
        assertThat(SealedFields.neutralise("pd:v1:short")).isEqualTo("[not opened]");
        assertThat(SealedFields.neutralise("pd:v1:" + sealed)).isEqualTo("[not opened]");
        assertThat(SealedFields.neutralise(sealed + ":" + sealed + " and " + sealed))
                .isEqualTo("[not opened] and [not opened]");
        String plain = "Wellspring Support Ltd (pd v1)";
        assertThat(SealedFields.neutralise(plain)).isSameAs(plain);
        assertThat(SealedFields.neutralise(null)).isNull();
    }

    @Test
    void everyEventTypeSealedAsBudgetServiceSealsItIsProjectedAsItArrived() {
        List<EventEnvelope> sealed = LifecycleEvents.everyEventType("PB-every").envelopes().stream()
                .map(SealedFieldsTest::sealedAsPublished)
                .toList();
        assertThat(sealed)
                .extracting(envelope -> write(JSON, envelope))
                .anySatisfy(json -> assertThat(json).contains(PersonalDataCipher.PREFIX));

        assertThat(sealed)
                .allSatisfy(
                        envelope -> assertThat(SealedFields.confine(envelope)).isSameAs(envelope));
    }

    /** The envelope as approval-service reads it off the topic: its personal text sealed. */
    private static EventEnvelope sealedAsPublished(EventEnvelope envelope) {
        PersonalDataModule.Protector protector = SealedFieldsTest::seal;
        try {
            byte[] published = SEALING.writer()
                    .withAttribute(PersonalDataModule.PROTECT, protector)
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
    }

    private static String write(ObjectMapper mapper, EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope.event());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
