//! Benchmarks of sync to the ward (targets: a month of 200 group files imported in under 5 s;
//! a group's five-year package under 1 MB). Run with `cargo bench --bench sync`.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::time::Instant;
use ttq::app::{self, ward::ImportOptions};
use ttq::model::activity::{ActivityInput, ActivityKind};
use ttq::model::incident::{IncidentInput, IncidentStatus, ReporterKind};
use ttq::model::patrol::{Attendance, PatternInput};
use ttq::model::ward::WardInput;
use ttq::sync::{keys, package};

fn incident(on: NaiveDate, i: usize) -> IncidentInput {
    let cats = [
        "trom_cap",
        "danh_nhau",
        "cu_tru",
        "lua_dao",
        "giao_thong",
        "tranh_chap",
    ];
    IncidentInput {
        occurred_on: ttq::date::format(on),
        occurred_time: format!("{:02}:{:02}", 18 + i % 6, (i * 7) % 60),
        time_approx: false,
        place: "Ngõ 12 đường Trần Khánh Dư".into(),
        landmark: String::new(),
        category: cats[i % cats.len()].into(),
        title: format!("Vụ việc số {i}"),
        description: "Người dân báo có người lạ dò xét các nhà trong ngõ; tổ tuần tra đến kiểm tra, nhắc nhở.".into(),
        people_involved: String::new(),
        reporter_kind: ReporterKind::Resident,
        reporter_member_id: None,
        reporter_name: String::new(),
        action_taken: "Tổ có mặt, nắm tình hình".into(),
        status: IncidentStatus::DaGiaiQuyet,
        transferred_on: String::new(),
        transferred_to: String::new(),
        valuable_tip: i.is_multiple_of(9),
        patrol_log_id: None,
        editor: "Trần Văn Quyết".into(),
    }
}

/// A group with five years of records: members, two patterns, a roster with attendance every
/// month, 12 incidents and 6 activities a month.
fn five_years(dir: &std::path::Path, now: DateTime<Utc>) -> ttq::Store {
    let mut s = ttq::Store::open_dir(dir).unwrap();
    ttq::demo::fill(&mut s, now, 3).unwrap();
    s.add_pattern(
        &PatternInput {
            name: "Ca khuya".into(),
            start: "00:00".into(),
            end: "03:00".into(),
            weekdays: [true; 7],
            needed: 2,
            route: "Bờ sông".into(),
        },
        now,
    )
    .unwrap();
    let start = NaiveDate::from_ymd_opt(2021, 11, 1).unwrap();
    let mut n = 0;
    for m in 0..54u32 {
        let first = start + chrono::Months::new(m);
        let month = first.format("%Y-%m").to_string();
        if let Ok(v) = ttq::app::patrols::generate(&mut s, &month, now) {
            for sh in v.shifts.iter().step_by(2) {
                for seat in &sh.seats {
                    let _ = s.set_attendance(&sh.id, &seat.member_id, Attendance::CoMat, None, now);
                }
            }
        }
        for k in 0..12 {
            s.add_incident(&incident(first + Duration::days((k * 2) as i64), n), now)
                .unwrap();
            n += 1;
        }
        for k in 0..6 {
            let kind = ActivityKind::ALL[k % ActivityKind::ALL.len()];
            s.add_activity(
                &ActivityInput {
                    kind,
                    held_on: ttq::date::format(first + Duration::days((k * 4) as i64)),
                    title: String::new(),
                    place: "Nhà văn hóa".into(),
                    content: "Phổ biến cách phòng chống lừa đảo qua điện thoại".into(),
                    people: Some(30),
                    households: Some(10),
                    conclusions: String::new(),
                    assignments: vec![],
                    parties: String::new(),
                    mediation_success: Some(true),
                    editor: "Trần Văn Quyết".into(),
                },
                now,
            )
            .unwrap();
        }
    }
    s
}

/// Every quoted UUID in `json` with its last four digits replaced by `i`: the same records,
/// as if they were another group's (ids and references stay consistent).
fn reid(json: &str, i: usize) -> String {
    let b = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let mut k = 0;
    let uuid = |s: &[u8]| {
        s.len() == 36
            && s.iter().enumerate().all(|(j, c)| {
                if [8, 13, 18, 23].contains(&j) {
                    *c == b'-'
                } else {
                    c.is_ascii_hexdigit()
                }
            })
    };
    while k < b.len() {
        if b[k] == b'"' && k + 38 <= b.len() && b[k + 37] == b'"' && uuid(&b[k + 1..k + 37]) {
            out.push_str(&json[k..k + 33]);
            out.push_str(&format!("{i:04x}"));
            out.push('"');
            k += 38;
        } else {
            let ch = json[k..].chars().next().unwrap();
            out.push(ch);
            k += ch.len_utf8();
        }
    }
    out
}

/// The same package as if sent by another group: new ids, a new key.
fn as_group(p: &package::Package, i: usize) -> Vec<u8> {
    let data = reid(&serde_json::to_string(&p.data).unwrap(), i);
    let key = keys::generate().unwrap();
    let mut m = p.manifest.clone();
    m.group.id = reid(&format!("\"{}\"", m.group.id), i)
        .trim_matches('"')
        .to_string();
    m.group.name = format!("Tổ tự quản số {i}");
    m.public_key = key.public_hex.clone();
    package::write(m, vec![("data.json", data.into_bytes())], &key.secret_hex).unwrap()
}

fn main() {
    let now: DateTime<Utc> = "2026-11-27T02:00:00Z".parse().unwrap();
    let gdir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let mut g = five_years(gdir.path(), now);
    let built = t.elapsed();
    let t = Instant::now();
    let big = app::sync::export(&mut g, "2026-10", false, now)
        .unwrap()
        .bytes;
    println!(
        "five-year group: built in {:.1} s; package {:.0} KB (target under 1024 KB), exported in {} ms",
        built.as_secs_f64(),
        big.len() as f64 / 1024.0,
        t.elapsed().as_millis()
    );

    let demo_dir = tempfile::tempdir().unwrap();
    let mut d = ttq::Store::open_dir(demo_dir.path()).unwrap();
    ttq::demo::fill(&mut d, now, 5).unwrap();
    let one = app::sync::export(&mut d, "2026-10", false, now)
        .unwrap()
        .bytes;
    let p = package::read(&one).unwrap();
    let files: Vec<Vec<u8>> = (0..200).map(|i| as_group(&p, i)).collect();
    let total: usize = files.iter().map(Vec::len).sum();
    let wdir = tempfile::tempdir().unwrap();
    let mut w = ttq::Store::open_dir(wdir.path()).unwrap();
    app::ward::init(
        &mut w,
        &WardInput {
            name: "Công an phường Yên Hải".into(),
            province_code: "22".into(),
            province_name: "Quảng Ninh".into(),
            commune_code: "07069".into(),
            commune_name: "Phường Yên Hải".into(),
            deadline_day: 5,
        },
        now,
    )
    .unwrap();
    let t = Instant::now();
    for f in &files {
        package::read(f).unwrap();
    }
    let reading = t.elapsed();
    let t = Instant::now();
    let mut rows = 0;
    for (i, f) in files.iter().enumerate() {
        let r = app::ward::import(
            &mut w,
            f,
            &format!("to-{i}.zip"),
            &ImportOptions::default(),
            now,
        )
        .unwrap();
        rows += r.new;
    }
    let import = t.elapsed();
    let t = Instant::now();
    let status = app::ward::status(&w, &["2026-10".into()], now).unwrap();
    let pdf = app::ward::report_pdf(
        &w,
        "2026-10",
        NaiveDate::from_ymd_opt(2026, 11, 6).unwrap(),
        now,
    )
    .unwrap();
    println!(
        "ward: 200 group files ({:.1} MB, {rows} rows) imported in {:.2} s (target under 5 s; reading and checking the files alone {:.2} s); status of {} groups and the consolidated report ({} KB) in {} ms",
        total as f64 / 1_048_576.0,
        import.as_secs_f64(),
        reading.as_secs_f64(),
        status.groups.len(),
        pdf.bytes.len() / 1024,
        t.elapsed().as_millis()
    );
}
