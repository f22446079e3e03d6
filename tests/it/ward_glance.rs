//! The ward's status at a glance: last month's counts and days to its deadline, months
//! before a group's first file not held against it, names in natural order, the change in
//! incidents; and what the import preview says about a file before it is taken in.

use super::sync::{at, export, ward};
use crate::common::*;
use std::path::Path;
use ttq::app;
use ttq::app::ward::ImportOptions;
use ttq::model::ward::{KeyStatus, ReportState};
use ttq::Store;

/// A group called "Tổ bảo vệ ANTT Khu phố {n}", with `incidents` (month, count) recorded.
fn group(dir: &Path, n: u32, incidents: &[(&str, u32)]) -> Store {
    let mut g = Store::open_dir(dir).unwrap();
    let mut input = group_input();
    input.name = format!("Tổ bảo vệ ANTT Khu phố {n}");
    input.area_name = format!("Khu phố {n}");
    app::group::create(
        &mut g,
        &ttq::model::group::GroupSetup {
            group: input,
            leader: member("Lê Văn Thành", "10/10/1965"),
        },
        at("2026-09-01T09:00:00+07:00"),
    )
    .unwrap();
    for (month, count) in incidents {
        let (y, m) = month.split_once('-').unwrap();
        for k in 0..*count {
            let on = format!("{:02}/{m}/{y}", k + 1);
            g.add_incident(
                &incident(&format!("Vụ {k}"), &on, "trom_cap"),
                at("2026-12-01T08:00:00+07:00"),
            )
            .unwrap();
        }
    }
    g
}

fn take(w: &mut Store, bytes: &[u8], when: &str) -> ttq::model::ward::ImportPreview {
    app::ward::import(w, bytes, "tep.zip", &ImportOptions::default(), at(when)).unwrap()
}

#[test]
fn last_month_at_a_glance_with_groups_in_natural_order() {
    let (wd, gd10, gd2) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let mut w = ward(wd.path());
    let mut ten = group(gd10.path(), 10, &[("2026-10", 3), ("2026-11", 5)]);
    let mut two = group(gd2.path(), 2, &[("2026-11", 2)]);
    let oct = export(&mut ten, "2026-10", at("2026-11-02T08:00:00+07:00"));
    take(&mut w, &oct, "2026-11-02T09:00:00+07:00");
    let nov10 = export(&mut ten, "2026-11", at("2026-12-02T08:00:00+07:00"));
    take(&mut w, &nov10, "2026-12-02T09:00:00+07:00");
    // Khu phố 2 sends its first file for November.
    let nov2 = export(&mut two, "2026-11", at("2026-12-03T08:00:00+07:00"));
    let p = take(&mut w, &nov2, "2026-12-03T09:00:00+07:00");
    assert_eq!(
        p.figures.incidents.total, 2,
        "the preview carries the month's figures"
    );
    app::ward::expect(
        &mut w,
        "Tổ bảo vệ ANTT Khu phố 7",
        at("2026-12-03T09:00:00+07:00"),
    )
    .unwrap();

    let months = ["2026-10".to_string(), "2026-11".to_string()];
    let s = app::ward::status(&w, &months, at("2026-12-04T10:00:00+07:00")).unwrap();
    let names: Vec<&str> = s.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Tổ bảo vệ ANTT Khu phố 2",
            "Tổ bảo vệ ANTT Khu phố 7",
            "Tổ bảo vệ ANTT Khu phố 10"
        ]
    );
    // October is before Khu phố 2's first file: shown "—", not counted against it. Khu
    // phố 7 never sent anything and is expected: October is missing for it.
    let (kp2, kp7, kp10) = (&s.groups[0], &s.groups[1], &s.groups[2]);
    assert!(kp2.months[0].before_first);
    assert!(!kp7.months[0].before_first);
    assert_eq!(kp7.months[0].state, ReportState::Missing);
    assert_eq!(kp10.months[0].state, ReportState::OnTime);
    assert_eq!(
        (s.totals.due, s.totals.received, s.totals.on_time),
        (2, 1, 1),
        "October: Khu phố 7 missing, Khu phố 10 on time"
    );

    // November, the month being reported: its deadline is tomorrow.
    let m = &s.summary;
    assert_eq!(
        (m.month.as_str(), m.deadline.as_str(), m.days_left),
        ("2026-11", "2026-12-05", 1)
    );
    assert_eq!((m.on_time, m.late, m.missing, m.not_due), (2, 0, 0, 1));
    assert_eq!(kp7.last_month, Some(ReportState::NotDue));
    // 5 + 2 incidents; Khu phố 10 reported 3 in October, so compared: 5 against 3.
    assert_eq!(
        (m.incidents, m.incidents_compared, m.incidents_before),
        (7, 5, 3)
    );
    assert_eq!(
        (kp10.incidents_last, kp10.incidents_before),
        (Some(5), Some(3))
    );
    assert_eq!((kp2.incidents_last, kp2.incidents_before), (Some(2), None));

    // After the deadline the one that sent nothing is missing; on 01/01 the month being
    // reported is December, and nobody has sent it yet.
    let after = app::ward::status(&w, &months, at("2026-12-06T00:00:00+07:00")).unwrap();
    assert_eq!(after.summary.missing, 1);
    assert_eq!(after.summary.days_left, -1);
    let jan = app::ward::status(&w, &months, at("2027-01-01T00:30:00+07:00")).unwrap();
    assert_eq!(jan.summary.month, "2026-12");
    assert_eq!((jan.summary.not_due, jan.summary.on_time), (3, 0));
}

#[test]
fn a_new_key_under_a_name_on_file_is_pointed_out_before_import() {
    let (wd, gd, other) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let mut w = ward(wd.path());
    let mut real = group(gd.path(), 3, &[("2026-11", 1)]);
    let first = take(
        &mut w,
        &export(&mut real, "2026-11", at("2026-12-02T08:00:00+07:00")),
        "2026-12-02T09:00:00+07:00",
    );
    assert_eq!(first.same_name_as, None);
    // Another data file calling itself "Khu phố 3", with its own key.
    let mut copy = group(other.path(), 3, &[("2026-11", 4)]);
    let bytes = export(&mut copy, "2026-11", at("2026-12-02T10:00:00+07:00"));
    let dry = ImportOptions {
        dry_run: true,
        ..Default::default()
    };
    let p = app::ward::import(
        &mut w,
        &bytes,
        "b.zip",
        &dry,
        at("2026-12-02T11:00:00+07:00"),
    )
    .unwrap();
    assert_eq!(p.key, KeyStatus::New);
    assert_eq!(p.same_name_as.as_deref(), Some(first.fingerprint.as_str()));
    assert_eq!(p.figures.incidents.total, 4);
}
