//! Demo "Dân vận khéo" models. Khu phố 3: cameras in the lanes (started three months ago,
//! recognised, its write-up finished; the records show thefts falling) and a Zalo group in
//! progress. The ward's other groups: a safe lodging-house model in even khu phố.

use super::Profile;
use crate::date;
use crate::error::Result;
use crate::model::practice::{
    Indicator, IndicatorKind, Measure, PracticeField, PracticeInput, PracticeLevel, PracticeScope,
    PracticeStatus,
};
use crate::store::Store;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

fn ind(kind: IndicatorKind, category: Option<&str>) -> Indicator {
    Indicator {
        kind,
        category: category.map(str::to_string),
    }
}

pub(super) fn fill(
    store: &mut Store,
    now: DateTime<Utc>,
    profile: &Profile,
    leader: &str,
    deputy: &str,
) -> Result<()> {
    let today = date::vn_today(now);
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).expect("valid");
    let group = format!("Tổ bảo vệ an ninh, trật tự {}", profile.area_name());
    if !profile.camera {
        return if profile.area.is_multiple_of(2) {
            lodging(store, now, profile, &group, deputy)
        } else {
            Ok(())
        };
    }
    let started = super::ledger::camera_start(today);
    let before_from = started - chrono::Months::new(3);
    let camera = store.add_practice(&camera(&group, leader, started, false, today), now)?;
    let sections = vec![
        "Khu phố 3 có nhiều ngõ nhỏ, hẹp, thiếu ánh sáng; người dân đi làm ca, nhà vắng người ban ngày. Trộm cắp xe máy, tài sản trong sân nhà là vụ việc xảy ra nhiều nhất trong các tháng trước.".into(),
        "- Phòng ngừa trộm cắp bằng sức của chính người dân.\n- Camera do dân góp, dân quản lý, tổ bảo vệ theo dõi; không để thành gánh nặng đóng góp.".into(),
        "- Tổ gặp các hộ từng ngõ, nói rõ lợi ích, để các hộ tự quyết mức góp; hộ khó khăn được miễn.\n- Mỗi ngõ cử một người giữ mật khẩu đầu ghi; tổ tuần tra xem lại hình ảnh khi có tin báo.\n- Hình ảnh chỉ dùng để phòng chống tội phạm, không đưa lên mạng xã hội.".into(),
        "Sau ba tháng, 08 ngõ đã có camera với 64 hộ tham gia góp; người dân chủ động báo tin cho tổ khi thấy người lạ. Trộm cắp ở các ngõ giảm rõ so với ba tháng trước khi lắp camera.".into(),
        "Người dân yên tâm hơn khi đi làm; tinh thần đoàn kết trong từng ngõ được nâng lên; Công an phường có thêm nguồn hình ảnh khi xác minh vụ việc.".into(),
        "- Việc gì dân bàn, dân quyết thì dân làm đến nơi.\n- Tổ trưởng phải gương mẫu góp trước, công khai thu chi hằng tháng.".into(),
        "Mô hình chi phí thấp, dễ làm; 03 tổ của các khu phố bạn đã áp dụng cách làm này.".into(),
        "Đề nghị phường hỗ trợ thêm đèn chiếu sáng ở các ngõ có camera để hình ảnh ban đêm rõ hơn.".into(),
    ];
    store.save_writeup(&camera.id, &sections, now)?;
    store.set_measure(
        &camera.id,
        &Measure {
            indicators: vec![
                ind(IndicatorKind::Incidents, None),
                ind(IndicatorKind::IncidentsOfCategory, Some("trom_cap")),
                ind(IndicatorKind::Transferred, None),
                ind(IndicatorKind::ValuableTips, None),
            ],
            before_from: date::format(before_from),
            before_to: date::format(started - Duration::days(1)),
            after_from: date::format(started),
            after_to: date::format(this_month - Duration::days(1)),
        },
        now,
    )?;
    store.finalise_practice(&camera.id, now)?;

    let zalo = store.add_practice(
        &PracticeInput {
            name: "Nhóm Zalo “Khu phố 3 bình yên”".into(),
            field: PracticeField::QuocPhongAnNinh,
            scope: PracticeScope::TapThe,
            runner: group.clone(),
            address: "Khu phố 3, phường Yên Hải".into(),
            started_on: date::format(this_month - chrono::Months::new(1)),
            person_in_charge: deputy.into(),
            status: PracticeStatus::DangThucHien,
            level: None,
            decision: String::new(),
            places: Some(1),
            groups_applying: Some(1),
        },
        now,
    )?;
    let mut draft = vec![String::new(); 8];
    draft[0] =
        "Nhiều hộ là người cao tuổi, hay bị gọi điện lừa đảo; tin báo đến tổ còn chậm.".into();
    draft[2] = "- Mỗi hộ một người vào nhóm; tổ phó quản trị nhóm.\n- Hằng tuần đăng một tin cảnh báo thủ đoạn lừa đảo mới do Công an phường cung cấp.".into();
    store.save_writeup(&zalo.id, &draft, now)?;
    store.set_measure(
        &zalo.id,
        &Measure {
            indicators: vec![
                ind(IndicatorKind::IncidentsOfCategory, Some("lua_dao")),
                ind(IndicatorKind::ValuableTips, None),
            ],
            // The month before the group and its first month, side by side.
            before_from: date::format(this_month - chrono::Months::new(2)),
            before_to: date::format(this_month - chrono::Months::new(1) - Duration::days(1)),
            after_from: date::format(this_month - chrono::Months::new(1)),
            after_to: date::format(this_month - Duration::days(1)),
        },
        now,
    )?;
    Ok(())
}

/// A model of the ward's other groups: lodging houses that declare their tenants.
fn lodging(
    store: &mut Store,
    now: DateTime<Utc>,
    profile: &Profile,
    group: &str,
    deputy: &str,
) -> Result<()> {
    let today = date::vn_today(now);
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).expect("valid");
    let p = store.add_practice(
        &PracticeInput {
            name: "Nhà trọ an toàn, khai báo tạm trú đầy đủ".into(),
            field: PracticeField::QuocPhongAnNinh,
            scope: PracticeScope::TapThe,
            runner: group.into(),
            address: format!("{}, phường Yên Hải", profile.area_name()),
            started_on: date::format(this_month - chrono::Months::new(2)),
            person_in_charge: deputy.into(),
            status: PracticeStatus::DangThucHien,
            level: None,
            decision: String::new(),
            places: Some(5),
            groups_applying: Some(1),
        },
        now,
    )?;
    let mut draft = vec![String::new(); 8];
    draft[0] = "Trên địa bàn có nhiều nhà cho thuê trọ; người thuê thay đổi thường xuyên, có trường hợp chưa khai báo tạm trú.".into();
    draft[2] = "- Tổ gặp từng chủ nhà trọ, hướng dẫn khai báo tạm trú trên ứng dụng VNeID.\n- Mỗi nhà trọ treo bảng nội quy và số điện thoại của tổ.".into();
    store.save_writeup(&p.id, &draft, now)?;
    Ok(())
}

/// The camera model as registered, or (`recognised`) as the ward recognised it on `today`.
fn camera(
    group: &str,
    leader: &str,
    started: NaiveDate,
    recognised: bool,
    today: NaiveDate,
) -> PracticeInput {
    PracticeInput {
        name: "Camera an ninh kết nối các ngõ".into(),
        field: PracticeField::QuocPhongAnNinh,
        scope: PracticeScope::TapThe,
        runner: group.into(),
        address: "Khu phố 3, phường Yên Hải".into(),
        started_on: date::format(started),
        person_in_charge: leader.into(),
        status: if recognised {
            PracticeStatus::DuocCongNhan
        } else {
            PracticeStatus::DangThucHien
        },
        level: recognised.then_some(PracticeLevel::CoSo),
        decision: if recognised {
            format!(
                "Quyết định số 27/QĐ-UBND ngày {} của UBND phường Yên Hải",
                date::format(today)
            )
        } else {
            String::new()
        },
        places: Some(8),
        groups_applying: Some(3),
    }
}

/// The ward recognises the camera model today, after the months it ran in were reported.
pub(super) fn recognise(
    store: &mut Store,
    now: DateTime<Utc>,
    profile: &Profile,
    leader: &str,
) -> Result<()> {
    if !profile.camera {
        return Ok(());
    }
    let today = date::vn_today(now);
    let group = format!("Tổ bảo vệ an ninh, trật tự {}", profile.area_name());
    let rows = store.list_practices()?;
    if let Some(c) = rows.iter().find(|p| p.name.starts_with("Camera")) {
        let started = super::ledger::camera_start(today);
        store.edit_practice(&c.id, &camera(&group, leader, started, true, today), now)?;
    }
    Ok(())
}
