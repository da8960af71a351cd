package uk.gov.personalbudget.support.idempotency;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The answer a key's first request got, as a retry is given it again.
 *
 * @param status  the HTTP status
 * @param headers the headers that matter to a retrying caller (Location, ETag, Content-Type), by name
 * @param body    the body's bytes, empty when there was none
 */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {

    public StoredResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredResponse that
                && status == that.status
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "StoredResponse[status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes]";
    }
}
