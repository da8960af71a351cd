package uk.gov.personalbudget.approval.access;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for budget-service behind the console's forwarded reads, one per test JVM: it answers 200 to a GET
 * that carries a bearer token and 401 to one without, so a test sees both that approval-service let the call
 * through and that it forwarded the caller's token.
 */
final class StubBudgetService {

    private static final HttpServer SERVER = start();

    private StubBudgetService() {}

    static String baseUrl() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort();
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/api/v1/budgets/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                boolean forwarded = "GET".equals(exchange.getRequestMethod())
                        && authorization != null
                        && authorization.startsWith("Bearer ")
                        && authorization.length() > 20;
                byte[] body = (forwarded ? "{\"stub\":\"budget-service\"}" : "{\"status\":401}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(forwarded ? 200 : 401, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
