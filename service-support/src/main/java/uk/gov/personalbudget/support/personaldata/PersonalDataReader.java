package uk.gov.personalbudget.support.personaldata;

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
