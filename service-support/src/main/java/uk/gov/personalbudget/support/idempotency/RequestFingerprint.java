package uk.gov.personalbudget.support.idempotency;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same request" for a key: SHA-256 over the method, the path with its query, and
 * the body in canonical form. A JSON body is canonical when its object members are sorted and insignificant
 * whitespace is gone, so a client that re-serialises the same content gets the same fingerprint; any other body
 * (including JSON that does not parse) counts byte for byte.
 */
public final class RequestFingerprint {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            // Keeps 0.1 and 0.10000000000000000001 apart, as doubles would not.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private RequestFingerprint() {}

    /** The fingerprint as 64 lower-case hex digits. */
    public static String of(String method, String pathAndQuery, byte[] body) {
        MessageDigest sha256 = sha256();
        sha256.update(method.getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) '\n');
        sha256.update(pathAndQuery.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(canonical(body));
        return HexFormat.of().formatHex(sha256.digest());
    }

    static byte[] canonical(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        try {
            JsonNode tree = CANONICAL.readTree(body);
            return tree == null || tree.isMissingNode() ? body : CANONICAL.writeValueAsBytes(tree);
        } catch (IOException notJson) {
            return body;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
