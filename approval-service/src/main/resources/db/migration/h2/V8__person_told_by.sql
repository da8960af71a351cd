-- How the person was told of a decision (issue 15): offers, revisions, adjustments, suspensions and closures now record
-- whether the person took part (person_took_part) and how they were told, as declines did. Rows projected before keep
-- null here (a decline's or a closure's detail still says how the person was told); a replay fills it from the events.
ALTER TABLE decision ADD COLUMN person_told_by VARCHAR(20);
