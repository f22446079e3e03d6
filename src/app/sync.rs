//! The group's side of sending to the ward: its key, the month's package, and the ward's
//! receipts.

use super::File;
use crate::date;
use crate::error::{Error, Reason, Result};
use crate::figures;
use crate::model::ward::{IssuedCopy, ReceiptInfo};
use crate::report::{self, monthly};
use crate::store::{ReceiptRecord, Store};
use crate::sync::keys;
use crate::sync::package::{self, GroupIdentity, Manifest, MonthStatus};
use crate::sync::{receipt, sheet, ward_key};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// The group's key pair (public, secret hex); a group made before keys existed gets one now.
pub fn group_key(store: &mut Store, now: DateTime<Utc>) -> Result<(String, String)> {
    let group = store.require_group()?;
    if let Some(k) = store.group_key(&group.id)? {
        return Ok(k);
    }
    let k = keys::generate()?;
    store.add_group_key(&group.id, &k.public_hex, &k.secret_hex, now)?;
    Ok((k.public_hex, k.secret_hex))
}

/// The group's key fingerprint as printed on its reports, once it has a key.
pub fn fingerprint(store: &Store) -> Result<Option<String>> {
    store.group_fingerprint()
}

/// The meta key that remembers the package of `month` was saved for the ward.
fn sent_key(month: &str) -> String {
    format!("sent:{month}")
}

/// Remembers that the package of `month` was saved for the ward (after the user saved it),
/// and whether the month was closed then: "Tháng này" asks for a closed month's file.
pub fn saved(store: &Store, month: &str, now: DateTime<Utc>) -> Result<()> {
    let group = store.require_group()?;
    let month = super::month(month)?;
    let state = if store.is_month_closed(&group.id, &month)? {
        "closed"
    } else {
        "draft"
    };
    let at = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    store.set_local_value(&sent_key(&month), Some(&format!("{at}|{state}")))
}

/// Whether the closed copy of `month` was saved for the ward.
pub fn sent_closed(store: &Store, month: &str) -> Result<bool> {
    Ok(store
        .local_value(&sent_key(month))?
        .is_some_and(|v| v.ends_with("|closed")))
}

/// The month's package for the ward: the full state of the group's rows, the month's figures
/// and report (the issued copy, its figures and digest, once the month is closed; else a
/// draft, marked as one), the amendments after closing, and a spreadsheet; signed with the
/// group's key, and encrypted to the ward's key once the group has pinned it.
pub fn export(store: &mut Store, month: &str, sensitive: bool, now: DateTime<Utc>) -> Result<File> {
    let group = store.require_group()?;
    let month = super::month(month)?;
    let (public_key, secret_key) = group_key(store, now)?;
    let today = date::vn_today(now);
    let current = super::month::report_data(store, &month, today)?;
    let (status, figures, digest, digest_version, issued, pdf) =
        match super::month::issued(store, &month)? {
            Some((r, data)) => {
                let recomputed = figures::digest(&group.id, &month, &data.figures);
                // Copies issued before digests were computed over the figures keep theirs.
                let version = if recomputed == r.digest {
                    figures::DIGEST_VERSION
                } else {
                    1
                };
                (
                    MonthStatus::Closed,
                    data.figures,
                    r.digest.clone(),
                    version,
                    Some(IssuedCopy {
                        number: r.number.clone(),
                        issued_on: r.issued_on.clone(),
                        issued_at: r.issued_at.clone(),
                    }),
                    store.issued_pdf(&r.id)?,
                )
            }
            None => {
                let (_, pdf) = report::render(&monthly::document(&current, None));
                (
                    MonthStatus::Draft,
                    current.figures.clone(),
                    figures::digest(&group.id, &month, &current.figures),
                    figures::DIGEST_VERSION,
                    None,
                    pdf,
                )
            }
        };
    let names = store.category_name_map()?;
    let category_names: BTreeMap<String, String> = figures
        .incidents
        .by_category
        .keys()
        .chain(current.figures.incidents.by_category.keys())
        .map(|c| {
            (
                c.clone(),
                names.get(c).cloned().unwrap_or_else(|| c.clone()),
            )
        })
        .collect();
    // Amendments to this month made after the copy in force was issued (a reissue already
    // counts the earlier ones), and those made during this month to earlier months.
    let issued_at = issued.as_ref().map(|i| i.issued_at.clone());
    let amendments = store
        .amendments(&group.id)?
        .into_iter()
        .filter(|a| {
            (a.amends_month == month && issued_at.as_ref().is_none_or(|t| a.at > *t))
                || (a.amends_month != month && a.made_in() == month)
        })
        .collect();
    let data = store.group_rows(&group.id, sensitive)?;
    let xlsx = sheet::month_workbook(&group.name, &month, &figures, &category_names)?;
    let manifest = Manifest {
        format: package::FORMAT.into(),
        version: package::VERSION,
        group: GroupIdentity {
            id: group.id.clone(),
            name: group.name.clone(),
            kind: group.kind.as_str().into(),
            province_code: group.province_code.clone(),
            province_name: group.province_name.clone(),
            commune_code: group.commune_code.clone(),
            commune_name: group.commune_name.clone(),
            area_name: group.area_name.clone(),
        },
        period: month.clone(),
        created_at: now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        public_key,
        counts: data
            .iter()
            .map(|(t, r)| (t.clone(), r.len() as u32))
            .collect(),
        files: Default::default(),
        status,
        figures,
        digest,
        digest_version,
        issued,
        figures_now: current.figures,
        category_names,
        amendments,
        sensitive,
    };
    let data_bytes = serde_json::to_vec(&data).map_err(|e| Error::internal(e.to_string()))?;
    let bytes = package::write(
        manifest,
        vec![
            ("data.json", data_bytes),
            ("bao-cao.pdf", pdf),
            ("so-lieu.xlsx", xlsx),
        ],
        &secret_key,
    )?;
    let name = package_name(
        &group.province_code,
        &group.commune_code,
        &group.name,
        &month,
    );
    Ok(match super::recipient::pinned(store)? {
        Some(ward) => File {
            name: name.replace(".zip", ENCRYPTED_EXTENSION),
            bytes: ward_key::encrypt(&ward.recipient, &bytes)?,
        },
        None => File { name, bytes },
    })
}

/// The extension of a package encrypted to the ward (a signed-only one is a `.zip`).
pub const ENCRYPTED_EXTENSION: &str = ".ttq";

/// `TTQ_<province>_<commune>_<name folded to ASCII>_<YYYY-MM>.zip`: readable, valid on NTFS.
pub fn package_name(province: &str, commune: &str, group_name: &str, month: &str) -> String {
    let slug: String = crate::text::fold(group_name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(40)
        .collect();
    format!("TTQ_{province}_{commune}_{slug}_{month}.zip")
}

/// Imports the ward's receipt for one of this group's packages; the first receipt pins the
/// ward's key.
pub fn import_receipt(store: &mut Store, bytes: &[u8], now: DateTime<Utc>) -> Result<ReceiptInfo> {
    let group = store.require_group()?;
    let r = receipt::read(bytes)?;
    if r.group_id != group.id {
        return Err(Error::rejected(
            Reason::WrongGroup,
            format!(
                "Giấy biên nhận này dành cho “{}”, không phải tổ của bạn.",
                r.group_name
            ),
        ));
    }
    if store
        .pinned_ward_key()?
        .is_some_and(|k| k != r.ward_public_key)
    {
        return Err(Error::rejected(
            Reason::WardKeyChanged,
            "Giấy biên nhận được ký bằng khóa khác với các lần trước. Hãy hỏi lại phường trước khi nhận.",
        ));
    }
    store.record_receipt(
        &ReceiptRecord {
            group_id: r.group_id.clone(),
            period: r.period.clone(),
            ward_name: r.ward_name.clone(),
            ward_public_key: r.ward_public_key.clone(),
            package_sha256: r.package_sha256.clone(),
            received_at: r.received_at.clone(),
        },
        now,
    )?;
    let pinned_key = super::recipient::pin_from_receipt(
        store,
        &r.ward_name,
        &r.commune_code,
        &r.ward_public_key,
        r.ward_recipient.as_deref(),
        now,
    )?;
    Ok(ReceiptInfo {
        period: r.period,
        ward_name: r.ward_name,
        received_at: date::format_timestamp(&r.received_at),
        pinned_key,
    })
}

/// Receipts from the ward, newest month first.
pub fn receipts(store: &Store) -> Result<Vec<ReceiptInfo>> {
    store.receipts()
}
