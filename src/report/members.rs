//! "DANH SÁCH TỔ VIÊN": the group's members on the day it is printed, in the NĐ 30 frame,
//! for the ward's files and the notice board. Phone numbers only when asked for; CCCD
//! numbers never (a printed list travels).

use super::doc::{Align, Block, Column, Document, Orientation, Table};
use crate::model::group::Group;
use crate::model::member::{Birth, MemberRow};

/// The list of `members` (those in the group now), dated `issued_on` (ISO).
pub fn document(group: &Group, members: &[MemberRow], phones: bool, issued_on: &str) -> Document {
    let mut rows: Vec<&MemberRow> = members.iter().filter(|m| m.left_on.is_none()).collect();
    // The leader first, then the deputies, then members by name, as lists are read.
    rows.sort_by_cached_key(|m| (m.role.rank(), crate::text::name_collation_key(&m.full_name)));
    let mut columns = vec![
        Column::new("STT", 0.8, Align::Center),
        Column::new("Họ và tên", 2.9, Align::Left),
        Column::new("Ngày sinh", 1.5, Align::Center),
        Column::new("Giới tính", 1.0, Align::Center),
        Column::new("Chức danh", 1.3, Align::Left),
        Column::new("Nơi cư trú", 4.4, Align::Left),
        Column::new("Ngày vào tổ", 1.5, Align::Center),
    ];
    if phones {
        columns.push(Column::new("Số điện thoại", 1.7, Align::Center));
    }
    columns.push(Column::new("Ghi chú", 1.2, Align::Left));
    let date = |iso: &Option<String>| {
        iso.as_deref()
            .and_then(crate::date::from_iso)
            .map(crate::date::format)
            .unwrap_or_default()
    };
    let table_rows = rows
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut row = vec![
                (i + 1).to_string(),
                m.full_name.clone(),
                m.birth_date
                    .as_deref()
                    .and_then(Birth::from_stored)
                    .map(Birth::shown)
                    .unwrap_or_default(),
                m.gender.map(|g| g.label().to_string()).unwrap_or_default(),
                m.role.label().to_string(),
                m.address.clone().unwrap_or_default(),
                date(&m.joined_on),
            ];
            if phones {
                row.push(
                    m.phone
                        .as_deref()
                        .map(crate::model::phone::display)
                        .unwrap_or_default(),
                );
            }
            row.push(String::new());
            row
        })
        .collect();
    let day = crate::date::from_iso(issued_on)
        .map(crate::date::format)
        .unwrap_or_else(|| issued_on.to_string());
    let parent = super::monthly::parent_body(group);
    let blocks = vec![
        Block::Title {
            kind: "Danh sách tổ viên".into(),
            subject: format!("{} (đến ngày {day})", group.name),
        },
        Block::Table(Table {
            columns,
            rows: table_rows,
            size: 11.0,
            bold_rows: vec![],
        }),
        Block::Paragraph(format!("Danh sách có {} người.", rows.len())),
        super::monthly::leader_closing(group, vec![format!("- {parent};"), "- Lưu: Tổ.".into()]),
    ];
    Document {
        title: format!("Danh sách tổ viên - {}", group.name),
        orientation: Orientation::Landscape,
        // A list the group numbers in its own register (DS: danh sách), written in by hand.
        header: Some(super::practice::header(group, "DS", issued_on)),
        blocks,
    }
}
