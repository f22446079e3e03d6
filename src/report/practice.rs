//! A "Dân vận khéo" model's write-up as a printed report, and the list of models the ward
//! asks for (model, places, groups).

use super::doc::{Align, Block, Column, Document, Header, Orientation, Table};
use super::monthly::{group_header, leader_closing, parent_body};
use super::prose::{curly, quoted};
use super::text_blocks;
use crate::model::group::Group;
use crate::model::practice::{
    Practice, PracticeRow, PracticeStatus, ResultTable, RESULTS_SECTION, SECTION_TITLES,
};

fn status_text(
    status: PracticeStatus,
    level: Option<crate::model::practice::PracticeLevel>,
    decision: &str,
) -> String {
    match (status, level) {
        (PracticeStatus::DuocCongNhan, Some(l)) if decision.is_empty() => {
            format!("Được công nhận ({})", l.label().to_lowercase())
        }
        (PracticeStatus::DuocCongNhan, Some(l)) => {
            format!("Được công nhận ({}), {decision}", l.label().to_lowercase())
        }
        (s, _) => s.label().to_string(),
    }
}

/// "+3", "−2 (−40%)", "0".
fn change(before: u32, after: u32) -> String {
    let d = i64::from(after) - i64::from(before);
    let sign = if d > 0 {
        "+"
    } else if d < 0 {
        "−"
    } else {
        ""
    };
    if before == 0 || d == 0 {
        return format!("{sign}{}", d.abs());
    }
    let pct = (d.abs() as f64) * 100.0 / f64::from(before);
    format!("{sign}{} ({sign}{}%)", d.abs(), super::number(pct))
}

fn results_table(r: &ResultTable) -> Block {
    Block::Table(Table {
        columns: vec![
            Column {
                title: "STT".into(),
                width: 0.6,
                align: Align::Center,
            },
            Column {
                title: "Chỉ số".into(),
                width: 3.2,
                align: Align::Left,
            },
            Column {
                title: format!("Trước ({})", r.before_label),
                width: 2.0,
                align: Align::Right,
            },
            Column {
                title: format!("Sau ({})", r.after_label),
                width: 2.0,
                align: Align::Right,
            },
            Column {
                title: "Thay đổi".into(),
                width: 1.6,
                align: Align::Right,
            },
        ],
        rows: r
            .rows
            .iter()
            .enumerate()
            .map(|(i, x)| {
                vec![
                    (i + 1).to_string(),
                    x.label.clone(),
                    x.before.to_string(),
                    x.after.to_string(),
                    change(x.before, x.after),
                ]
            })
            .collect(),
        size: 12.0,
        bold_rows: vec![],
    })
}

/// The header; `code` is the document's kind: BC (báo cáo), DS (danh sách). The group numbers
/// these in its own register, so the number is written in.
pub(super) fn header(group: &Group, code: &str, issued_on: &str) -> Header {
    group_header(
        group,
        format!("Số:        /{code}-{}", group.kind.document_code()),
        issued_on,
    )
}

fn closing(group: &Group) -> Block {
    leader_closing(
        group,
        vec![
            "- Như trên;".into(),
            format!("- {};", parent_body(group)),
            format!("- Ban Công tác Mặt trận {};", group.area_name),
            "- Lưu: Tổ.".into(),
        ],
    )
}

/// The write-up of a model addressed to `recipient`, dated `issued_on` (ISO).
pub fn document(p: &Practice, group: &Group, recipient: &str, issued_on: &str) -> Document {
    let started = crate::date::from_iso(&p.started_on)
        .map(crate::date::format)
        .unwrap_or_default();
    let info: Vec<(&str, String)> = vec![
        ("Tên mô hình", curly(&p.name)),
        ("Lĩnh vực", p.field.label().to_string()),
        (
            "Đơn vị, cá nhân thực hiện",
            format!("{} ({})", p.runner, p.scope.label().to_lowercase()),
        ),
        ("Địa chỉ", p.address.clone()),
        ("Thời gian bắt đầu", started),
        ("Người phụ trách", p.person_in_charge.clone()),
        ("Tình trạng", status_text(p.status, p.level, &p.decision)),
        (
            "Số điểm áp dụng",
            p.places
                .map(|n| n.to_string())
                .unwrap_or_else(|| "—".into()),
        ),
        (
            "Số tổ áp dụng",
            p.groups_applying
                .map(|n| n.to_string())
                .unwrap_or_else(|| "—".into()),
        ),
    ];
    let mut b = vec![
        Block::Title {
            kind: "Báo cáo".into(),
            subject: format!(
                "Kết quả thực hiện mô hình “Dân vận khéo” {}",
                quoted(&p.name)
            ),
        },
        Block::Addressee(format!("Kính gửi: {recipient}")),
        Block::Table(Table {
            columns: vec![
                Column {
                    title: "Thông tin".into(),
                    width: 3.0,
                    align: Align::Left,
                },
                Column {
                    title: "Nội dung".into(),
                    width: 6.4,
                    align: Align::Left,
                },
            ],
            rows: info
                .into_iter()
                .map(|(k, v)| vec![k.to_string(), v])
                .collect(),
            size: 12.0,
            bold_rows: vec![],
        }),
    ];
    // Until finalised the write-up is a draft: marked so, with a prompt where nothing is written.
    let draft = p.finalised_at.is_none();
    for (i, title) in SECTION_TITLES.iter().enumerate() {
        b.push(Block::Heading((*title).to_string()));
        let text = p.sections.get(i).map(String::as_str).unwrap_or("");
        b.extend(text_blocks(text, ""));
        let measured = i == RESULTS_SECTION && p.results.is_some();
        if let (true, Some(r)) = (i == RESULTS_SECTION, &p.results) {
            b.push(Block::Paragraph(
                "Kết quả đo được từ sổ ghi chép của tổ như sau:".into(),
            ));
            b.push(results_table(r));
            b.push(Block::Note(match &p.finalised_at {
                Some(at) => format!(
                    "Số liệu chốt ngày {} khi hoàn thiện bản viết.",
                    at.get(..10).unwrap_or(at)
                ),
                None => "Số liệu tính đến ngày in; chưa chốt.".into(),
            }));
        }
        if draft && !measured && text.trim().is_empty() {
            b.push(Block::Note("[Chưa viết mục này]".into()));
        }
    }
    b.push(closing(group));
    let mut header = header(group, "BC", issued_on);
    header.draft = draft;
    Document {
        title: format!("Mô hình {} - {}", p.name, group.name),
        orientation: Orientation::Portrait,
        header: Some(header),
        blocks: b,
    }
}

/// The list of models with the counters the police guidance asks for, addressed to
/// `recipient`.
pub fn list_document(
    rows: &[PracticeRow],
    group: &Group,
    recipient: &str,
    issued_on: &str,
) -> Document {
    let places: i64 = rows.iter().filter_map(|r| r.places).map(i64::from).sum();
    let recognised = rows
        .iter()
        .filter(|r| r.status == PracticeStatus::DuocCongNhan)
        .count();
    let mut table_rows: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                (i + 1).to_string(),
                curly(&r.name),
                r.field.label().to_string(),
                format!("{} ({})", r.runner, r.scope.label().to_lowercase()),
                status_text(r.status, r.level, ""),
                r.places.map(|n| n.to_string()).unwrap_or_default(),
                r.groups_applying.map(|n| n.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    let total = table_rows.len();
    table_rows.push(vec![
        String::new(),
        format!("Tổng cộng: {} mô hình", rows.len()),
        String::new(),
        String::new(),
        format!("{recognised} được công nhận"),
        places.to_string(),
        // A group often runs several models: adding the column up would count it twice.
        String::new(),
    ]);
    Document {
        title: format!("Danh sách mô hình - {}", group.name),
        orientation: Orientation::Landscape,
        header: Some(header(group, "DS", issued_on)),
        blocks: vec![
            Block::Title {
                kind: "Danh sách".into(),
                subject: "Mô hình “Dân vận khéo”, mô hình tự quản về an ninh, trật tự".into(),
            },
            Block::Addressee(format!("Kính gửi: {recipient}")),
            Block::Table(Table {
                columns: vec![
                    Column {
                        title: "STT".into(),
                        width: 0.6,
                        align: Align::Center,
                    },
                    Column {
                        title: "Tên mô hình".into(),
                        width: 3.4,
                        align: Align::Left,
                    },
                    Column {
                        title: "Lĩnh vực".into(),
                        width: 1.8,
                        align: Align::Left,
                    },
                    Column {
                        title: "Đơn vị, cá nhân thực hiện".into(),
                        width: 2.6,
                        align: Align::Left,
                    },
                    Column {
                        title: "Tình trạng".into(),
                        width: 2.0,
                        align: Align::Left,
                    },
                    Column {
                        title: "Số điểm".into(),
                        width: 0.9,
                        align: Align::Right,
                    },
                    Column {
                        title: "Số tổ".into(),
                        width: 0.9,
                        align: Align::Right,
                    },
                ],
                rows: table_rows,
                size: 12.0,
                bold_rows: vec![total],
            }),
            Block::Note("Cột “Số tổ” không cộng dồn: một tổ có thể áp dụng nhiều mô hình.".into()),
            closing(group),
        ],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn changes_are_signed_with_a_percentage() {
        assert_eq!(super::change(5, 2), "−3 (−60%)");
        assert_eq!(super::change(4, 6), "+2 (+50%)");
        assert_eq!(super::change(0, 3), "+3");
        assert_eq!(super::change(2, 2), "0");
    }
}
