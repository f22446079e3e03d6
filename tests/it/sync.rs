//! Sync to the ward: a demo group's month goes to a ward and back as a receipt; imports are
//! idempotent and order-independent; every kind of bad file is refused with the ward's data
//! left byte for byte as it was.

use crate::common::*;
use chrono::{DateTime, Utc};
use proptest::prelude::*;
use std::io::Write;
use std::path::Path;
use ttq::app::{self, ward::ImportOptions};
use ttq::model::ward::{KeyStatus, ReportState, WardInput};
use ttq::sync::package;
use ttq::{ErrorCode, Reason, Store};

pub(crate) fn ward_input() -> WardInput {
    WardInput {
        name: "Công an phường Yên Hải".into(),
        province_code: "22".into(),
        province_name: "Quảng Ninh".into(),
        commune_code: "07069".into(),
        commune_name: "Phường Yên Hải".into(),
        deadline_day: 5,
    }
}

pub(crate) fn ward(dir: &Path) -> Store {
    let mut w = Store::open_dir(dir).unwrap();
    app::ward::init(&mut w, &ward_input(), now()).unwrap();
    w
}

/// The month's package of a group, made at `at`.
pub(crate) fn export(g: &mut Store, month: &str, at: DateTime<Utc>) -> Vec<u8> {
    app::sync::export(g, month, false, at).unwrap().bytes
}

pub(crate) fn states(w: &Store, months: &[&str], at: DateTime<Utc>) -> Vec<Vec<ReportState>> {
    let months: Vec<String> = months.iter().map(|m| m.to_string()).collect();
    app::ward::status(w, &months, at)
        .unwrap()
        .groups
        .iter()
        .map(|g| g.months.iter().map(|c| c.state).collect())
        .collect()
}

pub(crate) fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The demo group, created on 27/11/2026.
pub(crate) fn demo(dir: &Path) -> Store {
    let mut g = Store::open_dir(dir).unwrap();
    ttq::demo::fill(&mut g, now(), 11).unwrap();
    g
}

pub(crate) fn import(w: &mut Store, bytes: &[u8]) -> ttq::Result<ttq::model::ward::ImportPreview> {
    app::ward::import(w, bytes, "tep.zip", &ImportOptions::default(), later(10))
}

/// Every synced row of a database, as text, table by table.
fn dump(path: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    for t in [
        "groups",
        "members",
        "incidents",
        "activities",
        "record_versions",
        "shifts",
        "shift_members",
        "closed_months",
        "issued_reports",
        "practices",
        "ward_groups",
    ] {
        let mut st = c.prepare(&format!("SELECT * FROM {t} ORDER BY 1")).unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap();
        for r in rows {
            out.push(format!("{t}: {}", r.unwrap()));
        }
    }
    out
}

#[test]
fn a_month_goes_to_the_ward_and_a_receipt_comes_back() {
    let gd = tempfile::tempdir().unwrap();
    let mut g = demo(gd.path());
    let file = app::sync::export(&mut g, "2026-10", false, at("2026-11-03T02:00:00Z")).unwrap();
    let (name, bytes) = (file.name, file.bytes);
    assert!(
        name.starts_with("TTQ_22_07069_") && name.ends_with("_2026-10.zip"),
        "{name}"
    );
    assert!(bytes.len() < 200 * 1024, "{} bytes", bytes.len());

    let wd = tempfile::tempdir().unwrap();
    let mut w = ward(wd.path());
    let dry = app::ward::import(
        &mut w,
        &bytes,
        &name,
        &ImportOptions {
            dry_run: true,
            ..Default::default()
        },
        later(5),
    )
    .unwrap();
    assert!(!dry.applied && dry.new > 100 && dry.key == KeyStatus::New);
    assert_eq!(
        dump(wd.path().join("ttq.sqlite").as_path()).len(),
        0,
        "a dry run writes nothing"
    );
    let p = import(&mut w, &bytes).unwrap();
    assert!(p.applied);
    assert_eq!(p.new, dry.new);
    assert_eq!(Some(p.fingerprint.clone()), g.group_fingerprint().unwrap());

    // Sensitive fields stayed home: the ward has names but no phones or people involved.
    let c = rusqlite::Connection::open(w.path()).unwrap();
    let phones: i64 = c
        .query_row(
            "SELECT count(*) FROM members WHERE phone IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let involved: i64 = c
        .query_row(
            "SELECT count(*) FROM incidents WHERE people_involved IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let names: i64 = c
        .query_row(
            "SELECT count(*) FROM members WHERE full_name <> ''",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!((phones, involved), (0, 0));
    assert!(names >= 17);
    // The ward is not a group: group functions see none.
    assert!(w.group().unwrap().is_none());

    // Sent on the 3rd: on time for October; September missing; November not yet due on
    // the 27th of November.
    assert_eq!(
        states(&w, &["2026-09", "2026-10", "2026-11"], later(6)),
        [[
            ReportState::Missing,
            ReportState::OnTime,
            ReportState::NotDue
        ]]
    );

    // A group expected by name that never sent a file shows as missing; expecting a group
    // already heard from (spelt differently) adds nothing.
    app::ward::expect(&mut w, "Tổ bảo vệ an ninh, trật tự Khu phố 9", later(6)).unwrap();
    app::ward::expect(&mut w, "to bao ve an ninh, trat tu khu pho 3", later(6)).unwrap();
    let status = app::ward::status(&w, &["2026-10".into()], later(6)).unwrap();
    assert_eq!(status.groups.len(), 2);
    assert_eq!(
        status.groups[1].name,
        "Tổ bảo vệ an ninh, trật tự Khu phố 9"
    );
    assert_eq!(status.groups[1].months[0].state, ReportState::Missing);
    assert_eq!(
        (
            status.totals.due,
            status.totals.received,
            status.totals.on_time
        ),
        (2, 1, 1)
    );
    let pdf = app::ward::report_pdf(&w, "2026-10", day(5, 11), later(6)).unwrap();
    let path = wd.path().join("tong-hop.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    crate::common::pdf::qpdf_ok(&path);
    crate::common::pdf::assert_nd30_geometry(&path, true);
    let text = crate::common::pdf::flat_text(&path);
    // Headed as a police unit's document, the rates as percentages, the missing group named.
    for expected in [
        "CÔNG AN TỈNH QUẢNG NINH",
        "CÔNG AN PHƯỜNG YÊN HẢI",
        "/BC-CAP",
        "Hạn nộp báo cáo tháng 10/2026 là hết ngày 05/11/2026.",
        "Đã nhận báo cáo của 01/02 tổ (50%), tất cả đúng hạn.",
        "Chưa nộp báo cáo: Tổ bảo vệ an ninh, trật tự Khu phố 9.",
        "Tổ bảo vệ an ninh, trật tự Khu phố 3 Đúng hạn",
        "TRƯỞNG CÔNG AN PHƯỜNG",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    assert!(!text.contains("UBND"), "{text}");
    assert!(!text.contains("DỰ THẢO"), "{text}");
    // The signer and the heading come from the ward's settings.
    app::ward::set_documents(
        &mut w,
        &ttq::model::ward::WardDocuments {
            parent_body: "".into(),
            issuer_code: "cap".into(),
            signer_on_behalf: "KT. TRƯỞNG CÔNG AN PHƯỜNG".into(),
            signer_title: "PHÓ TRƯỞNG CÔNG AN PHƯỜNG".into(),
            signer_name: "Đại úy Phạm Quốc Hùng".into(),
        },
    )
    .unwrap();
    let pdf = app::ward::report_pdf(&w, "2026-10", day(5, 11), later(6)).unwrap();
    std::fs::write(&path, &pdf.bytes).unwrap();
    let text = crate::common::pdf::flat_text(&path);
    for expected in [
        "CÔNG AN TỈNH QUẢNG NINH",
        "/BC-CAP",
        "KT. TRƯỞNG CÔNG AN PHƯỜNG",
        "PHÓ TRƯỞNG CÔNG AN PHƯỜNG",
        "Đại úy Phạm Quốc Hùng",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    let e = app::ward::set_documents(
        &mut w,
        &ttq::model::ward::WardDocuments {
            issuer_code: "CA/P".into(),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.fields[0].field, "issuer_code");
    assert_eq!(
        app::ward::get(&w).unwrap().documents.signer_name,
        "Đại úy Phạm Quốc Hùng"
    );
    let xlsx = app::ward::report_xlsx(&w, "2026-10", later(6)).unwrap();
    assert_eq!(xlsx.name, "Tong hop thang 10-2026.xlsx");
    crate::ward::read_ward_workbook(&xlsx.bytes);

    let receipt = app::ward::issue_receipt(&w, &p.group_id, "2026-10")
        .unwrap()
        .bytes;
    let r = app::sync::import_receipt(&mut g, &receipt, later(20)).unwrap();
    assert_eq!(
        (r.period.as_str(), r.ward_name.as_str()),
        ("2026-10", "Công an phường Yên Hải")
    );
    assert_eq!(app::sync::receipts(&g).unwrap().len(), 1);
    // A receipt from another "ward" key is refused.
    let other = tempfile::tempdir().unwrap();
    let mut w2 = ward(other.path());
    import(&mut w2, &bytes).unwrap();
    let forged = app::ward::issue_receipt(&w2, &p.group_id, "2026-10")
        .unwrap()
        .bytes;
    assert_eq!(
        app::sync::import_receipt(&mut g, &forged, later(30))
            .unwrap_err()
            .reason,
        Some(Reason::WardKeyChanged)
    );
}

pub(crate) fn day(d: u32, m: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// Three packages of one group over time: the state before and after some edits (made once).
fn three_packages() -> &'static [Vec<u8>] {
    static PACKAGES: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    PACKAGES.get_or_init(make_packages)
}

fn make_packages() -> Vec<Vec<u8>> {
    let gd = tempfile::tempdir().unwrap();
    let mut g = demo(gd.path());
    let a = export(&mut g, "2026-10", later(1));
    g.add_incident(
        &incident("Mất trộm xe đạp", "20/11/2026", "trom_cap"),
        later(100),
    )
    .unwrap();
    let b = export(&mut g, "2026-11", later(200));
    let list = g.list_incidents(&Default::default()).unwrap();
    let first = g.incident(&list.items[0].id).unwrap();
    let mut input = incident(
        "Mất trộm xe đạp (đã tìm thấy)",
        &ttq::date::format(ttq::date::from_iso(&first.occurred_on).unwrap()),
        "trom_cap",
    );
    input.description = "Xe đã được tìm thấy ở bãi gửi xe chợ.".into();
    g.edit_incident(&first.id, &input, later(300)).unwrap();
    let c = export(&mut g, "2026-11", later(400));
    vec![a, b, c]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn imports_in_any_order_and_any_number_of_times_give_the_same_rows(order in proptest::collection::vec(0usize..3, 1..6)) {
        let packages = three_packages();
        let reference = tempfile::tempdir().unwrap();
        let mut r = ward(reference.path());
        for p in packages {
            import(&mut r, p).unwrap();
        }
        let expected = dump(r.path());
        // Every package at least once, in the order drawn, then any left out.
        let dir = tempfile::tempdir().unwrap();
        let mut w = ward(dir.path());
        let mut seen = [false; 3];
        for i in order.iter().copied().chain(0..3) {
            if seen.iter().all(|s| *s) && !order.contains(&i) {
                continue;
            }
            import(&mut w, &packages[i]).unwrap();
            seen[i] = true;
        }
        prop_assert_eq!(dump(w.path()), expected);
    }
}

/// Imports `bad` into a ward that already holds a good file, and checks it is refused for
/// `reason` and the ward's data file is byte for byte unchanged.
fn refused(good: &[u8], bad: &[u8], reason: Reason) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ttq.sqlite");
    {
        let mut w = ward(dir.path());
        import(&mut w, good).unwrap();
    }
    let before = std::fs::read(&file).unwrap();
    {
        let mut w = Store::open_dir(dir.path()).unwrap();
        let e = import(&mut w, bad).unwrap_err();
        assert_eq!(e.reason, Some(reason), "{}", e.message);
        assert!(
            matches!(e.code, ErrorCode::PackageRejected | ErrorCode::KeyChanged),
            "{:?}",
            e.code
        );
    }
    assert!(
        std::fs::read(&file).unwrap() == before,
        "the ward's data changed"
    );
}

fn rezip(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (n, b) in entries {
        z.start_file(*n, opts).unwrap();
        z.write_all(b).unwrap();
    }
    z.finish().unwrap().into_inner()
}

pub(crate) fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut a = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..a.len())
        .map(|i| {
            let mut f = a.by_index(i).unwrap();
            let mut v = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut v).unwrap();
            (f.name().to_string(), v)
        })
        .collect()
}

#[test]
fn bad_files_are_refused_and_the_ward_is_left_as_it_was() {
    let gd = tempfile::tempdir().unwrap();
    let mut g = demo(gd.path());
    let good = export(&mut g, "2026-10", later(1));
    let next = export(&mut g, "2026-11", later(2));
    let pkg = package::read(&next).unwrap();
    let parts = entries(&next);
    let part = |name: &str| parts.iter().find(|(n, _)| n == name).unwrap().1.clone();

    // Truncated and bit-flipped files.
    refused(&good, &next[..next.len() / 2], Reason::NotAPackage);
    let mut flipped = next.clone();
    let mid = flipped.len() / 3;
    flipped[mid] ^= 0x40;
    let e = package::read(&flipped).unwrap_err();
    assert!(
        matches!(e.reason, Some(Reason::Damaged | Reason::ChecksumMismatch)),
        "{e:?}"
    );
    refused(&good, &flipped, e.reason.unwrap());
    // A forged signature.
    let forged: Vec<(&str, Vec<u8>)> = parts
        .iter()
        .map(|(n, b)| {
            (
                n.as_str(),
                if n == "signature.txt" {
                    "ab".repeat(64).into_bytes()
                } else {
                    b.clone()
                },
            )
        })
        .collect();
    refused(&good, &rezip(&forged), Reason::BadSignature);
    // Data changed after signing.
    let mut data: serde_json::Value = serde_json::from_slice(&part("data.json")).unwrap();
    data["members"][0]["full_name"] = "Người khác".into();
    let tampered: Vec<(&str, Vec<u8>)> = parts
        .iter()
        .map(|(n, b)| {
            (
                n.as_str(),
                if n == "data.json" {
                    serde_json::to_vec(&data).unwrap()
                } else {
                    b.clone()
                },
            )
        })
        .collect();
    refused(&good, &rezip(&tampered), Reason::ChecksumMismatch);
    // An entry trying to climb out of the folder.
    let mut climbing: Vec<(&str, Vec<u8>)> =
        parts.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    climbing.push(("../../etc/cron.d/x", b"* * * * * root true".to_vec()));
    refused(&good, &rezip(&climbing), Reason::BadEntryName);
    // A zip bomb: 100 MB of zeros squeezed into a small file.
    let bomb: Vec<(&str, Vec<u8>)> = parts
        .iter()
        .map(|(n, b)| {
            (
                n.as_str(),
                if n == "data.json" {
                    vec![b' '; 100 * 1024 * 1024]
                } else {
                    b.clone()
                },
            )
        })
        .collect();
    let bomb = rezip(&bomb);
    assert!(bomb.len() < 1024 * 1024);
    refused(&good, &bomb, Reason::TooLarge);

    // Validly signed files that must still be refused: a newer format, another group's rows,
    // a group of another commune, and a new key without confirmation.
    let key = ttq::sync::keys::generate().unwrap();
    let sign_as =
        |mut m: package::Manifest, data: &serde_json::Value, k: &ttq::sync::keys::KeyPair| {
            m.public_key = k.public_hex.clone();
            package::write(
                m,
                vec![("data.json", serde_json::to_vec(data).unwrap())],
                &k.secret_hex,
            )
            .unwrap()
        };
    let original: serde_json::Value = serde_json::from_slice(&part("data.json")).unwrap();
    let mut newer = pkg.manifest.clone();
    newer.version = package::VERSION + 1;
    refused(&good, &sign_as(newer, &original, &key), Reason::TooNew);
    let mut stolen = original.clone();
    stolen["incidents"][0]["group_id"] = "01900000-0000-7000-8000-000000000000".into();
    refused(
        &good,
        &sign_as(pkg.manifest.clone(), &stolen, &key),
        Reason::ForeignRows,
    );
    let mut elsewhere = pkg.manifest.clone();
    elsewhere.group.commune_code = "07070".into();
    refused(
        &good,
        &sign_as(elsewhere, &original, &key),
        Reason::WrongCommune,
    );
    refused(
        &good,
        &sign_as(pkg.manifest.clone(), &original, &key),
        Reason::KeyChanged,
    );
}

#[test]
fn a_new_key_is_taken_only_when_confirmed_and_is_recorded() {
    let gd = tempfile::tempdir().unwrap();
    let mut g = demo(gd.path());
    let good = export(&mut g, "2026-10", later(1));
    let pkg = package::read(&good).unwrap();
    let key = ttq::sync::keys::generate().unwrap();
    let mut m = pkg.manifest.clone();
    m.public_key = key.public_hex.clone();
    let data = serde_json::to_vec(&pkg.data).unwrap();
    let rekeyed = package::write(m, vec![("data.json", data)], &key.secret_hex).unwrap();
    let wd = tempfile::tempdir().unwrap();
    let mut w = ward(wd.path());
    import(&mut w, &good).unwrap();
    assert_eq!(
        import(&mut w, &rekeyed).unwrap_err().code,
        ErrorCode::KeyChanged
    );
    let p = app::ward::import(
        &mut w,
        &rekeyed,
        "moi.zip",
        &ImportOptions {
            accept_new_key_by: Some("Đ/c Hùng, gọi điện 03/11".into()),
            ..Default::default()
        },
        later(50),
    )
    .unwrap();
    assert_eq!(p.key, KeyStatus::Changed);
    let c = rusqlite::Connection::open(w.path()).unwrap();
    let who: String = c
        .query_row("SELECT confirmed_by FROM ward_key_changes", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(who, "Đ/c Hùng, gọi điện 03/11");
    // From now on the new key is the known one.
    assert_eq!(import(&mut w, &rekeyed).unwrap().key, KeyStatus::Known);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// A fuzzer for the package reader: any mutation of a real package (flipped bytes, cut,
    /// spliced junk) is read without panicking, and anything not intact is refused.
    #[test]
    fn the_package_reader_survives_any_mutation(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        cut in proptest::option::of(any::<prop::sample::Index>()),
        junk in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let original = &three_packages()[0];
        let mut bytes = original.clone();
        for (i, b) in &flips {
            let k = i.index(bytes.len());
            bytes[k] ^= b | 1;
        }
        if let Some(c) = cut {
            bytes.truncate(c.index(bytes.len()));
        }
        let at = bytes.len() / 2;
        bytes.splice(at..at, junk.iter().copied());
        match package::read(&bytes) {
            Ok(p) => prop_assert_eq!(p.sha256, ttq::sync::keys::sha256_hex(&bytes)),
            Err(e) => prop_assert_eq!(e.code, ErrorCode::PackageRejected),
        }
    }
}
