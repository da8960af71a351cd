-- Councils (issue 11, "Who may act"): every budget belongs to the council its BudgetOpened names in
-- opening.localAuthority, now a council id such as 'leeds' (contracts Council), kept in the local_authority
-- columns. The approval queue and the reports are read per council, so each is narrowed in SQL by council first.
-- A budget opened before council ids, with a council's name there instead, is of no council a token can name:
-- no caller sees it until its events say otherwise.

-- The queue of one's councils, oldest first, optionally of one kind (ProjectionStore.queue).
DROP INDEX approval_queue_kind_since;
CREATE INDEX approval_queue_council_kind_since ON approval_queue (generation, local_authority, kind, since);

-- The budgets of one's councils alive in a report's range, and (as a subquery) every other table's rows of
-- those budgets (ProjectionStore.report).
CREATE INDEX budget_summary_council_opened ON budget_summary (generation, local_authority, opened_at, budget_id);
