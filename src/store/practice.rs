//! "Dân vận khéo" models in the store: the model, its write-up with versions, and results
//! measured from the records until the write-up is finalised.

use super::{insert_row, new_id, ts, update_row, Store, Values};
use crate::date;
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::model::practice::{
    self, empty_sections, IndicatorKind, Measure, Practice, PracticeField, PracticeInput,
    PracticeLevel, PracticeRow, PracticeScope, PracticeStatus, ResultRow, ResultTable,
    WriteupVersion, SECTION_TITLES,
};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension, Row};

/// Saves closer together than this extend the last version instead of adding one, so typing
/// does not bury the history in versions.
const VERSION_WINDOW_MINUTES: i64 = 10;

const COLUMNS: &str = "id, name, field, scope, runner, address, started_on, person_in_charge,
    status, level, decision, places, groups_applying, sections, measure, frozen_results,
    finalised_at, version";

fn json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| Error::internal(e.to_string()))
}

fn corrupt(e: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.to_string().into())
}

fn from_row(r: &Row) -> rusqlite::Result<(Practice, Option<String>)> {
    let code = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    let sections: String = r.get(13)?;
    let measure: Option<String> = r.get(14)?;
    let frozen: Option<String> = r.get(15)?;
    let mut sections: Vec<String> = serde_json::from_str(&sections).map_err(corrupt)?;
    sections.resize(SECTION_TITLES.len(), String::new());
    Ok((
        Practice {
            id: r.get(0)?,
            name: r.get(1)?,
            field: PracticeField::parse(&code(2)?).unwrap_or(PracticeField::QuocPhongAnNinh),
            scope: PracticeScope::parse(&code(3)?).unwrap_or(PracticeScope::TapThe),
            runner: r.get(4)?,
            address: r.get(5)?,
            started_on: r.get(6)?,
            person_in_charge: r.get(7)?,
            status: PracticeStatus::parse(&code(8)?).unwrap_or(PracticeStatus::DangKy),
            level: r
                .get::<_, Option<String>>(9)?
                .as_deref()
                .and_then(PracticeLevel::parse),
            decision: r.get(10)?,
            places: r.get(11)?,
            groups_applying: r.get(12)?,
            sections,
            measure: measure
                .as_deref()
                .map(serde_json::from_str)
                .transpose()
                .map_err(corrupt)?,
            results: None,
            finalised_at: r
                .get::<_, Option<String>>(16)?
                .map(|t| date::format_timestamp(&t)),
            version: r.get(17)?,
        },
        frozen,
    ))
}

fn period_label(from: &str, to: &str) -> String {
    let f = |s: &str| {
        date::from_iso(s)
            .map(date::format)
            .unwrap_or_else(|| s.to_string())
    };
    format!("{} – {}", f(from), f(to))
}

impl Store {
    fn practice_values(&self, input: &PracticeInput, v: &practice::ValidPractice) -> Values {
        vec![
            ("name", v.name.clone().into()),
            ("field", input.field.as_str().to_string().into()),
            ("scope", input.scope.as_str().to_string().into()),
            ("runner", v.runner.clone().into()),
            ("address", v.address.clone().into()),
            ("started_on", date::iso(v.started_on).into()),
            ("person_in_charge", v.person_in_charge.clone().into()),
            ("status", input.status.as_str().to_string().into()),
            ("level", v.level.map(|l| l.as_str().to_string()).into()),
            ("decision", v.decision.clone().into()),
            ("places", input.places.map(i64::from).into()),
            (
                "groups_applying",
                input.groups_applying.map(i64::from).into(),
            ),
        ]
    }

    /// Registers a model; its write-up starts empty.
    pub fn add_practice(&mut self, input: &PracticeInput, now: DateTime<Utc>) -> Result<Practice> {
        let group = self.require_group()?;
        let v = practice::validate(input, date::vn_today(now))?;
        let id = new_id();
        let mut values = self.practice_values(input, &v);
        values.push((
            "sections",
            json(&vec![String::new(); SECTION_TITLES.len()])?.into(),
        ));
        values.push(("version", 1i64.into()));
        let rev = self.revision(now);
        insert_row(&self.conn, "practices", &id, &group.id, values, &rev, now)?;
        self.practice(&id)
    }

    /// Changes a model's details (name, status, recognition…); allowed after finalising,
    /// since recognition usually comes later.
    pub fn edit_practice(
        &mut self,
        id: &str,
        input: &PracticeInput,
        now: DateTime<Utc>,
    ) -> Result<Practice> {
        self.practice(id)?;
        let v = practice::validate(input, date::vn_today(now))?;
        let values = self.practice_values(input, &v);
        let rev = self.revision(now);
        update_row(&self.conn, "practices", id, values, &rev, now)?;
        self.practice(id)
    }

    /// A model with its results: computed from the records now, or as frozen.
    pub fn practice(&self, id: &str) -> Result<Practice> {
        let group = self.require_group()?;
        let found = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM practices WHERE id = ?1 AND group_id = ?2 AND deleted_at IS NULL"),
                params![id, group.id],
                from_row,
            )
            .optional()?;
        let (mut p, frozen) = found.ok_or_else(|| Error::not_found("mô hình này"))?;
        p.results = match (frozen, &p.measure) {
            (Some(f), _) => {
                Some(serde_json::from_str(&f).map_err(|e| Error::internal(e.to_string()))?)
            }
            (None, Some(m)) => Some(self.measure_results(&group.id, m)?),
            (None, None) => None,
        };
        Ok(p)
    }

    /// All models, newest first.
    pub fn list_practices(&self) -> Result<Vec<PracticeRow>> {
        let group = self.require_group()?;
        let mut st = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM practices WHERE group_id = ?1 AND deleted_at IS NULL ORDER BY started_on DESC, name"
        ))?;
        let rows = st.query_map([&group.id], from_row)?;
        let mut out = Vec::new();
        for row in rows {
            let (p, _) = row?;
            out.push(PracticeRow {
                id: p.id,
                name: p.name,
                field: p.field,
                scope: p.scope,
                runner: p.runner,
                started_on: p.started_on,
                status: p.status,
                level: p.level,
                places: p.places,
                groups_applying: p.groups_applying,
                finalised: p.finalised_at.is_some(),
            });
        }
        Ok(out)
    }

    fn ensure_draft(&self, p: &Practice) -> Result<()> {
        if p.finalised_at.is_some() {
            return Err(Error::new(
                ErrorCode::Conflict,
                "Bản viết này đã hoàn thiện và chốt số liệu nên không sửa được nữa.",
            ));
        }
        Ok(())
    }

    /// Saves the write-up as typed. Saves within a few minutes of the last version extend it;
    /// later ones start a new version, so earlier texts stay recoverable.
    pub fn save_writeup(
        &mut self,
        id: &str,
        sections: &[String],
        now: DateTime<Utc>,
    ) -> Result<Practice> {
        let p = self.practice(id)?;
        self.ensure_draft(&p)?;
        if sections.len() != SECTION_TITLES.len() {
            return Err(Error::invalid(vec![FieldError::new(
                "sections",
                "Bản viết phải có đủ 8 mục.",
            )]));
        }
        let sections: Vec<String> = sections
            .iter()
            .map(|s| crate::text::nfc(s.trim_end()))
            .collect();
        let text = json(&sections)?;
        let last: Option<(String, i32, String)> = self
            .conn
            .query_row(
                "SELECT id, version, at FROM practice_versions WHERE practice_id = ?1 AND deleted_at IS NULL
                 ORDER BY version DESC LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let recent = last.as_ref().is_some_and(|(_, _, at)| {
            DateTime::parse_from_rfc3339(at).is_ok_and(|t| {
                now - t.with_timezone(&Utc) < Duration::minutes(VERSION_WINDOW_MINUTES)
            })
        });
        let group = self.require_group()?;
        let rev = self.revision(now);
        let tx = self.conn.transaction()?;
        let version = match (&last, recent) {
            (Some((vid, n, _)), true) => {
                update_row(
                    &tx,
                    "practice_versions",
                    vid,
                    vec![("sections", text.clone().into()), ("at", ts(now).into())],
                    &rev,
                    now,
                )?;
                *n
            }
            _ => {
                let n = last.as_ref().map_or(1, |(_, n, _)| n + 1);
                insert_row(
                    &tx,
                    "practice_versions",
                    &new_id(),
                    &group.id,
                    vec![
                        ("practice_id", id.to_string().into()),
                        ("version", i64::from(n).into()),
                        ("at", ts(now).into()),
                        ("sections", text.clone().into()),
                    ],
                    &rev,
                    now,
                )?;
                n
            }
        };
        update_row(
            &tx,
            "practices",
            id,
            vec![
                ("sections", text.into()),
                ("version", i64::from(version).into()),
            ],
            &rev,
            now,
        )?;
        tx.commit()?;
        self.practice(id)
    }

    /// The saved versions of a write-up, newest first.
    pub fn writeup_versions(&self, id: &str) -> Result<Vec<WriteupVersion>> {
        self.practice(id)?;
        let mut st = self.conn.prepare(
            "SELECT version, at, sections FROM practice_versions WHERE practice_id = ?1 AND deleted_at IS NULL
             ORDER BY version DESC",
        )?;
        let rows = st.query_map([id], |r| {
            let sections: String = r.get(2)?;
            let words: Vec<String> = serde_json::from_str(&sections).unwrap_or_default();
            Ok(WriteupVersion {
                version: r.get(0)?,
                at: date::format_timestamp(&r.get::<_, String>(1)?),
                words: words
                    .iter()
                    .map(|s| s.split_whitespace().count() as u32)
                    .sum(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Brings back an earlier version's text as the current write-up (a new version).
    pub fn restore_writeup(
        &mut self,
        id: &str,
        version: i32,
        now: DateTime<Utc>,
    ) -> Result<Practice> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT sections FROM practice_versions WHERE practice_id = ?1 AND version = ?2 AND deleted_at IS NULL",
                params![id, version],
                |r| r.get(0),
            )
            .optional()?;
        let text = text.ok_or_else(|| Error::not_found("phiên bản này"))?;
        let sections: Vec<String> =
            serde_json::from_str(&text).map_err(|e| Error::internal(e.to_string()))?;
        // Restoring always starts a new version, whatever the time since the last save.
        self.conn.execute(
            "UPDATE practice_versions SET at = '1970-01-01T00:00:00.000Z' WHERE practice_id = ?1 AND version =
               (SELECT MAX(version) FROM practice_versions WHERE practice_id = ?1)",
            [id],
        )?;
        self.save_writeup(id, &sections, now)
    }

    /// Sets which indicators and periods the results compare; returns the model with the
    /// table computed.
    pub fn set_measure(&mut self, id: &str, m: &Measure, now: DateTime<Utc>) -> Result<Practice> {
        let p = self.practice(id)?;
        self.ensure_draft(&p)?;
        let categories: Vec<String> = self.categories()?.into_iter().map(|c| c.code).collect();
        let m = practice::validate_measure(m, |c| categories.iter().any(|x| x == c))?;
        let rev = self.revision(now);
        update_row(
            &self.conn,
            "practices",
            id,
            vec![("measure", json(&m)?.into())],
            &rev,
            now,
        )?;
        self.practice(id)
    }

    /// Finalises the write-up: its text and the results table are frozen as they are now.
    pub fn finalise_practice(&mut self, id: &str, now: DateTime<Utc>) -> Result<Practice> {
        let p = self.practice(id)?;
        self.ensure_draft(&p)?;
        let empty = empty_sections(&p.sections);
        if !empty.is_empty() {
            return Err(Error::invalid(vec![FieldError::new(
                "sections",
                format!(
                    "Còn mục chưa viết: {}. Hãy viết đủ các mục trước khi hoàn thiện; mục nào không có nội dung thì ghi rõ (ví dụ: “Không có kiến nghị.”).",
                    empty.join("; ")
                ),
            )]));
        }
        let frozen = p.results.as_ref().map(json).transpose()?;
        let rev = self.revision(now);
        update_row(
            &self.conn,
            "practices",
            id,
            vec![
                ("frozen_results", frozen.into()),
                ("finalised_at", ts(now).into()),
            ],
            &rev,
            now,
        )?;
        self.practice(id)
    }

    fn measure_results(&self, group_id: &str, m: &Measure) -> Result<ResultTable> {
        let names = self.category_names()?;
        let mut rows = Vec::new();
        for i in &m.indicators {
            let label = match (i.kind, &i.category) {
                (IndicatorKind::IncidentsOfCategory, Some(c)) => {
                    format!(
                        "Vụ việc: {}",
                        names.get(c).cloned().unwrap_or_else(|| c.clone())
                    )
                }
                (k, _) => k.label().to_string(),
            };
            rows.push(ResultRow {
                label,
                before: self.indicator(group_id, i, &m.before_from, &m.before_to)?,
                after: self.indicator(group_id, i, &m.after_from, &m.after_to)?,
            });
        }
        Ok(ResultTable {
            before_label: period_label(&m.before_from, &m.before_to),
            after_label: period_label(&m.after_from, &m.after_to),
            rows,
        })
    }

    /// One indicator over [from, to] (ISO dates, both included), struck records not counted.
    fn indicator(
        &self,
        group_id: &str,
        i: &practice::Indicator,
        from: &str,
        to: &str,
    ) -> Result<u32> {
        use IndicatorKind as K;
        let incidents =
            "SELECT count(*) FROM incidents WHERE group_id = ?1 AND occurred_on BETWEEN ?2 AND ?3
                         AND deleted_at IS NULL AND struck_at IS NULL";
        let activities =
            "SELECT count(*) FROM activities WHERE group_id = ?1 AND held_on BETWEEN ?2 AND ?3
                          AND deleted_at IS NULL AND struck_at IS NULL AND kind = ";
        let covered = "FROM shift_members sm JOIN shifts s ON s.id = sm.shift_id
                       WHERE s.group_id = ?1 AND s.shift_date BETWEEN ?2 AND ?3 AND s.deleted_at IS NULL
                         AND sm.deleted_at IS NULL AND sm.attendance IN ('co_mat', 'thay_boi')";
        let sql = match i.kind {
            K::Incidents => incidents.to_string(),
            K::IncidentsOfCategory => format!("{incidents} AND category = ?4"),
            K::ValuableTips => format!("{incidents} AND valuable_tip = 1"),
            K::Transferred => format!("{incidents} AND status = 'da_chuyen_cong_an'"),
            K::PatrolsHeld => format!("SELECT count(DISTINCT s.id) {covered}"),
            K::PatrolTurns => format!("SELECT count(*) {covered}"),
            K::GroupMeetings => format!("{activities}'hop_to'"),
            K::ResidentMeetings => format!("{activities}'hop_dan'"),
            K::AwarenessSessions => format!("{activities}'tuyen_truyen'"),
            K::Mediations => format!("{activities}'hoa_giai'"),
            K::MediationsSuccessful => format!("{activities}'hoa_giai' AND mediation_success = 1"),
            K::HouseholdsCommitted => "SELECT COALESCE(SUM(households), 0) FROM activities WHERE group_id = ?1
                 AND held_on BETWEEN ?2 AND ?3 AND deleted_at IS NULL AND struck_at IS NULL AND kind = 'cam_ket'"
                .to_string(),
        };
        let n: i64 = if i.kind == K::IncidentsOfCategory {
            self.conn.query_row(
                &sql,
                params![group_id, from, to, i.category.as_deref().unwrap_or("")],
                |r| r.get(0),
            )?
        } else {
            self.conn
                .query_row(&sql, params![group_id, from, to], |r| r.get(0))?
        };
        Ok(u32::try_from(n.max(0)).unwrap_or(u32::MAX))
    }
}
