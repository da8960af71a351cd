package uk.gov.personalbudget.approval.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import uk.gov.personalbudget.contracts.value.Actor;
import uk.gov.personalbudget.contracts.value.Role;

import java.util.UUID;

/**
 * Rebuilds every projection from the start of the topic, for auditors and operators' systems; reads keep answering
 * meanwhile. A replay rebuilds every council's budgets at once, so it is an operator's act, not a read of any
 * budget: it reveals no budget's content and is not limited to the caller's council.
 */
@RestController
@RequestMapping("/api/v1/replays")
@Tag(name = "Replays")
class ReplayController {

    private final ReplayService replays;

    ReplayController(ReplayService replays) {
        this.replays = replays;
    }

    @PostMapping
    @Operation(
            operationId = "startReplay",
            summary = "Rebuild every projection from the start of the topic "
                    + "(AUDITOR, SYSTEM); answers 202 with the replay's Location once intake is paused on every instance, "
                    + "409 naming the replay already running on any instance",
            description = "A replay rebuilds every "
                    + "council's budgets at once: an operator's act, not a read of any budget, so it is not limited to the "
                    + "caller's council and answers no budget's content.")
    public ResponseEntity<Replay> start(@Parameter(hidden = true) Actor actor) {
        requireMayReplay(actor);
        Replay replay = replays.start(actor);
        var location =
                ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(replay.id());
        return ResponseEntity.accepted().location(location).body(replay);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getReplay",
            summary = "A replay's progress: events processed, of how many, rate, ETA " + "(the same on every instance)")
    public Replay get(@PathVariable UUID id, @Parameter(hidden = true) Actor actor) {
        requireMayReplay(actor);
        return replays.find(id).orElseThrow(() -> new ReplayNotFound(id));
    }

    private static void requireMayReplay(Actor actor) {
        if (!actor.is(Role.AUDITOR) && !actor.is(Role.SYSTEM)) {
            throw new AccessDeniedException("only auditors and operators' systems rebuild the projections");
        }
    }
}
