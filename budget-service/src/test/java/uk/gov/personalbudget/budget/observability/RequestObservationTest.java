package uk.gov.personalbudget.budget.observability;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;
import uk.gov.personalbudget.budget.support.LocalProfileTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request is observed once, as a whole; Spring Security's filters are not each wrapped in an observation (which,
 * switched off by property alone, still cost 4 % of the request threads' CPU: docs/benchmarks.md).
 */
@LocalProfileTest
class RequestObservationTest {

    @Autowired
    FilterChainProxy springSecurityFilterChain;

    @Test
    void noSecurityFilterIsWrappedInAnObservation() {
        Object decorator = ReflectionTestUtils.getField(springSecurityFilterChain, "filterChainDecorator");

        assertThat(decorator).isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
