//! Demo patrols: the group's patterns, a few busy dates, a roster for every demo month,
//! attended up to yesterday, with a patrol log written during the shifts.

use super::{Profile, Rng};
use crate::date;
use crate::error::Result;
use crate::model::patrol::{Attendance, PatternInput};
use crate::store::Store;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// What a night patrol notes; each is written during the shift, at the time it logs.
const NOTES: &[&str] = &[
    "Tuần tra tuyến chợ – bờ sông, tình hình bình thường.",
    "Nhắc hai hộ kinh doanh đóng cửa, thu dọn hàng hóa để ngoài hiên.",
    "Phát hiện cổng nhà trọ số 21 không khóa, đã báo chủ trọ.",
    "Nhóm thanh niên tụ tập ở bãi đất trống, tổ nhắc nhở, nhóm đã giải tán.",
    "Đèn ngõ 48 vẫn hỏng, ghi nhận để báo tổ dân phố.",
    "Kiểm tra khu vực cổng chợ, không có gì bất thường.",
    "Một xe máy lạ đỗ lâu đầu ngõ 7, đã ghi biển số.",
    "Nhắc quán ăn đêm đầu ngõ 48 giảm âm lượng loa.",
];

/// Adds the demo's patrol data.
pub(super) fn fill(
    store: &mut Store,
    now: DateTime<Utc>,
    rng: &mut Rng,
    profile: &Profile,
    members: &[String],
) -> Result<()> {
    store.add_pattern(
        &PatternInput {
            name: "Ca đêm".into(),
            start: "22:00".into(),
            end: "04:00".into(),
            weekdays: profile.night_days,
            needed: profile.night_needed,
            route: "Chợ Yên Hải – bờ sông – ngõ 48 Ngô Quyền".into(),
        },
        now,
    )?;
    if profile.evening {
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
    }
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
    for month in super::ledger::months(today) {
        let key = format!("{:04}-{:02}", month.year(), month.month());
        let view = crate::app::patrols::generate(store, &key, now)?;
        // Only someone on the month's roster (so eligible) stands in for another.
        let eligible: Vec<String> = view.tallies.iter().map(|t| t.member_id.clone()).collect();
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
                        let from = rng.below(eligible.len().max(1) as u64) as usize;
                        let sub = eligible
                            .iter()
                            .cycle()
                            .skip(from)
                            .take(eligible.len())
                            .find(|m| {
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
                    // Between 22:30 and 03:30: after midnight, on the next day.
                    let start = date::from_iso(&shift.date).expect("iso");
                    let minutes = 30 + rng.below(5 * 60) as i64;
                    let t = start.and_hms_opt(22, 0, 0).expect("valid time")
                        + Duration::minutes(minutes);
                    let at = t.format("%d/%m/%Y %H:%M").to_string();
                    if t > (now + Duration::hours(7)).naive_utc() {
                        continue;
                    }
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
