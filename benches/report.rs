//! Benchmark: the monthly report of a busy group — the demo group plus 200 incidents and
//! 40 activities in one month (targets: under 50 ms in release, file under 150 KB).
//! Run with `cargo bench --bench report`.

use chrono::{DateTime, NaiveDate, Utc};
use std::time::Instant;
use ttq::model::activity::{ActivityInput, ActivityKind};
use ttq::model::incident::{IncidentInput, IncidentStatus, ReporterKind};
use ttq::report::{monthly, render};

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = ttq::Store::open_dir(dir.path()).unwrap();
    let now: DateTime<Utc> = "2026-11-27T02:00:00Z".parse().unwrap();
    ttq::demo::fill(&mut store, now, 7).unwrap();
    let cats = [
        "trom_cap",
        "cuop_giat",
        "danh_nhau",
        "ma_tuy",
        "lua_dao",
        "cu_tru",
        "giao_thong",
    ];
    let places = [
        "Ngõ 12 đường Trần Khánh Dư",
        "Chợ Yên Hải",
        "Bờ mương sau chợ",
        "Xóm Bãi, Khu phố 3",
    ];
    for i in 0..200usize {
        store
            .add_incident(
                &IncidentInput {
                    occurred_on: format!("{:02}/11/2026", i % 26 + 1),
                    occurred_time: format!("{:02}:{:02}", (i * 7) % 24, (i * 13) % 60),
                    time_approx: i % 3 == 0,
                    place: places[i % places.len()].into(),
                    landmark: String::new(),
                    category: cats[i % cats.len()].into(),
                    title: format!("Vụ việc số {}", i + 1),
                    description: "Người dân báo có người lạ đi xe máy dừng lại nhìn vào các nhà trong ngõ; tổ tuần tra đến kiểm tra, nhắc nhở và ghi nhận.".into(),
                    people_involved: String::new(),
                    reporter_kind: ReporterKind::Resident,
                    reporter_member_id: None,
                    reporter_name: String::new(),
                    action_taken: "Tổ có mặt, nắm tình hình".into(),
                    status: if i % 4 == 0 { IncidentStatus::DaGiaiQuyet } else { IncidentStatus::DangTheoDoi },
                    transferred_on: String::new(),
                    transferred_to: String::new(),
                    valuable_tip: i % 10 == 0,
                    patrol_log_id: None,
                    editor: "Trần Văn Quyết".into(),
                },
                now,
            )
            .unwrap();
    }
    for i in 0..40usize {
        let kind = ActivityKind::ALL[i % ActivityKind::ALL.len()];
        store
            .add_activity(
                &ActivityInput {
                    kind,
                    held_on: format!("{:02}/11/2026", i % 26 + 1),
                    title: String::new(),
                    place: "Nhà văn hóa khu phố 3".into(),
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
    let on = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let (mut gather, mut lay, mut total, mut size, mut pages) = (vec![], vec![], vec![], 0, 0);
    for _ in 0..20 {
        let t = Instant::now();
        let data = ttq::app::month::report_data(&store, "2026-11", on).unwrap();
        let g = t.elapsed();
        let digest = ttq::figures::digest(&data.group.id, &data.month, &data.figures);
        let doc = monthly::document(&data, Some(&digest));
        let (layout, bytes) = render(&doc);
        let all = t.elapsed();
        gather.push(g.as_secs_f64() * 1000.0);
        lay.push((all - g).as_secs_f64() * 1000.0);
        total.push(all.as_secs_f64() * 1000.0);
        size = bytes.len();
        pages = layout.pages.len();
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2]
    };
    println!(
        "monthly report, 200 incidents + 40 activities: median {:.1} ms (figures {:.1} ms, layout + PDF {:.1} ms), first {:.1} ms, {pages} pages, {:.1} KB",
        median(&mut total.clone()),
        median(&mut gather),
        median(&mut lay),
        total[0],
        size as f64 / 1024.0
    );
}
