-- Projections of the budget events (package uk.gov.personalbudget.approval.projection.store).
-- Every table is keyed by generation first: a replay rebuilds into a new generation (BUILDING) while readers
-- keep the one projection_generation marks CURRENT; promoting flips the mark and deletes every other
-- generation's rows. Retired generations stay listed, without rows, so a number is never used twice.
-- Times are instants (timestamp with time zone, microseconds); money is integer pence with its period.

CREATE TABLE projection_generation (
    generation INTEGER     NOT NULL,
    status     VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT projection_generation_pk PRIMARY KEY (generation),
    CONSTRAINT projection_generation_status_ck CHECK (status IN ('CURRENT', 'BUILDING', 'RETIRED'))
);
-- At most one generation is current: H2 has no partial index, so ProjectionStore.promote keeps it so.

INSERT INTO projection_generation (generation, status, created_at) VALUES (1, 'CURRENT', CURRENT_TIMESTAMP);

-- What the projector remembers of each budget between its events.
CREATE TABLE budget_summary (
    generation               INTEGER      NOT NULL,
    budget_id                VARCHAR(64)  NOT NULL,
    last_sequence            BIGINT       NOT NULL,
    last_event_at            TIMESTAMP WITH TIME ZONE  NOT NULL,
    person_reference         VARCHAR(64)  NOT NULL,
    local_authority          VARCHAR(120) NOT NULL,
    allocated_practitioner   VARCHAR(64),
    opened_at                TIMESTAMP WITH TIME ZONE  NOT NULL,
    closed_at                TIMESTAMP WITH TIME ZONE,
    status                   VARCHAR(20)  NOT NULL,
    status_before_suspension VARCHAR(20),
    management_option        VARCHAR(30),
    control_party            VARCHAR(20)  NOT NULL,
    control_actor_id         VARCHAR(255),
    control_since            TIMESTAMP WITH TIME ZONE  NOT NULL,
    offered_pence            BIGINT,
    offered_period           VARCHAR(12),
    offered_at               TIMESTAMP WITH TIME ZONE,
    approved_pence           BIGINT,
    approved_period          VARCHAR(12),
    contest_sequence         BIGINT,
    contest_since            TIMESTAMP WITH TIME ZONE,
    contest_offered_pence    BIGINT,
    contest_offered_period   VARCHAR(12),
    contest_requested_pence  BIGINT,
    contest_requested_period VARCHAR(12),
    plan_sequence            BIGINT,
    plan_submitted_at        TIMESTAMP WITH TIME ZONE,
    plan_yearly_pence        BIGINT,
    plan_made_by             VARCHAR(20),
    plan_endorsed_at         TIMESTAMP WITH TIME ZONE,
    delegation_sequence      BIGINT,
    delegate_id              VARCHAR(255),
    delegate_role            VARCHAR(20),
    delegation_reason        VARCHAR(30),
    delegation_since         TIMESTAMP WITH TIME ZONE,
    delegation_intended_end  TIMESTAMP WITH TIME ZONE,
    review_kind              VARCHAR(30),
    review_due_by            TIMESTAMP WITH TIME ZONE,
    review_since             TIMESTAMP WITH TIME ZONE,
    authorised_person        VARCHAR(255),
    contest_count            INTEGER      NOT NULL,
    plan_count               INTEGER      NOT NULL,
    return_count             INTEGER      NOT NULL,
    decline_count            INTEGER      NOT NULL,
    delegation_count         INTEGER      NOT NULL,
    CONSTRAINT budget_summary_pk PRIMARY KEY (generation, budget_id)
);

-- One row per control transfer.
CREATE TABLE control_trail (
    generation       INTEGER      NOT NULL,
    budget_id        VARCHAR(64)  NOT NULL,
    event_sequence   BIGINT       NOT NULL,
    from_party       VARCHAR(20)  NOT NULL,
    from_actor_id    VARCHAR(255),
    to_party         VARCHAR(20)  NOT NULL,
    to_actor_id      VARCHAR(255),
    occurred_at      TIMESTAMP WITH TIME ZONE  NOT NULL,
    event_type       VARCHAR(60)  NOT NULL,
    actor            VARCHAR(255),
    actor_role       VARCHAR(20),
    on_behalf_of     VARCHAR(64),
    reason           CHARACTER VARYING,
    held_for_seconds BIGINT,
    CONSTRAINT control_trail_pk PRIMARY KEY (generation, budget_id, event_sequence)
);

-- One row per decision.
CREATE TABLE decision (
    generation             INTEGER      NOT NULL,
    budget_id              VARCHAR(64)  NOT NULL,
    event_sequence         BIGINT       NOT NULL,
    kind                   VARCHAR(20)  NOT NULL,
    occurred_at            TIMESTAMP WITH TIME ZONE  NOT NULL,
    actor                  VARCHAR(255),
    actor_role             VARCHAR(20),
    on_behalf_of           VARCHAR(64),
    outcome                VARCHAR(40),
    reasons                CHARACTER VARYING,
    detail                 CHARACTER VARYING,
    amount_pence           BIGINT,
    amount_period          VARCHAR(12),
    person_took_part       BOOLEAN,
    person_statement_added BOOLEAN,
    waited_seconds         BIGINT,
    CONSTRAINT decision_pk PRIMARY KEY (generation, budget_id, event_sequence)
);
CREATE INDEX decision_kind_time ON decision (generation, kind, occurred_at);

-- What waits for someone: at most one item per budget and kind.
CREATE TABLE approval_queue (
    generation             INTEGER      NOT NULL,
    budget_id              VARCHAR(64)  NOT NULL,
    kind                   VARCHAR(30)  NOT NULL,
    event_sequence         BIGINT       NOT NULL,
    since                  TIMESTAMP WITH TIME ZONE  NOT NULL,
    person_reference       VARCHAR(64)  NOT NULL,
    allocated_practitioner VARCHAR(64),
    local_authority        VARCHAR(120) NOT NULL,
    yearly_pence           BIGINT,
    due_by                 TIMESTAMP WITH TIME ZONE,
    detail                 VARCHAR(255),
    CONSTRAINT approval_queue_pk PRIMARY KEY (generation, budget_id, kind)
);
CREATE INDEX approval_queue_kind_since ON approval_queue (generation, kind, since);

-- One row per delegation, for delegations not handed back by their intended end.
CREATE TABLE delegation (
    generation     INTEGER      NOT NULL,
    budget_id      VARCHAR(64)  NOT NULL,
    event_sequence BIGINT       NOT NULL,
    delegate_id    VARCHAR(255) NOT NULL,
    delegate_role  VARCHAR(20)  NOT NULL,
    reason         VARCHAR(30),
    since          TIMESTAMP WITH TIME ZONE  NOT NULL,
    intended_end   TIMESTAMP WITH TIME ZONE  NOT NULL,
    ended_at       TIMESTAMP WITH TIME ZONE,
    ended_by       VARCHAR(20),
    CONSTRAINT delegation_pk PRIMARY KEY (generation, budget_id, event_sequence)
);

-- One row per submitted plan: authority waiting time, return and decline rates.
CREATE TABLE plan_cycle (
    generation     INTEGER     NOT NULL,
    budget_id      VARCHAR(64) NOT NULL,
    event_sequence BIGINT      NOT NULL,
    submitted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    yearly_pence   BIGINT      NOT NULL,
    made_by        VARCHAR(20),
    endorsed_at    TIMESTAMP WITH TIME ZONE,
    outcome        VARCHAR(20),
    decided_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT plan_cycle_pk PRIMARY KEY (generation, budget_id, event_sequence)
);

-- One row per contest of an offer: contest rate and outcomes.
CREATE TABLE contest (
    generation       INTEGER     NOT NULL,
    budget_id        VARCHAR(64) NOT NULL,
    event_sequence   BIGINT      NOT NULL,
    contested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    offered_pence    BIGINT,
    offered_period   VARCHAR(12),
    requested_pence  BIGINT,
    requested_period VARCHAR(12),
    ended_at         TIMESTAMP WITH TIME ZONE,
    revised_pence    BIGINT,
    revised_period   VARCHAR(12),
    outcome          VARCHAR(20),
    CONSTRAINT contest_pk PRIMARY KEY (generation, budget_id, event_sequence)
);
