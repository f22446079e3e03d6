//! A demo ward workspace: six groups expected, five of them sending files, their last two months sent as files (one
//! group always late, one that has not sent last month's), imported as the ward would.

use crate::error::Result;
use crate::model::group::GroupInput;
use crate::model::ward::WardInput;
use crate::store::{ImportOptions, Store};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use std::path::Path;

/// A moment in Vietnam time, as UTC.
fn vn(d: NaiveDate, hour: u32) -> DateTime<Utc> {
    let t = d.and_time(NaiveTime::from_hms_opt(hour, 0, 0).expect("valid time"));
    DateTime::from_naive_utc_and_offset(t - Duration::hours(7), Utc)
}

/// Sets `store` up as the ward and fills it with the files of five demo groups.
pub fn fill_ward(store: &mut Store, now: DateTime<Utc>) -> Result<()> {
    store.init_ward(
        &WardInput {
            name: "Công an phường Yên Hải".into(),
            province_code: "22".into(),
            province_name: "Quảng Ninh".into(),
            commune_code: "07069".into(),
            commune_name: "Phường Yên Hải".into(),
            deadline_day: 5,
        },
        now,
    )?;
    // The ward expects six groups; Khu phố 6 has never sent a file.
    for k in 1..=6 {
        store.ward_expect(&format!("Tổ bảo vệ an ninh, trật tự Khu phố {k}"), now)?;
    }
    let today = crate::date::vn_today(now);
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).expect("valid");
    let months = [
        this_month - chrono::Months::new(2),
        this_month - chrono::Months::new(1),
    ];
    for (i, area) in [
        "Khu phố 1",
        "Khu phố 2",
        "Khu phố 3",
        "Khu phố 4",
        "Khu phố 5",
    ]
    .iter()
    .enumerate()
    {
        // Each group lives in memory only long enough to write its files.
        let mut g = Store::open(Path::new(":memory:"))?;
        super::fill(&mut g, now, 100 + i as u64)?;
        let group = g.require_group()?;
        g.update_group(
            &GroupInput {
                kind: group.kind,
                name: format!("Tổ bảo vệ an ninh, trật tự {area}"),
                province_code: group.province_code.clone(),
                province_name: group.province_name.clone(),
                commune_code: group.commune_code.clone(),
                commune_name: group.commune_name.clone(),
                area_kind: group.area_kind,
                area_name: (*area).to_string(),
                decision_number: group.decision_number.clone().unwrap_or_default(),
                decision_date: group
                    .decision_date
                    .as_deref()
                    .and_then(crate::date::from_iso)
                    .map(crate::date::format)
                    .unwrap_or_default(),
                police_unit: group.police_unit.clone(),
                households: group.households.map(|h| h + 20 * i as i32),
                residents: group.residents.map(|r| r + 70 * i as i32),
            },
            now,
        )?;
        for (k, m) in months.into_iter().enumerate() {
            // Khu phố 5 has not sent last month's file; Khu phố 4 sends late.
            if i == 4 && k == 1 {
                continue;
            }
            let next = m + chrono::Months::new(1);
            let sent = if i == 3 {
                vn(next + Duration::days(8), 16)
            } else {
                vn(next + Duration::days(1 + i as i64), 9)
            };
            if sent > now {
                continue;
            }
            let key = format!("{:04}-{:02}", m.year(), m.month());
            let (name, bytes) = g.export_package(&key, false, sent)?;
            store.import_package(&bytes, &name, &ImportOptions::default(), now)?;
        }
    }
    Ok(())
}
