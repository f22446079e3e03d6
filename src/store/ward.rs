//! The ward workspace in the store: its identity and key, importing groups' packages (check,
//! preview, apply in one transaction), the reporting status, the consolidated report and
//! receipts.

use super::sync::{merge, preview};
use super::{new_id, ts, Store};
use crate::date;
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::model::ward::{GroupStatus, ImportPreview, KeyStatus, ReportState, Ward, WardInput};
use crate::sync::keys::{self, rejected};
use crate::sync::package::{self, MonthFigures};
use crate::sync::receipt::{self, Receipt};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use rusqlite::{params, OptionalExtension};

/// A group of the ward: its id and key once it has sent a file, and its name.
type WardGroup = (Option<String>, String, Option<String>);

/// How an import treats a group whose key differs from the pinned one.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Only report what would change.
    pub dry_run: bool,
    /// Accept a new key for the group, confirmed by this person (after a phone call).
    pub accept_new_key_by: Option<String>,
}

impl Store {
    /// The ward workspace, if this data file is one.
    pub fn ward(&self) -> Result<Option<Ward>> {
        Ok(self
            .conn
            .query_row(
                "SELECT name, province_code, province_name, commune_code, commune_name, deadline_day, public_key FROM ward",
                [],
                |r| {
                    Ok(Ward {
                        name: r.get(0)?,
                        province_code: r.get(1)?,
                        province_name: r.get(2)?,
                        commune_code: r.get(3)?,
                        commune_name: r.get(4)?,
                        deadline_day: r.get(5)?,
                        fingerprint: keys::fingerprint(&r.get::<_, String>(6)?),
                    })
                },
            )
            .optional()?)
    }

    fn require_ward(&self) -> Result<Ward> {
        self.ward()?.ok_or_else(|| {
            Error::new(
                ErrorCode::NoGroup,
                "Dữ liệu này chưa được thiết lập cho phường. Hãy thiết lập phường trước (dòng lệnh: ttq ward init).",
            )
        })
    }

    /// Sets this (empty) data file up as a ward workspace, with the ward's signing key.
    pub fn init_ward(&mut self, input: &WardInput, now: DateTime<Utc>) -> Result<Ward> {
        if self.group()?.is_some() || self.ward()?.is_some() {
            return Err(Error::new(
                ErrorCode::GroupExists,
                "Thư mục dữ liệu này đã được dùng cho một tổ hoặc một phường. Hãy chọn thư mục trống.",
            ));
        }
        let mut errs = Vec::new();
        let name = crate::text::clean(&input.name);
        if name.is_empty() {
            errs.push(FieldError::new(
                "name",
                "Hãy ghi tên đơn vị (ví dụ: Công an phường Yên Hải).",
            ));
        }
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(input.province_code.trim(), 2) {
            errs.push(FieldError::new("province_code", "Mã tỉnh gồm 2 chữ số."));
        }
        if !digits(input.commune_code.trim(), 5) {
            errs.push(FieldError::new(
                "commune_code",
                "Mã xã, phường gồm 5 chữ số.",
            ));
        }
        if crate::text::clean(&input.commune_name).is_empty() {
            errs.push(FieldError::new("commune_name", "Hãy ghi tên xã, phường."));
        }
        if !(1..=28).contains(&input.deadline_day) {
            errs.push(FieldError::new(
                "deadline_day",
                "Hạn nộp là một ngày từ 1 đến 28 của tháng sau.",
            ));
        }
        if !errs.is_empty() {
            return Err(Error::invalid(errs));
        }
        let key = keys::generate()?;
        self.conn.execute(
            "INSERT INTO ward (id, name, province_code, province_name, commune_code, commune_name, deadline_day, public_key, secret_key, created_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                name,
                input.province_code.trim(),
                crate::text::clean(&input.province_name),
                input.commune_code.trim(),
                crate::text::clean(&input.commune_name),
                input.deadline_day,
                key.public_hex,
                key.secret_hex,
                ts(now)
            ],
        )?;
        self.require_ward()
    }

    /// Imports a group's package: everything is checked before anything is written; then the
    /// rows are merged, the group's key pinned (first file) and the file recorded, all in
    /// one transaction. A dry run only reports what would change.
    pub fn import_package(
        &mut self,
        bytes: &[u8],
        file_name: &str,
        opts: &ImportOptions,
        now: DateTime<Utc>,
    ) -> Result<ImportPreview> {
        let ward = self.require_ward()?;
        let p = package::read(bytes)?;
        let g = &p.manifest.group;
        if g.commune_code != ward.commune_code {
            return Err(rejected(format!(
                "Tệp của “{}” thuộc {} (mã {}), không thuộc {}. Hãy gửi tệp đến đúng phường, xã.",
                g.name, g.commune_name, g.commune_code, ward.commune_name
            )));
        }
        let pinned: Option<String> = self
            .conn
            .query_row(
                "SELECT public_key FROM ward_groups WHERE group_id = ?1",
                [&g.id],
                |r| r.get(0),
            )
            .optional()?;
        let key = match &pinned {
            None => KeyStatus::New,
            Some(k) if *k == p.manifest.public_key => KeyStatus::Known,
            Some(k) => match &opts.accept_new_key_by {
                Some(who) if !who.trim().is_empty() => KeyStatus::Changed,
                _ => {
                    return Err(Error::new(
                        ErrorCode::KeyChanged,
                        format!(
                            "Tệp của “{}” được ký bằng khóa mới (mã {}) khác khóa đã ghi nhận (mã {}). Hãy gọi điện cho tổ trưởng để xác nhận trước khi nhận.",
                            g.name,
                            keys::fingerprint(&p.manifest.public_key),
                            keys::fingerprint(k)
                        ),
                    ))
                }
            },
        };
        let already: bool = self
            .conn
            .query_row(
                "SELECT 1 FROM ward_files WHERE package_sha256 = ?1",
                [&p.sha256],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if opts.dry_run {
            let tables = merge(&self.conn, &g.id, &p.data, false)?;
            return Ok(preview(&p, file_name, key, already, tables, false));
        }
        let at = ts(now);
        let tx = self.conn.transaction()?;
        // Children may arrive before parents they reference in the same file.
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        let tables = merge(&tx, &g.id, &p.data, true)?;
        match (&pinned, key) {
            (None, _) => {
                tx.execute(
                    "INSERT INTO ward_groups (group_id, name, public_key, pinned_at) VALUES (?1, ?2, ?3, ?4)",
                    params![g.id, g.name, p.manifest.public_key, at],
                )?;
            }
            (Some(old), KeyStatus::Changed) => {
                tx.execute(
                    "INSERT INTO ward_key_changes (id, group_id, old_key, new_key, at, confirmed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![new_id(), g.id, old, p.manifest.public_key, at, opts.accept_new_key_by.as_deref().unwrap_or("")],
                )?;
                tx.execute(
                    "UPDATE ward_groups SET public_key = ?2, name = ?3, pinned_at = ?4 WHERE group_id = ?1",
                    params![g.id, p.manifest.public_key, g.name, at],
                )?;
            }
            _ => {
                tx.execute(
                    "UPDATE ward_groups SET name = ?2 WHERE group_id = ?1",
                    params![g.id, g.name],
                )?;
            }
        }
        let figures = serde_json::to_string(&p.manifest.figures)
            .map_err(|e| Error::internal(e.to_string()))?;
        tx.execute(
            "INSERT OR IGNORE INTO ward_files (id, group_id, period, file_name, package_sha256, created_at, received_at, figures, digest, closed)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![new_id(), g.id, p.manifest.period, file_name, p.sha256, p.manifest.created_at, at, figures, p.manifest.digest, p.manifest.closed],
        )?;
        tx.commit()
            .map_err(|e| Error::from(e).with_detail("import commit (foreign keys?)".to_string()))?;
        Ok(preview(&p, file_name, key, already, tables, true))
    }

    /// The latest figures a group sent for a month, and whether they came in on time.
    fn group_month(
        &self,
        group_id: &str,
        month: &str,
        deadline: DateTime<Utc>,
    ) -> Result<Option<(MonthFigures, ReportState)>> {
        // The first file decides on-time; the newest carries the figures.
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT (SELECT figures FROM ward_files WHERE group_id = ?1 AND period = ?2 ORDER BY created_at DESC LIMIT 1),
                        MIN(created_at)
                 FROM ward_files WHERE group_id = ?1 AND period = ?2 HAVING COUNT(*) > 0",
                params![group_id, month],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((figures, first)) = row else {
            return Ok(None);
        };
        let figures: MonthFigures =
            serde_json::from_str(&figures).map_err(|e| Error::internal(e.to_string()))?;
        let on_time =
            DateTime::parse_from_rfc3339(&first).is_ok_and(|t| t.with_timezone(&Utc) <= deadline);
        Ok(Some((
            figures,
            if on_time {
                ReportState::OnTime
            } else {
                ReportState::Late
            },
        )))
    }

    /// The end of the reporting deadline for a month: 23:59:59 Vietnam time on the deadline
    /// day of the next month.
    fn deadline(&self, month: &str, day: u8) -> Result<DateTime<Utc>> {
        let (_, next) = date::month_range(month).ok_or_else(|| super::bad_month(month))?;
        let next = date::from_iso(&next).ok_or_else(|| super::bad_month(month))?;
        let d = NaiveDate::from_ymd_opt(next.year(), next.month(), u32::from(day)).unwrap_or(next);
        let local = d.and_time(NaiveTime::from_hms_opt(23, 59, 59).expect("valid time"));
        Ok(DateTime::from_naive_utc_and_offset(
            local - chrono::Duration::hours(7),
            Utc,
        ))
    }

    /// Adds a group the ward expects reports from (by name); one already known is ignored.
    pub fn ward_expect(&mut self, name: &str, now: DateTime<Utc>) -> Result<()> {
        self.require_ward()?;
        let name = crate::text::clean(name);
        if name.is_empty() {
            return Err(Error::invalid(vec![FieldError::new(
                "name",
                "Hãy ghi tên tổ (ví dụ: Tổ bảo vệ ANTT Khu phố 6).",
            )]));
        }
        self.conn.execute(
            "INSERT OR IGNORE INTO ward_expected (folded, name, added_at) VALUES (?1, ?2, ?3)",
            params![crate::text::fold(&name), name, ts(now)],
        )?;
        Ok(())
    }

    /// Every group of the ward: those that have sent files (id, name, key), then those only
    /// expected by name, by name.
    fn ward_groups_all(&self) -> Result<Vec<WardGroup>> {
        let mut st = self
            .conn
            .prepare("SELECT group_id, name, public_key FROM ward_groups")?;
        let mut all: Vec<WardGroup> = st
            .query_map([], |r| Ok((Some(r.get(0)?), r.get(1)?, Some(r.get(2)?))))?
            .collect::<rusqlite::Result<_>>()?;
        let known: std::collections::HashSet<String> =
            all.iter().map(|g| crate::text::fold(&g.1)).collect();
        let mut st = self
            .conn
            .prepare("SELECT folded, name FROM ward_expected")?;
        let expected: Vec<(String, String)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        all.extend(
            expected
                .into_iter()
                .filter(|(f, _)| !known.contains(f))
                .map(|(_, n)| (None, n, None)),
        );
        all.sort_by_cached_key(|g| crate::text::fold(&g.1));
        Ok(all)
    }

    /// The groups × months table: on time, late or missing, with each group's last file.
    pub fn ward_status(&self, months: &[String]) -> Result<Vec<GroupStatus>> {
        let ward = self.require_ward()?;
        let months: Vec<String> = months
            .iter()
            .map(|m| date::parse_month(m).ok_or_else(|| super::bad_month(m)))
            .collect::<Result<_>>()?;
        let mut out = Vec::new();
        for (id, name, key) in self.ward_groups_all()? {
            let Some(id) = id else {
                out.push(GroupStatus {
                    group_id: String::new(),
                    name,
                    fingerprint: String::new(),
                    months: vec![ReportState::Missing; months.len()],
                    last_file: None,
                });
                continue;
            };
            let key = key.unwrap_or_default();
            let mut states = Vec::new();
            for m in &months {
                let deadline = self.deadline(m, ward.deadline_day)?;
                states.push(
                    self.group_month(&id, m, deadline)?
                        .map_or(ReportState::Missing, |(_, s)| s),
                );
            }
            let last_file: Option<(String, String)> = self
                .conn
                .query_row(
                    "SELECT period, received_at FROM ward_files WHERE group_id = ?1 ORDER BY received_at DESC, created_at DESC LIMIT 1",
                    [&id],
                    |r| Ok((r.get(0)?, date::format_timestamp(&r.get::<_, String>(1)?))),
                )
                .optional()?;
            out.push(GroupStatus {
                group_id: id,
                name,
                fingerprint: keys::fingerprint(&key),
                months: states,
                last_file,
            });
        }
        Ok(out)
    }

    /// Every known group with its figures for `month` (None when it has not reported).
    fn ward_month(&self, month: &str) -> Result<(Ward, Vec<crate::report::ward::GroupMonth>)> {
        let ward = self.require_ward()?;
        let deadline = self.deadline(month, ward.deadline_day)?;
        let mut rows = Vec::new();
        for (id, name, _) in self.ward_groups_all()? {
            let figures = match id {
                Some(id) => self.group_month(&id, month, deadline)?,
                None => None,
            };
            rows.push((name, figures));
        }
        Ok((ward, rows))
    }

    /// The ward's consolidated report of a month, dated `issued_on`.
    pub fn ward_report_document(
        &self,
        month: &str,
        issued_on: NaiveDate,
    ) -> Result<crate::report::Document> {
        let month = date::parse_month(month).ok_or_else(|| super::bad_month(month))?;
        let (ward, rows) = self.ward_month(&month)?;
        Ok(crate::report::ward::document(
            &ward,
            &month,
            &rows,
            &date::iso(issued_on),
        ))
    }

    /// The ward's consolidated report of a month as a PDF, dated `issued_on`.
    pub fn ward_report_pdf(
        &self,
        month: &str,
        issued_on: NaiveDate,
    ) -> Result<crate::report::PdfFile> {
        let month = date::parse_month(month).ok_or_else(|| super::bad_month(month))?;
        let (_, bytes) = crate::report::render(&self.ward_report_document(&month, issued_on)?);
        let (y, m) = month.split_once('-').unwrap_or(("", ""));
        Ok(crate::report::PdfFile {
            bytes,
            file_name: format!("Tong hop thang {m}-{y}.pdf"),
            issued: false,
        })
    }

    /// The consolidated month as a spreadsheet.
    pub fn ward_report_xlsx(&self, month: &str) -> Result<Vec<u8>> {
        let month = date::parse_month(month).ok_or_else(|| super::bad_month(month))?;
        let (ward, rows) = self.ward_month(&month)?;
        let rows: Vec<(String, Option<MonthFigures>)> = rows
            .into_iter()
            .map(|(n, f)| (n, f.map(|(f, _)| f)))
            .collect();
        crate::sync::sheet::ward_workbook(
            &format!(
                "{} — tổng hợp tháng {}",
                ward.name,
                super::month_label(&month)
            ),
            &rows,
        )
    }

    /// A signed receipt for the latest file of a group and month: its file name and bytes.
    pub fn issue_receipt(&self, group_id: &str, month: &str) -> Result<(String, Vec<u8>)> {
        let month = date::parse_month(month).ok_or_else(|| super::bad_month(month))?;
        let (name, public_key, secret_key, commune_code): (String, String, String, String) = self
            .conn
            .query_row(
                "SELECT name, public_key, secret_key, commune_code FROM ward",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
            .ok_or_else(|| {
                self.require_ward()
                    .err()
                    .unwrap_or_else(|| Error::internal("ward missing"))
            })?;
        let file: Option<(String, String, String)> = self
            .conn
            .query_row(
                "SELECT f.package_sha256, f.received_at, g.name FROM ward_files f JOIN ward_groups g ON g.group_id = f.group_id
                 WHERE f.group_id = ?1 AND f.period = ?2 ORDER BY f.created_at DESC LIMIT 1",
                params![group_id, month],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (sha, received_at, group_name) = file.ok_or_else(|| {
            Error::new(
                ErrorCode::NotFound,
                "Chưa nhận tệp nào của tổ này cho tháng đó nên chưa cấp biên nhận được.",
            )
        })?;
        let bytes = receipt::write(
            Receipt {
                format: receipt::FORMAT.into(),
                version: 1,
                ward_name: name,
                commune_code,
                ward_public_key: public_key,
                group_id: group_id.to_string(),
                group_name,
                period: month.clone(),
                package_sha256: sha,
                received_at,
            },
            &secret_key,
        )?;
        Ok((format!("Bien nhan {month}.json"), bytes))
    }
}
