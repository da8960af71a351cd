package uk.gov.personalbudget.budget.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aValidIncomingTraceparentIsKeptAsItIs() {
        assertThat(TraceParent.fromHeaderOrNew(VALID).value()).isEqualTo(VALID);
        assertThat(TraceParent.fromHeaderOrNew(VALID).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aLaterVersionMayCarryMoreFields() {
        String future = "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-next";
        assertThat(TraceParent.parse(future)).hasValue(new TraceParent(future));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01", // upper case
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", // short trace id
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // zero trace id
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // zero parent id
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // forbidden version
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x", // version 00 has four fields
                "not a trace"
            })
    void anInvalidOrMissingTraceparentStartsANewTrace(String header) {
        TraceParent fresh = TraceParent.fromHeaderOrNew(header);

        assertThat(fresh.value()).isNotEqualTo(header).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TraceParent.parse(header)).isEmpty();
    }

    @Test
    void newTracesAreValidAndDistinct() {
        var traces =
                IntStream.range(0, 1000).mapToObj(i -> TraceParent.random()).toList();

        assertThat(traces)
                .doesNotHaveDuplicates()
                .allSatisfy(
                        trace -> assertThat(TraceParent.parse(trace.value())).hasValue(trace));
    }
}
