//! The ward's tasks: set up, take in the groups' files (checked, previewed, then written in
//! one transaction), see who reported by when, print the consolidated report, issue
//! receipts.

use super::File;
use crate::date;
use crate::error::{Error, ErrorCode, Reason, Result};
use crate::figures;
use crate::model::figures::{MonthFigures, INDICATORS};
use crate::model::ward::{
    fingerprint, FileOutcome, GroupMonth, ImportPreview, KeyStatus, Ward, WardDocuments, WardInput,
};
use crate::report::{self, ward as doc};
use crate::store::{ImportRecord, Store, WardFile};
use crate::sync::package::{self, MonthStatus, Package};
use crate::sync::{facts, keys, receipt, sheet, ward_key};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use std::collections::BTreeMap;

mod status;
pub use status::status;
use status::{cell, sent_at};

/// How an import treats the file.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Only report what would change.
    pub dry_run: bool,
    /// Accept a new key for the group, confirmed by this person (after a phone call).
    pub accept_new_key_by: Option<String>,
}

/// Sets this (empty) data folder up as the ward's, with the ward's signing key.
pub fn init(store: &mut Store, input: &WardInput, now: DateTime<Utc>) -> Result<Ward> {
    let k = keys::generate()?;
    store.init_ward(input, &k.public_hex, &k.secret_hex, now)?;
    ensure_encryption_key(store)?;
    store.require_ward()
}

/// Gives a ward its encryption key if it has none (a ward made before encryption gets one
/// on its next opening); does nothing for a group's data.
pub fn ensure_encryption_key(store: &mut Store) -> Result<()> {
    if store.ward()?.is_none() || store.ward_encryption()?.is_some() {
        return Ok(());
    }
    let (identity, recipient) = ward_key::generate();
    store.set_ward_encryption(&identity, &recipient)
}

/// The ward's encryption key as the file it hands its groups (signed by the ward's key;
/// its fingerprint is read out by phone).
pub fn key_file(store: &mut Store) -> Result<File> {
    ensure_encryption_key(store)?;
    let ward = store.require_ward()?;
    let (public_key, secret_key) = store.ward_key()?;
    let (_, recipient) = store
        .ward_encryption()?
        .ok_or_else(|| Error::internal("the ward has no encryption key"))?;
    let text = ward_key::write(
        &ward_key::WardKey {
            ward_name: ward.name,
            commune_code: ward.commune_code.clone(),
            recipient,
            signing_key: public_key,
        },
        &secret_key,
    )?;
    Ok(File {
        name: format!("Khoa-ma-hoa-phuong-{}.txt", ward.commune_code),
        bytes: text.into_bytes(),
    })
}

/// The ward's printed notice of its key (PDF): the key file's name and the fingerprint a
/// group leader compares before pinning it, signed as the ward's documents are.
pub fn key_sheet(store: &mut Store, now: DateTime<Utc>) -> Result<File> {
    let key = key_file(store)?;
    let ward = get(store)?;
    let fingerprint = ward.encryption_fingerprint.clone().unwrap_or_default();
    let issued_on = date::iso(date::vn_today(now));
    let sheet = doc::key_sheet::document(&ward, &fingerprint, &key.name, &issued_on);
    Ok(File {
        name: key.name.replace(".txt", ".pdf"),
        bytes: report::render(&sheet).1,
    })
}

/// The package inside a file: as it is when signed only, decrypted with the ward's key
/// when the group encrypted it to the ward.
fn unwrap_package(store: &Store, bytes: &[u8]) -> Result<Package> {
    if ward_key::sealing(bytes) == ward_key::Sealing::None {
        return package::read(bytes);
    }
    let (identity, _) = store.ward_encryption()?.ok_or_else(|| {
        Error::rejected(
            Reason::OtherWard,
            "Tệp này đã được mã hóa nhưng phường chưa có khóa mã hóa. Hãy mở lại ứng dụng rồi nhận lại tệp.",
        )
    })?;
    let mut p = package::read(&ward_key::decrypt(&identity, bytes)?)?;
    // The file as sent is what is recognised when it comes twice and what receipts name.
    p.sha256 = keys::sha256_hex(bytes);
    Ok(p)
}

/// The ward workspace, or a message saying to set it up.
pub fn get(store: &Store) -> Result<Ward> {
    store.require_ward()
}

/// Changes the day of the next month by which the groups' reports are due.
pub fn set_deadline_day(store: &mut Store, day: u8) -> Result<Ward> {
    store.set_deadline_day(day)
}

/// Sets how the ward's documents are headed and signed (an empty field: the default).
pub fn set_documents(store: &mut Store, input: &WardDocuments) -> Result<Ward> {
    store.set_ward_documents(input)
}

/// Adds a group the ward expects reports from, by name.
pub fn expect(store: &mut Store, name: &str, now: DateTime<Utc>) -> Result<()> {
    store.ward_expect(name, now)
}

/// Imports a group's package: everything is checked before anything is written; then the
/// rows are merged, the group's key pinned (first file) and the file kept with what it
/// said, in one transaction. A dry run only says what would change.
pub fn import(
    store: &mut Store,
    bytes: &[u8],
    file_name: &str,
    opts: &ImportOptions,
    now: DateTime<Utc>,
) -> Result<ImportPreview> {
    let ward = store.require_ward()?;
    let p = unwrap_package(store, bytes)?;
    let g = &p.manifest.group;
    if g.commune_code != ward.commune_code {
        return Err(Error::rejected(
            Reason::WrongCommune,
            format!(
                "Tệp của “{}” thuộc {} (mã {}), không thuộc {}. Hãy gửi tệp đến đúng phường, xã.",
                g.name, g.commune_name, g.commune_code, ward.commune_name
            ),
        ));
    }
    let key = match store.pinned_group_key(&g.id)? {
        None => KeyStatus::New,
        Some(k) if k == p.manifest.public_key => KeyStatus::Known,
        Some(k) => match opts.accept_new_key_by.as_deref().map(str::trim) {
            Some(who) if !who.is_empty() => KeyStatus::Changed,
            _ => {
                return Err(Error::rejected(
                    Reason::KeyChanged,
                    format!(
                        "Tệp của “{}” được ký bằng khóa mới (mã {}) khác khóa đã ghi nhận (mã {}). Hãy gọi điện cho tổ trưởng để xác nhận trước khi nhận.",
                        g.name,
                        fingerprint(&p.manifest.public_key),
                        fingerprint(&k)
                    ),
                ))
            }
        },
    };
    let already = store.file_received(&p.sha256)?;
    let warnings = checks(&p);
    let same_name_as = if key == KeyStatus::New {
        let folded = crate::text::fold(&g.name);
        store
            .ward_groups()?
            .into_iter()
            .find(|o| {
                o.group_id.as_deref().is_some_and(|id| id != g.id)
                    && crate::text::fold(&o.name) == folded
            })
            .and_then(|o| o.public_key.as_deref().map(fingerprint))
    } else {
        None
    };
    let tables = if opts.dry_run {
        store.preview_merge(&g.id, &p.data)?
    } else {
        let m = &p.manifest;
        store.record_import(
            ImportRecord {
                group_id: &g.id,
                group_name: &g.name,
                public_key: &m.public_key,
                key_confirmed_by: opts.accept_new_key_by.as_deref(),
                data: &p.data,
                file: WardFile {
                    group_id: g.id.clone(),
                    period: m.period.clone(),
                    file_name: file_name.to_string(),
                    package_sha256: p.sha256.clone(),
                    created_at: m.created_at.clone(),
                    received_at: String::new(),
                    format_version: p.version,
                    figures: m.figures.clone(),
                    figures_now: (p.version >= 2).then(|| m.figures_now.clone()),
                    digest: m.digest.clone(),
                    closed: m.status == MonthStatus::Closed,
                    issued: m.issued.clone(),
                    category_names: m.category_names.clone(),
                    warnings: warnings.clone(),
                },
                amendments: &m.amendments,
            },
            now,
        )?
    };
    let m = &p.manifest;
    Ok(ImportPreview {
        file_name: file_name.to_string(),
        group_id: g.id.clone(),
        group_name: g.name.clone(),
        period: m.period.clone(),
        fingerprint: fingerprint(&m.public_key),
        key,
        already_imported: already,
        new: tables.iter().map(|t| t.new).sum(),
        changed: tables.iter().map(|t| t.changed).sum(),
        unchanged: tables.iter().map(|t| t.unchanged).sum(),
        tables,
        applied: !opts.dry_run,
        draft: m.status == MonthStatus::Draft,
        digest: m.digest.clone(),
        amendments: m.amendments.len() as u32,
        figures: m.figures.clone(),
        same_name_as,
        warnings,
    })
}

/// Imports (or previews) several files chosen together, each on its own: a refused file
/// changes nothing and the others still go in. `progress` hears of each file done, with
/// how many there are (a province's month is thousands of files).
pub fn import_files(
    store: &mut Store,
    paths: &[std::path::PathBuf],
    opts: &ImportOptions,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(super::Progress),
) -> Vec<FileOutcome> {
    if !opts.dry_run && !paths.is_empty() {
        super::backup::automatic(store, crate::backup::Occasion::BeforeImport, now);
    }
    let total = paths.len() as u32;
    paths
        .iter()
        .enumerate()
        .map(|(i, path)| {
            progress(super::Progress {
                done: i as u32,
                total,
            });
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match super::read_file(path).and_then(|b| import(store, &b, &file, opts, now)) {
                Ok(p) => FileOutcome {
                    file,
                    preview: Some(p),
                    error: None,
                },
                Err(e) => FileOutcome {
                    file,
                    preview: None,
                    error: Some(e),
                },
            }
        })
        .collect()
}

/// What the ward's own count finds in a package, without refusing it: the month recounted
/// from the rows the file carries against the signed figures, and the printed digest
/// against the figures it is said to be of.
fn checks(p: &Package) -> Vec<String> {
    let m = &p.manifest;
    let mut out = Vec::new();
    if p.version < 2 {
        return out;
    }
    if let Some(period) = crate::model::figures::Period::month(&m.period) {
        let recount = figures::month(&facts::from_rows(&p.data), period);
        let differ = differences(&recount, &m.figures_now);
        if !differ.is_empty() {
            out.push(format!(
                "Số liệu tính lại từ dữ liệu trong tệp khác với số liệu tổ ghi trong tệp ({}). Hãy hỏi lại tổ trưởng trước khi dùng số liệu này.",
                differ.join("; ")
            ));
        }
    }
    if m.status == MonthStatus::Draft && m.figures != m.figures_now {
        out.push(
            "Số liệu bản nháp trong tệp không khớp số liệu tính từ dữ liệu của chính tệp đó."
                .into(),
        );
    }
    if m.digest_version == figures::DIGEST_VERSION
        && figures::digest(&m.group.id, &m.period, &m.figures) != m.digest
    {
        out.push(format!(
            "Mã đối chiếu trong tệp ({}) không khớp với số liệu của tệp. Hãy so với mã in trên báo cáo giấy và hỏi lại tổ.",
            m.digest
        ));
    }
    out
}

/// The indicators (and categories) where two counts differ: "Vụ việc phát hiện, ghi nhận: 9 / 10".
fn differences(ours: &MonthFigures, theirs: &MonthFigures) -> Vec<String> {
    let mut out: Vec<String> = INDICATORS
        .iter()
        .filter(|i| (i.value)(ours) != (i.value)(theirs))
        .map(|i| {
            format!(
                "{}: {} / {}",
                i.label,
                report::number((i.value)(ours)),
                report::number((i.value)(theirs))
            )
        })
        .collect();
    if out.is_empty() && ours != theirs {
        out.push("các số liệu chi tiết khác".into());
    }
    out
}

/// The end of the reporting deadline for a month: 23:59:59 Vietnam time on the deadline
/// day of the next month; and that day.
pub fn deadline(month: &str, day: u8) -> Result<(NaiveDate, DateTime<Utc>)> {
    let p = super::period(month)?;
    let next = p.to;
    let d = NaiveDate::from_ymd_opt(next.year(), next.month(), u32::from(day)).unwrap_or(next);
    let local = d.and_time(NaiveTime::from_hms_opt(23, 59, 59).expect("valid time"));
    Ok((
        d,
        DateTime::from_naive_utc_and_offset(local - chrono::Duration::hours(7), Utc),
    ))
}

/// Every group's line for the consolidated report of `month` at `now`, and the category
/// names the files gave.
fn month_rows(
    store: &Store,
    ward: &Ward,
    month: &str,
    now: DateTime<Utc>,
) -> Result<(Vec<GroupMonth>, BTreeMap<String, String>)> {
    let (_, end) = deadline(month, ward.deadline_day)?;
    let before = date::iso(super::period(month)?.from - chrono::Months::new(1));
    let mut names = BTreeMap::new();
    let mut rows = Vec::new();
    for g in store.ward_groups()? {
        let (files, previous) = match &g.group_id {
            Some(id) => (
                store.ward_files(id, month)?,
                store.ward_files(id, &before[..7])?,
            ),
            None => (Vec::new(), Vec::new()),
        };
        let c = cell(&files, false, end, now);
        let latest = files.last();
        if let Some(f) = latest {
            names.extend(f.category_names.clone());
        }
        rows.push(GroupMonth {
            name: g.name,
            state: c.state,
            sent_on: files.first().and_then(sent_at).map(date::vn_today),
            received_on: files.first().and_then(|f| {
                DateTime::parse_from_rfc3339(&f.received_at)
                    .ok()
                    .map(|t| date::vn_today(t.with_timezone(&Utc)))
            }),
            figures: latest.map(|f| f.figures.clone()),
            previous: previous.last().map(|f| f.figures.clone()),
            draft: c.draft,
        });
    }
    Ok((rows, names))
}

/// The consolidated report of a month as a document, dated `issued_on`, as things stand at
/// `now` (provisional before the deadline).
pub fn report_document(
    store: &Store,
    month: &str,
    issued_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<report::Document> {
    let month = super::month(month)?;
    let ward = store.require_ward()?;
    let (day, end) = deadline(&month, ward.deadline_day)?;
    let (rows, category_names) = month_rows(store, &ward, &month, now)?;
    let names: BTreeMap<String, String> = store
        .ward_groups()?
        .into_iter()
        .filter_map(|g| Some((g.group_id?, g.name)))
        .collect();
    let amendments = store
        .ward_amendments(&month)?
        .into_iter()
        .filter(|(_, a)| a.made_in() == month)
        .map(|(g, a)| (names.get(&g).cloned().unwrap_or(g), a))
        .collect();
    Ok(doc::document(&doc::WardMonth {
        ward: &ward,
        month: &month,
        deadline: day,
        provisional: now <= end,
        today: date::vn_today(now),
        rows,
        category_names,
        amendments,
        issued_on: &date::iso(issued_on),
    }))
}

/// The consolidated report laid out as it prints, for the preview.
pub fn report_layout(
    store: &Store,
    month: &str,
    issued_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<report::Layout> {
    Ok(report::layout(&report_document(
        store, month, issued_on, now,
    )?))
}

/// The consolidated report as a PDF.
pub fn report_pdf(
    store: &Store,
    month: &str,
    issued_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<File> {
    let month = super::month(month)?;
    let (_, bytes) = report::render(&report_document(store, &month, issued_on, now)?);
    Ok(File {
        name: format!("Tong hop thang {}.pdf", super::file_month(&month)),
        bytes,
    })
}

/// The consolidated month as a spreadsheet: a row per group, then the totals.
pub fn report_xlsx(store: &Store, month: &str, now: DateTime<Utc>) -> Result<File> {
    let month = super::month(month)?;
    let ward = store.require_ward()?;
    let (rows, category_names) = month_rows(store, &ward, &month, now)?;
    let (day, end) = deadline(&month, ward.deadline_day)?;
    let mut note = format!("Hạn nộp: hết ngày {}.", date::format(day));
    if now <= end {
        note.push_str(&format!(
            " Số liệu tạm tính đến ngày {}.",
            date::format(date::vn_today(now))
        ));
    }
    let bytes = sheet::ward_workbook(&sheet::WardSheet {
        title: &format!(
            "{} — tổng hợp tháng {}",
            ward.name,
            date::month_label(&month)
        ),
        note: &note,
        rows: &rows,
        category_names: &category_names,
    })?;
    Ok(File {
        name: format!("Tong hop thang {}.xlsx", super::file_month(&month)),
        bytes,
    })
}

/// A signed receipt for the latest file of a group and month.
pub fn issue_receipt(store: &Store, group_id: &str, month: &str) -> Result<File> {
    let month = super::month(month)?;
    let ward = store.require_ward()?;
    let (public_key, secret_key) = store.ward_key()?;
    let (sha, received_at, group_name) =
        store.receipt_subject(group_id, &month)?.ok_or_else(|| {
            Error::new(
                ErrorCode::NotFound,
                "Chưa nhận tệp nào của tổ này cho tháng đó nên chưa cấp biên nhận được.",
            )
        })?;
    let bytes = receipt::write(
        receipt::Receipt {
            format: receipt::FORMAT.into(),
            version: receipt::VERSION,
            ward_name: ward.name,
            commune_code: ward.commune_code,
            ward_public_key: public_key,
            group_id: group_id.to_string(),
            group_name,
            period: month.clone(),
            package_sha256: sha,
            received_at,
            ward_recipient: store.ward_encryption()?.map(|(_, r)| r),
        },
        &secret_key,
    )?;
    Ok(File {
        name: format!("Bien nhan {month}.json"),
        bytes,
    })
}
