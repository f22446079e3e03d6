//! Sync to the ward: a demo group's month goes to a ward and back as a receipt; imports are
//! idempotent and order-independent; every kind of bad file is refused with the ward's data
//! left byte for byte as it was.

mod common;

use chrono::{DateTime, Utc};
use common::*;
use proptest::prelude::*;
use std::io::Write;
use std::path::Path;
use ttq::model::ward::{KeyStatus, ReportState, WardInput};
use ttq::store::ImportOptions;
use ttq::sync::package;
use ttq::{ErrorCode, Store};

fn ward_input() -> WardInput {
    WardInput {
        name: "Công an phường Yên Hải".into(),
        province_code: "22".into(),
        province_name: "Quảng Ninh".into(),
        commune_code: "07069".into(),
        commune_name: "Phường Yên Hải".into(),
        deadline_day: 5,
    }
}

fn ward(dir: &Path) -> Store {
    let mut w = Store::open_dir(dir).unwrap();
    w.init_ward(&ward_input(), now()).unwrap();
    w
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// The demo group, created on 27/11/2026.
fn demo(dir: &Path) -> Store {
    let mut g = Store::open_dir(dir).unwrap();
    ttq::demo::fill(&mut g, now(), 11).unwrap();
    g
}

fn import(w: &mut Store, bytes: &[u8]) -> ttq::Result<ttq::model::ward::ImportPreview> {
    w.import_package(bytes, "tep.zip", &ImportOptions::default(), later(10))
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
    let (name, bytes) = g
        .export_package("2026-10", false, at("2026-11-03T02:00:00Z"))
        .unwrap();
    assert!(
        name.starts_with("TTQ_22_07069_") && name.ends_with("_2026-10.zip"),
        "{name}"
    );
    assert!(bytes.len() < 200 * 1024, "{} bytes", bytes.len());

    let wd = tempfile::tempdir().unwrap();
    let mut w = ward(wd.path());
    let dry = w
        .import_package(
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

    // Sent on the 3rd: on time for October; September and November missing.
    let status = w
        .ward_status(&["2026-09".into(), "2026-10".into(), "2026-11".into()])
        .unwrap();
    assert_eq!(status.len(), 1);
    assert_eq!(
        status[0].months,
        [
            ReportState::Missing,
            ReportState::OnTime,
            ReportState::Missing
        ]
    );

    // A group expected by name that never sent a file shows as missing; expecting a group
    // already heard from (spelt differently) adds nothing.
    w.ward_expect("Tổ bảo vệ an ninh, trật tự Khu phố 9", later(6))
        .unwrap();
    w.ward_expect("to bao ve an ninh, trat tu khu pho 3", later(6))
        .unwrap();
    let status = w.ward_status(&["2026-10".into()]).unwrap();
    assert_eq!(status.len(), 2);
    assert_eq!(status[1].name, "Tổ bảo vệ an ninh, trật tự Khu phố 9");
    assert_eq!(status[1].months, [ReportState::Missing]);
    let pdf = w.ward_report_pdf("2026-10", day(5, 11)).unwrap();
    let path = wd.path().join("tong-hop.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    common::pdf::qpdf_ok(&path);
    common::pdf::assert_nd30_geometry(&path, true);
    let text = common::pdf::flat_text(&path);
    assert!(
        text.contains("Có 1/2 tổ đã gửi báo cáo tháng 10/2026 (1 đúng hạn, 0 nộp muộn)."),
        "{text}"
    );
    assert!(text.contains("Các tổ chưa gửi báo cáo: Tổ bảo vệ an ninh, trật tự Khu phố 9."));
    assert!(
        text.contains("Tổ bảo vệ an ninh, trật tự Khu phố 3 Đúng hạn"),
        "{text}"
    );
    let xlsx = w.ward_report_xlsx("2026-10").unwrap();
    assert!(xlsx.starts_with(b"PK"));

    let (_, receipt) = w.issue_receipt(&p.group_id, "2026-10").unwrap();
    let r = g.import_receipt(&receipt, later(20)).unwrap();
    assert_eq!(
        (r.period.as_str(), r.ward_name.as_str()),
        ("2026-10", "Công an phường Yên Hải")
    );
    assert_eq!(g.receipts().unwrap().len(), 1);
    // A receipt from another "ward" key is refused.
    let other = tempfile::tempdir().unwrap();
    let mut w2 = ward(other.path());
    import(&mut w2, &bytes).unwrap();
    let (_, forged) = w2.issue_receipt(&p.group_id, "2026-10").unwrap();
    assert_eq!(
        g.import_receipt(&forged, later(30)).unwrap_err().code,
        ErrorCode::PackageRejected
    );
}

fn day(d: u32, m: u32) -> chrono::NaiveDate {
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
    let a = g.export_package("2026-10", false, later(1)).unwrap().1;
    g.add_incident(
        &incident("Mất trộm xe đạp", "20/11/2026", "trom_cap"),
        later(100),
    )
    .unwrap();
    let b = g.export_package("2026-11", false, later(200)).unwrap().1;
    let list = g.list_incidents(&Default::default()).unwrap();
    let first = g.incident(&list.items[0].id).unwrap();
    let mut input = incident(
        "Mất trộm xe đạp (đã tìm thấy)",
        &ttq::date::format(ttq::date::from_iso(&first.occurred_on).unwrap()),
        "trom_cap",
    );
    input.description = "Xe đã được tìm thấy ở bãi gửi xe chợ.".into();
    g.edit_incident(&first.id, &input, later(300)).unwrap();
    let c = g.export_package("2026-11", false, later(400)).unwrap().1;
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

/// Imports `bad` into a ward that already holds a good file, and checks it is refused with
/// `code` and the ward's data file is byte for byte unchanged.
fn refused(good: &[u8], bad: &[u8], code: ErrorCode, message: &str) {
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
        assert_eq!(e.code, code, "{}", e.message);
        assert!(e.message.contains(message), "{}", e.message);
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

fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
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
    let g = demo(gd.path());
    let good = g.export_package("2026-10", false, later(1)).unwrap().1;
    let next = g.export_package("2026-11", false, later(2)).unwrap().1;
    let pkg = package::read(&next).unwrap();
    let parts = entries(&next);
    let part = |name: &str| parts.iter().find(|(n, _)| n == name).unwrap().1.clone();

    // Truncated and bit-flipped files.
    refused(
        &good,
        &next[..next.len() / 2],
        ErrorCode::PackageRejected,
        "hỏng",
    );
    let mut flipped = next.clone();
    let mid = flipped.len() / 3;
    flipped[mid] ^= 0x40;
    refused(&good, &flipped, ErrorCode::PackageRejected, "gửi lại");
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
    refused(
        &good,
        &rezip(&forged),
        ErrorCode::PackageRejected,
        "Chữ ký của tệp không đúng",
    );
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
    refused(
        &good,
        &rezip(&tampered),
        ErrorCode::PackageRejected,
        "đã bị thay đổi",
    );
    // An entry trying to climb out of the folder.
    let mut climbing: Vec<(&str, Vec<u8>)> =
        parts.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    climbing.push(("../../etc/cron.d/x", b"* * * * * root true".to_vec()));
    refused(
        &good,
        &rezip(&climbing),
        ErrorCode::PackageRejected,
        "mục lạ",
    );
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
    refused(&good, &bomb, ErrorCode::PackageRejected, "quá lớn");

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
    newer.version = 2;
    refused(
        &good,
        &sign_as(newer, &original, &key),
        ErrorCode::PackageRejected,
        "phiên bản ứng dụng mới hơn",
    );
    let mut stolen = original.clone();
    stolen["incidents"][0]["group_id"] = "01900000-0000-7000-8000-000000000000".into();
    refused(
        &good,
        &sign_as(pkg.manifest.clone(), &stolen, &key),
        ErrorCode::PackageRejected,
        "dữ liệu của tổ khác",
    );
    let mut elsewhere = pkg.manifest.clone();
    elsewhere.group.commune_code = "07070".into();
    refused(
        &good,
        &sign_as(elsewhere, &original, &key),
        ErrorCode::PackageRejected,
        "đến đúng phường",
    );
    refused(
        &good,
        &sign_as(pkg.manifest.clone(), &original, &key),
        ErrorCode::KeyChanged,
        "gọi điện cho tổ trưởng",
    );
}

#[test]
fn a_new_key_is_taken_only_when_confirmed_and_is_recorded() {
    let gd = tempfile::tempdir().unwrap();
    let g = demo(gd.path());
    let good = g.export_package("2026-10", false, later(1)).unwrap().1;
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
    let p = w
        .import_package(
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
