package uk.gov.personalbudget.approval.replay;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * While a replay rebuilds the projections, reads still answer from the previous ones and say so: the
 * {@code Projection-Rebuild} header names the running replay, and list bodies carry
 * {@code rebuildInProgress: true}.
 */
@Component
public class RebuildNotice {

    static final String HEADER = "Projection-Rebuild";

    private final ReplayService replays;

    RebuildNotice(ReplayService replays) {
        this.replays = replays;
    }

    public boolean inProgress() {
        return replays.inProgress().isPresent();
    }

    public <T> ResponseEntity<T> answer(T body) {
        return replays.inProgress()
                .map(replay -> ResponseEntity.ok()
                        .header(HEADER, "in-progress; replay=" + replay.id() + "; percent=" + replay.percent())
                        .body(body))
                .orElseGet(() -> ResponseEntity.ok(body));
    }
}
