package uk.gov.personalbudget.support.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's own error report, as a problem detail instead of an HTML page: what Tomcat refuses before the
 * application sees it (an encoded slash or backslash in the path, say) is answered like every other refusal.
 * Says no more than the status. Tomcat creates it by class name, hence the public no-argument constructor.
 */
public final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String title = status == null ? "HTTP " + code : status.getReasonPhrase();
        String detail = code >= 500
                ? "the service failed to handle this request"
                : "the request was refused before it reached the API";
        // Only fixed text goes in, so no escaping is needed.
        String problem = "{\"type\":\"" + SharedProblem.forStatus(HttpStatusCode.valueOf(code)) + "\",\"title\":\""
                + title + "\",\"status\":" + code + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException unwritable) {
            // The connection is gone or the response has started: there is no one left to tell.
        }
    }
}
