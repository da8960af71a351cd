-- Secondary indexes led by what they narrow by, not by generation, as on PostgreSQL (issue 17; the reason is in
-- db/migration/postgresql/V12): the two schemas stay the same.

DROP INDEX timeliness_clock_council;
CREATE INDEX timeliness_clock_council ON timeliness_clock (local_authority, generation, started_at);

DROP INDEX budget_summary_council_opened;
CREATE INDEX budget_summary_council_opened ON budget_summary (local_authority, generation, opened_at, budget_id);

DROP INDEX approval_queue_council_kind_since;
CREATE INDEX approval_queue_council_kind_since ON approval_queue (local_authority, generation, kind, since);

DROP INDEX decision_kind_time;
CREATE INDEX decision_kind_time ON decision (kind, generation, occurred_at);

DROP INDEX outcome_time;
CREATE INDEX outcome_time ON outcome (recorded_at, generation);

DROP INDEX person_act_time;
CREATE INDEX person_act_time ON person_act (occurred_at, generation);
