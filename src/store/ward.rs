//! The ward workspace's rows: its identity and key, the groups it knows (pinned keys, groups
//! expected by name), the files received with what they said, and the amendments groups
//! sent. Checking and reading packages is the caller's (`app::ward`); an import is written
//! here in one transaction.

use super::sync::merge;
use super::{new_id, ts, Store};
use crate::error::{Error, ErrorCode, FieldError, Result};
use crate::model::figures::MonthFigures;
use crate::model::month::Amendment;
use crate::model::ward::{fingerprint, DataSet, TableChange, Ward, WardDocuments, WardInput};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use std::collections::BTreeMap;

/// A group of the ward: its id and pinned key once it has sent a file, and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WardGroup {
    pub group_id: Option<String>,
    pub name: String,
    pub public_key: Option<String>,
}

/// A file the ward received, with what its manifest said.
#[derive(Debug, Clone, PartialEq)]
pub struct WardFile {
    pub group_id: String,
    pub period: String,
    pub file_name: String,
    pub package_sha256: String,
    /// When the group made it (the signed manifest's time), UTC RFC 3339.
    pub created_at: String,
    /// When the ward imported it, UTC RFC 3339.
    pub received_at: String,
    pub format_version: u32,
    /// The figures the ward adds up: as issued for a closed month, else the draft's.
    pub figures: MonthFigures,
    /// Counted from the file's rows when the group made it (format 2 on).
    pub figures_now: Option<MonthFigures>,
    pub digest: String,
    pub closed: bool,
    /// The issued report's number, date and time (format 2 on).
    pub issued: Option<crate::model::ward::IssuedCopy>,
    pub category_names: BTreeMap<String, String>,
    /// What the ward's checks found at import, in Vietnamese.
    pub warnings: Vec<String>,
}

/// An import the caller has checked, to be written in one transaction.
pub struct ImportRecord<'a> {
    pub group_id: &'a str,
    pub group_name: &'a str,
    pub public_key: &'a str,
    /// Who confirmed a changed key (by phone), when it changed.
    pub key_confirmed_by: Option<&'a str>,
    pub data: &'a DataSet,
    pub file: WardFile,
    pub amendments: &'a [Amendment],
}

fn json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| Error::internal(e.to_string()))
}

impl Store {
    /// The ward workspace, if this data file is one.
    pub fn ward(&self) -> Result<Option<Ward>> {
        Ok(self
            .conn
            .query_row(
                "SELECT name, province_code, province_name, commune_code, commune_name, deadline_day, public_key,
                        parent_body, issuer_code, signer_on_behalf, signer_title, signer_name, age_recipient FROM ward",
                [],
                |r| {
                    let name: String = r.get(0)?;
                    let province_name: String = r.get(2)?;
                    let commune_name: String = r.get(4)?;
                    let documents = WardDocuments {
                        parent_body: r.get(7)?,
                        issuer_code: r.get(8)?,
                        signer_on_behalf: r.get(9)?,
                        signer_title: r.get(10)?,
                        signer_name: r.get(11)?,
                    }
                    .with_defaults(&name, &province_name, &commune_name);
                    Ok(Ward {
                        name,
                        province_code: r.get(1)?,
                        province_name,
                        commune_code: r.get(3)?,
                        commune_name,
                        deadline_day: r.get(5)?,
                        fingerprint: fingerprint(&r.get::<_, String>(6)?),
                        encryption_fingerprint: Some(r.get::<_, String>(12)?)
                            .filter(|k| !k.is_empty())
                            .map(|k| fingerprint(&k)),
                        documents,
                    })
                },
            )
            .optional()?)
    }

    /// Sets how the ward's documents are headed and signed; an empty field goes back to its
    /// default.
    pub fn set_ward_documents(&mut self, input: &WardDocuments) -> Result<Ward> {
        self.require_ward()?;
        let clean = crate::text::clean;
        let mut errs = Vec::new();
        for (field, value, what) in [
            ("parent_body", &input.parent_body, "Tên cơ quan chủ quản"),
            ("signer_on_behalf", &input.signer_on_behalf, "Dòng ký thay"),
            ("signer_title", &input.signer_title, "Chức vụ người ký"),
            ("signer_name", &input.signer_name, "Họ tên người ký"),
        ] {
            if clean(value).chars().count() > 120 {
                errs.push(FieldError::new(
                    field,
                    format!("{what} dài quá 120 ký tự. Hãy viết gọn lại."),
                ));
            }
        }
        let code = clean(&input.issuer_code).to_uppercase();
        if code.chars().count() > 12 || !code.chars().all(|c| c.is_alphanumeric() || c == '-') {
            errs.push(FieldError::new(
                "issuer_code",
                "Chữ viết tắt của đơn vị chỉ gồm chữ và số, không quá 12 ký tự (ví dụ: CAP).",
            ));
        }
        if !errs.is_empty() {
            return Err(Error::invalid(errs));
        }
        self.conn.execute(
            "UPDATE ward SET parent_body = ?1, issuer_code = ?2, signer_on_behalf = ?3, signer_title = ?4, signer_name = ?5",
            params![
                clean(&input.parent_body),
                code,
                clean(&input.signer_on_behalf),
                clean(&input.signer_title),
                clean(&input.signer_name)
            ],
        )?;
        self.require_ward()
    }

    /// The ward workspace, or a message saying to set it up.
    pub fn require_ward(&self) -> Result<Ward> {
        self.ward()?.ok_or_else(|| {
            Error::new(
                ErrorCode::NoGroup,
                "Dữ liệu này chưa được thiết lập cho phường. Hãy thiết lập phường trước (dòng lệnh: ttq ward init).",
            )
        })
    }

    /// The ward's key pair as hex (public, secret), for signing receipts.
    pub fn ward_key(&self) -> Result<(String, String)> {
        self.require_ward()?;
        Ok(self
            .conn
            .query_row("SELECT public_key, secret_key FROM ward", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?)
    }

    /// The ward's encryption identity and recipient (age X25519), once it has them.
    pub fn ward_encryption(&self) -> Result<Option<(String, String)>> {
        self.require_ward()?;
        Ok(self
            .conn
            .query_row(
                "SELECT age_identity, age_recipient FROM ward WHERE age_identity <> ''",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Gives the ward the encryption key it is made with (or, for a ward made before
    /// encryption, gets on its next opening).
    pub fn set_ward_encryption(&mut self, identity: &str, recipient: &str) -> Result<()> {
        self.require_ward()?;
        self.conn.execute(
            "UPDATE ward SET age_identity = ?1, age_recipient = ?2",
            params![identity, recipient],
        )?;
        Ok(())
    }

    /// Sets this (empty) data file up as a ward workspace with its signing key.
    pub fn init_ward(
        &mut self,
        input: &WardInput,
        public_hex: &str,
        secret_hex: &str,
        now: DateTime<Utc>,
    ) -> Result<Ward> {
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
        if let Err(e) = check_deadline_day(input.deadline_day) {
            errs.push(e);
        }
        if !errs.is_empty() {
            return Err(Error::invalid(errs));
        }
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
                public_hex,
                secret_hex,
                ts(now)
            ],
        )?;
        self.require_ward()
    }

    /// Changes the day of the next month by which reports are due.
    pub fn set_deadline_day(&mut self, day: u8) -> Result<Ward> {
        self.require_ward()?;
        check_deadline_day(day).map_err(|e| Error::invalid(vec![e]))?;
        self.conn
            .execute("UPDATE ward SET deadline_day = ?1", [day])?;
        self.require_ward()
    }

    /// The key pinned for a group by its first file, if any.
    pub fn pinned_group_key(&self, group_id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT public_key FROM ward_groups WHERE group_id = ?1",
                [group_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Whether this exact file was imported before.
    pub fn file_received(&self, package_sha256: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM ward_files WHERE package_sha256 = ?1",
                [package_sha256],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// What merging a group's rows would change, table by table; writes nothing.
    pub fn preview_merge(&self, group_id: &str, data: &DataSet) -> Result<Vec<TableChange>> {
        merge(&self.conn, group_id, data, false)
    }

    /// Writes a checked import in one transaction: merges the rows, pins the group's key
    /// (first file) or records its confirmed change, and keeps the file and its amendments.
    pub fn record_import(
        &mut self,
        rec: ImportRecord,
        now: DateTime<Utc>,
    ) -> Result<Vec<TableChange>> {
        let at = ts(now);
        let pinned = self.pinned_group_key(rec.group_id)?;
        let tx = self.conn.transaction()?;
        // Children may arrive before parents they reference in the same file.
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        let tables = merge(&tx, rec.group_id, rec.data, true)?;
        match pinned {
            None => {
                tx.execute(
                    "INSERT INTO ward_groups (group_id, name, public_key, pinned_at) VALUES (?1, ?2, ?3, ?4)",
                    params![rec.group_id, rec.group_name, rec.public_key, at],
                )?;
            }
            Some(old) if old != rec.public_key => {
                tx.execute(
                    "INSERT INTO ward_key_changes (id, group_id, old_key, new_key, at, confirmed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![new_id(), rec.group_id, old, rec.public_key, at, rec.key_confirmed_by.unwrap_or("")],
                )?;
                tx.execute(
                    "UPDATE ward_groups SET public_key = ?2, name = ?3, pinned_at = ?4 WHERE group_id = ?1",
                    params![rec.group_id, rec.public_key, rec.group_name, at],
                )?;
            }
            Some(_) => {
                tx.execute(
                    "UPDATE ward_groups SET name = ?2 WHERE group_id = ?1",
                    params![rec.group_id, rec.group_name],
                )?;
            }
        }
        let f = &rec.file;
        tx.execute(
            "INSERT OR IGNORE INTO ward_files (id, group_id, period, file_name, package_sha256, created_at, received_at,
                figures, digest, closed, format_version, issued, figures_now, category_names, warnings)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                new_id(),
                f.group_id,
                f.period,
                f.file_name,
                f.package_sha256,
                f.created_at,
                at,
                json(&f.figures)?,
                f.digest,
                f.closed,
                f.format_version,
                f.issued.as_ref().map(json).transpose()?,
                f.figures_now.as_ref().map(json).transpose()?,
                json(&f.category_names)?,
                json(&f.warnings)?,
            ],
        )?;
        for a in rec.amendments.iter().filter(|a| !a.id.is_empty()) {
            tx.execute(
                "INSERT OR IGNORE INTO ward_amendments (id, group_id, amends_month, made_in, data, received_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![a.id, rec.group_id, a.amends_month, a.made_in(), json(a)?, at],
            )?;
        }
        tx.commit()
            .map_err(|e| Error::from(e).with_detail("import commit (foreign keys?)".to_string()))?;
        Ok(tables)
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

    /// Every group of the ward: those that have sent files, and those only expected by name
    /// (a file's group takes the place of the expected group with the same folded name);
    /// by name.
    pub fn ward_groups(&self) -> Result<Vec<WardGroup>> {
        self.require_ward()?;
        let mut st = self
            .conn
            .prepare("SELECT group_id, name, public_key FROM ward_groups")?;
        let mut all: Vec<WardGroup> = st
            .query_map([], |r| {
                Ok(WardGroup {
                    group_id: Some(r.get(0)?),
                    name: r.get(1)?,
                    public_key: Some(r.get(2)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let known: std::collections::HashSet<String> =
            all.iter().map(|g| crate::text::fold(&g.name)).collect();
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
                .map(|(_, name)| WardGroup {
                    group_id: None,
                    name,
                    public_key: None,
                }),
        );
        all.sort_by_cached_key(|g| crate::text::natural_key(&g.name));
        Ok(all)
    }

    /// The files of one group and month, in the order the group made them.
    pub fn ward_files(&self, group_id: &str, period: &str) -> Result<Vec<WardFile>> {
        let mut st = self.conn.prepare_cached(
            "SELECT group_id, period, file_name, package_sha256, created_at, received_at, figures, digest, closed,
                    format_version, issued, figures_now, category_names, warnings
             FROM ward_files WHERE group_id = ?1 AND period = ?2 ORDER BY created_at, received_at",
        )?;
        let rows = st.query_map(params![group_id, period], |r| {
            Ok((
                WardFile {
                    group_id: r.get(0)?,
                    period: r.get(1)?,
                    file_name: r.get(2)?,
                    package_sha256: r.get(3)?,
                    created_at: r.get(4)?,
                    received_at: r.get(5)?,
                    figures: MonthFigures::default(),
                    figures_now: None,
                    digest: r.get(7)?,
                    closed: r.get(8)?,
                    format_version: r.get(9)?,
                    issued: None,
                    category_names: BTreeMap::new(),
                    warnings: Vec::new(),
                },
                r.get::<_, String>(6)?,
                r.get::<_, Option<String>>(10)?,
                r.get::<_, Option<String>>(11)?,
                r.get::<_, String>(12)?,
                r.get::<_, String>(13)?,
            ))
        })?;
        let corrupt = |e: serde_json::Error| {
            Error::new(
                ErrorCode::DatabaseCorrupt,
                "Số liệu một tệp đã nhận bị hỏng trong dữ liệu của phường.",
            )
            .with_detail(e.to_string())
        };
        let mut out = Vec::new();
        for row in rows {
            let (mut f, figures, issued, now, names, warnings) = row?;
            f.figures = MonthFigures::from_stored(&figures).map_err(corrupt)?;
            f.issued = issued
                .map(|s| serde_json::from_str(&s))
                .transpose()
                .map_err(corrupt)?;
            f.figures_now = now
                .map(|s| serde_json::from_str(&s))
                .transpose()
                .map_err(corrupt)?;
            f.category_names = serde_json::from_str(&names).map_err(corrupt)?;
            f.warnings = serde_json::from_str(&warnings).map_err(corrupt)?;
            out.push(f);
        }
        Ok(out)
    }

    /// The first month a group sent a file for (`YYYY-MM`).
    pub fn first_ward_period(&self, group_id: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row(
            "SELECT min(period) FROM ward_files WHERE group_id = ?1",
            [group_id],
            |r| r.get(0),
        )?)
    }

    /// The last file received from a group: its month and when it came, UTC RFC 3339.
    pub fn last_ward_file(&self, group_id: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT period, received_at FROM ward_files WHERE group_id = ?1 ORDER BY received_at DESC, created_at DESC LIMIT 1",
                [group_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Amendments received, with the group they came from: those made to `month`, and those
    /// made during it.
    pub fn ward_amendments(&self, month: &str) -> Result<Vec<(String, Amendment)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT group_id, data FROM ward_amendments WHERE amends_month = ?1 OR made_in = ?1",
        )?;
        let rows = st.query_map([month], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (g, data) = row?;
            let a: Amendment = serde_json::from_str(&data).map_err(|e| {
                Error::new(
                    ErrorCode::DatabaseCorrupt,
                    "Một đính chính đã nhận bị hỏng trong dữ liệu của phường.",
                )
                .with_detail(e.to_string())
            })?;
            out.push((g, a));
        }
        out.sort_by(|a, b| a.1.at.cmp(&b.1.at).then_with(|| a.1.id.cmp(&b.1.id)));
        Ok(out)
    }

    /// The latest file of a group and month, for its receipt: sha, when received, group name.
    pub fn receipt_subject(
        &self,
        group_id: &str,
        month: &str,
    ) -> Result<Option<(String, String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT f.package_sha256, f.received_at, g.name FROM ward_files f JOIN ward_groups g ON g.group_id = f.group_id
                 WHERE f.group_id = ?1 AND f.period = ?2 ORDER BY f.created_at DESC LIMIT 1",
                params![group_id, month],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?)
    }
}

fn check_deadline_day(day: u8) -> std::result::Result<(), FieldError> {
    if (1..=28).contains(&day) {
        Ok(())
    } else {
        Err(FieldError::new(
            "deadline_day",
            "Hạn nộp là một ngày từ 1 đến 28 của tháng sau.",
        ))
    }
}
