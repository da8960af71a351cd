package uk.gov.personalbudget.approval.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import uk.gov.personalbudget.approval.projection.HeldBackRecord;
import uk.gov.personalbudget.approval.projection.HoldReason;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code approval.intake.held_back} by reason: records of the topic not projected because they do not fit their
 * budget's hash chain (docs/security.md, "Tamper evidence"). Each record counts once, when it is first held back;
 * a replay that reads it again does not count it again. The alert ApprovalRecordsHeldBack fires on any increase.
 */
@Component
class HeldBackMetrics {

    private final Map<HoldReason, Counter> counters = new EnumMap<>(HoldReason.class);

    public HeldBackMetrics(MeterRegistry meters) {
        // Registered now, so every series exists (at 0) before the first record is held back.
        for (HoldReason reason : HoldReason.values()) {
            counters.put(
                    reason,
                    Counter.builder("approval.intake.held_back")
                            .description("Records of the topic held back, not projected, because they do not fit their "
                                    + "budget's hash chain")
                            .tag("reason", reason.name())
                            .register(meters));
        }
    }

    public void heldBack(HeldBackRecord record) {
        counters.get(record.reason()).increment();
    }
}
