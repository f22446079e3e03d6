//! The ward's consolidated monthly report: who reported (or, before the deadline, who has
//! so far), the totals, a row per group, incidents by category across the groups, and the
//! amendments groups made to months already reported.

use super::doc::{Align, BarChart, Block, Closing, Column, Document, Header, Orientation, Table};
use super::monthly::place_date;
use super::number;
use super::prose::count;
use crate::date;
use crate::model::figures::{MonthFigures, INDICATORS};
use crate::model::month::Amendment;
use crate::model::ward::{ReportState, Ward};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One group's line: its name, where it stands, and its figures if a file came.
pub struct GroupMonth {
    pub name: String,
    pub state: ReportState,
    pub figures: Option<MonthFigures>,
    /// The latest file is a draft (the group had not closed the month).
    pub draft: bool,
}

/// What the consolidated report of a month is made from.
pub struct WardMonth<'a> {
    pub ward: &'a Ward,
    /// `YYYY-MM`.
    pub month: &'a str,
    /// The last day reports are on time.
    pub deadline: NaiveDate,
    /// The deadline has not passed yet: the figures are provisional, counted up to `today`.
    pub provisional: bool,
    pub today: NaiveDate,
    pub rows: Vec<GroupMonth>,
    pub category_names: BTreeMap<String, String>,
    /// Amendments received that were made during the month, with the group's name.
    pub amendments: Vec<(String, Amendment)>,
    /// ISO date the report is dated.
    pub issued_on: &'a str,
}

/// The consolidated report of a month.
pub fn document(w: &WardMonth) -> Document {
    let (y, m) = w.month.split_once('-').unwrap_or(("", ""));
    let m: u32 = m.parse().unwrap_or(0);
    let label = date::month_label(w.month);
    let rows = &w.rows;
    let received: Vec<&GroupMonth> = rows.iter().filter(|r| r.figures.is_some()).collect();
    let on_time = rows
        .iter()
        .filter(|r| r.state == ReportState::OnTime)
        .count() as u32;
    let late = rows.iter().filter(|r| r.state == ReportState::Late).count() as u32;
    let waiting: Vec<&str> = rows
        .iter()
        .filter(|r| r.figures.is_none())
        .map(|r| r.name.as_str())
        .collect();
    let mut b = vec![
        Block::Title {
            kind: "Báo cáo".into(),
            subject: format!(
                "Tổng hợp kết quả công tác bảo đảm an ninh, trật tự của các tổ tháng {m} năm {y}"
            ),
        },
        Block::Heading("I. Tình hình nộp báo cáo".into()),
    ];
    if w.provisional {
        b.push(Block::Paragraph(format!(
            "Số liệu tạm tính đến ngày {}; hạn nộp báo cáo tháng {label} là ngày {}.",
            date::format(w.today),
            date::format(w.deadline)
        )));
    }
    let sent = if received.is_empty() {
        if w.provisional {
            format!("Đến nay chưa có tổ nào gửi báo cáo tháng {label}.")
        } else {
            format!("Không có tổ nào gửi báo cáo tháng {label}.")
        }
    } else {
        let mut line = format!(
            "{} {}/{} tổ đã gửi báo cáo tháng {label}",
            if w.provisional {
                "Đến nay có"
            } else {
                "Có"
            },
            count(received.len() as u32),
            count(rows.len() as u32)
        );
        match (on_time, late) {
            (_, 0) if !w.provisional => line.push_str(", tất cả đúng hạn"),
            (0, l) => line.push_str(&format!(", cả {} tổ đều nộp muộn", count(l))),
            (o, 0) => line.push_str(&format!(", {} tổ đúng hạn", count(o))),
            (o, l) => line.push_str(&format!(
                ", trong đó {} tổ đúng hạn, {} tổ nộp muộn",
                count(o),
                count(l)
            )),
        }
        line.push('.');
        line
    };
    b.push(Block::Paragraph(sent));
    if !waiting.is_empty() {
        b.push(Block::Paragraph(if w.provisional {
            format!("Các tổ chưa gửi (chưa đến hạn): {}.", waiting.join("; "))
        } else {
            format!("Các tổ chưa gửi báo cáo: {}.", waiting.join("; "))
        }));
    }
    let drafts: Vec<&str> = received
        .iter()
        .filter(|r| r.draft)
        .map(|r| r.name.as_str())
        .collect();
    if !drafts.is_empty() {
        b.push(Block::Paragraph(format!(
            "Gửi bản nháp (tổ chưa khóa sổ tháng, số liệu còn có thể thay đổi): {}.",
            drafts.join("; ")
        )));
    }
    b.push(Block::Heading("II. Số liệu tổng hợp".into()));
    let mut totals = MonthFigures::default();
    for f in received.iter().filter_map(|r| r.figures.as_ref()) {
        totals.add(f);
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
        rows: INDICATORS
            .iter()
            .enumerate()
            .map(|(i, x)| {
                vec![
                    (i + 1).to_string(),
                    x.label.to_string(),
                    number((x.value)(&totals)),
                ]
            })
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
                title: "Chuyển Công an".into(),
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
            .map(|(i, r)| {
                let mut state = capitalised(r.state.label());
                if r.draft {
                    state.push_str(" (bản nháp)");
                }
                let mut row = vec![(i + 1).to_string(), r.name.clone(), state];
                match &r.figures {
                    Some(f) => {
                        for v in [
                            f.patrols.patrols_held,
                            f.patrols.member_turns,
                            f.incidents.total,
                            f.incidents.transferred,
                            f.incidents.valuable_tips,
                            f.activities.mediations_successful,
                            f.activities.resident_meetings,
                            f.activities.households_committed,
                        ] {
                            row.push(v.to_string());
                        }
                    }
                    None => row.extend(std::iter::repeat_n(String::new(), 8)),
                }
                row
            })
            .collect(),
        size: 11.0,
        bold_rows: vec![],
    }));
    b.push(Block::Heading("IV. Vụ việc theo loại".into()));
    let categories: BTreeMap<String, u32> = totals
        .incidents
        .by_category
        .iter()
        .map(|(code, n)| (w.category_names.get(code).unwrap_or(code).clone(), *n))
        .fold(BTreeMap::new(), |mut acc, (name, n)| {
            *acc.entry(name).or_default() += n;
            acc
        });
    if categories.is_empty() {
        b.push(Block::Paragraph(
            "Các tổ không ghi nhận vụ việc nào trong tháng.".into(),
        ));
    } else {
        let mut cats: Vec<(String, u32)> = categories.into_iter().collect();
        cats.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| crate::text::collate(&a.0, &b.0)));
        b.push(Block::Chart(BarChart {
            title: format!("Biểu đồ: vụ việc theo loại, các tổ, tháng {m}/{y}"),
            bars: cats
                .iter()
                .map(|(n, c)| (n.clone(), f64::from(*c)))
                .collect(),
        }));
    }
    if !w.amendments.is_empty() {
        b.push(Block::Heading(
            "V. Đính chính số liệu các tháng đã chốt".into(),
        ));
        b.push(Block::Paragraph(format!(
            "Trong tháng {label}, các tổ đã đính chính số liệu các tháng đã chốt như sau (số liệu tổng hợp các tháng đó giữ như bản đã phát hành):"
        )));
        b.push(Block::Table(Table {
            columns: vec![
                Column {
                    title: "Tổ".into(),
                    width: 2.6,
                    align: Align::Left,
                },
                Column {
                    title: "Tháng".into(),
                    width: 0.9,
                    align: Align::Center,
                },
                Column {
                    title: "Thời điểm".into(),
                    width: 1.6,
                    align: Align::Left,
                },
                Column {
                    title: "Bản ghi".into(),
                    width: 3.0,
                    align: Align::Left,
                },
                Column {
                    title: "Nội dung đính chính".into(),
                    width: 3.0,
                    align: Align::Left,
                },
            ],
            rows: w
                .amendments
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
        title: format!("Tổng hợp tháng {m}/{y} - {}", w.ward.name),
        orientation: Orientation::Landscape,
        header: Some(Header {
            parent_body: format!("UBND {}", w.ward.commune_name),
            issuing_body: w.ward.name.clone(),
            number: "Số: ....../BC".into(),
            place_date: place_date(&w.ward.commune_name, w.issued_on),
            draft: false,
        }),
        blocks: b,
    }
}

/// "Đúng hạn" from "đúng hạn".
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
