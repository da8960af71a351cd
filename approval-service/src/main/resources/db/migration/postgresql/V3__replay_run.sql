-- Replays of the projections (package uk.gov.personalbudget.approval.replay), shared by every approval-service
-- instance. Each instance polls the active run: while it is PAUSING, the instance stops consuming; once the
-- consumer group is empty, any instance moves the group's offsets back to the start, opens the run's new
-- generation and sets REBUILDING, and every instance consumes into that generation again; the instance that sees
-- the group's committed offsets reach end_offsets promotes it and sets DONE. Every change is guarded by the phase
-- it leaves, so it happens once whichever instances try it.
-- active is 'Y' while a run is PAUSING or REBUILDING and NULL after; its unique constraint lets one run be active
-- at a time (a partial index would do on PostgreSQL, but H2 has none, and both schemas keep the same shape).
-- begin_offsets and end_offsets are JSON objects, partition number to offset.

CREATE TABLE replay_run (
    id               VARCHAR(36)   NOT NULL,
    requested_by     VARCHAR(255)  NOT NULL,
    phase            VARCHAR(16)   NOT NULL,
    active           CHAR(1),
    generation       INTEGER,
    begin_offsets    TEXT,
    end_offsets      TEXT,
    events_processed BIGINT        NOT NULL,
    events_total     BIGINT        NOT NULL,
    requested_at     TIMESTAMPTZ   NOT NULL,
    finished_at      TIMESTAMPTZ,
    failure          VARCHAR(1000),
    CONSTRAINT replay_run_pk PRIMARY KEY (id),
    CONSTRAINT replay_run_phase_ck CHECK (phase IN ('PAUSING', 'REBUILDING', 'DONE', 'FAILED')),
    CONSTRAINT replay_run_active_ck CHECK ((phase IN ('PAUSING', 'REBUILDING') AND active = 'Y')
        OR (phase IN ('DONE', 'FAILED') AND active IS NULL)),
    CONSTRAINT replay_run_one_active UNIQUE (active)
);
