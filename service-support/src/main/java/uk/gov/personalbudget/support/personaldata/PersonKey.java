package uk.gov.personalbudget.support.personaldata;

import uk.gov.personalbudget.contracts.value.PersonReference;

import java.time.Instant;
import javax.crypto.SecretKey;

/**
 * One person's key, as the key store holds it.
 *
 * @param person    whose key it is
 * @param keyId     its random id, which every value sealed with it carries
 * @param material  the AES-256 key; null once erased
 * @param createdAt when it was made
 * @param erasedAt  when it was destroyed, if it was
 * @param erasedBy  who destroyed it (the actor id), if it was
 */
public record PersonKey(
        PersonReference person, String keyId, byte[] material, Instant createdAt, Instant erasedAt, String erasedBy) {

    public boolean isErased() {
        return material == null;
    }

    public SecretKey secretKey() {
        if (isErased()) {
            throw new PersonalDataErased(person, erasedAt);
        }
        return PersonalDataCipher.key(material);
    }
}
