//! Demo patrols: two patterns, a few busy dates, rosters for the three months before this
//! one and this one, with attendance up to yesterday and a patrol log.

use super::Rng;
use crate::date;
use crate::error::Result;
use crate::model::patrol::{Attendance, PatternInput};
use crate::store::Store;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

const NOTES: &[&str] = &[
    "Tuần tra tuyến chợ – bờ sông, tình hình bình thường.",
    "Nhắc hai hộ kinh doanh đóng cửa, thu dọn hàng hóa để ngoài hiên.",
    "Phát hiện cổng nhà trọ số 21 không khóa, đã báo chủ trọ.",
    "Nhóm thanh niên tụ tập ở bãi đất trống, tổ nhắc nhở, giải tán lúc 23:20.",
    "Đèn ngõ 48 vẫn hỏng, ghi nhận để báo tổ dân phố.",
    "Kiểm tra khu vực cổng chợ, không có gì bất thường.",
];

/// Adds the demo's patrol data.
pub(super) fn fill(
    store: &mut Store,
    now: DateTime<Utc>,
    rng: &mut Rng,
    members: &[String],
) -> Result<()> {
    store.add_pattern(
        &PatternInput {
            name: "Ca đêm".into(),
            start: "22:00".into(),
            end: "04:00".into(),
            weekdays: [true; 7],
            needed: 3,
            route: "Chợ Yên Hải – bờ sông – ngõ 48 Ngô Quyền".into(),
        },
        now,
    )?;
    store.add_pattern(
        &PatternInput {
            name: "Ca tối".into(),
            start: "19:00".into(),
            end: "22:00".into(),
            weekdays: [false, false, false, false, false, true, true],
            needed: 2,
            route: "Nhà văn hóa – sân chơi trẻ em".into(),
        },
        now,
    )?;
    let today = date::vn_today(now);
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).expect("valid");
    if let Some(m) = members.get(4) {
        store.add_availability(
            m,
            None,
            Some(2),
            "Trực ca đêm ở nhà máy thứ Tư hằng tuần",
            now,
        )?;
    }
    if let Some(m) = members.get(6) {
        store.add_availability(
            m,
            Some(&date::format(this_month + Duration::days(9))),
            None,
            "Về quê dự đám cưới",
            now,
        )?;
    }
    let months = super::reports::closed_months(today)
        .into_iter()
        .chain([this_month]);
    for month in months {
        let key = format!("{:04}-{:02}", month.year(), month.month());
        let view = crate::app::patrols::generate(store, &key, now)?;
        for shift in view
            .shifts
            .iter()
            .filter(|s| date::from_iso(&s.date).is_some_and(|d| d < today))
        {
            // One person, one seat a shift: a substitute stands in once and holds no seat.
            let mut standing_in: Vec<&String> = Vec::new();
            for (k, seat) in shift.seats.iter().enumerate() {
                let (status, substitute) = match rng.below(20) {
                    0 => (Attendance::VangCoLyDo, None),
                    1 => (Attendance::VangKhongLyDo, None),
                    2 => {
                        let sub = members.iter().find(|m| {
                            !shift.seats.iter().any(|x| &x.member_id == *m)
                                && !standing_in.contains(m)
                        });
                        if let Some(m) = sub {
                            standing_in.push(m);
                        }
                        match sub {
                            Some(s) => (Attendance::ThayBoi, Some(s.as_str())),
                            None => (Attendance::CoMat, None),
                        }
                    }
                    _ => (Attendance::CoMat, None),
                };
                store.set_attendance(&shift.id, &seat.member_id, status, substitute, now)?;
                if k == 0 && shift.pattern_name == "Ca đêm" && rng.below(3) == 0 {
                    let at = format!(
                        "{} 23:{:02}",
                        date::format(date::from_iso(&shift.date).expect("iso")),
                        rng.below(60)
                    );
                    store.add_log(
                        Some(&shift.id),
                        &at,
                        NOTES[rng.below(NOTES.len() as u64) as usize],
                        now,
                    )?;
                }
            }
        }
    }
    Ok(())
}
