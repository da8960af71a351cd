-- Tamper evidence (docs/security.md): each event's SHA-256 hash, chained per budget, as 64 lower-case hex digits,
-- written by budget-service when it stores the event (HashChainingAppend). Both are NULL only on events stored
-- before this migration: "legacy" events, which event_hash_chain_start tells apart from events whose hash was removed.
ALTER TABLE domain_event_entry ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE domain_event_entry ADD COLUMN hash VARCHAR(64);

CREATE TABLE event_hash_chain_start (
    last_legacy_global_index BIGINT NOT NULL
);

INSERT INTO event_hash_chain_start (last_legacy_global_index)
SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry;
