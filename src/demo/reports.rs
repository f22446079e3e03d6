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
    // Khu phố 3's head confirms its reports.
    if profile.camera {
        app::month::set_confirmation(store, &format!("Trưởng {}", profile.area_name()))?;
    }
    for back in (1..=CLOSED).rev() {
        let month = this_month - chrono::Months::new(back);
        app::month::save_narrative(
            store,
            &key(month),
            &story::with_counts(
                story::narrative(profile.camera, profile.area, back),
                profile.camera,
                profile.area,
                back,
            ),
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
                category: "cu_tru".into(),
                title: "Người lạ hỏi thăm nhà vắng chủ".into(),
                description: "Hộ gia đình báo có hai người lạ đến hỏi thăm khi nhà chỉ có trẻ em; tổ ghi nhận bổ sung sau khi đã chốt số liệu tháng.".into(),
                people_involved: String::new(),
                reporter_kind: ReporterKind::Resident,
                reporter_member_id: None,
                reporter_name: String::new(),
                action_taken: "Tổ đến nhà nắm tình hình, nhắc gia đình không mở cổng cho người lạ.".into(),
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
