package uk.gov.personalbudget.support.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.contracts.value.Approval;
import uk.gov.personalbudget.contracts.value.Assessment;
import uk.gov.personalbudget.contracts.value.AssessmentKind;
import uk.gov.personalbudget.contracts.value.Contest;
import uk.gov.personalbudget.contracts.value.Money;
import uk.gov.personalbudget.contracts.value.RecoveryGoal;
import uk.gov.personalbudget.contracts.value.Resumption;

import java.util.List;
import javax.crypto.SecretKey;

import static org.assertj.core.api.Assertions.assertThat;

/** Sealing and revealing the marked fields through Jackson, with and without the attributes asking for it. */
class PersonalDataModuleTest {

    private final ObjectMapper mapper =
            new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new PersonalDataModule());
    private final String keyId = PersonalDataCipher.newKeyId();
    private final SecretKey key = PersonalDataCipher.key(PersonalDataCipher.newKeyMaterial());
    private final PersonalDataModule.Protector seal = text -> PersonalDataCipher.seal(keyId, key, text);
    private final PersonalDataModule.Revealer open =
            stored -> PersonalDataCipher.isSealed(stored) ? PersonalDataCipher.open(stored, key) : stored;
    private final PersonalDataModule.Revealer erased =
            stored -> PersonalDataCipher.isSealed(stored) ? PersonalDataCipher.ERASED : stored;

    private final Assessment assessment = new Assessment(
            AssessmentKind.CO_PRODUCED,
            List.of("Maintaining a habitable home", "Developing and maintaining relationships"),
            true,
            "Needs arise from a mental impairment",
            true,
            List.of(new RecoveryGoal("G1", "Get out of the house three times a week")),
            false);

    @Test
    void markedFieldsAreSealedAndTheRestIsWrittenAsItIs() throws Exception {
        JsonNode json = mapper.readTree(
                mapper.writer().withAttribute(PersonalDataModule.PROTECT, seal).writeValueAsBytes(assessment));

        assertThat(json.get("kind").textValue()).isEqualTo("CO_PRODUCED");
        assertThat(json.get("eligible").booleanValue()).isTrue();
        assertThat(json.get("recoveryGoals").get(0).get("id").textValue()).isEqualTo("G1");
        assertThat(json.get("eligibilityReasons").textValue()).startsWith("pd:v1:" + keyId + ":");
        assertThat(json.get("recoveryGoals").get(0).get("description").textValue())
                .startsWith("pd:v1:");
        assertThat(json.get("eligibleNeeds"))
                .hasSize(2)
                .allSatisfy(need -> assertThat(need.textValue()).startsWith("pd:v1:"));
        assertThat(json.toString()).doesNotContain("habitable", "impairment", "three times");
    }

    @Test
    void sealedFieldsAreRevealedOnReading() throws Exception {
        byte[] stored =
                mapper.writer().withAttribute(PersonalDataModule.PROTECT, seal).writeValueAsBytes(assessment);

        Assessment read = mapper.readerFor(Assessment.class)
                .withAttribute(PersonalDataModule.REVEAL, open)
                .readValue(stored);

        assertThat(read).isEqualTo(assessment);
    }

    @Test
    void onceErasedEveryMarkedFieldReadsAsErasedAndNothingElseChanges() throws Exception {
        Approval approval = new Approval(
                Money.yearly(1_300_000),
                new Money(25_000, uk.gov.personalbudget.contracts.value.Period.WEEKLY),
                List.of("Keep receipts", "Tell us of a stay in hospital"),
                "Extra hours for bad weeks",
                true);
        byte[] stored =
                mapper.writer().withAttribute(PersonalDataModule.PROTECT, seal).writeValueAsBytes(approval);

        Approval read = mapper.readerFor(Approval.class)
                .withAttribute(PersonalDataModule.REVEAL, erased)
                .readValue(stored);

        assertThat(read.conditions()).containsExactly("[erased]", "[erased]");
        assertThat(read.varianceReason()).isEqualTo("[erased]");
        assertThat(read.approvedAmount()).isEqualTo(approval.approvedAmount());
        assertThat(read.payment()).isEqualTo(approval.payment());
        assertThat(read.personTookPart()).isTrue();
    }

    @Test
    void withoutTheAttributesTheMapperWritesAndReadsTextAsItIs() throws Exception {
        Contest contest = new Contest("Six hours is not enough", Money.yearly(1_400_000));

        String json = mapper.writeValueAsString(contest);
        Contest sealedButNotOpened = mapper.readValue(
                mapper.writer().withAttribute(PersonalDataModule.PROTECT, seal).writeValueAsBytes(contest),
                Contest.class);

        assertThat(json).contains("Six hours is not enough");
        assertThat(mapper.readValue(json, Contest.class)).isEqualTo(contest);
        assertThat(sealedButNotOpened.reason()).startsWith("pd:v1:");
    }

    @Test
    void plainTextStoredBeforeEncryptionReadsAsItIsAndNullStaysNull() throws Exception {
        Contest legacy = mapper.readerFor(Contest.class)
                .withAttribute(PersonalDataModule.REVEAL, erased)
                .readValue("{\"reason\":\"Written before encryption\",\"requestedAmount\":null}");
        String nullReason = mapper.writer()
                .withAttribute(PersonalDataModule.PROTECT, seal)
                .writeValueAsString(new Resumption(null));

        assertThat(legacy.reason()).isEqualTo("Written before encryption");
        assertThat(nullReason).isEqualTo("{\"reason\":null}");
    }
}
