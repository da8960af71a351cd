-- Secondary indexes led by what they narrow by, not by generation (issue 17). Every primary key is (generation,
-- budget_id, ...), and a budget's rows are read and updated through it. While generation led a secondary index too,
-- a statement that names a budget but not its whole key (a budget's trail, its summaries, the running clock it stops)
-- could match that index on generation alone; where PostgreSQL had no statistics to tell the two apart (a database
-- before autovacuum's first ANALYZE, or a generation a replay is building) it chose either, and the secondary one
-- scans the whole generation: tens of milliseconds a statement, up to 650 ms, in the lag benchmark's first minutes,
-- instead of well under one.
-- Led by the council, kind or time, these indexes cannot serve a generation-only condition, so the primary key is
-- the only index such a statement can use. The queries they serve name the council, kind or time range and the
-- generation, as before.

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
