package uk.gov.personalbudget.approval.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import uk.gov.personalbudget.approval.replay.ReplayService;

/**
 * While a replay rebuilds the projections, reads still answer from the previous ones and say so: the
 * {@code Projection-Rebuild} header names the running replay, and list bodies carry
 * {@code rebuildInProgress: true}.
 */
@Component
class RebuildNotice {

    static final String HEADER = "Projection-Rebuild";

    private final ReplayService replays;

    RebuildNotice(ReplayService replays) {
        this.replays = replays;
    }

    boolean inProgress() {
        return replays.inProgress().isPresent();
    }

    <T> ResponseEntity<T> answer(T body) {
        return replays.inProgress()
                .map(replay -> ResponseEntity.ok()
                        .header(HEADER, "in-progress; replay=" + replay.id() + "; percent=" + replay.percent())
                        .body(body))
                .orElseGet(() -> ResponseEntity.ok(body));
    }
}
