-- budget_summary's primary key led by the budget, not the generation (issue 17). The projector reads a batch's
-- summaries with one "generation = ? AND budget_id = ANY (?)". With the key led by generation, the planner could
-- also answer it from the generation alone, each of the generation's rows filtered against the array, and took
-- that where it thought the generation matched a row or two: before the first ANALYZE, and in a generation a replay
-- builds, which the statistics have not seen. It is not one row but the whole generation: up to 160 ms a batch in
-- the replay benchmark (63,000 budgets, 1,470 in the array), where looking each budget up takes 0.4-0.6 ms.
-- Led by budget_id, the key serves the array's ids one by one; the generation alone could only be matched by
-- reading the whole index, which the planner costs at its real size. Every other read of the table names the
-- budget and the generation, or the council (budget_summary_council_opened), or reads a whole generation.
-- The key is built again under the table's exclusive lock, so reads and intake wait for it: 0.65 s for a million
-- budgets on the benchmarks' 2-core machine.

ALTER TABLE budget_summary
    DROP CONSTRAINT budget_summary_pk,
    ADD CONSTRAINT budget_summary_pk PRIMARY KEY (budget_id, generation);
