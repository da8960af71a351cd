-- Idempotency-Key of POST requests (service-support JdbcIdempotencyStore): one row per caller (token sub) and key.
-- A row without response_status is claimed by a request still running; request_hash is SHA-256 over method,
-- path and canonical body. Rows past expires_at are deleted by a scheduled job or replaced when the key is reused.

CREATE TABLE idempotent_request (
    caller           VARCHAR(1024)            NOT NULL,
    idempotency_key  VARCHAR(255)             NOT NULL,
    request_hash     CHAR(64)                 NOT NULL,
    claim_token      VARCHAR(36)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    response_status  INTEGER,
    response_headers CHARACTER VARYING,
    response_body    VARBINARY,
    CONSTRAINT idempotent_request_pk PRIMARY KEY (caller, idempotency_key)
);

CREATE INDEX idempotent_request_expires_at_ix ON idempotent_request (expires_at);
