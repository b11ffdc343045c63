-- MLA Desk register, first schema.
--
-- One row per draft in `drafts` holds the summary columns the list and search need; the
-- request itself is kept, whole, once per saved version in `versions` (never updated, never
-- deleted). `audit` records who did what and when.

CREATE TABLE drafts (
    id              INTEGER PRIMARY KEY,
    reference       TEXT    NOT NULL DEFAULT '',
    requested_state TEXT    NOT NULL DEFAULT '',
    case_number     TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL DEFAULT 'draft',
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    current_version INTEGER NOT NULL,
    -- NULL while the draft is live; the time it went to the trash otherwise.
    deleted_at      TEXT
) STRICT;

CREATE INDEX drafts_reference       ON drafts (reference);
CREATE INDEX drafts_requested_state ON drafts (requested_state);
CREATE INDEX drafts_status          ON drafts (status);
CREATE INDEX drafts_updated_at      ON drafts (updated_at);

CREATE TABLE versions (
    draft_id INTEGER NOT NULL REFERENCES drafts (id),
    version  INTEGER NOT NULL CHECK (version >= 1),
    saved_at TEXT    NOT NULL,
    actor    TEXT    NOT NULL,
    note     TEXT    NOT NULL DEFAULT '',
    -- The request exactly as `mla_core::write_request` wrote it.
    content  TEXT    NOT NULL,
    PRIMARY KEY (draft_id, version)
) STRICT;

CREATE TABLE audit (
    id       INTEGER PRIMARY KEY,
    at       TEXT    NOT NULL,
    actor    TEXT    NOT NULL,
    action   TEXT    NOT NULL,
    draft_id INTEGER REFERENCES drafts (id),
    detail   TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX audit_draft_id ON audit (draft_id);
