//! "PHIẾU THÔNG TIN CÁ NHÂN": everything the group holds about one member, printed for that
//! person when they ask (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): every field as
//! recorded (the CCCD number in full, since it is their own), the dates of consent and of
//! the health certificate, each change made to the record, the patrol shifts they were
//! rostered on and the incidents they reported.

use super::doc::{Align, Block, Column, Document, Orientation, Table};
use crate::model::group::Group;
use crate::model::member::{Birth, Member, MemberEvent};

/// What else the group's records say about the member.
pub struct Involvement {
    /// Patrol seats on the rosters, and of those marked present.
    pub seats: u32,
    pub attended: u32,
    /// Incidents and tips they reported: ISO date and summary line.
    pub reported: Vec<(String, String)>,
}

fn day(iso: &Option<String>) -> String {
    iso.as_deref()
        .and_then(crate::date::from_iso)
        .map(crate::date::format)
        .unwrap_or_default()
}

/// The member's own data, dated `issued_on` (ISO).
pub fn document(
    group: &Group,
    m: &Member,
    history: &[MemberEvent],
    more: &Involvement,
    issued_on: &str,
) -> Document {
    let or_none = |s: String| {
        if s.is_empty() {
            "Không ghi".to_string()
        } else {
            s
        }
    };
    let mut fields = vec![
        ("Họ và tên", m.full_name.clone()),
        (
            "Giới tính",
            m.gender.map(|g| g.label().to_string()).unwrap_or_default(),
        ),
        (
            "Ngày sinh",
            m.birth_date
                .as_deref()
                .and_then(Birth::from_stored)
                .map(Birth::shown)
                .unwrap_or_default(),
        ),
        (
            "Số điện thoại",
            m.phone
                .as_deref()
                .map(crate::model::phone::display)
                .unwrap_or_default(),
        ),
        ("Nơi cư trú", m.address.clone().unwrap_or_default()),
        ("Số CCCD", m.cccd.clone().unwrap_or_default()),
        ("Chức danh trong tổ", m.role.label().to_string()),
        ("Ngày vào tổ", day(&m.joined_on)),
    ];
    if m.left_on.is_some() {
        let why = m.left_reason.clone().unwrap_or_default();
        let left = day(&m.left_on);
        fields.push((
            "Ngày rời tổ",
            if why.is_empty() {
                left
            } else {
                format!("{left} ({why})")
            },
        ));
    }
    fields.extend([
        ("Ngày khám sức khỏe", day(&m.health_cert_date)),
        ("Ngày đồng ý cho tổ xử lý dữ liệu", day(&m.consent_date)),
        ("Đồng ý cho mục đích", m.consent_purpose.clone()),
        ("Ghi chú", m.notes.clone().unwrap_or_default()),
    ]);
    let table = |rows: Vec<Vec<String>>, columns: Vec<Column>| {
        Block::Table(Table {
            columns,
            rows,
            size: 12.0,
            bold_rows: vec![],
        })
    };
    let mut blocks = vec![
        Block::Title {
            kind: "Phiếu thông tin cá nhân".into(),
            subject: format!("của {} do {} đang lưu", m.full_name, group.name),
        },
        Block::Paragraph(format!(
            "Theo đề nghị của {}, {} liệt kê dưới đây toàn bộ thông tin về người này mà tổ đang lưu trong sổ sách của tổ, đến ngày {}.",
            m.full_name,
            group.name,
            crate::date::from_iso(issued_on)
                .map(crate::date::format)
                .unwrap_or_else(|| issued_on.to_string())
        )),
        Block::SubHeading("1. Thông tin đã ghi".into()),
        table(
            fields
                .into_iter()
                .map(|(k, v)| vec![k.to_string(), or_none(v)])
                .collect(),
            vec![
                Column::new("Mục", 2.2, Align::Left),
                Column::new("Nội dung", 4.8, Align::Left),
            ],
        ),
        Block::SubHeading("2. Các lần ghi, sửa thông tin".into()),
    ];
    if history.is_empty() {
        blocks.push(Block::Paragraph("Chưa có lần sửa nào.".into()));
    } else {
        blocks.push(table(
            history
                .iter()
                .map(|e| vec![crate::date::format_timestamp(&e.at), e.summary.clone()])
                .collect(),
            vec![
                Column::new("Thời điểm", 2.2, Align::Center),
                Column::new("Nội dung", 4.8, Align::Left),
            ],
        ));
    }
    blocks.push(Block::SubHeading("3. Tuần tra và tin báo".into()));
    blocks.push(Block::Paragraph(if more.seats == 0 {
        "Chưa được xếp ca tuần tra nào.".into()
    } else {
        format!(
            "Được xếp {} ca tuần tra, trong đó {} ca đã chấm có mặt.",
            more.seats, more.attended
        )
    }));
    if more.reported.is_empty() {
        blocks.push(Block::Paragraph(
            "Không có vụ việc, tin báo nào do người này báo.".into(),
        ));
    } else {
        blocks.push(Block::Paragraph(format!(
            "Các vụ việc, tin báo do người này báo ({}):",
            more.reported.len()
        )));
        blocks.push(table(
            more.reported
                .iter()
                .map(|(d, t)| vec![day(&Some(d.clone())), t.clone()])
                .collect(),
            vec![
                Column::new("Ngày", 1.6, Align::Center),
                Column::new("Vụ việc", 5.4, Align::Left),
            ],
        ));
    }
    blocks.push(super::monthly::leader_closing(
        group,
        vec![format!("- {};", m.full_name), "- Lưu: Tổ.".into()],
    ));
    Document {
        title: format!("Thông tin cá nhân - {}", m.full_name),
        orientation: Orientation::Portrait,
        // A slip the group numbers in its register (PH: phiếu), written in by hand.
        header: Some(super::practice::header(group, "PH", issued_on)),
        blocks,
    }
}
