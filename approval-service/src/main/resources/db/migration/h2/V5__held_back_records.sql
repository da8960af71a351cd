-- Forged or altered records (issue 12, item 5; docs/security.md, "Tamper evidence"). The intake checks each
-- record against its budget's hash chain as budget-service computes it, and projects only those that fit.

-- The chain of the events projected into a generation: each event's hash, so the next record of the budget can be
-- checked against it and a redelivered copy compared with it. A legacy event (stored before budget-service's chain
-- began) has the hash the chain computes over it, or none when its record carried no inputs to compute it from.
CREATE TABLE event_chain (
    generation      INTEGER     NOT NULL,
    budget_id       VARCHAR(64) NOT NULL,
    sequence_number BIGINT      NOT NULL,
    hash            VARCHAR(64),
    legacy          BOOLEAN     NOT NULL,
    CONSTRAINT event_chain_pk PRIMARY KEY (generation, budget_id, sequence_number)
);

-- The records held back, once each, by their place on the topic: not per generation, so a replay that reads one
-- again does not list it twice, and a rebuild does not forget it. What a record claims (budget, sequence, event id
-- and type) is as its headers say, cut to the column's length; it may be forged.
CREATE TABLE held_back_record (
    topic           VARCHAR(249)  NOT NULL,
    partition_no    INTEGER       NOT NULL,
    record_offset   BIGINT        NOT NULL,
    budget_id       VARCHAR(64),
    sequence_number BIGINT,
    event_id        VARCHAR(64),
    event_type      VARCHAR(64),
    reason          VARCHAR(32)   NOT NULL,
    detail          VARCHAR(1000) NOT NULL,
    held_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT held_back_record_pk PRIMARY KEY (topic, partition_no, record_offset)
);
CREATE INDEX held_back_record_budget ON held_back_record (budget_id, held_at);
