package uk.gov.personalbudget.budget.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Development tokens are for one developer's machine: anyone who reaches {@code POST /dev/tokens} can mint a token of
 * any role with any limit. So a service issuing them refuses to start unless it listens on the loopback interface
 * only ({@code server.address} 127.0.0.1 or ::1), and says why in its log.
 */
final class LoopbackOnly {

    private static final Logger log = LoggerFactory.getLogger(LoopbackOnly.class);

    private LoopbackOnly() {}

    /** @param serverAddress {@code server.address}: blank means every interface */
    static void require(String serverAddress) {
        if (!isLoopback(serverAddress)) {
            String reason = "development tokens (profile dev-tokens) are issued only by a service that listens on "
                    + "loopback only, but server.address is "
                    + (serverAddress == null || serverAddress.isBlank()
                            ? "not set (every interface)"
                            : "'" + serverAddress + "'")
                    + ": set server.address=127.0.0.1, or configure a real issuer (security.jwt.*) instead";
            log.error("Refusing to start: {}", reason);
            throw new IllegalStateException(reason);
        }
        log.warn("Development tokens are issued at POST /dev/tokens, on {} only", serverAddress);
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }
}
