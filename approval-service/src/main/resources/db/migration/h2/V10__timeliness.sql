-- Timeliness (issue 15, item 2): statutory review duties and the waits a council sets thresholds for, each timed
-- from the event that started it (TimelinessClock). The approval queue shows a running clock past its due date; the
-- timeliness report counts them per range. Events projected before this migration left no clocks: a replay
-- (POST /api/v1/replays) fills them from the events.

-- What the projector needs to start the review clocks as budget-service's aggregate does (ReviewWindows).
ALTER TABLE budget_summary ADD COLUMN direct_payment_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE budget_summary ADD COLUMN last_review_at TIMESTAMP WITH TIME ZONE;

-- One row per clock. At most one clock of a kind runs per budget (ended_at null); due_by is set for the statutory
-- review windows (contracts ReviewDeadlines), and null where the council's threshold, read when asked, decides.
CREATE TABLE timeliness_clock (
    generation      INTEGER      NOT NULL,
    budget_id       VARCHAR(64)  NOT NULL,
    kind            VARCHAR(30)  NOT NULL,
    event_sequence  BIGINT       NOT NULL,
    local_authority VARCHAR(120) NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    due_by          TIMESTAMP WITH TIME ZONE,
    ended_at        TIMESTAMP WITH TIME ZONE,
    ended_how       VARCHAR(10),
    CONSTRAINT timeliness_clock_pk PRIMARY KEY (generation, budget_id, kind, event_sequence)
);
-- The running clocks of one's councils (the queue) and a council's clocks by when they started (the report).
CREATE INDEX timeliness_clock_council ON timeliness_clock (generation, local_authority, started_at);
