//! Demo monthly reports: the two months before this one written up and closed, this month's
//! narrative started.

use crate::error::Result;
use crate::model::month::Narrative;
use crate::store::Store;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

pub(super) fn fill(store: &mut Store, now: DateTime<Utc>, leader: &str) -> Result<()> {
    let today = crate::date::vn_today(now);
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).expect("valid");
    let key = |d: NaiveDate| format!("{:04}-{:02}", d.year(), d.month());
    for (i, back) in [2u32, 1].into_iter().enumerate() {
        let month = this_month - chrono::Months::new(back);
        store.save_narrative(
            &key(month),
            &Narrative {
                situation: "Trên địa bàn có 2 khu nhà trọ với khoảng 40 người tạm trú, chủ yếu là công nhân; khu vực chợ Yên Hải và bờ mương sau chợ là nơi cần chú ý vào ban đêm.".into(),
                shortcomings: "- Một số ca tuần tra đêm thứ Bảy còn vắng người không báo trước.\n- Việc ghi nhật ký tuần tra chưa đều.".into(),
                plans: "- Duy trì tuần tra đêm theo lịch, tăng cường dịp cuối năm.\n- Phối hợp Công an phường tuyên truyền phòng chống lừa đảo qua mạng cho người cao tuổi.".into(),
                proposals: "Đề nghị Ủy ban nhân dân phường hỗ trợ lắp thêm đèn chiếu sáng ở ngõ 12 đường Trần Khánh Dư.".into(),
            },
            now,
        )?;
        // Reports are signed in the first days of the next month.
        let signed = month + chrono::Months::new(1) + Duration::days(2 + i as i64);
        let signed = signed.min(today);
        store.close_month(&key(month), signed, leader, now)?;
    }
    store.save_narrative(
        &key(this_month),
        &Narrative {
            situation: "Tình hình an ninh, trật tự cơ bản ổn định.".into(),
            ..Default::default()
        },
        now,
    )
}
