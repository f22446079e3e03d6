//! Demo monthly reports: the six months before this one written up, each in its own words,
//! and closed (signed on the 2nd of the next month), this month's narrative started, and,
//! for one group in five by seed, an incident added after closing to last month: an
//! amendment.

use super::{story, Profile};
use crate::app;
use crate::error::Result;
use crate::model::incident::{IncidentInput, IncidentStatus, ReporterKind};
use crate::store::Store;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// How many months before this one the demo closes.
pub(super) const CLOSED: u32 = 6;

pub(super) fn fill(
    store: &mut Store,
    now: DateTime<Utc>,
    profile: &Profile,
    leader: &str,
    amend: bool,
) -> Result<()> {
    let today = crate::date::vn_today(now);
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).expect("valid");
    let key = |d: NaiveDate| format!("{:04}-{:02}", d.year(), d.month());
    for back in (1..=CLOSED).rev() {
        let month = this_month - chrono::Months::new(back);
        app::month::save_narrative(
            store,
            &key(month),
            &story::narrative(profile.camera, profile.area, back),
            now,
        )?;
        let signed = (month + chrono::Months::new(1) + Duration::days(1)).min(today);
        app::month::close(store, &key(month), signed, leader, now)?;
    }
    if amend {
        // Reported to the leader after last month was closed: recorded as an amendment.
        let last = this_month - chrono::Months::new(1);
        store.add_incident(
            &IncidentInput {
                occurred_on: crate::date::format(last + Duration::days(19)),
                occurred_time: "21:30".into(),
                time_approx: true,
                place: "Ngõ 48 đường Ngô Quyền".into(),
                landmark: String::new(),
                category: "trom_cap".into(),
                title: "Mất trộm bình gas".into(),
                description: "Hộ gia đình báo bị mất một bình gas để ở hiên nhà; tổ ghi nhận bổ sung sau khi đã khóa sổ tháng.".into(),
                people_involved: String::new(),
                reporter_kind: ReporterKind::Resident,
                reporter_member_id: None,
                reporter_name: String::new(),
                action_taken: "Tổ đến nhà nắm tình hình, hướng dẫn hộ gia đình trình báo Công an phường.".into(),
                status: IncidentStatus::DangTheoDoi,
                transferred_on: String::new(),
                transferred_to: String::new(),
                valuable_tip: false,
                patrol_log_id: None,
                editor: leader.into(),
            },
            now,
        )?;
    }
    app::month::save_narrative(store, &key(this_month), &story::this_month(), now)
}
