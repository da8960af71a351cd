-- Outcomes and co-production (issue 15, items 1 and 3): the outcomes report and the co-production report read these
-- rows (package uk.gov.personalbudget.approval.projection). Events projected before this migration left no rows here
-- and no plan_made_by_in_force: a replay (POST /api/v1/replays) fills them from the events.

-- How the approved plan in force was made (PlanSubmitted's madeBy); null while no plan is in force.
ALTER TABLE budget_summary ADD COLUMN plan_made_by_in_force VARCHAR(20);

-- One row per OutcomeRecorded, with the plan in force and the management option when it was recorded. The person's
-- own words stay in the budget's history: they are not needed to count.
CREATE TABLE outcome (
    generation        INTEGER     NOT NULL,
    budget_id         VARCHAR(64) NOT NULL,
    event_sequence    BIGINT      NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    outcome_domain    VARCHAR(40) NOT NULL,
    recovery_goal_id  VARCHAR(32),
    plan_made_by      VARCHAR(20),
    management_option VARCHAR(30),
    actor_role        VARCHAR(20),
    on_behalf         BOOLEAN     NOT NULL,
    CONSTRAINT outcome_pk PRIMARY KEY (generation, budget_id, event_sequence)
);
CREATE INDEX outcome_time ON outcome (generation, recorded_at);

-- One row per NeedsAssessed: who led the assessment.
CREATE TABLE assessment (
    generation     INTEGER     NOT NULL,
    budget_id      VARCHAR(64) NOT NULL,
    event_sequence BIGINT      NOT NULL,
    assessed_at    TIMESTAMPTZ NOT NULL,
    kind           VARCHAR(20),
    eligible       BOOLEAN     NOT NULL,
    CONSTRAINT assessment_pk PRIMARY KEY (generation, budget_id, event_sequence)
);

-- One row per act of the person's: done by the PERSON, or by someone else on their behalf (the act's onBehalfOf).
CREATE TABLE person_act (
    generation     INTEGER     NOT NULL,
    budget_id      VARCHAR(64) NOT NULL,
    event_sequence BIGINT      NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    event_type     VARCHAR(60) NOT NULL,
    actor_role     VARCHAR(20),
    on_behalf      BOOLEAN     NOT NULL,
    CONSTRAINT person_act_pk PRIMARY KEY (generation, budget_id, event_sequence)
);
CREATE INDEX person_act_time ON person_act (generation, occurred_at);
