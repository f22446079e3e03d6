//! Demo incidents and activities, month by month over this month and the six before: each
//! incident drawn once from `cases`, at an hour it can happen; thefts frequent until the
//! camera model starts and rare after; the group's meetings, mediations and commitments.

use super::cases::{Case, Outcome, OTHERS, THEFTS};
use super::{Profile, Rng};
use crate::date;
use crate::error::Result;
use crate::model::activity::{ActivityInput, ActivityKind, Assignment};
use crate::model::incident::{IncidentInput, IncidentStatus, ReporterKind};
use crate::store::Store;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// Who the records name.
pub(super) struct People<'a> {
    pub leader: &'a str,
    pub deputy: &'a str,
    /// Active members' ids.
    pub members: &'a [String],
}

const RESIDENTS: &[&str] = &[
    "Bà Nguyễn Thị Tư",
    "Ông Phạm Văn Hòa",
    "Chị Lê Thị Hoa",
    "Anh Vũ Văn Tâm",
    "Ông Đỗ Văn Bảy",
    "",
];

/// The months the demo records, oldest first: the six before this one, and this one.
pub(super) fn months(today: NaiveDate) -> Vec<NaiveDate> {
    let this_month = first_of(today);
    (0..=6)
        .rev()
        .map(|back| this_month - chrono::Months::new(back))
        .collect()
}

/// The month the camera model starts: three months before this one.
pub(super) fn camera_start(today: NaiveDate) -> NaiveDate {
    first_of(today) - chrono::Months::new(3)
}

fn first_of(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1).expect("valid date")
}

/// Draws cases from `pool` without repeating one.
struct Draw<'a> {
    left: Vec<&'a Case>,
}

impl<'a> Draw<'a> {
    fn new(pool: &'a [Case], rng: &mut Rng) -> Draw<'a> {
        let mut left: Vec<&Case> = pool.iter().collect();
        // Fisher–Yates with the demo's own generator.
        for i in (1..left.len()).rev() {
            left.swap(i, rng.below(i as u64 + 1) as usize);
        }
        Draw { left }
    }

    fn next(&mut self) -> Option<&'a Case> {
        self.left.pop()
    }
}

/// An hour in the case's range, over midnight when it wraps; and whether it is past midnight.
fn hour(c: &Case, rng: &mut Rng) -> (u32, bool) {
    let (a, b) = c.hours;
    let span = if b >= a { b - a } else { b + 24 - a };
    let h = a + rng.below(u64::from(span) + 1) as u32;
    (h % 24, h >= 24)
}

/// Adds the incidents and activities of every demo month up to `now`.
pub(super) fn fill(
    store: &mut Store,
    now: DateTime<Utc>,
    rng: &mut Rng,
    profile: &Profile,
    people: &People,
) -> Result<()> {
    let today = date::vn_today(now);
    let mut thefts = Draw::new(THEFTS, rng);
    let mut others = Draw::new(OTHERS, rng);
    let camera = camera_start(today);
    let mut added: Vec<(String, IncidentInput)> = Vec::new();
    for (n, month) in months(today).into_iter().enumerate() {
        // Days of the month that have passed (none on the 1st: the month has just begun).
        let days = (first_of(month + chrono::Months::new(1)) - month)
            .num_days()
            .min((today - month).num_days());
        if days <= 0 {
            continue;
        }
        let length = (first_of(month + chrono::Months::new(1)) - month).num_days();
        // A month under way has had its share so far.
        let so_far = |n: u64| n * days as u64 / length as u64;
        let theft_count = match (profile.camera, month >= camera) {
            (true, false) => 2 + rng.below(2),
            (true, true) => rng.below(2),
            (false, _) => rng.below(3),
        };
        let theft_count = so_far(theft_count);
        let other_count = so_far(profile.busy + rng.below(3));
        let mut cases: Vec<&Case> = Vec::new();
        cases.extend((0..theft_count).filter_map(|_| thefts.next()));
        cases.extend((0..other_count).filter_map(|_| others.next()));
        for c in cases {
            let (h, past_midnight) = hour(c, rng);
            // A case after midnight happened on the next calendar day.
            let mut on = month + Duration::days(rng.below(days as u64) as i64);
            if past_midnight && on + Duration::days(1) < today {
                on += Duration::days(1);
            }
            let input = incident(c, on, h, today, rng, people);
            added.push((store.add_incident(&input, now)?.id, input));
        }
        activities(
            store,
            now,
            rng,
            (month, days, length),
            n as i32,
            profile,
            people,
        )?;
    }
    // A record corrected later: the leader learnt how it ended.
    if let Some((id, input)) = added
        .iter()
        .find(|(_, i)| i.status == IncidentStatus::DangTheoDoi)
    {
        let mut fixed = input.clone();
        fixed.status = IncidentStatus::DaGiaiQuyet;
        fixed.action_taken = format!(
            "{} Tổ đến lại sau một tuần; gia đình đã khắc phục, không xảy ra lại.",
            input.action_taken
        );
        store.edit_incident(id, &fixed, now + Duration::seconds(1))?;
    }
    // One entered twice, as happens, and struck through.
    if let Some((_, input)) = added.get(2) {
        let dup = store.add_incident(input, now)?;
        store.strike_incident(
            &dup.id,
            "Ghi trùng với vụ đã nhập",
            people.leader,
            now + Duration::seconds(2),
        )?;
    }
    Ok(())
}

/// The record of case `c` on `on` at hour `h`.
fn incident(
    c: &Case,
    on: NaiveDate,
    h: u32,
    today: NaiveDate,
    rng: &mut Rng,
    people: &People,
) -> IncidentInput {
    let status = match c.outcome {
        Outcome::Transferred => IncidentStatus::DaChuyenCongAn,
        Outcome::Mediated => IncidentStatus::HoaGiaiThanh,
        _ if on + Duration::days(3) > today => IncidentStatus::Moi,
        Outcome::Resolved => IncidentStatus::DaGiaiQuyet,
        Outcome::Watching => IncidentStatus::DangTheoDoi,
    };
    let transferred = status == IncidentStatus::DaChuyenCongAn;
    let by_member = rng.below(2) == 0 && !people.members.is_empty();
    let place = if c.numbered {
        format!("Số {}, {}", 2 + rng.below(90), c.place)
    } else {
        c.place.to_string()
    };
    IncidentInput {
        occurred_on: date::format(on),
        occurred_time: format!("{h:02}:{:02}", rng.below(12) * 5),
        time_approx: rng.below(3) == 0,
        place: crate::report::prose::capitalised(&place),
        landmark: String::new(),
        category: c.category.into(),
        title: c.title.into(),
        description: c.description.into(),
        people_involved: String::new(),
        reporter_kind: if by_member {
            ReporterKind::Member
        } else {
            ReporterKind::Resident
        },
        reporter_member_id: by_member
            .then(|| people.members[rng.below(people.members.len() as u64) as usize].clone()),
        reporter_name: if by_member {
            String::new()
        } else {
            RESIDENTS[rng.below(RESIDENTS.len() as u64) as usize].into()
        },
        action_taken: c.action.into(),
        status,
        transferred_on: if transferred {
            date::format((on + Duration::days(i64::from(h >= 20))).min(today))
        } else {
            String::new()
        },
        transferred_to: if transferred {
            "Công an phường Yên Hải".into()
        } else {
            String::new()
        },
        valuable_tip: c.valuable,
        patrol_log_id: None,
        editor: people.leader.into(),
    }
}

/// What the group meeting talked about, month by month.
const GROUP_MEETINGS: &[(&str, &str)] = &[
    (
        "Đánh giá tình hình ANTT trong tháng, rút kinh nghiệm tuần tra đêm.",
        "Duy trì tuần tra đêm theo lịch; chú ý khu vực chợ và bãi đất trống.",
    ),
    (
        "Bàn cách phòng trộm cắp ở các ngõ nhỏ, thiếu ánh sáng.",
        "Đề xuất họp dân bàn việc lắp camera ở các ngõ.",
    ),
    (
        "Phân công người phụ trách từng ngõ, nắm các hộ có nhà cho thuê trọ.",
        "Mỗi tổ viên phụ trách một ngõ, báo tổ trưởng khi có người lạ đến ở.",
    ),
    (
        "Rút kinh nghiệm các ca vắng người không báo trước.",
        "Ai bận phải báo trước một ngày để tổ bố trí người thay.",
    ),
    (
        "Đánh giá việc ghi nhật ký tuần tra, thống nhất cách ghi giờ bắt đầu, kết thúc.",
        "Mỗi ca ghi nhật ký trước khi về; tổ phó kiểm tra hằng tuần.",
    ),
    (
        "Chuẩn bị tuần tra các dịp lễ, cuối tuần.",
        "Tăng người cho các ca đêm thứ Bảy, Chủ nhật.",
    ),
    (
        "Sơ kết công tác tháng, góp ý cách tiếp nhận tin báo của người dân.",
        "Tin báo nhận được phải ghi ngay vào sổ và báo tổ trưởng trong ngày.",
    ),
];

/// Adds a month's activities: a group meeting, a residents' meeting every other month, an
/// awareness session, a mediation two months in three, commitments, and every other month
/// help with residence checks and fire safety.
#[allow(clippy::too_many_arguments)]
fn activities(
    store: &mut Store,
    now: DateTime<Utc>,
    rng: &mut Rng,
    (month, days, length): (NaiveDate, i64, i64),
    n: i32,
    profile: &Profile,
    people: &People,
) -> Result<()> {
    let area = profile.area_name();
    let hall = format!("Nhà văn hóa {area}");
    let mut add =
        |kind: ActivityKind, rng: &mut Rng, f: &dyn Fn(&mut ActivityInput)| -> Result<()> {
            // A day of the month; in a month under way, one still to come is not recorded yet.
            let day = rng.below(length as u64) as i64;
            if day >= days {
                return Ok(());
            }
            let mut a = ActivityInput {
                kind,
                held_on: date::format(month + Duration::days(day)),
                title: String::new(),
                place: hall.clone(),
                content: String::new(),
                people: None,
                households: None,
                conclusions: String::new(),
                assignments: Vec::new(),
                parties: String::new(),
                mediation_success: None,
                editor: people.leader.into(),
            };
            f(&mut a);
            store.add_activity(&a, now)?;
            Ok(())
        };
    let (content, conclusions) = GROUP_MEETINGS[n as usize % GROUP_MEETINGS.len()];
    let present = (people.members.len() as i32 + 1 - rng.below(4) as i32).max(3);
    add(ActivityKind::HopTo, rng, &|a| {
        a.title = "Họp tổ định kỳ".into();
        a.people = Some(present);
        a.content = content.into();
        a.conclusions = conclusions.into();
        a.assignments = vec![Assignment {
            who: format!("Tổ phó {}", people.deputy),
            what: "Lập lịch tuần tra tháng sau".into(),
            due: String::new(),
        }];
    })?;
    // Each group keeps its own calendar: residents' meetings in alternate months.
    if (n + profile.area as i32) % 2 == 1 || profile.camera && n % 2 == 0 {
        let topic = if profile.camera && n == 2 {
            (
                "Họp dân bàn việc lắp camera ở các ngõ",
                "Các hộ thống nhất tự nguyện góp tiền lắp camera; hộ khó khăn được miễn.",
            )
        } else {
            (
                "Họp dân khu phố",
                "Các hộ khóa cổng sau 22 giờ; báo ngay cho tổ khi thấy người lạ.",
            )
        };
        add(ActivityKind::HopDan, rng, &|a| {
            a.title = topic.0.into();
            a.people = Some(55 + n * 3);
            a.content = "Thông báo tình hình ANTT, phổ biến thủ đoạn trộm cắp, lừa đảo.".into();
            a.conclusions = topic.1.into();
        })?;
    }
    let awareness = [
        "Tuyên truyền phòng chống lừa đảo qua điện thoại",
        "Tuyên truyền phòng cháy, chữa cháy trong gia đình",
        "Tuyên truyền khai báo tạm trú cho chủ nhà trọ",
        "Tuyên truyền phòng chống ma túy cho thanh thiếu niên",
    ][n as usize % 4];
    let people_heard = 25 + n * 4 + rng.below(20) as i32;
    let skip_awareness = !profile.camera && rng.below(4) == 0;
    if !skip_awareness {
        add(ActivityKind::TuyenTruyen, rng, &|a| {
            a.title = awareness.into();
            a.people = Some(people_heard);
            a.content =
                "Phát tờ rơi, nói chuyện tại nhà văn hóa, trả lời câu hỏi của người dân.".into();
        })?;
    }
    if n % 3 != 1 {
        let parties = [
            "Hai hộ liền kề ngõ 5 phố Lê Lợi (lối đi chung)",
            "Hai hộ ở xóm Bãi (nước thải chảy sang nhà bên)",
            "Hai anh em trong một gia đình (chia lối đi vào nhà)",
        ][n as usize % 3];
        add(ActivityKind::HoaGiai, rng, &|a| {
            a.title = "Hòa giải mâu thuẫn giữa các hộ".into();
            a.parties = parties.into();
            a.content =
                "Tổ hòa giải cùng tổ bảo vệ ANTT gặp hai bên, nghe từng bên trình bày.".into();
            a.mediation_success = Some(n % 3 == 0);
        })?;
    }
    let committed = 5 + n + rng.below(8) as i32;
    add(ActivityKind::CamKet, rng, &|a| {
        a.title = "Hộ gia đình ký cam kết không vi phạm ANTT".into();
        a.households = Some(committed);
    })?;
    if n % 2 == 1 {
        add(ActivityKind::HoTroCuTru, rng, &|a| {
            a.title = "Rà soát nhà trọ, người tạm trú".into();
            a.households = Some(12);
            a.people = Some(31);
        })?;
        add(ActivityKind::PcccCuuNan, rng, &|a| {
            a.title = "Kiểm tra bình chữa cháy các hộ kinh doanh".into();
            a.people = Some(18);
        })?;
    }
    Ok(())
}
