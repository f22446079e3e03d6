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
    // 2: the ledger: incidents (with their folded search text), user categories,
    // activities, every version of both, and the months that have been closed.
    r#"
    CREATE TABLE closed_months (
        id          TEXT PRIMARY KEY,
        group_id    TEXT NOT NULL REFERENCES groups(id),
        month       TEXT NOT NULL,
        closed_at   TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT,
        revision    TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX closed_months_month ON closed_months(group_id, month) WHERE deleted_at IS NULL;

    CREATE TABLE incident_categories (
        id          TEXT PRIMARY KEY,
        group_id    TEXT NOT NULL REFERENCES groups(id),
        name        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT,
        revision    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE incidents (
        id                 TEXT PRIMARY KEY,
        group_id           TEXT NOT NULL REFERENCES groups(id),
        occurred_on        TEXT NOT NULL,
        occurred_time      TEXT,
        time_approx        INTEGER NOT NULL,
        place              TEXT NOT NULL,
        landmark           TEXT,
        category           TEXT NOT NULL,
        title              TEXT NOT NULL,
        description        TEXT NOT NULL,
        people_involved    TEXT,
        reporter_kind      TEXT NOT NULL,
        reporter_member_id TEXT REFERENCES members(id),
        reporter_name      TEXT,
        action_taken       TEXT,
        status             TEXT NOT NULL,
        transferred_on     TEXT,
        transferred_to     TEXT,
        valuable_tip       INTEGER NOT NULL,
        patrol_log_id      TEXT,
        search_text        TEXT NOT NULL,
        struck_at          TEXT,
        strike_reason      TEXT,
        version            INTEGER NOT NULL,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        deleted_at         TEXT,
        revision           TEXT NOT NULL
    ) STRICT;
    -- The list's order (newest first) straight from the index, so a page needs no sort and
    -- counting needs no table rows.
    CREATE INDEX incidents_order
        ON incidents(group_id, occurred_on DESC, occurred_time DESC, id DESC, struck_at)
        WHERE deleted_at IS NULL;

    CREATE TABLE activities (
        id                TEXT PRIMARY KEY,
        group_id          TEXT NOT NULL REFERENCES groups(id),
        kind              TEXT NOT NULL,
        held_on           TEXT NOT NULL,
        title             TEXT NOT NULL,
        place             TEXT,
        content           TEXT,
        people            INTEGER,
        households        INTEGER,
        conclusions       TEXT,
        assignments       TEXT NOT NULL,
        parties           TEXT,
        mediation_success INTEGER,
        search_text       TEXT NOT NULL,
        struck_at         TEXT,
        strike_reason     TEXT,
        version           INTEGER NOT NULL,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        deleted_at        TEXT,
        revision          TEXT NOT NULL
    ) STRICT;
    CREATE INDEX activities_when ON activities(group_id, held_on);

    -- One row per version of an incident or activity: who, when, what changed, and the
    -- record as it was before (JSON), so nothing is lost by an edit.
    CREATE TABLE record_versions (
        id           TEXT PRIMARY KEY,
        group_id     TEXT NOT NULL REFERENCES groups(id),
        record_kind  TEXT NOT NULL,
        record_id    TEXT NOT NULL,
        version      INTEGER NOT NULL,
        at           TEXT NOT NULL,
        editor       TEXT NOT NULL,
        summary      TEXT NOT NULL,
        changes      TEXT NOT NULL,
        previous     TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        deleted_at   TEXT,
        revision     TEXT NOT NULL,
        UNIQUE (record_kind, record_id, version)
    ) STRICT;
    "#,
    // 3: patrols: shift patterns, availability, the roster's shifts and their members
    // (with attendance), and the patrol log.
    r#"
    ALTER TABLE groups ADD COLUMN max_consecutive_nights INTEGER NOT NULL DEFAULT 3;

    CREATE TABLE shift_patterns (
        id          TEXT PRIMARY KEY,
        group_id    TEXT NOT NULL REFERENCES groups(id),
        name        TEXT NOT NULL,
        start_time  TEXT NOT NULL,
        end_time    TEXT NOT NULL,
        weekdays    TEXT NOT NULL,
        needed      INTEGER NOT NULL,
        route       TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT,
        revision    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE availability (
        id          TEXT PRIMARY KEY,
        group_id    TEXT NOT NULL REFERENCES groups(id),
        member_id   TEXT NOT NULL REFERENCES members(id),
        blocked_on  TEXT,
        weekday     INTEGER,
        reason      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT,
        revision    TEXT NOT NULL,
        CHECK ((blocked_on IS NULL) <> (weekday IS NULL))
    ) STRICT;

    CREATE TABLE shifts (
        id          TEXT PRIMARY KEY,
        group_id    TEXT NOT NULL REFERENCES groups(id),
        shift_date  TEXT NOT NULL,
        pattern_id  TEXT NOT NULL REFERENCES shift_patterns(id),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT,
        revision    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX shifts_date ON shifts(group_id, shift_date);

    CREATE TABLE shift_members (
        id            TEXT PRIMARY KEY,
        group_id      TEXT NOT NULL REFERENCES groups(id),
        shift_id      TEXT NOT NULL REFERENCES shifts(id),
        member_id     TEXT NOT NULL REFERENCES members(id),
        attendance    TEXT,
        substitute_id TEXT REFERENCES members(id),
        actual_start  TEXT,
        actual_end    TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        deleted_at    TEXT,
        revision      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX shift_members_shift ON shift_members(shift_id);

    CREATE TABLE patrol_log (
        id          TEXT PRIMARY KEY,
        group_id    TEXT NOT NULL REFERENCES groups(id),
        shift_id    TEXT REFERENCES shifts(id),
        logged_at   TEXT NOT NULL,
        note        TEXT NOT NULL,
        incident_id TEXT REFERENCES incidents(id),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT,
        revision    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX patrol_log_when ON patrol_log(group_id, logged_at);
    "#,
    // 4: monthly reports (narrative, number), issued reports as printed, the close/reopen
    // log, and amendments to closed months.
    r#"
    CREATE TABLE monthly_reports (
        id           TEXT PRIMARY KEY,
        group_id     TEXT NOT NULL REFERENCES groups(id),
        month        TEXT NOT NULL,
        number       INTEGER,
        number_year  INTEGER,
        situation    TEXT NOT NULL DEFAULT '',
        shortcomings TEXT NOT NULL DEFAULT '',
        plans        TEXT NOT NULL DEFAULT '',
        proposals    TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        deleted_at   TEXT,
        revision     TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX monthly_reports_month ON monthly_reports(group_id, month) WHERE deleted_at IS NULL;

    CREATE TABLE issued_reports (
        id          TEXT PRIMARY KEY,
        group_id    TEXT NOT NULL REFERENCES groups(id),
        month       TEXT NOT NULL,
        number      INTEGER NOT NULL,
        number_year INTEGER NOT NULL,
        issued_on   TEXT NOT NULL,
        issued_at   TEXT NOT NULL,
        editor      TEXT NOT NULL,
        digest      TEXT NOT NULL,
        data        TEXT NOT NULL,
        pdf         BLOB NOT NULL,
        withdrawn_at TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT,
        revision    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX issued_reports_month ON issued_reports(group_id, month);

    CREATE TABLE month_events (
        id          TEXT PRIMARY KEY,
        group_id    TEXT NOT NULL REFERENCES groups(id),
        month       TEXT NOT NULL,
        action      TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
        at          TEXT NOT NULL,
        editor      TEXT NOT NULL,
        reason      TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT,
        revision    TEXT NOT NULL
    ) STRICT;

    ALTER TABLE record_versions ADD COLUMN amends_month TEXT;
    "#,
    // 5: "Dân vận khéo" models with their write-ups, versions and measured results.
    r#"
    CREATE TABLE practices (
        id               TEXT PRIMARY KEY,
        group_id         TEXT NOT NULL REFERENCES groups(id),
        name             TEXT NOT NULL,
        field            TEXT NOT NULL,
        scope            TEXT NOT NULL,
        runner           TEXT NOT NULL,
        address          TEXT NOT NULL,
        started_on       TEXT NOT NULL,
        person_in_charge TEXT NOT NULL,
        status           TEXT NOT NULL,
        level            TEXT,
        decision         TEXT NOT NULL,
        places           INTEGER,
        groups_applying  INTEGER,
        sections         TEXT NOT NULL,
        measure          TEXT,
        frozen_results   TEXT,
        finalised_at     TEXT,
        version          INTEGER NOT NULL,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        deleted_at       TEXT,
        revision         TEXT NOT NULL
    ) STRICT;

    CREATE TABLE practice_versions (
        id          TEXT PRIMARY KEY,
        group_id    TEXT NOT NULL REFERENCES groups(id),
        practice_id TEXT NOT NULL REFERENCES practices(id),
        version     INTEGER NOT NULL,
        at          TEXT NOT NULL,
        sections    TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT,
        revision    TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX practice_versions_n ON practice_versions(practice_id, version);
    "#,
    // 6: sync to the ward: the group's signing key (never exported), receipts from the ward;
    // and the ward workspace: its identity and key, groups' pinned keys, files received.
    r#"
    CREATE TABLE group_keys (
        group_id    TEXT PRIMARY KEY REFERENCES groups(id),
        public_key  TEXT NOT NULL,
        secret_key  TEXT NOT NULL,
        created_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE receipts (
        id              TEXT PRIMARY KEY,
        group_id        TEXT NOT NULL,
        period          TEXT NOT NULL,
        ward_name       TEXT NOT NULL,
        ward_public_key TEXT NOT NULL,
        package_sha256  TEXT NOT NULL UNIQUE,
        received_at     TEXT NOT NULL,
        imported_at     TEXT NOT NULL
    ) STRICT;

    CREATE TABLE ward (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        name          TEXT NOT NULL,
        province_code TEXT NOT NULL,
        province_name TEXT NOT NULL,
        commune_code  TEXT NOT NULL,
        commune_name  TEXT NOT NULL,
        deadline_day  INTEGER NOT NULL DEFAULT 5,
        public_key    TEXT NOT NULL,
        secret_key    TEXT NOT NULL,
        created_at    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE ward_groups (
        group_id   TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        public_key TEXT NOT NULL,
        pinned_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE ward_key_changes (
        id           TEXT PRIMARY KEY,
        group_id     TEXT NOT NULL,
        old_key      TEXT NOT NULL,
        new_key      TEXT NOT NULL,
        at           TEXT NOT NULL,
        confirmed_by TEXT NOT NULL
    ) STRICT;

    -- Groups the ward expects files from, by name (folded), so one that never sent any
    -- still shows as not reported.
    CREATE TABLE ward_expected (
        folded   TEXT PRIMARY KEY,
        name     TEXT NOT NULL,
        added_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE ward_files (
        id             TEXT PRIMARY KEY,
        group_id       TEXT NOT NULL,
        period         TEXT NOT NULL,
        file_name      TEXT NOT NULL,
        package_sha256 TEXT NOT NULL UNIQUE,
        created_at     TEXT NOT NULL,
        received_at    TEXT NOT NULL,
        figures        TEXT NOT NULL,
        digest         TEXT NOT NULL,
        closed         INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX ward_files_group ON ward_files(group_id, period);
    "#,
    // 7: what the ward keeps of each file from export format 2 on: the issued copy's number
    // and date, the figures counted from the file's rows, category names, warnings found at
    // import, and the amendments groups made to closed months.
    r#"
    ALTER TABLE ward_files ADD COLUMN format_version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE ward_files ADD COLUMN issued TEXT;
    ALTER TABLE ward_files ADD COLUMN figures_now TEXT;
    ALTER TABLE ward_files ADD COLUMN category_names TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE ward_files ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';

    CREATE TABLE ward_amendments (
        id           TEXT PRIMARY KEY,
        group_id     TEXT NOT NULL,
        amends_month TEXT NOT NULL,
        made_in      TEXT NOT NULL,
        data         TEXT NOT NULL,
        received_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ward_amendments_amends ON ward_amendments(amends_month);
    CREATE INDEX ward_amendments_made ON ward_amendments(made_in);
    "#,
    // 8: how the ward's printed documents are headed and signed; empty means the default
    // worked out from the ward's name and province.
    r#"
    ALTER TABLE ward ADD COLUMN parent_body TEXT NOT NULL DEFAULT '';
    ALTER TABLE ward ADD COLUMN issuer_code TEXT NOT NULL DEFAULT '';
    ALTER TABLE ward ADD COLUMN signer_on_behalf TEXT NOT NULL DEFAULT '';
    ALTER TABLE ward ADD COLUMN signer_title TEXT NOT NULL DEFAULT '';
    ALTER TABLE ward ADD COLUMN signer_name TEXT NOT NULL DEFAULT '';
    "#,
    // 9: the facts of the area the leader counts for the month's report (lodging houses,
    // temporary residents, trouble spots).
    r#"
    ALTER TABLE monthly_reports ADD COLUMN lodging_houses INTEGER;
    ALTER TABLE monthly_reports ADD COLUMN temporary_residents INTEGER;
    ALTER TABLE monthly_reports ADD COLUMN hot_spots TEXT NOT NULL DEFAULT '';
    "#,
    // 10: privacy. The ward's encryption key (age X25519; a ward made earlier gets one on
    // its next opening), and what a member consented to their data being used for.
    r#"
    ALTER TABLE ward ADD COLUMN age_identity TEXT NOT NULL DEFAULT '';
    ALTER TABLE ward ADD COLUMN age_recipient TEXT NOT NULL DEFAULT '';
    ALTER TABLE members ADD COLUMN consent_purpose TEXT NOT NULL DEFAULT '';
    "#,
];
