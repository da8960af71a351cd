package uk.gov.personalbudget.approval.observability;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import uk.gov.personalbudget.approval.intake.IntakeStatus;
import uk.gov.personalbudget.approval.intake.IntakeSwitch;

import java.util.function.BooleanSupplier;

/**
 * The intake of budget events, part of readiness: DOWN when its listener container is not running or the last
 * batch could not be stored (an event it cannot read, a projection that fails): the consumer then retries that
 * batch and goes no further, so every answer would be missing what came after it. A container a replay stopped
 * is UP ({@code PAUSED_FOR_REPLAY}): every instance pauses together, and reads go on answering meanwhile.
 */
class IntakeHealth implements HealthIndicator {

    private final IntakeSwitch intake;
    private final IntakeStatus status;
    private final BooleanSupplier pausedForReplay;

    IntakeHealth(IntakeSwitch intake, IntakeStatus status, BooleanSupplier pausedForReplay) {
        this.intake = intake;
        this.status = status;
        this.pausedForReplay = pausedForReplay;
    }

    @Override
    public Health health() {
        boolean running = intake.isRunning();
        if (!running && pausedForReplay.getAsBoolean()) {
            return Health.up().withDetail("state", "PAUSED_FOR_REPLAY").build();
        }
        if (!running) {
            return Health.down().withDetail("state", "STOPPED").build();
        }
        return status.failing()
                .map(failure -> Health.down()
                        .withDetail("state", "FAILING")
                        .withDetail("cause", failure.cause())
                        .withDetail("since", failure.since().toString())
                        .build())
                .orElseGet(() -> Health.up().withDetail("state", "RUNNING").build());
    }
}
