-- Whether an approved plan is in force (issue 15): from the authority's approval until a review ends the budget or it
-- closes, and so also while a review's replan makes the next plan (contracts StatusRule). Rows projected before this
-- column are set from what they hold: approved, and neither ending nor closed (a suspended budget's interrupted status
-- counts). A replay sets every row from the events.
ALTER TABLE budget_summary ADD COLUMN plan_in_force BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE budget_summary
SET plan_in_force = TRUE
WHERE approved_pence IS NOT NULL
  AND status NOT IN ('ENDING', 'CLOSED')
  AND (status_before_suspension IS NULL OR status_before_suspension <> 'ENDING');
