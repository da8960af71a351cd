-- The table each service creates with its own Flyway migration (db/migration/h2/V*__idempotency.sql).
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
