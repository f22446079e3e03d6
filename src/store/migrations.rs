//! Numbered schema migrations. Each runs in one transaction and bumps `user_version`;
//! append only, never edit a migration that has shipped.

/// Migration `i` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: local settings, the group, members and their history.
    r#"
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;

    -- Synced rows carry: id (UUID v7), group_id, created_at, updated_at (UTC RFC 3339),
    -- deleted_at (tombstone), revision ("<updated-ms:013>-<device id>", ordered as text).
    CREATE TABLE groups (
        id              TEXT PRIMARY KEY,
        group_id        TEXT NOT NULL,
        kind            TEXT NOT NULL,
        name            TEXT NOT NULL,
        province_code   TEXT NOT NULL,
        province_name   TEXT NOT NULL,
        commune_code    TEXT NOT NULL,
        commune_name    TEXT NOT NULL,
        area_kind       TEXT NOT NULL,
        area_name       TEXT NOT NULL,
        decision_number TEXT,
        decision_date   TEXT,
        police_unit     TEXT NOT NULL,
        households      INTEGER,
        residents       INTEGER,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        deleted_at      TEXT,
        revision        TEXT NOT NULL,
        CHECK (id = group_id)
    ) STRICT;

    CREATE TABLE members (
        id               TEXT PRIMARY KEY,
        group_id         TEXT NOT NULL REFERENCES groups(id),
        full_name        TEXT NOT NULL,
        search_text      TEXT NOT NULL,
        gender           TEXT,
        birth_date       TEXT,
        phone            TEXT,
        address          TEXT,
        role             TEXT NOT NULL,
        joined_on        TEXT,
        left_on          TEXT,
        left_reason      TEXT,
        cccd             TEXT,
        health_cert_date TEXT,
        consent_date     TEXT,
        notes            TEXT,
        anonymised_at    TEXT,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        deleted_at       TEXT,
        revision         TEXT NOT NULL
    ) STRICT;
    CREATE INDEX members_group ON members(group_id);

    CREATE TABLE member_events (
        id          TEXT PRIMARY KEY,
        group_id    TEXT NOT NULL REFERENCES groups(id),
        member_id   TEXT NOT NULL REFERENCES members(id),
        at          TEXT NOT NULL,
        summary     TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT,
        revision    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX member_events_member ON member_events(member_id, at);
    "#,
];
