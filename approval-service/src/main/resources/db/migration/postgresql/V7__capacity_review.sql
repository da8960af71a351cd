-- A CAPACITY_CHANGE review may be pending beside another review (issue 15; DOMAIN.md asks for one whenever capacity
-- is lost or regained). The projections keep it apart from the pending review (review_kind, review_due_by,
-- review_since) and queue it as CAPACITY_REVIEW. Rows projected before keep a capacity review in the review columns,
-- where it is still completed and closed as before.
ALTER TABLE budget_summary ADD COLUMN capacity_review_due_by TIMESTAMPTZ;
ALTER TABLE budget_summary ADD COLUMN capacity_review_since TIMESTAMPTZ;
