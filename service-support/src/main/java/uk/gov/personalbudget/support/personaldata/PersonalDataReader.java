package uk.gov.personalbudget.support.personaldata;

import uk.gov.personalbudget.contracts.value.PersonReference;

import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads personal text as stored: a sealed value opens with its person's key, or reads {@value
 * PersonalDataCipher#ERASED} once that key is destroyed; plain text (stored before encryption) is returned as
 * it is.
 */
public class PersonalDataReader {

    private final PersonKeys keys;

    public PersonalDataReader(PersonKeys keys) {
        this.keys = keys;
    }

    /** One stored field's value. */
    public String reveal(String stored) {
        if (!PersonalDataCipher.isSealed(stored)) {
            return stored;
        }
        String keyId = PersonalDataCipher.keyIdOf(stored)
                .orElseThrow(() -> new PersonalDataTampered("a personal data value is malformed"));
        PersonKey key = keys.byKeyId(keyId);
        return key.isErased() ? PersonalDataCipher.ERASED : PersonalDataCipher.open(stored, key.secretKey());
    }

    /** What a sealed-looking value shows when it was not sealed with the key of the budget's own person. */
    public static final String NOT_OPENED = "[not opened]";

    /**
     * A text of one person's budget that may hold sealed values among other words (a projection's joined detail):
     * each value sealed with that person's key is revealed; any other sealed-looking text (planted in a clear field,
     * or copied from another person's budget) is never opened, nor is the key store asked for its key.
     */
    public String revealWithin(String text, PersonReference owner) {
        if (text == null || !text.contains(PersonalDataCipher.PREFIX)) {
            return text;
        }
        Optional<PersonKey> ownersKey = owner == null ? Optional.empty() : keys.of(owner);
        Matcher sealed = PersonalDataCipher.SEALED.matcher(text);
        StringBuilder revealed = new StringBuilder();
        while (sealed.find()) {
            String value = sealed.group();
            String keyId = PersonalDataCipher.keyIdOf(value).orElse(null);
            String shown = ownersKey
                    .filter(key -> key.keyId().equals(keyId))
                    .map(key -> key.isErased()
                            ? PersonalDataCipher.ERASED
                            : PersonalDataCipher.open(value, key.secretKey()))
                    .orElse(NOT_OPENED);
            sealed.appendReplacement(revealed, Matcher.quoteReplacement(shown));
        }
        sealed.appendTail(revealed);
        return revealed.toString();
    }

    /** A text that may hold sealed values among other words (a projection's joined detail); each is revealed. */
    public String revealWithin(String text) {
        if (text == null || !text.contains(PersonalDataCipher.PREFIX)) {
            return text;
        }
        Matcher sealed = PersonalDataCipher.SEALED.matcher(text);
        StringBuilder revealed = new StringBuilder();
        while (sealed.find()) {
            sealed.appendReplacement(revealed, Matcher.quoteReplacement(reveal(sealed.group())));
        }
        sealed.appendTail(revealed);
        return revealed.toString();
    }
}
