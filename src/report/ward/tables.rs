//! The consolidated report's tables: the indicators against last month, a row per group,
//! incidents by category per group, and the amendments.

use super::WardMonth;
use crate::date;
use crate::model::figures::{MonthFigures, INDICATORS};
use crate::model::month::Amendment;
use crate::model::ward::{GroupMonth, ReportState};
use crate::report::doc::{Align, Block, Column, Table};
use crate::report::number;
use crate::report::prose::{capitalised, change, count};
use std::collections::BTreeMap;

/// The month before `YYYY-MM`, as "10/2026".
fn previous_label(month: &str) -> String {
    let (y, m) = month.split_once('-').unwrap_or(("0", "0"));
    let (y, m): (i32, u32) = (y.parse().unwrap_or(0), m.parse().unwrap_or(0));
    let (y, m) = if m <= 1 { (y - 1, 12) } else { (y, m - 1) };
    format!("{m:02}/{y}")
}

/// The indicators of all groups, against last month for the groups that reported both.
pub fn indicators(w: &WardMonth, totals: &MonthFigures) -> Vec<Block> {
    let both: Vec<(&GroupMonth, &MonthFigures, &MonthFigures)> = w
        .received()
        .filter_map(|(r, f)| r.previous.as_ref().map(|p| (r, f, p)))
        .collect();
    let (mut now_same, mut before) = (MonthFigures::default(), MonthFigures::default());
    for (_, f, p) in &both {
        now_same.add(f);
        before.add(p);
    }
    let label = date::month_label(w.month);
    let mut columns = vec![
        Column::new("STT", 0.6, Align::Center),
        Column::new("Chỉ tiêu", 4.6, Align::Left),
        Column::new(format!("Tháng {label}"), 1.6, Align::Right),
    ];
    let compare = !both.is_empty();
    if compare {
        columns.push(Column::new(
            format!("Tháng {}", previous_label(w.month)),
            1.6,
            Align::Right,
        ));
        columns.push(Column::new("Tăng (+), giảm (−)", 1.6, Align::Right));
    }
    let rows = INDICATORS
        .iter()
        .enumerate()
        .map(|(k, i)| {
            let mut row = vec![
                (k + 1).to_string(),
                i.label.to_string(),
                number((i.value)(totals)),
            ];
            if compare {
                row.push(number((i.value)(&before)));
                row.push(change((i.value)(&now_same), Some((i.value)(&before))));
            }
            row
        })
        .collect();
    let mut b = vec![
        Block::Paragraph("Các chỉ tiêu chính của các tổ như sau:".into()),
        Block::Table(Table {
            columns,
            rows,
            size: 12.0,
            bold_rows: vec![],
        }),
    ];
    let without: Vec<&str> = w
        .received()
        .filter(|(r, _)| r.previous.is_none())
        .map(|(r, _)| r.name.as_str())
        .collect();
    if compare {
        let mut note = format!(
            "Cột tháng {} và cột tăng, giảm tính trên {} tổ đã gửi báo cáo cả hai tháng",
            previous_label(w.month),
            count(both.len() as u32)
        );
        if !without.is_empty() {
            note.push_str(&format!("; không tính: {}", without.join("; ")));
        }
        note.push('.');
        b.push(Block::Note(note));
    }
    b
}

/// Where a group stands, as its cell says: "Đúng hạn", "Muộn (07/12)", "Chưa nộp".
fn state_cell(r: &GroupMonth) -> String {
    let mut s = capitalised(r.state.label());
    if let (ReportState::Late, Some(d)) = (r.state, r.sent_on) {
        s.push_str(&format!(" ({})", &date::format(d)[..5]));
    }
    if r.draft {
        s.push_str(" (dự thảo)");
    }
    s
}

/// The per-group numbers, in the order of the table's columns after the state.
fn group_values(f: &MonthFigures) -> Vec<String> {
    let p = &f.patrols;
    let a = &f.activities;
    vec![
        format!(
            "{}/{}",
            p.patrols_held,
            p.shifts_planned.max(p.patrols_held)
        ),
        p.member_turns.to_string(),
        number(p.hours()),
        f.incidents.total.to_string(),
        f.incidents.transferred.to_string(),
        f.incidents.valuable_tips.to_string(),
        a.mediations_successful.to_string(),
        a.resident_meetings.to_string(),
        a.awareness_sessions.to_string(),
        a.households_committed.to_string(),
    ]
}

/// III. A row per group with where it stands and its figures, and the total.
pub fn per_group(w: &WardMonth, totals: &MonthFigures) -> Block {
    let mut columns = vec![
        Column::new("STT", 0.6, Align::Center),
        Column::new("Tổ", 4.0, Align::Left),
        Column::new("Nộp báo cáo", 1.4, Align::Left),
    ];
    for (title, width) in [
        ("Ca tuần tra (đã tổ chức/theo lịch)", 1.1),
        ("Lượt người tuần tra", 0.9),
        ("Giờ công", 0.9),
        ("Vụ việc", 0.8),
        ("Chuyển Công an", 0.9),
        ("Tin báo có giá trị", 0.9),
        ("Hòa giải thành", 0.9),
        ("Họp dân", 0.8),
        ("Tuyên truyền", 1.0),
        ("Hộ ký cam kết", 0.9),
    ] {
        columns.push(Column::new(title, width, Align::Right));
    }
    let mut rows: Vec<Vec<String>> = w
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = vec![(i + 1).to_string(), r.name.clone(), state_cell(r)];
            match &r.figures {
                Some(f) => row.extend(group_values(f)),
                // A group without a report keeps an empty row: no figure is made up for it.
                None => row.extend(std::iter::repeat_n(String::new(), 10)),
            }
            row
        })
        .collect();
    let mut total = vec![String::new(), "Cộng".into(), String::new()];
    total.extend(group_values(totals));
    rows.push(total);
    Block::Table(Table {
        columns,
        bold_rows: vec![rows.len() - 1],
        rows,
        size: 10.5,
    })
}

/// How many categories get their own column; the rest are added up as "Loại khác".
const CATEGORY_COLUMNS: usize = 6;

/// IV. Incidents by category, a row per group that reported, the most frequent categories
/// as columns.
pub fn categories_per_group(
    w: &WardMonth,
    cats: &[(String, u32)],
    named: &dyn Fn(&str) -> String,
) -> Block {
    let shown: Vec<&str> = cats
        .iter()
        .take(if cats.len() > CATEGORY_COLUMNS + 1 {
            CATEGORY_COLUMNS
        } else {
            cats.len()
        })
        .map(|(n, _)| n.as_str())
        .collect();
    let others = cats.len() > shown.len();
    let mut columns = vec![
        Column::new("STT", 0.6, Align::Center),
        Column::new("Tổ", 4.0, Align::Left),
    ];
    for n in &shown {
        columns.push(Column::new(*n, 1.2, Align::Right));
    }
    if others {
        columns.push(Column::new("Các loại còn lại", 1.1, Align::Right));
    }
    columns.push(Column::new("Cộng", 0.8, Align::Right));
    let line = |by_category: &BTreeMap<String, u32>| {
        let mut by_name: BTreeMap<String, u32> = BTreeMap::new();
        for (code, n) in by_category {
            *by_name.entry(named(code)).or_default() += n;
        }
        let mut cells: Vec<String> = shown
            .iter()
            .map(|n| by_name.get(*n).copied().unwrap_or(0).to_string())
            .collect();
        let all: u32 = by_name.values().sum();
        if others {
            let in_shown: u32 = shown.iter().filter_map(|n| by_name.get(*n)).sum();
            cells.push((all - in_shown).to_string());
        }
        cells.push(all.to_string());
        cells
    };
    let mut rows: Vec<Vec<String>> = w
        .received()
        .enumerate()
        .map(|(i, (r, f))| {
            let mut row = vec![(i + 1).to_string(), r.name.clone()];
            row.extend(line(&f.incidents.by_category));
            row
        })
        .collect();
    let totals = w.totals();
    let mut total = vec![String::new(), "Cộng".into()];
    total.extend(line(&totals.incidents.by_category));
    rows.push(total);
    Block::Table(Table {
        columns,
        bold_rows: vec![rows.len() - 1],
        rows,
        size: 11.0,
    })
}

/// V. The amendments groups made during the month to months already reported.
pub fn amendments(list: &[(String, Amendment)]) -> Block {
    Block::Table(Table {
        columns: vec![
            Column::new("Tổ", 2.6, Align::Left),
            Column::new("Tháng", 0.9, Align::Center),
            Column::new("Thời điểm", 1.6, Align::Left),
            Column::new("Bản ghi", 3.0, Align::Left),
            Column::new("Nội dung đính chính", 3.0, Align::Left),
        ],
        rows: list
            .iter()
            .map(|(g, a)| {
                vec![
                    g.clone(),
                    date::month_label(&a.amends_month),
                    date::format_timestamp(&a.at),
                    a.record_label(),
                    a.what_changed(),
                ]
            })
            .collect(),
        size: 11.0,
        bold_rows: vec![],
    })
}
