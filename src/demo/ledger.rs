//! Demo incidents and activities: six months of a plausible group's record.

use super::Rng;
use crate::date;
use crate::error::Result;
use crate::model::activity::{ActivityInput, ActivityKind, Assignment};
use crate::model::incident::{IncidentInput, IncidentStatus, ReporterKind};
use crate::store::Store;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// (category, title, description, place)
const INCIDENTS: &[(&str, &str, &str, &str)] = &[
    ("trom_cap", "Mất trộm xe máy trước cửa nhà", "Chủ nhà để xe trước cửa khoảng 10 phút; khi ra thì xe đã bị dắt đi, khóa cổ bị bẻ.", "Ngõ 12 đường Trần Khánh Dư"),
    ("trom_cap", "Trộm gà trong chuồng", "Nửa đêm nghe tiếng gà kêu, sáng ra mất 5 con; hàng rào lưới bị cắt.", "Xóm Bãi, Khu phố 3"),
    ("cuop_giat", "Giật điện thoại người đi bộ", "Hai người đi xe máy áp sát, giật điện thoại trên tay một học sinh rồi phóng về phía cầu.", "Đường Hoàng Hoa Thám, gần trường tiểu học"),
    ("danh_nhau", "Xô xát sau bữa nhậu", "Nhóm thanh niên cãi nhau to tiếng, đẩy xô nhau trước quán; tổ tuần tra có mặt can ngăn, giải tán.", "Quán ăn đêm đầu ngõ 48 đường Ngô Quyền"),
    ("danh_nhau", "Tụ tập gây ồn ào sau 23 giờ", "Khoảng 8 thanh niên tụ tập, rú ga xe máy nhiều lần; tổ nhắc nhở, nhóm giải tán.", "Bãi đất trống cạnh nhà văn hóa"),
    ("ma_tuy", "Phát hiện bơm kim tiêm vứt ở bãi cỏ", "Tổ tuần tra thấy 3 bơm kim tiêm đã dùng; thu gom, báo Công an phường để nắm tình hình.", "Bờ mương sau chợ Yên Hải"),
    ("co_bac", "Nghi có đánh bạc trong nhà kho", "Nhiều xe máy đỗ đêm khuya, người ra vào liên tục; đã báo Công an phường kiểm tra.", "Kho cũ cuối ngõ 7 phố Bạch Đằng"),
    ("bao_luc_gia_dinh", "Chồng say rượu đánh vợ", "Hàng xóm nghe tiếng kêu cứu; tổ đến can ngăn, đưa người vợ sang nhà bà con tạm lánh.", "Khu tập thể cũ, dãy B"),
    ("tranh_chap", "Tranh chấp lối đi chung", "Hai hộ lời qua tiếng lại vì một hộ xây bậc thềm lấn lối đi chung.", "Ngõ 5 phố Lê Lợi"),
    ("tranh_chap", "Mâu thuẫn do nuôi chó thả rông", "Chó nhà bên cắn gà của hộ bên cạnh; hai bên to tiếng.", "Xóm Bãi, Khu phố 3"),
    ("giao_thong", "Va chạm xe máy tại ngã ba", "Hai xe máy va chạm nhẹ, một người trầy xước; tổ hỗ trợ đưa đi sơ cứu và phân luồng.", "Ngã ba Trần Khánh Dư – Ngô Quyền"),
    ("giao_thong", "Xe tải đỗ chắn lối vào ngõ", "Xe tải đỗ qua đêm chắn kín lối vào ngõ; tổ nhắc lái xe dời đi.", "Đầu ngõ 12 đường Trần Khánh Dư"),
    ("chay_no", "Chập điện cháy công tơ", "Khói bốc ra từ hộp công tơ; tổ ngắt cầu dao tổng, dùng bình bột dập tắt, báo điện lực.", "Số 34 ngõ 5 phố Lê Lợi"),
    ("thien_tai", "Cây đổ sau mưa giông chắn đường", "Cây bàng lớn đổ chắn nửa đường; tổ cùng người dân cưa cành, dọn đường.", "Đường Yên Hải, trước trạm y tế"),
    ("lua_dao", "Người dân bị gọi điện giả danh Công an", "Một cụ bà nhận cuộc gọi yêu cầu chuyển tiền để 'giải quyết hồ sơ'; con cháu phát hiện kịp, chưa mất tiền.", "Số 8 ngõ 48 đường Ngô Quyền"),
    ("lua_dao", "Lừa đảo đầu tư qua mạng xã hội", "Một người được rủ nạp tiền làm nhiệm vụ trên mạng, đã mất 15 triệu đồng.", "Khu phố 3"),
    ("tin_dung_den", "Dán quảng cáo cho vay nặng lãi", "Phát hiện nhiều tờ rơi 'cho vay không thế chấp' dán trên cột điện; tổ bóc bỏ, chụp số điện thoại báo Công an.", "Cột điện dọc đường Hoàng Hoa Thám"),
    ("cu_tru", "Nhóm người lạ thuê trọ chưa khai báo tạm trú", "Bốn người đến ở tại nhà trọ được 5 ngày, chủ trọ chưa khai báo; tổ nhắc chủ trọ khai báo.", "Nhà trọ số 21 ngõ 7 phố Bạch Đằng"),
    ("cu_tru", "Người lạ đi dò từng nhà hỏi mua đồ cũ", "Hai người đi xe ba gác vào ngõ, nhìn vào sân các nhà; tổ hỏi thăm, ghi lại biển số xe.", "Ngõ 12 đường Trần Khánh Dư"),
    ("khac", "Đèn chiếu sáng ngõ hỏng nhiều ngày", "Ba bóng đèn ngõ không sáng, ngõ tối là điểm dễ xảy ra trộm cắp; đã báo tổ dân phố.", "Ngõ 48 đường Ngô Quyền"),
];

const RESIDENTS: &[&str] = &[
    "Bà Nguyễn Thị Tư",
    "Ông Phạm Văn Hòa",
    "Chị Lê Thị Hoa",
    "Anh Vũ Văn Tâm",
    "",
];

/// Adds incidents and activities over the six months up to `now`.
pub(super) fn fill(
    store: &mut Store,
    now: DateTime<Utc>,
    rng: &mut Rng,
    editor: &str,
    member_ids: &[String],
) -> Result<()> {
    let today = date::vn_today(now);
    let start = today - Duration::days(180);
    let day = |rng: &mut Rng| start + Duration::days(rng.below(180) as i64);
    let police = "Công an phường Yên Hải";

    let mut ids = Vec::new();
    for k in 0..45 {
        let (cat, title, desc, place) = INCIDENTS[k % INCIDENTS.len()];
        let on = day(rng);
        let late_night = rng.below(3) > 0;
        let hour = if late_night {
            [22, 23, 0, 1, 2, 3][rng.below(6) as usize]
        } else {
            7 + rng.below(14) as u32
        };
        let status = match (cat, rng.below(4)) {
            ("tranh_chap", 0..=2) => IncidentStatus::HoaGiaiThanh,
            ("ma_tuy" | "co_bac" | "lua_dao" | "tin_dung_den" | "cuop_giat", _) => {
                IncidentStatus::DaChuyenCongAn
            }
            (_, 0) => IncidentStatus::DangTheoDoi,
            (_, 1) if on > today - Duration::days(7) => IncidentStatus::Moi,
            _ => IncidentStatus::DaGiaiQuyet,
        };
        let transferred = status == IncidentStatus::DaChuyenCongAn;
        let by_member = rng.below(2) == 0 && !member_ids.is_empty();
        let input = IncidentInput {
            occurred_on: date::format(on),
            occurred_time: format!("{hour:02}:{:02}", rng.below(12) * 5),
            time_approx: rng.below(3) == 0,
            place: place.into(),
            landmark: String::new(),
            category: cat.into(),
            title: title.into(),
            description: desc.into(),
            people_involved: String::new(),
            reporter_kind: if by_member {
                ReporterKind::Member
            } else {
                ReporterKind::Resident
            },
            reporter_member_id: by_member
                .then(|| member_ids[rng.below(member_ids.len() as u64) as usize].clone()),
            reporter_name: if by_member {
                String::new()
            } else {
                RESIDENTS[rng.below(RESIDENTS.len() as u64) as usize].into()
            },
            action_taken: if transferred {
                "Ghi nhận thông tin, giữ nguyên hiện trường, báo Công an phường.".into()
            } else {
                "Tổ có mặt, nắm tình hình, nhắc nhở các bên.".into()
            },
            status,
            transferred_on: if transferred {
                date::format((on + Duration::days(1)).min(today))
            } else {
                String::new()
            },
            transferred_to: if transferred {
                police.into()
            } else {
                String::new()
            },
            valuable_tip: transferred && rng.below(2) == 0,
            patrol_log_id: None,
            editor: editor.into(),
        };
        ids.push((store.add_incident(&input, now)?.id, input));
    }
    // A record corrected later, and one entered twice and struck through.
    if let Some((id, input)) = ids.get(3) {
        let mut fixed = input.clone();
        fixed.action_taken =
            "Tổ tuần tra can ngăn, lập biên bản ghi nhận, báo Công an phường theo dõi.".into();
        fixed.status = IncidentStatus::DaChuyenCongAn;
        fixed.transferred_on = fixed.occurred_on.clone();
        fixed.transferred_to = police.into();
        store.edit_incident(id, &fixed, now + Duration::seconds(1))?;
    }
    if let Some((_, input)) = ids.get(5) {
        let dup = store.add_incident(input, now)?;
        store.strike_incident(
            &dup.id,
            "Ghi trùng với vụ đã nhập",
            editor,
            now + Duration::seconds(2),
        )?;
    }

    // Activities: a group meeting a month, a residents' meeting every other month, and the rest.
    let mut month_start =
        NaiveDate::from_ymd_opt(start.year(), start.month(), 1).expect("valid date");
    let mut n: i32 = 0;
    while month_start <= today {
        let pick = |rng: &mut Rng| (month_start + Duration::days(rng.below(25) as i64)).min(today);
        let mut add =
            |kind: ActivityKind, on: NaiveDate, f: &dyn Fn(&mut ActivityInput)| -> Result<()> {
                let mut a = ActivityInput {
                    kind,
                    held_on: date::format(on),
                    title: String::new(),
                    place: "Nhà văn hóa Khu phố 3".into(),
                    content: String::new(),
                    people: None,
                    households: None,
                    conclusions: String::new(),
                    assignments: Vec::new(),
                    parties: String::new(),
                    mediation_success: None,
                    editor: editor.into(),
                };
                f(&mut a);
                store.add_activity(&a, now)?;
                Ok(())
            };
        add(ActivityKind::HopTo, pick(rng), &|a| {
            a.title = "Họp tổ định kỳ".into();
            a.people = Some(14);
            a.content = "Đánh giá tình hình ANTT trong tháng, rút kinh nghiệm tuần tra đêm.".into();
            a.conclusions =
                "Duy trì tuần tra 3 đêm mỗi tuần; chú ý khu vực chợ và bãi đất trống.".into();
            a.assignments = vec![Assignment {
                who: "Tổ phó Phạm Minh Hùng".into(),
                what: "Lập lịch tuần tra tháng sau".into(),
                due: String::new(),
            }];
        })?;
        if n % 2 == 0 {
            add(ActivityKind::HopDan, pick(rng), &|a| {
                a.title = "Họp dân khu phố".into();
                a.people = Some(60 + n * 3);
                a.content =
                    "Thông báo tình hình ANTT, phổ biến thủ đoạn lừa đảo qua điện thoại.".into();
                a.conclusions =
                    "Các hộ khóa cổng sau 22 giờ; báo ngay cho tổ khi thấy người lạ.".into();
            })?;
        }
        add(ActivityKind::TuyenTruyen, pick(rng), &|a| {
            a.title = "Tuyên truyền phòng chống lừa đảo trên mạng".into();
            a.people = Some(35 + n * 5);
            a.content = "Phát tờ rơi, nói chuyện tại nhà văn hóa về các thủ đoạn giả danh cơ quan chức năng.".into();
        })?;
        if n % 3 != 1 {
            add(ActivityKind::HoaGiai, pick(rng), &|a| {
                a.title = "Hòa giải tranh chấp lối đi".into();
                a.parties = "Hai hộ liền kề ngõ 5 phố Lê Lợi".into();
                a.content = "Tổ hòa giải cùng tổ bảo vệ ANTT gặp hai bên, thống nhất phá bỏ bậc thềm lấn lối đi.".into();
                a.mediation_success = Some(n % 3 == 0);
            })?;
        }
        add(ActivityKind::CamKet, pick(rng), &|a| {
            a.title = "Hộ gia đình ký cam kết không vi phạm ANTT".into();
            a.households = Some(8 + n);
        })?;
        if n % 2 == 1 {
            add(ActivityKind::HoTroCuTru, pick(rng), &|a| {
                a.title = "Rà soát nhà trọ, người tạm trú".into();
                a.households = Some(12);
                a.people = Some(31);
            })?;
            add(ActivityKind::PcccCuuNan, pick(rng), &|a| {
                a.title = "Kiểm tra bình chữa cháy các hộ kinh doanh".into();
                a.people = Some(18);
            })?;
        }
        n += 1;
        month_start = next_month(month_start);
    }
    Ok(())
}

fn next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).expect("valid date")
}
