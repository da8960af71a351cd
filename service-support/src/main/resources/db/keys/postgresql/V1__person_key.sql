-- The persons' keys for personal data inside events (package uk.gov.personalbudget.support.personaldata).
-- A key is erased by setting key_material to NULL; the row stays, so what was erased, when and by whom is known.
CREATE TABLE person_key (
    person_ref   VARCHAR(64)  NOT NULL,
    key_id       VARCHAR(32)  NOT NULL,
    key_material BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL,
    erased_at    TIMESTAMPTZ,
    erased_by    VARCHAR(255),
    CONSTRAINT person_key_pk PRIMARY KEY (person_ref),
    CONSTRAINT person_key_key_id_uk UNIQUE (key_id),
    CONSTRAINT person_key_material_size_ck CHECK (key_material IS NULL OR octet_length(key_material) = 32),
    CONSTRAINT person_key_erased_ck CHECK ((key_material IS NULL AND erased_at IS NOT NULL AND erased_by IS NOT NULL)
        OR (key_material IS NOT NULL AND erased_at IS NULL AND erased_by IS NULL))
);
