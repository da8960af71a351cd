-- budget_summary's primary key led by the budget, as on PostgreSQL (issue 17; the reason is in
-- db/migration/postgresql/V13): the two schemas stay the same.

ALTER TABLE budget_summary DROP CONSTRAINT budget_summary_pk;
ALTER TABLE budget_summary ADD CONSTRAINT budget_summary_pk PRIMARY KEY (budget_id, generation);
