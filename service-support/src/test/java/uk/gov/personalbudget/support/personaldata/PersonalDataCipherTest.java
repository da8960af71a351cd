package uk.gov.personalbudget.support.personaldata;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import javax.crypto.SecretKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    private final String keyId = PersonalDataCipher.newKeyId();
    private final SecretKey key = PersonalDataCipher.key(PersonalDataCipher.newKeyMaterial());

    @Test
    void sealedTextOpensToTheSameTextAndShowsNoneOfIt() {
        String text = "Six hours is not enough on bad weeks — ça va? 🙂";

        String sealed = PersonalDataCipher.seal(keyId, key, text);

        assertThat(sealed).startsWith("pd:v1:" + keyId + ":").doesNotContain("Six hours", "bad weeks");
        assertThat(PersonalDataCipher.SEALED.matcher(sealed).matches()).isTrue();
        assertThat(PersonalDataCipher.keyIdOf(sealed)).hasValue(keyId);
        assertThat(PersonalDataCipher.open(sealed, key)).isEqualTo(text);
    }

    @Test
    void theSameTextSealsDifferentlyEachTime() {
        assertThat(PersonalDataCipher.seal(keyId, key, "same"))
                .isNotEqualTo(PersonalDataCipher.seal(keyId, key, "same"));
    }

    @Test
    void anEmptyTextSealsAndOpensToo() {
        assertThat(PersonalDataCipher.open(PersonalDataCipher.seal(keyId, key, ""), key))
                .isEmpty();
    }

    @Test
    void anAlteredCiphertextDoesNotOpen() {
        String sealed = PersonalDataCipher.seal(keyId, key, "Going into hospital for a short stay");
        String prefix = "pd:v1:" + keyId + ":";
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(prefix.length()));
        bytes[bytes.length / 2] ^= 1;
        String altered = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> PersonalDataCipher.open(altered, key)).isInstanceOf(PersonalDataTampered.class);
    }

    @Test
    void aValueCutShortDoesNotOpen() {
        String sealed = PersonalDataCipher.seal(keyId, key, "Going into hospital for a short stay");

        assertThatThrownBy(() -> PersonalDataCipher.open(sealed.substring(0, sealed.length() - 3), key))
                .isInstanceOf(PersonalDataTampered.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(sealed.substring(0, sealed.length() - 1), key))
                .isInstanceOf(PersonalDataTampered.class);
    }

    @Test
    void aValueMovedUnderAnotherKeyIdDoesNotOpen() {
        String sealed = PersonalDataCipher.seal(keyId, key, "Back home and well");
        String relabelled = sealed.replace(keyId, PersonalDataCipher.newKeyId());

        assertThatThrownBy(() -> PersonalDataCipher.open(relabelled, key)).isInstanceOf(PersonalDataTampered.class);
    }

    @Test
    void anotherKeyDoesNotOpenIt() {
        String sealed = PersonalDataCipher.seal(keyId, key, "I saw two old friends this month.");
        SecretKey other = PersonalDataCipher.key(PersonalDataCipher.newKeyMaterial());

        assertThatThrownBy(() -> PersonalDataCipher.open(sealed, other)).isInstanceOf(PersonalDataTampered.class);
    }

    @Test
    void plainTextIsNotTakenForASealedValue() {
        assertThat(PersonalDataCipher.isSealed("Keep receipts")).isFalse();
        assertThat(PersonalDataCipher.keyIdOf("Keep receipts")).isEmpty();
        assertThat(PersonalDataCipher.keyIdOf("pd:v1:short:x")).isEmpty();
        assertThat(PersonalDataCipher.isSealed(null)).isFalse();
    }

    @Test
    void keyIdsAreRandomAndKeysAre256Bits() {
        assertThat(PersonalDataCipher.newKeyId()).hasSize(22).isNotEqualTo(PersonalDataCipher.newKeyId());
        assertThat(PersonalDataCipher.newKeyMaterial()).hasSize(32);
        assertThatThrownBy(() -> PersonalDataCipher.key(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
