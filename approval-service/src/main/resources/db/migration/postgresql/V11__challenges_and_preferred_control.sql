-- Challenging a decision and the person's preferred level of control (issue 15). The summary keeps the person's
-- preferred control as last recorded (at assessment or stated since) and the challenges awaiting the authority's
-- answer, each as DECISION|sequence|since|reference (the reference URL-encoded), ';'-separated, for the queue's
-- CHALLENGE_AWAITING_ANSWER item. Rows projected before keep null in both; a replay fills them from the events.
ALTER TABLE budget_summary ADD COLUMN preferred_control VARCHAR(20);
ALTER TABLE budget_summary ADD COLUMN open_challenges TEXT;
