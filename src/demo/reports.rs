//! Demo monthly reports: the three months before this one written up and closed (signed on
//! the 2nd of the next month), this month's narrative started, and, for one group in five
//! by seed, an incident added after closing to last month: an amendment.

use crate::app;
use crate::error::Result;
use crate::model::incident::{IncidentInput, IncidentStatus, ReporterKind};
use crate::model::month::Narrative;
use crate::store::Store;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// The months the demo closes, oldest first: the three before the month of `today`.
pub(super) fn closed_months(today: NaiveDate) -> Vec<NaiveDate> {
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).expect("valid");
    (1..=3)
        .rev()
        .map(|back| this_month - chrono::Months::new(back))
        .collect()
}

pub(super) fn fill(store: &mut Store, now: DateTime<Utc>, leader: &str, amend: bool) -> Result<()> {
    let today = crate::date::vn_today(now);
    let key = |d: NaiveDate| format!("{:04}-{:02}", d.year(), d.month());
    for month in closed_months(today) {
        app::month::save_narrative(
            store,
            &key(month),
            &Narrative {
                situation: "Trên địa bàn có 2 khu nhà trọ với khoảng 40 người tạm trú, chủ yếu là công nhân; khu vực chợ Yên Hải và bờ mương sau chợ là nơi cần chú ý vào ban đêm.".into(),
                shortcomings: "- Một số ca tuần tra đêm thứ Bảy còn vắng người không báo trước.\n- Việc ghi nhật ký tuần tra chưa đều.".into(),
                plans: "- Duy trì tuần tra đêm theo lịch, tăng cường dịp cuối năm.\n- Phối hợp Công an phường tuyên truyền phòng chống lừa đảo qua mạng cho người cao tuổi.".into(),
                proposals: "Đề nghị Ủy ban nhân dân phường hỗ trợ lắp thêm đèn chiếu sáng ở ngõ 12 đường Trần Khánh Dư.".into(),
            },
            now,
        )?;
        let signed = (month + chrono::Months::new(1) + Duration::days(1)).min(today);
        app::month::close(store, &key(month), signed, leader, now)?;
    }
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).expect("valid");
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
    app::month::save_narrative(
        store,
        &key(this_month),
        &Narrative {
            situation: "Tình hình an ninh, trật tự cơ bản ổn định.".into(),
            ..Default::default()
        },
        now,
    )
}
