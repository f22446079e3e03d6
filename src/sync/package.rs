//! The export package (format version 2, see `docs/export-format.md`; version 1 is still
//! read): a `.zip` with a signed manifest, the group's rows, and for people the month's
//! report PDF and a spreadsheet. Reading validates everything before anything is returned.

use super::keys::{sha256_hex, sign, verify};
use crate::error::{Error, Reason, Result};
use crate::model::figures::MonthFigures;
use crate::model::month::Amendment;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

/// The format's name in every manifest.
pub const FORMAT: &str = "ttq-package";
/// The format version this build writes and the newest it reads.
pub const VERSION: u32 = 2;
/// Largest package file accepted.
pub const MAX_PACKAGE_BYTES: u64 = 20 * 1024 * 1024;

/// The entries a package may hold, with the largest size each may unpack to.
const ENTRIES: [(&str, u64); 5] = [
    ("manifest.json", 256 * 1024),
    ("signature.txt", 1024),
    ("data.json", 64 * 1024 * 1024),
    ("bao-cao.pdf", 16 * 1024 * 1024),
    ("so-lieu.xlsx", 16 * 1024 * 1024),
];

/// Who the package is from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct GroupIdentity {
    pub id: String,
    pub name: String,
    /// The group's kind as stored (`bao_ve_antt`, `tu_quan_antt`, …).
    pub kind: String,
    pub province_code: String,
    pub province_name: String,
    pub commune_code: String,
    pub commune_name: String,
    pub area_name: String,
}

/// Whether the month's report had been issued when the package was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum MonthStatus {
    /// The month is open: the figures and the PDF are a draft and may still change.
    Draft,
    /// The month is closed: the figures, digest and PDF are the issued copy's.
    Closed,
}

/// The manifest: what the package is, from whom, for when, the month's figures, and the
/// checksums of the rest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    pub group: GroupIdentity,
    /// `YYYY-MM`.
    pub period: String,
    /// UTC, RFC 3339.
    pub created_at: String,
    /// The group's Ed25519 public key, hex.
    pub public_key: String,
    /// Rows per table in `data.json`.
    pub counts: BTreeMap<String, u32>,
    /// SHA-256 (hex) of every other entry.
    pub files: BTreeMap<String, String>,
    pub status: MonthStatus,
    /// The month's figures the ward adds up: as issued for a closed month, else the draft's.
    pub figures: MonthFigures,
    /// The data digest of `figures`, printed on the issued report (`docs/export-format.md`).
    pub digest: String,
    /// The digest's canonical form version; 1 marks a copy issued before digests could be
    /// recomputed from the figures.
    pub digest_version: u32,
    /// Set for a closed month.
    pub issued: Option<IssuedCopy>,
    /// The month's figures counted from the rows in this file when it was made: equal to
    /// `figures` for a draft; for a closed month they include later amendments.
    pub figures_now: MonthFigures,
    /// Names of the categories in the figures, by code.
    pub category_names: BTreeMap<String, String>,
    /// Amendments after closing: those made to this month and those made during it.
    pub amendments: Vec<Amendment>,
    /// Whether sensitive fields (phones, ID numbers, people involved…) are included.
    pub sensitive: bool,
}

use crate::model::ward::{DataSet, IssuedCopy};

/// A package read and checked.
#[derive(Debug, Clone)]
pub struct Package {
    /// The manifest, in this version's shape whatever version the file is.
    pub manifest: Manifest,
    pub data: DataSet,
    /// SHA-256 of the whole file, to recognise it when imported twice.
    pub sha256: String,
    /// The format version of the file as made.
    pub version: u32,
}

/// Writes a package: the manifest (with the checksums of `files` filled in), its signature
/// by `secret_hex`, then the files.
pub fn write(
    mut manifest: Manifest,
    files: Vec<(&'static str, Vec<u8>)>,
    secret_hex: &str,
) -> Result<Vec<u8>> {
    manifest.files = files
        .iter()
        .map(|(n, b)| (n.to_string(), sha256_hex(b)))
        .collect();
    let manifest_bytes =
        serde_json::to_vec_pretty(&manifest).map_err(|e| crate::Error::internal(e.to_string()))?;
    let signature = sign(secret_hex, &manifest_bytes)?;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let io = |e: std::io::Error| crate::Error::internal(e.to_string());
    let ze = |e: zip::result::ZipError| crate::Error::internal(e.to_string());
    for (name, bytes) in [
        ("manifest.json", manifest_bytes.as_slice()),
        ("signature.txt", signature.as_bytes()),
    ]
    .into_iter()
    .chain(files.iter().map(|(n, b)| (*n, b.as_slice())))
    {
        zip.start_file(name, opts).map_err(ze)?;
        zip.write_all(bytes).map_err(io)?;
    }
    Ok(zip.finish().map_err(ze)?.into_inner())
}

fn read_entry(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>> {
    let mut entry = match archive.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(_) => {
            return Err(Error::rejected(
                Reason::Damaged,
                "Tệp bị hỏng (không đọc được bên trong). Hãy xin tổ gửi lại tệp.",
            ))
        }
    };
    if entry.size() > limit {
        return Err(too_large());
    }
    // The declared size can lie: never read more than the limit.
    let mut out = Vec::new();
    (&mut entry)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|_| {
            Error::rejected(
                Reason::Damaged,
                "Tệp bị hỏng (dữ liệu nén không giải được). Hãy xin tổ gửi lại tệp.",
            )
        })?;
    if out.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(Some(out))
}

fn too_large() -> Error {
    Error::rejected(
        Reason::TooLarge,
        "Tệp chứa dữ liệu quá lớn so với một báo cáo tháng nên không nhận. Hãy xin tổ gửi lại tệp xuất từ ứng dụng.",
    )
}

/// Reads and checks a package: size, entry names, sizes, format and version, signature,
/// checksums, and that every row belongs to the group the manifest names. A version 1
/// manifest is read into this version's shape.
pub fn read(bytes: &[u8]) -> Result<Package> {
    if bytes.len() as u64 > MAX_PACKAGE_BYTES {
        return Err(Error::rejected(
            Reason::TooLarge,
            "Tệp quá lớn (trên 20 MB), không phải tệp báo cáo của tổ. Hãy kiểm tra lại tệp.",
        ));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
        Error::rejected(
            Reason::NotAPackage,
            "Tệp không phải tệp báo cáo của tổ hoặc đã bị hỏng khi chép. Hãy xin tổ gửi lại tệp.",
        )
    })?;
    let mut seen = std::collections::BTreeSet::new();
    for i in 0..archive.len() {
        let name = archive
            .by_index_raw(i)
            .map(|e| e.name().to_string())
            .map_err(|_| {
                Error::rejected(
                    Reason::Damaged,
                    "Tệp bị hỏng (không đọc được danh mục bên trong). Hãy xin tổ gửi lại tệp.",
                )
            })?;
        if !ENTRIES.iter().any(|(n, _)| *n == name) || !seen.insert(name.clone()) {
            return Err(Error::rejected(
                Reason::BadEntryName,
                format!(
                    "Tệp có mục lạ “{}” bên trong nên không nhận (có thể không phải tệp của ứng dụng). Hãy xin tổ xuất lại tệp.",
                    name.chars().take(60).collect::<String>()
                ),
            ));
        }
    }
    let manifest_bytes =
        read_entry(&mut archive, "manifest.json", ENTRIES[0].1)?.ok_or_else(|| {
            Error::rejected(
                Reason::MissingEntry,
                "Tệp thiếu phần mô tả (manifest) nên không nhận. Hãy xin tổ xuất lại tệp.",
            )
        })?;
    let bad_manifest = || {
        Error::rejected(
            Reason::BadManifest,
            "Phần mô tả của tệp bị hỏng hoặc thiếu thông tin cần thiết. Hãy xin tổ xuất lại tệp.",
        )
    };
    let probe: serde_json::Value =
        serde_json::from_slice(&manifest_bytes).map_err(|_| bad_manifest())?;
    if probe.get("format").and_then(|v| v.as_str()) != Some(FORMAT) {
        return Err(Error::rejected(
            Reason::NotAPackage,
            "Tệp không phải tệp báo cáo của ứng dụng Tổ tự quản ANTT.",
        ));
    }
    let version = probe.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(Error::rejected(
            Reason::TooNew,
            "Tệp được tạo bởi phiên bản ứng dụng mới hơn. Hãy cập nhật ứng dụng rồi nhận lại tệp.",
        ));
    }
    let manifest: Manifest = match version {
        1 => serde_json::from_slice::<v1::Manifest>(&manifest_bytes)
            .map(Manifest::from)
            .map_err(|_| bad_manifest())?,
        2 => serde_json::from_slice(&manifest_bytes).map_err(|_| bad_manifest())?,
        _ => return Err(bad_manifest()),
    };
    let signature = read_entry(&mut archive, "signature.txt", ENTRIES[1].1)?.ok_or_else(|| {
        Error::rejected(
            Reason::MissingEntry,
            "Tệp thiếu chữ ký của tổ nên không nhận. Hãy xin tổ xuất lại tệp.",
        )
    })?;
    if !verify(
        &manifest.public_key,
        &manifest_bytes,
        &String::from_utf8_lossy(&signature),
    ) {
        return Err(Error::rejected(
            Reason::BadSignature,
            "Chữ ký của tệp không đúng: tệp đã bị sửa sau khi tổ xuất. Hãy xin tổ gửi lại tệp gốc.",
        ));
    }
    let mut data_bytes = None;
    for (name, sha) in &manifest.files {
        let limit = ENTRIES
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, l)| *l)
            .ok_or_else(bad_manifest)?;
        let bytes = read_entry(&mut archive, name, limit)?.ok_or_else(|| {
            Error::rejected(
                Reason::MissingEntry,
                format!("Tệp thiếu mục “{name}”. Hãy xin tổ xuất lại tệp."),
            )
        })?;
        if sha256_hex(&bytes) != *sha {
            return Err(Error::rejected(
                Reason::ChecksumMismatch,
                format!("Mục “{name}” trong tệp đã bị thay đổi hoặc hỏng. Hãy xin tổ gửi lại tệp."),
            ));
        }
        if name == "data.json" {
            data_bytes = Some(bytes);
        }
    }
    let data_bytes = data_bytes.ok_or_else(|| {
        Error::rejected(
            Reason::MissingEntry,
            "Tệp thiếu phần dữ liệu. Hãy xin tổ xuất lại tệp.",
        )
    })?;
    let data: DataSet = serde_json::from_slice(&data_bytes).map_err(|_| {
        Error::rejected(
            Reason::Damaged,
            "Phần dữ liệu của tệp bị hỏng. Hãy xin tổ gửi lại tệp.",
        )
    })?;
    let group = &manifest.group.id;
    for (table, rows) in &data {
        if manifest.counts.get(table).copied() != Some(rows.len() as u32) {
            return Err(Error::rejected(
                Reason::CountMismatch,
                "Số dòng dữ liệu không khớp phần mô tả. Hãy xin tổ xuất lại tệp.",
            ));
        }
        for row in rows {
            let owner = if table == "groups" {
                row.get("id")
            } else {
                row.get("group_id")
            };
            if owner.and_then(|v| v.as_str()) != Some(group.as_str()) {
                return Err(Error::rejected(
                    Reason::ForeignRows,
                    format!(
                        "Tệp của “{}” có dữ liệu của tổ khác nên không nhận. Hãy báo tổ kiểm tra lại ứng dụng.",
                        manifest.group.name
                    ),
                ));
            }
        }
    }
    Ok(Package {
        manifest,
        data,
        sha256: sha256_hex(bytes),
        version: version as u32,
    })
}

/// Version 1 of the manifest, read into this version's shape.
mod v1 {
    use super::{GroupIdentity, MonthStatus};
    use crate::model::figures::{FiguresV1, MonthFigures};
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Deserialize)]
    pub struct Manifest {
        pub format: String,
        pub group: GroupIdentity,
        pub period: String,
        pub created_at: String,
        pub public_key: String,
        pub counts: BTreeMap<String, u32>,
        pub files: BTreeMap<String, String>,
        pub figures: FiguresV1,
        pub digest: String,
        pub closed: bool,
        pub sensitive: bool,
    }

    impl From<Manifest> for super::Manifest {
        fn from(m: Manifest) -> super::Manifest {
            let figures = MonthFigures::from(m.figures);
            let category_names = figures
                .incidents
                .by_category
                .keys()
                .map(|code| {
                    let name = crate::model::incident::builtin_category_name(code)
                        .map_or_else(|| code.clone(), str::to_string);
                    (code.clone(), name)
                })
                .collect();
            let mut group = m.group;
            // Version 1 wrote the kind as a Rust name ("BaoVeAntt").
            group.kind = crate::model::group::GroupKind::from_debug_name(&group.kind)
                .map_or(group.kind, |k| k.as_str().to_string());
            super::Manifest {
                format: m.format,
                version: 1,
                group,
                period: m.period,
                created_at: m.created_at,
                public_key: m.public_key,
                counts: m.counts,
                files: m.files,
                // Version 1 counted a closed month from its records at export, not as issued.
                status: if m.closed {
                    MonthStatus::Closed
                } else {
                    MonthStatus::Draft
                },
                figures_now: figures.clone(),
                figures,
                digest: m.digest,
                digest_version: 1,
                issued: None,
                category_names,
                amendments: Vec::new(),
                sensitive: m.sensitive,
            }
        }
    }
}
