package uk.gov.personalbudget.support.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals one piece of personal text with a person's key, as {@code pd:v1:<keyId>:<base64url(iv || ciphertext)>}:
 * AES-256 in GCM mode, a random 12-byte IV per value, a 128-bit tag, and {@code pd:v1:<keyId>} as associated
 * data, so neither the version nor the key id can be altered without the tag failing.
 */
public final class PersonalDataCipher {

    /** What every sealed value starts with; a string without it is plain text (stored before encryption). */
    public static final String PREFIX = "pd:v1:";
    /** What a personal field reads as once its person's key is destroyed. */
    public static final String ERASED = "[erased]";
    /** A sealed value anywhere in a text, e.g. inside a projected detail that joins several values ("conditions: ..."). */
    public static final Pattern SEALED = Pattern.compile("pd:v1:([A-Za-z0-9_-]{22}):([A-Za-z0-9_-]{38,})");

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int KEY_ID_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();

    private PersonalDataCipher() {}

    /** Fresh AES-256 key material. */
    public static byte[] newKeyMaterial() {
        byte[] material = new byte[KEY_BYTES];
        RANDOM.nextBytes(material);
        return material;
    }

    /** A random key id (22 characters): it says nothing about whose key it is. */
    public static String newKeyId() {
        byte[] id = new byte[KEY_ID_BYTES];
        RANDOM.nextBytes(id);
        return BASE64.encodeToString(id);
    }

    public static SecretKey key(byte[] material) {
        if (material == null || material.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes");
        }
        return new SecretKeySpec(material, "AES");
    }

    public static String seal(String keyId, SecretKey key, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(keyId));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = new byte[IV_BYTES + ciphertext.length];
            System.arraycopy(iv, 0, sealed, 0, IV_BYTES);
            System.arraycopy(ciphertext, 0, sealed, IV_BYTES, ciphertext.length);
            return PREFIX + keyId + ":" + BASE64.encodeToString(sealed);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES/GCM is not available", impossible);
        }
    }

    /** The plaintext of {@code sealed}; {@link PersonalDataTampered} if it was not sealed with this key as it is. */
    public static String open(String sealed, SecretKey key) {
        Matcher parts = matchWhole(sealed).orElseThrow(() -> new PersonalDataTampered("not a sealed value"));
        byte[] bytes;
        try {
            bytes = UNBASE64.decode(parts.group(2));
        } catch (IllegalArgumentException truncated) {
            throw new PersonalDataTampered("a sealed value under key " + parts.group(1) + " is cut short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(associatedData(parts.group(1)));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException tampered) {
            throw new PersonalDataTampered("personal data under key " + parts.group(1)
                    + " does not match its key: altered, or sealed with another key");
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES/GCM is not available", impossible);
        }
    }

    /** The key id of a sealed value; empty for plain text. */
    public static Optional<String> keyIdOf(String text) {
        return matchWhole(text).map(parts -> parts.group(1));
    }

    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    private static Optional<Matcher> matchWhole(String text) {
        if (!isSealed(text)) {
            return Optional.empty();
        }
        Matcher matcher = SEALED.matcher(text);
        return matcher.matches() ? Optional.of(matcher) : Optional.empty();
    }

    private static byte[] associatedData(String keyId) {
        return (PREFIX + keyId).getBytes(StandardCharsets.US_ASCII);
    }
}
