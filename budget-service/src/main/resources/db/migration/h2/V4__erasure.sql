-- Erasure of a person's personal data (docs/security.md, "Personal data and erasure").

-- Whose budget each budget is and which council it belongs to: written by personaldata.PersonBudgetIndex in the
-- very transaction that stores the budget's BudgetOpened, so an erasure finds every budget of a person without
-- reading every budget's first event. Neither a person nor a council of a budget ever changes.
CREATE TABLE person_budget (
    budget_id  VARCHAR(255) NOT NULL,
    person_ref VARCHAR(64)  NOT NULL,
    council    VARCHAR(64)  NOT NULL,
    CONSTRAINT person_budget_pk PRIMARY KEY (budget_id)
);

CREATE INDEX person_budget_person_ix ON person_budget (person_ref);

-- The budgets opened before this table existed, from their BudgetOpened (person and council are stored in clear;
-- H2 reads no JSON paths, and these two names occur once in a BudgetOpened).
INSERT INTO person_budget (budget_id, person_ref, council)
SELECT aggregate_identifier,
       REGEXP_SUBSTR(UTF8TOSTRING(payload), '"person":"([^"]*)"', 1, 1, '', 1),
       REGEXP_SUBSTR(UTF8TOSTRING(payload), '"localAuthority":"([^"]*)"', 1, 1, '', 1)
FROM domain_event_entry
WHERE sequence_number = 0
  AND payload_type = 'uk.gov.personalbudget.contracts.event.BudgetOpened';

-- An erasure asked for by one authority and confirmed by another before expires_at. The reason is sealed with the
-- person's own key (pd:v1:...), so the erasure it asks for makes it unreadable too.
CREATE TABLE erasure_request (
    request_id   VARCHAR(36)              NOT NULL,
    person_ref   VARCHAR(64)              NOT NULL,
    reason       CHARACTER VARYING        NOT NULL,
    requested_by VARCHAR(128)             NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_by VARCHAR(128),
    confirmed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT erasure_request_pk PRIMARY KEY (request_id)
);

CREATE INDEX erasure_request_person_ix ON erasure_request (person_ref);
