//! Members: add, edit, leave, anonymise, list with folded search, and each member's history.
//! A member is never deleted: leaving keeps the row; anonymising erases personal data only.

use super::{insert_row, new_id, ts, update_row, Store, Values};
use crate::date;
use crate::error::{Error, ErrorCode, Result};
use crate::model::commune::CommuneKind;
use crate::model::member::{
    self, eligibility_warnings, mask_cccd, Birth, Gender, LeaveInput, Member, MemberEvent,
    MemberFilter, MemberInput, MemberList, MemberRow, MemberStatus, Role, ValidMember,
};
use crate::text::{self, fold};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

fn search_text(m: &ValidMember) -> String {
    fold(&format!(
        "{} {} {}",
        m.full_name,
        m.phone.as_deref().unwrap_or(""),
        m.address.as_deref().unwrap_or("")
    ))
}

fn values(m: &ValidMember) -> Values {
    vec![
        ("full_name", m.full_name.clone().into()),
        ("search_text", search_text(m).into()),
        ("gender", m.gender.map(|g| g.as_str().to_string()).into()),
        ("birth_date", m.birth_date.stored().into()),
        ("phone", m.phone.clone().into()),
        ("address", m.address.clone().into()),
        ("role", m.role.as_str().to_string().into()),
        ("joined_on", date::iso(m.joined_on).into()),
        ("cccd", m.cccd.clone().into()),
        ("health_cert_date", m.health_cert_date.map(date::iso).into()),
        ("consent_date", m.consent_date.map(date::iso).into()),
        ("consent_purpose", m.consent_purpose.clone().into()),
        ("notes", m.notes.clone().into()),
    ]
}

/// Inserts a validated member and its first history line; used by the wizard too.
pub(super) fn insert(
    conn: &Connection,
    group_id: &str,
    m: &ValidMember,
    rev: &str,
    now: DateTime<Utc>,
) -> Result<String> {
    let id = new_id();
    insert_row(conn, "members", &id, group_id, values(m), rev, now)?;
    add_event(
        conn,
        group_id,
        &id,
        &format!("Vào tổ, chức danh {}", m.role.label()),
        rev,
        now,
    )?;
    Ok(id)
}

fn add_event(
    conn: &Connection,
    group_id: &str,
    member_id: &str,
    summary: &str,
    rev: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO member_events (id, group_id, member_id, at, summary, created_at, updated_at, revision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?4, ?6)",
        params![new_id(), group_id, member_id, ts(now), summary, rev],
    )?;
    Ok(())
}

fn from_row(r: &Row) -> rusqlite::Result<Member> {
    let role: String = r.get("role")?;
    let gender: Option<String> = r.get("gender")?;
    let anonymised_at: Option<String> = r.get("anonymised_at")?;
    Ok(Member {
        id: r.get("id")?,
        full_name: r.get("full_name")?,
        gender: gender.as_deref().and_then(Gender::from_str),
        birth_date: r.get("birth_date")?,
        phone: r.get("phone")?,
        address: r.get("address")?,
        role: Role::from_str(&role).unwrap_or(Role::ToVien),
        joined_on: r.get("joined_on")?,
        left_on: r.get("left_on")?,
        left_reason: r.get("left_reason")?,
        cccd: r.get("cccd")?,
        health_cert_date: r.get("health_cert_date")?,
        consent_date: r.get("consent_date")?,
        consent_purpose: r.get("consent_purpose")?,
        notes: r.get("notes")?,
        anonymised: anonymised_at.is_some(),
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

/// The fields of `before` that differ from `after`, as Vietnamese labels.
fn changed_fields(before: &Member, after: &ValidMember) -> Vec<&'static str> {
    let iso = |d: Option<NaiveDate>| d.map(date::iso);
    let mut out = Vec::new();
    let mut check = |field: &str, changed: bool| {
        if changed {
            out.push(crate::model::field_label(field));
        }
    };
    check("full_name", before.full_name != after.full_name);
    check("gender", before.gender != after.gender);
    check(
        "birth_date",
        before.birth_date != Some(after.birth_date.stored()),
    );
    check("phone", before.phone != after.phone);
    check("address", before.address != after.address);
    check("role", before.role != after.role);
    check("joined_on", before.joined_on != iso(Some(after.joined_on)));
    check("cccd", before.cccd != after.cccd);
    check(
        "health_cert_date",
        before.health_cert_date != iso(after.health_cert_date),
    );
    check(
        "consent_date",
        before.consent_date != iso(after.consent_date),
    );
    check(
        "consent_purpose",
        before.consent_purpose != after.consent_purpose,
    );
    check("notes", before.notes != after.notes);
    out
}

impl Store {
    /// Checks a member form without saving; the UI calls this for inline validation.
    pub fn validate_member(&self, input: &MemberInput, now: DateTime<Utc>) -> Result<()> {
        member::validate(input, date::vn_today(now)).map(|_| ())
    }

    /// Adds a member to the group.
    pub fn add_member(&mut self, input: &MemberInput, now: DateTime<Utc>) -> Result<Member> {
        let group = self.require_group()?;
        let m = member::validate(input, date::vn_today(now))?;
        let rev = self.revision(now);
        let tx = self.conn.transaction()?;
        let id = insert(&tx, &group.id, &m, &rev, now)?;
        tx.commit()?;
        self.member(&id)
    }

    /// Adds several members in one transaction: all of them or none.
    pub fn add_members(&mut self, inputs: &[MemberInput], now: DateTime<Utc>) -> Result<u32> {
        let group = self.require_group()?;
        let today = date::vn_today(now);
        let valid: Vec<_> = inputs
            .iter()
            .map(|i| member::validate(i, today))
            .collect::<Result<_>>()?;
        let rev = self.revision(now);
        let tx = self.conn.transaction()?;
        for m in &valid {
            insert(&tx, &group.id, m, &rev, now)?;
        }
        tx.commit()?;
        Ok(valid.len() as u32)
    }

    /// One member by id (tombstoned rows are not found).
    pub fn member(&self, id: &str) -> Result<Member> {
        self.conn
            .query_row(
                "SELECT * FROM members WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("tổ viên"))
    }

    /// Edits a member's fields; the history records which fields changed (not their values).
    pub fn edit_member(
        &mut self,
        id: &str,
        input: &MemberInput,
        now: DateTime<Utc>,
    ) -> Result<Member> {
        let before = self.member(id)?;
        if before.anonymised {
            return Err(Error::new(
                ErrorCode::Conflict,
                "Tổ viên này đã được ẩn danh nên không sửa được thông tin cá nhân.",
            ));
        }
        let m = member::validate(input, date::vn_today(now))?;
        let changed = changed_fields(&before, &m);
        if changed.is_empty() {
            return Ok(before);
        }
        let rev = self.revision(now);
        let tx = self.conn.transaction()?;
        update_row(&tx, "members", id, values(&m), &rev, now)?;
        let group_id: String =
            tx.query_row("SELECT group_id FROM members WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        add_event(
            &tx,
            &group_id,
            id,
            &format!("Sửa: {}", changed.join(", ")),
            &rev,
            now,
        )?;
        tx.commit()?;
        self.member(id)
    }

    /// Records that a member left; the member stays in the records.
    pub fn leave_member(
        &mut self,
        id: &str,
        input: &LeaveInput,
        now: DateTime<Utc>,
    ) -> Result<Member> {
        let before = self.member(id)?;
        if before.left_on.is_some() {
            return Err(Error::new(
                ErrorCode::Conflict,
                "Tổ viên này đã rời tổ trước đó.",
            ));
        }
        let joined = before.joined_on.as_deref().and_then(date::from_iso);
        let (left_on, reason) = member::validate_leave(input, joined, date::vn_today(now))?;
        let rev = self.revision(now);
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE members SET left_on = ?2, left_reason = ?3, updated_at = ?4, revision = ?5
             WHERE id = ?1",
            params![id, date::iso(left_on), reason, ts(now), rev],
        )?;
        let group_id: String =
            tx.query_row("SELECT group_id FROM members WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        add_event(
            &tx,
            &group_id,
            id,
            &format!("Rời tổ ngày {}: {}", date::format(left_on), reason),
            &rev,
            now,
        )?;
        tx.commit()?;
        self.member(id)
    }

    /// Erases a leaver's personal data (name, birth date, phone, address, CCCD, notes),
    /// keeping role and dates so past counts stay right. Only for members who have left.
    pub fn anonymise_member(&mut self, id: &str, now: DateTime<Utc>) -> Result<Member> {
        let before = self.member(id)?;
        if before.left_on.is_none() {
            return Err(Error::new(
                ErrorCode::Conflict,
                "Chỉ ẩn danh được tổ viên đã rời tổ. Hãy ghi nhận rời tổ trước.",
            ));
        }
        if before.anonymised {
            return Ok(before);
        }
        let rev = self.revision(now);
        let tx = self.conn.transaction()?;
        let group_id: String =
            tx.query_row("SELECT group_id FROM members WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        // A stable, non-identifying label: the short tail of the row id.
        let label = format!("Tổ viên đã ẩn danh ({})", &id[id.len() - 4..]);
        tx.execute(
            "UPDATE members SET full_name = ?2, search_text = ?3, gender = NULL, birth_date = NULL,
                phone = NULL, address = NULL, cccd = NULL, health_cert_date = NULL, notes = NULL,
                left_reason = NULL, anonymised_at = ?4, updated_at = ?4, revision = ?5
             WHERE id = ?1",
            params![id, label, fold(&label), ts(now), rev],
        )?;
        // Earlier history lines may quote the leaving reason: keep only what is not personal.
        tx.execute(
            "UPDATE member_events SET summary = 'Rời tổ', updated_at = ?2, revision = ?3
             WHERE member_id = ?1 AND summary LIKE 'Rời tổ%'",
            params![id, ts(now), rev],
        )?;
        add_event(&tx, &group_id, id, "Đã ẩn danh dữ liệu cá nhân", &rev, now)?;
        tx.commit()?;
        self.member(id)
    }

    /// Patrol seats a member held on the rosters, and of those marked present.
    pub fn member_seats(&self, member_id: &str) -> Result<(u32, u32)> {
        Ok(self.conn.query_row(
            "SELECT count(*), count(*) FILTER (WHERE sm.attendance = 'co_mat')
             FROM shift_members sm JOIN shifts s ON s.id = sm.shift_id
             WHERE sm.member_id = ?1 AND sm.deleted_at IS NULL AND s.deleted_at IS NULL",
            [member_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// The incidents and tips a member reported (struck ones left out), oldest first: ISO
    /// date and title.
    pub fn incidents_reported_by(&self, member_id: &str) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare(
            "SELECT occurred_on, title FROM incidents
             WHERE reporter_member_id = ?1 AND struck_at IS NULL AND deleted_at IS NULL
             ORDER BY occurred_on, rowid",
        )?;
        let rows = st.query_map([member_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A member's history, oldest first.
    pub fn member_history(&self, id: &str) -> Result<Vec<MemberEvent>> {
        self.member(id)?;
        let mut st = self.conn.prepare(
            "SELECT at, summary FROM member_events
             WHERE member_id = ?1 AND deleted_at IS NULL ORDER BY at, rowid",
        )?;
        let rows = st.query_map([id], |r| {
            Ok(MemberEvent {
                at: r.get(0)?,
                summary: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The member list: filtered, searched (folded), leader first then by name, with
    /// eligibility warnings on `on` and possible duplicates flagged.
    pub fn list_members(&self, filter: &MemberFilter, on: NaiveDate) -> Result<MemberList> {
        let group = self.require_group()?;
        let mut st = self
            .conn
            .prepare("SELECT * FROM members WHERE group_id = ?1 AND deleted_at IS NULL")?;
        let rows = st.query_map([&group.id], |r| {
            Ok((from_row(r)?, r.get::<_, String>("search_text")?))
        })?;
        let all: Vec<(Member, String)> = rows.collect::<rusqlite::Result<_>>()?;
        let commune = CommuneKind::of(&group.commune_name);

        let mut dup_keys: HashMap<(String, String), u32> = HashMap::new();
        for (m, _) in &all {
            if let (Some(b), false) = (&m.birth_date, m.anonymised) {
                *dup_keys.entry((fold(&m.full_name), b.clone())).or_default() += 1;
            }
        }
        let active_count = all.iter().filter(|(m, _)| m.left_on.is_none()).count() as u32;
        let left_count = all.len() as u32 - active_count;

        let mut items: Vec<MemberRow> = all
            .into_iter()
            .filter(|(m, s)| {
                let status_ok = match filter.status {
                    MemberStatus::Active => m.left_on.is_none(),
                    MemberStatus::Left => m.left_on.is_some(),
                    MemberStatus::All => true,
                };
                status_ok
                    && filter.role.is_none_or(|r| r == m.role)
                    && text::matches(s, &filter.search)
            })
            .map(|(m, _)| {
                let birth = m.birth_date.as_deref().and_then(Birth::from_stored);
                let health = m.health_cert_date.as_deref().and_then(date::from_iso);
                let possible_duplicate = m.birth_date.as_ref().is_some_and(|b| {
                    !m.anonymised && dup_keys[&(fold(&m.full_name), b.clone())] > 1
                });
                MemberRow {
                    warnings: if m.left_on.is_some() {
                        Vec::new()
                    } else {
                        eligibility_warnings(birth, health, on, commune)
                    },
                    age: birth.map(|b| b.age_on(on)),
                    cccd_masked: m.cccd.as_deref().map(mask_cccd),
                    possible_duplicate,
                    id: m.id,
                    full_name: m.full_name,
                    gender: m.gender,
                    birth_date: m.birth_date,
                    phone: m.phone,
                    address: m.address,
                    role: m.role,
                    joined_on: m.joined_on,
                    left_on: m.left_on,
                    left_reason: m.left_reason,
                    anonymised: m.anonymised,
                }
            })
            .collect();
        items.sort_by(|a, b| {
            (a.left_on.is_some(), a.role.rank())
                .cmp(&(b.left_on.is_some(), b.role.rank()))
                .then_with(|| text::collate_names(&a.full_name, &b.full_name))
        });
        Ok(MemberList {
            items,
            active_count,
            left_count,
        })
    }
}
