package uk.gov.personalbudget.support.personaldata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.gov.personalbudget.support.web.SharedProblem;

import static uk.gov.personalbudget.support.web.ApiProblemHandling.problem;

/**
 * Personal data failures as problem details. Ordered first: these failures arrive wrapped (by Jackson, Axon's
 * serializer, the command bus), and Spring matches a handler here by cause before the services' catch-all 500.
 */
@RestControllerAdvice
public class PersonalDataProblems implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataProblems.class);

    @ExceptionHandler(PersonalDataErased.class)
    ProblemDetail erased(PersonalDataErased erased) {
        return problem(HttpStatus.CONFLICT, SharedProblem.PERSONAL_DATA_ERASED, erased.getMessage());
    }

    @ExceptionHandler(PersonalDataUnavailable.class)
    ProblemDetail unavailable(PersonalDataUnavailable unavailable) {
        log.error("personal data keys unavailable", unavailable);
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                SharedProblem.PERSONAL_DATA_UNAVAILABLE,
                "the personal data key store cannot be read just now; try again later");
    }

    @ExceptionHandler(PersonalDataTampered.class)
    ProblemDetail tampered(PersonalDataTampered tampered) {
        log.error("personal data does not match its key", tampered);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                SharedProblem.PERSONAL_DATA_TAMPERED,
                "stored personal data does not match its key; the history needs checking (GET .../verification)");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
