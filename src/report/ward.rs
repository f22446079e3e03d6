//! The ward's consolidated monthly report: who reported, the totals, a row per group, and
//! incidents by category across the groups.

use super::doc::{Align, BarChart, Block, Closing, Column, Document, Header, Orientation, Table};
use super::monthly::place_date;
use super::number;
use crate::model::ward::{ReportState, Ward};
use crate::sync::package::MonthFigures;
use crate::sync::sheet::figure_rows;
use std::collections::BTreeMap;

/// A group's name with its month's figures and state, if it reported.
pub type GroupMonth = (String, Option<(MonthFigures, ReportState)>);

/// The consolidated report of `month` for `rows` (group name, figures and state if reported).
pub fn document(ward: &Ward, month: &str, rows: &[GroupMonth], issued_on: &str) -> Document {
    let (y, m) = month.split_once('-').unwrap_or(("", ""));
    let m: u32 = m.parse().unwrap_or(0);
    let reported: Vec<&GroupMonth> = rows.iter().filter(|r| r.1.is_some()).collect();
    let on_time = reported
        .iter()
        .filter(|r| matches!(r.1, Some((_, ReportState::OnTime))))
        .count();
    let missing: Vec<&str> = rows
        .iter()
        .filter(|r| r.1.is_none())
        .map(|r| r.0.as_str())
        .collect();
    let mut b = vec![
        Block::Title {
            kind: "Báo cáo".into(),
            subject: format!(
                "Tổng hợp kết quả công tác bảo đảm an ninh, trật tự của các tổ tháng {m} năm {y}"
            ),
        },
        Block::Heading("I. Tình hình nộp báo cáo".into()),
        Block::Paragraph(format!(
            "Có {}/{} tổ đã gửi báo cáo tháng {m}/{y} ({} đúng hạn, {} nộp muộn).",
            reported.len(),
            rows.len(),
            on_time,
            reported.len() - on_time
        )),
        if missing.is_empty() {
            Block::Paragraph("Tất cả các tổ đã gửi báo cáo.".into())
        } else {
            Block::Paragraph(format!("Các tổ chưa gửi báo cáo: {}.", missing.join("; ")))
        },
        Block::Heading("II. Số liệu tổng hợp".into()),
    ];
    let mut totals = figure_rows(&MonthFigures::default());
    let mut categories: BTreeMap<String, u32> = BTreeMap::new();
    for (_, f) in rows
        .iter()
        .filter_map(|r| r.1.as_ref().map(|(f, _)| ((), f)))
    {
        for (t, (_, v)) in totals.iter_mut().zip(figure_rows(f)) {
            t.1 += v;
        }
        for (c, n) in &f.categories {
            *categories.entry(c.clone()).or_default() += n;
        }
    }
    b.push(Block::Table(Table {
        columns: vec![
            Column {
                title: "STT".into(),
                width: 0.6,
                align: Align::Center,
            },
            Column {
                title: "Chỉ tiêu".into(),
                width: 5.0,
                align: Align::Left,
            },
            Column {
                title: "Tổng các tổ".into(),
                width: 1.8,
                align: Align::Right,
            },
        ],
        rows: totals
            .iter()
            .enumerate()
            .map(|(i, (k, v))| vec![(i + 1).to_string(), (*k).to_string(), number(*v)])
            .collect(),
        size: 12.0,
        bold_rows: vec![],
    }));
    b.push(Block::Heading("III. Số liệu từng tổ".into()));
    b.push(Block::Table(Table {
        columns: vec![
            Column {
                title: "STT".into(),
                width: 0.5,
                align: Align::Center,
            },
            Column {
                title: "Tổ".into(),
                width: 3.0,
                align: Align::Left,
            },
            Column {
                title: "Nộp".into(),
                width: 1.1,
                align: Align::Left,
            },
            Column {
                title: "Ca tuần tra".into(),
                width: 1.0,
                align: Align::Right,
            },
            Column {
                title: "Lượt người".into(),
                width: 1.0,
                align: Align::Right,
            },
            Column {
                title: "Vụ việc".into(),
                width: 0.9,
                align: Align::Right,
            },
            Column {
                title: "Chuyển CA".into(),
                width: 0.9,
                align: Align::Right,
            },
            Column {
                title: "Tin báo có giá trị".into(),
                width: 1.0,
                align: Align::Right,
            },
            Column {
                title: "Hòa giải thành".into(),
                width: 1.0,
                align: Align::Right,
            },
            Column {
                title: "Họp dân".into(),
                width: 0.9,
                align: Align::Right,
            },
            Column {
                title: "Hộ cam kết".into(),
                width: 1.0,
                align: Align::Right,
            },
        ],
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, (name, f))| {
                let mut row = vec![(i + 1).to_string(), name.clone()];
                match f {
                    Some((f, state)) => {
                        row.push(
                            if *state == ReportState::OnTime {
                                "Đúng hạn"
                            } else {
                                "Muộn"
                            }
                            .into(),
                        );
                        for v in [
                            f.patrols_held,
                            f.member_turns,
                            f.incidents,
                            f.transferred,
                            f.valuable_tips,
                            f.mediations_successful,
                            f.resident_meetings,
                            f.households_committed,
                        ] {
                            row.push(v.to_string());
                        }
                    }
                    None => {
                        row.push("Chưa nộp".into());
                        row.extend(std::iter::repeat_n(String::new(), 8));
                    }
                }
                row
            })
            .collect(),
        size: 11.0,
        bold_rows: vec![],
    }));
    b.push(Block::Heading("IV. Vụ việc theo loại".into()));
    if categories.is_empty() {
        b.push(Block::Paragraph(
            "Các tổ không ghi nhận vụ việc nào trong tháng.".into(),
        ));
    } else {
        let mut cats: Vec<(String, u32)> = categories.into_iter().collect();
        cats.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        b.push(Block::Chart(BarChart {
            title: format!("Biểu đồ: vụ việc theo loại, các tổ, tháng {m}/{y}"),
            bars: cats
                .iter()
                .map(|(n, c)| (n.clone(), f64::from(*c)))
                .collect(),
        }));
    }
    b.push(Block::Closing(Closing {
        recipients: vec![
            "- Lãnh đạo đơn vị;".into(),
            "- Các tổ;".into(),
            "- Lưu: VT.".into(),
        ],
        on_behalf: None,
        role: "Người tổng hợp".into(),
        name: String::new(),
    }));
    Document {
        title: format!("Tổng hợp tháng {m}/{y} - {}", ward.name),
        orientation: Orientation::Landscape,
        header: Some(Header {
            parent_body: format!("UBND {}", ward.commune_name),
            issuing_body: ward.name.clone(),
            number: "Số: ....../BC".into(),
            place_date: place_date(&ward.commune_name, issued_on),
        }),
        blocks: b,
    }
}
