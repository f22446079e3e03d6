//! A demo ward workspace that tells the same story on any day of the month: six groups
//! expected, deadline the 5th. For the latest month whose reports are all in (`story`):
//! Khu phố 1–3 sent on time, Khu phố 4 late, Khu phố 5 not at all (it sent the month
//! before on time), Khu phố 6 has never sent a file. Months after it are in progress: files
//! appear as their send time passes, the rest show "chưa đến hạn". Khu phố 2 amended a
//! closed month. Each group's files are made by the group demo as it stood when it sent
//! them, and imported as the ward would.

use super::Profile;
use crate::app::{self, ward::ImportOptions};
use crate::error::Result;
use crate::model::ward::{WardDocuments, WardInput};
use crate::store::Store;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use std::path::Path;

/// The ward demo's reporting deadline: the 5th of the next month.
const DEADLINE_DAY: u32 = 5;

/// A moment in Vietnam time, as UTC.
fn vn(d: NaiveDate, hour: u32) -> DateTime<Utc> {
    let t = d.and_time(NaiveTime::from_hms_opt(hour, 0, 0).expect("valid time"));
    DateTime::from_naive_utc_and_offset(t - Duration::hours(7), Utc)
}

fn next(m: NaiveDate) -> NaiveDate {
    m + chrono::Months::new(1)
}

/// When group `i` (0 = Khu phố 1) sends month `m`'s file, if it does.
fn sent(i: usize, m: NaiveDate, story: NaiveDate) -> Option<DateTime<Utc>> {
    let n = next(m);
    match i {
        // After the report is signed on the 2nd, and before the deadline.
        0..=2 => Some(vn(n + Duration::days(1 + i as i64), 9 + i as u32)),
        // Three days after the deadline.
        3 => Some(vn(n + Duration::days(i64::from(DEADLINE_DAY) + 2), 16)),
        // On the deadline day, but nothing from the story month on.
        4 => (m < story).then(|| vn(n + Duration::days(i64::from(DEADLINE_DAY) - 1), 8)),
        _ => None,
    }
}

/// The latest month whose files, late ones included, have all been sent by `now`.
fn story_month(now: DateTime<Utc>) -> NaiveDate {
    let today = crate::date::vn_today(now);
    let mut m = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).expect("valid")
        - chrono::Months::new(1);
    while sent(3, m, m).is_some_and(|t| t > now) {
        m = m - chrono::Months::new(1);
    }
    m
}

/// Sets `store` up as the ward and fills it with the files of five demo groups.
pub fn fill_ward(store: &mut Store, now: DateTime<Utc>) -> Result<()> {
    store.set_local_value(app::backup::DEMO, Some("1"))?;
    app::ward::init(
        store,
        &WardInput {
            name: "Công an phường Yên Hải".into(),
            province_code: "22".into(),
            province_name: "Quảng Ninh".into(),
            commune_code: "07069".into(),
            commune_name: "Phường Yên Hải".into(),
            deadline_day: DEADLINE_DAY as u8,
        },
        now,
    )?;
    app::ward::set_documents(
        store,
        &WardDocuments {
            signer_on_behalf: "KT. Trưởng Công an phường".into(),
            signer_title: "Phó Trưởng Công an phường".into(),
            signer_name: "Thiếu tá Phạm Quốc Hùng".into(),
            ..Default::default()
        },
    )?;
    for k in 1..=6 {
        app::ward::expect(
            store,
            &format!("Tổ bảo vệ an ninh, trật tự Khu phố {k}"),
            now,
        )?;
    }
    let story = story_month(now);
    let today = crate::date::vn_today(now);
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).expect("valid");
    let mut months = vec![story - chrono::Months::new(1)];
    while let Some(&m) = months.last().filter(|m| next(**m) < this_month) {
        months.push(next(m));
    }
    for i in 0..5 {
        let sends: Vec<(NaiveDate, DateTime<Utc>)> = months
            .iter()
            .filter_map(|m| sent(i, *m, story).filter(|t| *t <= now).map(|t| (*m, t)))
            .collect();
        let Some(&(_, last)) = sends.last() else {
            continue;
        };
        // The group as it stood when it sent its last file; it lives in memory only.
        let mut g = Store::open(Path::new(":memory:"))?;
        let seed = 100 + i as u64;
        super::fill_profile(&mut g, last, seed, &Profile::of(i as u32 + 1, seed))?;
        for (m, at) in sends {
            let month = format!("{:04}-{:02}", m.year(), m.month());
            let file = app::sync::export(&mut g, &month, false, at)?;
            app::ward::import(
                store,
                &file.bytes,
                &file.name,
                &ImportOptions::default(),
                (at + Duration::hours(2)).min(now),
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn the_story_month_is_the_latest_with_every_file_in() {
        let m = |y, mo| NaiveDate::from_ymd_opt(y, mo, 1).unwrap();
        // The late file of November comes on 08/12 16:00.
        assert_eq!(story_month(at("2026-12-02T00:30:00+07:00")), m(2026, 10));
        assert_eq!(story_month(at("2026-12-08T15:59:00+07:00")), m(2026, 10));
        assert_eq!(story_month(at("2026-12-08T16:00:00+07:00")), m(2026, 11));
        assert_eq!(story_month(at("2027-01-01T00:30:00+07:00")), m(2026, 11));
        assert_eq!(story_month(at("2026-11-30T23:30:00+07:00")), m(2026, 10));
    }
}
