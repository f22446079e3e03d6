//! The monthly report's sections, worded as a ward officer expects (`domain/wording.md`):
//! facts and counts from the records, small counts with a leading zero, a zero said as people
//! say it or left out, the leader's own text where the leader writes.

use super::{month_parts, parent_body};
use crate::model::figures::{MonthFigures, INDICATORS};
use crate::model::month::MonthlyData;
use crate::report::doc::{Align, BarChart, Block, Closing, Column, Digest, Table};
use crate::report::number;
use crate::report::prose::{and_list, change, count, mediation_clause, percent, sentence};

/// Every block of the report's body.
pub(super) fn all(d: &MonthlyData, digest: Option<&str>) -> Vec<Block> {
    let g = &d.group;
    let (m, y) = month_parts(&d.month);
    let mut b = vec![
        Block::Title {
            kind: "Báo cáo".into(),
            subject: format!("Kết quả công tác bảo đảm an ninh, trật tự tháng {m} năm {y}"),
        },
        Block::Addressee(format!("Kính gửi: {}", parent_body(g))),
        Block::Paragraph(format!(
            "Thực hiện chức năng, nhiệm vụ được giao, {} báo cáo kết quả công tác bảo đảm an ninh, trật tự tháng {m}/{y} như sau:",
            g.name
        )),
    ];
    let draft = digest.is_none();
    if let Some(day) = d.as_of.as_deref().and_then(crate::date::from_iso) {
        b.push(Block::Note(format!(
            "Tháng chưa kết thúc: số liệu tính đến ngày {}.",
            crate::date::format(day)
        )));
    }
    b.extend(super::situation::situation(d, draft));
    b.extend(results(d));
    b.extend(security(d));
    b.extend(amendments(d));
    b.extend(leader_sections(d, draft));
    b.extend(closing(d, digest));
    b
}

/// What the leader writes: their text, or in a draft a prompt where they have not written,
/// or in the issued copy `issued_empty`.
pub(super) fn leader_text(text: &str, draft: bool, prompt: &str, issued_empty: &str) -> Vec<Block> {
    let blocks = crate::report::text_blocks(text, "");
    if !blocks.is_empty() {
        return blocks;
    }
    if draft {
        vec![Block::Note(format!("[Chưa viết: {prompt}]"))]
    } else if issued_empty.is_empty() {
        Vec::new()
    } else {
        vec![Block::Paragraph(issued_empty.into())]
    }
}

/// The main indicators, compared with last month and the same month a year before where
/// there is something to compare with; a month still under way is not compared with whole
/// ones.
fn indicators(d: &MonthlyData) -> Block {
    let value = |f: &MonthFigures, i: &crate::model::figures::Indicator| (i.value)(f);
    let whole = d.as_of.is_none();
    let previous = d.previous.as_ref().filter(|_| whole);
    let year_ago = d.year_ago.as_ref().filter(|_| whole);
    let mut columns = vec![
        Column::new("STT", 0.7, Align::Center),
        Column::new("Chỉ tiêu", 4.0, Align::Left),
        Column::new("Tháng này", 1.3, Align::Right),
    ];
    if previous.is_some() {
        columns.push(Column::new("So với tháng trước", 1.4, Align::Right));
    }
    if year_ago.is_some() {
        columns.push(Column::new("So với cùng kỳ", 1.4, Align::Right));
    }
    Block::Table(Table {
        columns,
        rows: INDICATORS
            .iter()
            .filter(|i| i.main)
            .enumerate()
            .map(|(k, i)| {
                let now = value(&d.figures, i);
                let mut row = vec![(k + 1).to_string(), i.label.to_string(), number(now)];
                for other in [previous, year_ago].into_iter().flatten() {
                    row.push(change(now, Some(value(other, i))));
                }
                row
            })
            .collect(),
        size: 12.0,
        bold_rows: vec![],
    })
}

/// Tips: incidents recorded, passed to the police, valuable tips.
fn tips(f: &MonthFigures) -> String {
    let i = &f.incidents;
    if i.total == 0 && i.valuable_tips == 0 {
        return "Trong tháng tổ không ghi nhận vụ việc nào trên địa bàn.".into();
    }
    let mut c = vec![format!(
        "tổ ghi nhận {} vụ việc trên địa bàn",
        count(i.total)
    )];
    if i.transferred > 0 {
        c.push(format!("đã chuyển Công an {} vụ", count(i.transferred)));
    }
    if i.valuable_tips > 0 {
        c.push(format!(
            "cung cấp {} tin báo có giá trị cho Công an",
            count(i.valuable_tips)
        ));
    }
    sentence(&[c.join(", ")])
}

/// Meetings, awareness and commitments.
fn meetings(f: &MonthFigures) -> String {
    let a = &f.activities;
    let mut held = Vec::new();
    if a.group_meetings > 0 {
        held.push(format!("{} buổi họp tổ", count(a.group_meetings)));
    }
    if a.resident_meetings > 0 {
        let mut s = format!("{} buổi họp dân", count(a.resident_meetings));
        if a.resident_meeting_attendees > 0 {
            s.push_str(&format!(
                " với {} lượt người dự",
                count(a.resident_meeting_attendees)
            ));
        }
        held.push(s);
    }
    if a.awareness_sessions > 0 {
        let mut s = format!("{} buổi tuyên truyền", count(a.awareness_sessions));
        if a.people_reached > 0 {
            s.push_str(&format!(" với {} lượt người nghe", count(a.people_reached)));
        }
        held.push(s);
    }
    let mut clauses = Vec::new();
    if held.is_empty() {
        clauses.push("trong tháng không tổ chức họp tổ, họp dân hay tuyên truyền".to_string());
    } else {
        clauses.push(format!("tổ chức {}", and_list(&held)));
        if a.resident_meetings == 0 {
            clauses.push("không tổ chức họp dân".into());
        }
    }
    if a.households_committed > 0 {
        clauses.push(format!(
            "vận động {} hộ ký cam kết bảo đảm an ninh, trật tự",
            count(a.households_committed)
        ));
    }
    sentence(&clauses)
}

/// Patrols, as "Tổ chức tuần tra 39/39 ca theo lịch, 96 lượt người, 528 giờ công; tỷ lệ
/// có mặt 88,9%."
fn patrols(f: &MonthFigures) -> String {
    let p = &f.patrols;
    if p.shifts_planned == 0 {
        return "Trong tháng chưa lập lịch tuần tra.".into();
    }
    if p.patrols_held == 0 {
        return format!(
            "Theo lịch có {} ca tuần tra; chưa ghi nhận ca nào đã thực hiện.",
            count(p.shifts_planned)
        );
    }
    let mut s = format!(
        "Tổ chức tuần tra {}/{} ca theo lịch, {} lượt người, {} giờ công",
        count(p.patrols_held),
        count(p.shifts_planned),
        count(p.member_turns),
        number(p.hours())
    );
    if p.seats_recorded > 0 {
        s.push_str(&format!(
            "; tỷ lệ có mặt {}",
            percent(p.member_turns, p.seats_recorded)
        ));
    }
    s.push('.');
    s
}

/// Mediation, residence support, fire and rescue.
fn mediation(f: &MonthFigures) -> String {
    let a = &f.activities;
    let mut c = Vec::new();
    c.extend(mediation_clause(a.mediations, a.mediations_successful));
    if a.residence_support > 0 {
        c.push(format!(
            "{} lượt hỗ trợ quản lý cư trú",
            count(a.residence_support)
        ));
    }
    if a.fire_rescue > 0 {
        c.push(format!(
            "{} lượt tham gia phòng cháy, chữa cháy, cứu nạn",
            count(a.fire_rescue)
        ));
    }
    if c.is_empty() {
        return "Trong tháng tổ không tham gia hòa giải, hỗ trợ quản lý cư trú hay phòng cháy, chữa cháy, cứu nạn.".into();
    }
    sentence(&c)
}

/// II. What the group did: tips, meetings and awareness, patrols, mediation, its models, the
/// main indicators with the change from last month and from a year before.
fn results(d: &MonthlyData) -> Vec<Block> {
    let f = &d.figures;
    let mut b = vec![
        Block::Heading("II. Kết quả công tác".into()),
        Block::SubHeading("1. Nắm tình hình, tiếp nhận và chuyển tin báo".into()),
        Block::Paragraph(tips(f)),
        Block::SubHeading("2. Tuyên truyền, họp tổ, họp dân".into()),
        Block::Paragraph(meetings(f)),
        Block::SubHeading("3. Tuần tra, canh gác".into()),
        Block::Paragraph(patrols(f)),
        Block::SubHeading("4. Hòa giải, hỗ trợ quản lý cư trú, phòng cháy, chữa cháy".into()),
        Block::Paragraph(mediation(f)),
    ];
    let mut n = 5;
    if !d.practices.is_empty() {
        b.push(Block::SubHeading(format!(
            "{n}. Mô hình tự quản, mô hình “Dân vận khéo”"
        )));
        b.push(Block::Paragraph(format!(
            "Tổ thực hiện {} {}.",
            if d.practices.len() == 1 {
                "mô hình"
            } else {
                "các mô hình"
            },
            and_list(&d.practices)
        )));
        n += 1;
    }
    b.push(Block::SubHeading(format!("{n}. Các chỉ tiêu chính")));
    b.push(indicators(d));
    b
}

/// III. The security situation: incidents by category, then one by one.
fn security(d: &MonthlyData) -> Vec<Block> {
    let (m, y) = month_parts(&d.month);
    let mut b = vec![Block::Heading("III. Tình hình an ninh, trật tự".into())];
    if d.incidents.is_empty() {
        b.push(Block::Paragraph(
            "Trong tháng tổ không ghi nhận vụ việc nào về an ninh, trật tự trên địa bàn.".into(),
        ));
        return b;
    }
    let total = d.incidents.len() as u32;
    b.push(Block::Paragraph(format!(
        "Trong tháng, trên địa bàn xảy ra {} vụ việc, chia theo loại như sau:",
        count(total)
    )));
    b.push(Block::Chart(BarChart {
        title: format!("Biểu đồ: vụ việc theo loại, tháng {m}/{y}"),
        bars: d
            .categories
            .iter()
            .map(|c| (c.name.clone(), f64::from(c.count)))
            .collect(),
    }));
    let mut rows: Vec<Vec<String>> = d
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                (i + 1).to_string(),
                c.name.clone(),
                c.count.to_string(),
                percent(c.count, total),
            ]
        })
        .collect();
    let total_row = rows.len();
    rows.push(vec![
        String::new(),
        "Tổng cộng".into(),
        total.to_string(),
        "100%".into(),
    ]);
    b.push(Block::Table(Table {
        columns: vec![
            Column {
                title: "STT".into(),
                width: 0.8,
                align: Align::Center,
            },
            Column {
                title: "Loại vụ việc".into(),
                width: 4.6,
                align: Align::Left,
            },
            Column {
                title: "Số vụ".into(),
                width: 1.2,
                align: Align::Right,
            },
            Column {
                title: "Tỷ lệ".into(),
                width: 1.2,
                align: Align::Right,
            },
        ],
        rows,
        size: 13.0,
        bold_rows: vec![total_row],
    }));
    b.push(Block::Paragraph("Chi tiết các vụ việc:".into()));
    b.push(Block::Table(Table {
        columns: vec![
            Column {
                title: "STT".into(),
                width: 0.7,
                align: Align::Center,
            },
            Column {
                title: "Ngày giờ".into(),
                width: 1.6,
                align: Align::Left,
            },
            Column {
                title: "Địa điểm".into(),
                width: 1.8,
                align: Align::Left,
            },
            Column {
                title: "Loại vụ việc".into(),
                width: 1.7,
                align: Align::Left,
            },
            Column {
                title: "Tóm tắt".into(),
                width: 3.2,
                align: Align::Left,
            },
            Column {
                title: "Kết quả xử lý".into(),
                width: 2.2,
                align: Align::Left,
            },
        ],
        rows: d
            .incidents
            .iter()
            .enumerate()
            .map(|(i, x)| {
                vec![
                    (i + 1).to_string(),
                    x.when.clone(),
                    x.place.clone(),
                    x.category.clone(),
                    x.summary.clone(),
                    x.outcome.clone(),
                ]
            })
            .collect(),
        size: 11.0,
        bold_rows: vec![],
    }));
    b
}

/// Amendments made this month to months already reported.
fn amendments(d: &MonthlyData) -> Vec<Block> {
    if d.amendments.is_empty() {
        return Vec::new();
    }
    vec![
        Block::SubHeading("Đính chính số liệu các tháng đã chốt".into()),
        Block::Table(Table {
            columns: vec![
                Column {
                    title: "Thời điểm".into(),
                    width: 1.7,
                    align: Align::Left,
                },
                Column {
                    title: "Tháng".into(),
                    width: 1.0,
                    align: Align::Center,
                },
                Column {
                    title: "Bản ghi".into(),
                    width: 3.0,
                    align: Align::Left,
                },
                Column {
                    title: "Nội dung đính chính".into(),
                    width: 3.6,
                    align: Align::Left,
                },
            ],
            rows: d
                .amendments
                .iter()
                .map(|x| {
                    vec![
                        crate::date::format_timestamp(&x.at),
                        crate::date::month_label(&x.amends_month),
                        x.record_label(),
                        x.what_changed(),
                    ]
                })
                .collect(),
            size: 11.0,
            bold_rows: vec![],
        }),
    ]
}

/// IV–VI: what the leader writes.
fn leader_sections(d: &MonthlyData, draft: bool) -> Vec<Block> {
    let n = &d.narrative;
    let mut b = vec![Block::Heading("IV. Tồn tại, hạn chế".into())];
    b.extend(leader_text(
        &n.shortcomings,
        draft,
        "những việc chưa làm được, nguyên nhân",
        "Không có.",
    ));
    b.push(Block::Heading("V. Phương hướng tháng tới".into()));
    b.extend(leader_text(
        &n.plans,
        draft,
        "việc tổ sẽ làm tháng tới (bắt buộc trước khi chốt số liệu tháng)",
        "",
    ));
    b.push(Block::Heading("VI. Kiến nghị, đề xuất".into()));
    b.extend(leader_text(
        &n.proposals,
        draft,
        "đề nghị với Công an, chính quyền (nếu có)",
        "Không có.",
    ));
    b
}

/// The closing sentence, recipients and signature, and the data digest (issued) or the
/// draft's note.
fn closing(d: &MonthlyData, digest: Option<&str>) -> Vec<Block> {
    let g = &d.group;
    let (m, y) = month_parts(&d.month);
    let mut b = vec![
        Block::Paragraph(format!(
            "Trên đây là báo cáo kết quả công tác bảo đảm an ninh, trật tự tháng {m}/{y} của {}./.",
            g.name
        )),
        Block::Closing(Closing {
            recipients: vec![
                format!("- {};", parent_body(g)),
                format!("- Trưởng {};", g.area_name),
                "- Lưu: Tổ.".into(),
            ],
            on_behalf: None,
            role: "Tổ trưởng".into(),
            name: g.leader_name.clone().unwrap_or_default(),
            confirmation: d.confirmation.as_ref().map(|c| format!("Xác nhận của {c}")),
        }),
    ];
    let fingerprint = (!d.key_fingerprint.is_empty())
        .then(|| format!("Mã nhận diện của Tổ: {}", d.key_fingerprint));
    match digest {
        Some(code) => b.push(Block::Digest(Digest {
            lines: [
                Some(format!("Mã đối chiếu dữ liệu tháng {m}/{y}: {code}")),
                Some(
                    "Số liệu tháng đã chốt; mã này khớp với mã trong tệp dữ liệu gửi phường."
                        .into(),
                ),
                fingerprint,
            ]
            .into_iter()
            .flatten()
            .collect(),
            payload: format!("TTQ|1|{}|{}|{code}", g.id, d.month),
        })),
        None => b.push(Block::Note(format!(
            "Bản dự thảo: tháng chưa chốt số liệu, số liệu còn có thể thay đổi.{}",
            fingerprint.map(|f| format!(" {f}.")).unwrap_or_default()
        ))),
    }
    b
}
