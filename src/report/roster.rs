//! The month's patrol roster as a printed document: A4 landscape, one row a day, one column a
//! shift pattern, then each member's tallies so fairness is visible on paper.

use super::doc::{Align, Block, Column, Document, Orientation, Table};
use crate::model::group::Group;
use crate::model::patrol::RosterView;
use chrono::Datelike;
use std::collections::BTreeMap;

/// The roster document, dated `issued_on` (ISO).
pub fn document(view: &RosterView, group: &Group, issued_on: &str) -> Document {
    let (y, m) = view.month.split_once('-').unwrap_or(("", ""));
    let m: u32 = m.parse().unwrap_or(0);
    // Columns: the patterns by start time (then name), the same every month.
    let mut patterns: Vec<(&str, &str, String)> = Vec::new();
    for s in &view.shifts {
        if !patterns.iter().any(|(_, id, _)| *id == s.pattern_id) {
            let label = format!("{} ({}–{})", s.pattern_name, s.start, s.end);
            patterns.push((s.start.as_str(), s.pattern_id.as_str(), label));
        }
    }
    patterns.sort_by(|a, b| a.0.cmp(b.0).then_with(|| crate::text::collate(&a.2, &b.2)));
    let mut days: BTreeMap<&str, Vec<&crate::model::patrol::RosterShift>> = BTreeMap::new();
    for s in &view.shifts {
        days.entry(s.date.as_str()).or_default().push(s);
    }
    let mut columns = vec![Column {
        title: "Ngày".into(),
        width: 1.5,
        align: Align::Left,
    }];
    let share = 8.5 / patterns.len().max(1) as f32;
    for (_, _, label) in &patterns {
        columns.push(Column {
            title: label.clone(),
            width: share,
            align: Align::Left,
        });
    }
    let rows: Vec<Vec<String>> = days
        .iter()
        .map(|(date, shifts)| {
            let d = crate::date::from_iso(date);
            let mut first = d
                .map(|d| {
                    format!(
                        "{} {}",
                        crate::date::weekday_name(d.weekday()),
                        &crate::date::format(d)[..5]
                    )
                })
                .unwrap_or_else(|| date.to_string());
            if shifts.iter().any(|s| s.special)
                && d.is_some_and(|d| d.weekday().num_days_from_monday() < 5)
            {
                first.push_str(" (lễ)");
            }
            let mut row = vec![first];
            for (_, id, _) in &patterns {
                row.push(match shifts.iter().find(|s| s.pattern_id == *id) {
                    Some(s) => {
                        let mut names: Vec<String> =
                            s.seats.iter().map(|x| x.name.clone()).collect();
                        let missing = usize::from(s.needed).saturating_sub(names.len());
                        if missing > 0 {
                            names.push(format!("(thiếu {missing})"));
                        }
                        names.join(", ")
                    }
                    None => "—".into(),
                });
            }
            row
        })
        .collect();
    let mut blocks = vec![
        Block::Title {
            kind: "Lịch tuần tra".into(),
            subject: format!("Tháng {m} năm {y}"),
        },
        Block::Table(Table {
            columns,
            rows,
            size: 11.0,
            bold_rows: vec![],
        }),
        Block::SubHeading("Số ca của từng thành viên trong tháng".into()),
    ];
    let mut tallies: Vec<&crate::model::patrol::MemberTally> = view.tallies.iter().collect();
    tallies.sort_by_cached_key(|t| crate::text::name_collation_key(&t.name));
    // Once attendance is taken, what was done stands beside what was planned.
    let attended = view
        .shifts
        .iter()
        .any(|s| s.seats.iter().any(|x| x.attendance.is_some()));
    let mut columns = vec![
        Column::new("STT", 0.6, Align::Center),
        Column::new("Họ và tên", 3.4, Align::Left),
        Column::new("Số ca theo lịch", 1.4, Align::Right),
        Column::new("Trong đó cuối tuần, ngày lễ", 2.0, Align::Right),
    ];
    if attended {
        columns.push(Column::new("Đã trực", 1.2, Align::Right));
        columns.push(Column::new("Trực thay người khác", 1.6, Align::Right));
    }
    columns.push(Column::new("Ký nhận", 2.4, Align::Left));
    blocks.push(Block::Table(Table {
        columns,
        rows: tallies
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut row = vec![
                    (i + 1).to_string(),
                    t.name.clone(),
                    t.total.to_string(),
                    t.special.to_string(),
                ];
                if attended {
                    row.push(t.done.to_string());
                    row.push(t.stood_in.to_string());
                }
                row.push(String::new());
                row
            })
            .collect(),
        size: 11.0,
        bold_rows: vec![],
    }));
    if !view.gaps.is_empty() {
        blocks.push(Block::SubHeading("Ca chưa đủ người".into()));
        for g in &view.gaps {
            let d = crate::date::from_iso(&g.date)
                .map(crate::date::format)
                .unwrap_or_else(|| g.date.clone());
            blocks.push(Block::Bullet(format!(
                "{d}, {}: thiếu {} người ({}).",
                g.pattern_name, g.missing, g.reason
            )));
        }
    }
    if !view.not_rostered.is_empty() {
        blocks.push(Block::SubHeading(
            "Thành viên chưa bố trí lịch tuần tra".into(),
        ));
        for (name, why) in &view.not_rostered {
            blocks.push(Block::Bullet(format!("{name}: {why}.")));
        }
    }
    let parent = super::monthly::parent_body(group);
    blocks.push(super::monthly::leader_closing(
        group,
        vec![
            "- Các thành viên tổ;".into(),
            format!("- {parent};"),
            "- Lưu: Tổ.".into(),
        ],
    ));
    Document {
        title: format!("Lịch tuần tra tháng {m}/{y} - {}", group.name),
        orientation: Orientation::Landscape,
        header: Some(super::monthly::group_header(
            group,
            String::new(),
            issued_on,
        )),
        blocks,
    }
}
