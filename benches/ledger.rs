//! Benchmark: folded search over 100,000 incidents (target: under 30 ms in release), and the
//! memory the in-memory index takes.
//! Run with `cargo bench --bench ledger`; prints figures, asserts nothing.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::time::Instant;
use ttq::model::incident::{IncidentFilter, IncidentInput, IncidentStatus, ReporterKind};
use ttq::{date, Store};

const N: usize = 100_000;

const WORDS: &[&str] = &[
    "xe máy",
    "điện thoại",
    "túi xách",
    "thanh niên",
    "người lạ",
    "cổng chợ",
    "bãi đất trống",
    "nhà trọ",
    "quán nhậu",
    "bình chữa cháy",
    "công tơ điện",
    "cây đổ",
    "tờ rơi",
    "ngõ tối",
];
const PLACES: &[&str] = &[
    "Ngõ 12 đường Trần Khánh Dư",
    "Đường Hoàng Hoa Thám",
    "Ngõ 5 phố Lê Lợi",
    "Xóm Bãi",
    "Đường Nguyễn Trãi",
    "Chợ Yên Hải",
    "Ngõ 48 đường Ngô Quyền",
    "Phố Bạch Đằng",
];
const CATEGORIES: &[&str] = &[
    "trom_cap",
    "cuop_giat",
    "danh_nhau",
    "tranh_chap",
    "giao_thong",
    "lua_dao",
    "cu_tru",
    "khac",
];

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-27T02:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    ttq::demo::fill(&mut store, now, 1).unwrap();
    let editor = "Trần Văn Quyết".to_string();
    let mut seed: u64 = 42;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let first = NaiveDate::from_ymd_opt(2021, 12, 1).unwrap();
    let t = Instant::now();
    for k in 0..N {
        let on = first + Duration::days(next(1820) as i64);
        let (a, b) = (WORDS[next(WORDS.len())], WORDS[next(WORDS.len())]);
        let input = IncidentInput {
            occurred_on: date::format(on),
            occurred_time: format!("{:02}:{:02}", next(24), next(60)),
            time_approx: false,
            place: PLACES[next(PLACES.len())].into(),
            landmark: String::new(),
            category: CATEGORIES[next(CATEGORIES.len())].into(),
            title: format!("Vụ việc số {k}: {a}"),
            description: format!(
                "Tổ tuần tra ghi nhận liên quan đến {a} và {b}; đã nhắc nhở, theo dõi thêm."
            ),
            people_involved: String::new(),
            reporter_kind: ReporterKind::Resident,
            reporter_member_id: None,
            reporter_name: String::new(),
            action_taken: String::new(),
            status: IncidentStatus::DaGiaiQuyet,
            transferred_on: String::new(),
            transferred_to: String::new(),
            valuable_tip: false,
            patrol_log_id: None,
            editor: editor.clone(),
        };
        store.add_incident(&input, now).unwrap();
    }
    println!(
        "generated {N} incidents in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let size = std::fs::metadata(store.path()).unwrap().len()
        + std::fs::metadata(store.path().with_extension("sqlite-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    println!("database file: {:.1} MB", size as f64 / 1e6);

    let rss_before = rss_mb();
    let t = Instant::now();
    store
        .list_incidents(&IncidentFilter {
            search: "xe may".into(),
            limit: Some(200),
            ..Default::default()
        })
        .unwrap();
    println!(
        "first search (reads all {N} rows into the in-memory index): {:.1} ms, resident memory +{:.0} MB",
        t.elapsed().as_secs_f64() * 1000.0,
        rss_mb() - rss_before
    );

    let cases: Vec<(&str, IncidentFilter)> = vec![
        (
            "search \"binh chua chay\", first 200",
            IncidentFilter {
                search: "binh chua chay".into(),
                limit: Some(200),
                ..Default::default()
            },
        ),
        (
            "search \"Nguyễn Trãi\", first 200",
            IncidentFilter {
                search: "Nguyễn Trãi".into(),
                limit: Some(200),
                ..Default::default()
            },
        ),
        (
            "search \"cong to dien\" in one month",
            IncidentFilter {
                search: "cong to dien".into(),
                month: Some("2024-03".into()),
                ..Default::default()
            },
        ),
        (
            "search \"xe\" (short word), first 200",
            IncidentFilter {
                search: "xe".into(),
                limit: Some(200),
                ..Default::default()
            },
        ),
        (
            "search \"so 99999\" (rare)",
            IncidentFilter {
                search: "so 99999".into(),
                limit: Some(200),
                ..Default::default()
            },
        ),
        (
            "no search, one month, all rows",
            IncidentFilter {
                month: Some("2025-06".into()),
                ..Default::default()
            },
        ),
        (
            "no search, first 200 of all",
            IncidentFilter {
                limit: Some(200),
                ..Default::default()
            },
        ),
    ];
    for (name, f) in cases {
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..15 {
            let t = Instant::now();
            let l = store.list_incidents(&f).unwrap();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            total = l.total;
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!(
            "{name:<42} median {:>7.2} ms  max {:>7.2} ms  ({total} match)",
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }

    // The app's usual cycle: edit one incident, then the list refreshes.
    let first = store
        .list_incidents(&IncidentFilter {
            limit: Some(1),
            ..Default::default()
        })
        .unwrap()
        .items
        .remove(0);
    let current = store.incident(&first.id).unwrap();
    let mut times = Vec::new();
    for k in 0..15 {
        let mut input = IncidentInput {
            occurred_on: date::format(date::from_iso(&current.occurred_on).unwrap()),
            occurred_time: current.occurred_time.clone().unwrap_or_default(),
            time_approx: false,
            place: current.place.clone(),
            landmark: String::new(),
            category: current.category.clone(),
            title: format!("{} (sửa {k})", current.title),
            description: current.description.clone(),
            people_involved: String::new(),
            reporter_kind: ReporterKind::Resident,
            reporter_member_id: None,
            reporter_name: String::new(),
            action_taken: String::new(),
            status: IncidentStatus::DaGiaiQuyet,
            transferred_on: String::new(),
            transferred_to: String::new(),
            valuable_tip: false,
            patrol_log_id: None,
            editor: editor.clone(),
        };
        input.title.push('.');
        let t = Instant::now();
        store.edit_incident(&first.id, &input, now).unwrap();
        store
            .list_incidents(&IncidentFilter {
                search: "sua".into(),
                limit: Some(200),
                ..Default::default()
            })
            .unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "{:<42} median {:>7.2} ms  max {:>7.2} ms",
        "edit one, then search again",
        times[times.len() / 2],
        times[times.len() - 1]
    );
}

/// Resident memory of this process in MB (Linux).
fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
