//! The monthly report (Báo cáo kết quả công tác bảo đảm ANTT tháng M năm Y): from the month's
//! figures to a document. Sections follow `domain/README.md`; every number comes from the
//! records, the narrative parts from the leader.

use super::doc::{
    Align, BarChart, Block, Closing, Column, Digest, Document, Header, Orientation, Table,
};
use super::number;
use crate::model::figures::INDICATORS;
use crate::model::incident::{Incident, IncidentStatus};
use crate::model::month::{IncidentLine, MonthlyData};
use chrono::Datelike;

/// Tên cơ quan chủ quản: the police unit the group reports to, or else the commune.
pub fn parent_body(g: &crate::model::group::Group) -> String {
    if g.police_unit.trim().is_empty() {
        format!("UBND {}", g.commune_name)
    } else {
        g.police_unit.clone()
    }
}

/// The place name for "…, ngày …": the commune's name without "Phường"/"Xã"/….
fn place(commune: &str) -> &str {
    for prefix in ["Phường ", "Xã ", "Thị trấn ", "Đặc khu ", "phường ", "xã "] {
        if let Some(rest) = commune.strip_prefix(prefix) {
            return rest;
        }
    }
    commune
}

/// "Yên Hải, ngày 05 tháng 12 năm 2026": day below 10 and months 1–2 get a leading zero.
pub fn place_date(commune: &str, iso: &str) -> String {
    let Some(d) = crate::date::from_iso(iso) else {
        return place(commune).to_string();
    };
    let month = if d.month() <= 2 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!(
        "{}, ngày {:02} tháng {} năm {}",
        place(commune),
        d.day(),
        month,
        d.year()
    )
}

fn month_parts(month: &str) -> (u32, i32) {
    let (y, m) = month.split_once('-').unwrap_or(("0", "0"));
    (m.parse().unwrap_or(0), y.parse().unwrap_or(0))
}

/// One incident as the report's table shows it: when, where, what, and its outcome. No
/// people's names, phones or ID numbers.
pub fn incident_line(i: &Incident) -> IncidentLine {
    let on = crate::date::from_iso(&i.occurred_on)
        .map(crate::date::format)
        .unwrap_or_else(|| i.occurred_on.clone());
    let when = match &i.occurred_time {
        Some(t) if i.time_approx => format!("{on} khoảng {t}"),
        Some(t) => format!("{on} {t}"),
        None => on,
    };
    let transferred = i.status == IncidentStatus::DaChuyenCongAn;
    let mut outcome = i.status.label().to_string();
    if let Some(to) = i.transferred_to.as_ref().filter(|_| transferred) {
        outcome.push_str(&format!(" ({to}"));
        if let Some(on) = i.transferred_on.as_deref().and_then(crate::date::from_iso) {
            outcome.push_str(&format!(", {}", crate::date::format(on)));
        }
        outcome.push(')');
    }
    if let Some(a) = i
        .action_taken
        .as_deref()
        .map(|a| a.trim_end_matches('.'))
        .filter(|a| !a.is_empty())
    {
        outcome = format!("{a}. {outcome}");
    }
    IncidentLine {
        id: i.id.clone(),
        version: i.version,
        when,
        place: i.place.clone(),
        category: i.category_name.clone(),
        summary: format!("{}: {}", i.title, i.description),
        outcome,
        transferred,
        valuable_tip: i.valuable_tip,
    }
}

fn names(list: &[String]) -> String {
    list.join(", ")
}

/// The monthly report as a document; `digest` is printed when the month is closed.
pub fn document(d: &MonthlyData, digest: Option<&str>) -> Document {
    let g = &d.group;
    let (m, y) = month_parts(&d.month);
    let code = g.kind.document_code();
    let parent = parent_body(g);
    let mut b = vec![
        Block::Title {
            kind: "Báo cáo".into(),
            subject: format!("Kết quả công tác bảo đảm an ninh, trật tự tháng {m} năm {y}"),
        },
        Block::Addressee(format!("Kính gửi: {parent}")),
        Block::Paragraph(format!(
            "Thực hiện chức năng, nhiệm vụ được giao, {} báo cáo kết quả công tác bảo đảm an ninh, trật tự tháng {m}/{y} như sau:",
            g.name
        )),
    ];
    b.extend(situation(d));
    b.extend(results(d));
    b.extend(security(d));
    b.extend(amendments(d));
    b.extend(leader_sections(d));
    b.extend(closing(d, digest));
    Document {
        title: format!("Báo cáo tháng {m}/{y} - {}", g.name),
        orientation: Orientation::Portrait,
        header: Some(Header {
            parent_body: parent.clone(),
            issuing_body: g.name.clone(),
            number: format!("Số: {:02}/BC-{code}", d.number),
            place_date: place_date(&g.commune_name, &d.issued_on),
        }),
        blocks: b,
    }
}

/// I. The area, the group and its changes, and what the leader adds.
fn situation(d: &MonthlyData) -> Vec<Block> {
    let mut b = Vec::new();
    let g = &d.group;
    b.push(Block::Heading("I. Đặc điểm tình hình".into()));
    let mut place_line = format!("{} ", g.area_name);
    match (g.households, g.residents) {
        (Some(h), Some(r)) => place_line.push_str(&format!(
            "có {} hộ với {} nhân khẩu.",
            number(h.into()),
            number(r.into())
        )),
        (Some(h), None) => place_line.push_str(&format!("có {} hộ.", number(h.into()))),
        _ => place_line.push_str("chưa ghi số hộ, số nhân khẩu."),
    }
    let f = &d.figures;
    place_line.push_str(&format!(
        " Tổ có {} thành viên, trong đó {} tổ trưởng, tổ phó.",
        f.members.active,
        f.members.leaders + f.members.deputies
    ));
    let mem = d;
    if mem.joined.is_empty() && mem.left.is_empty() {
        place_line.push_str(" Trong tháng không có thay đổi về thành viên.");
    } else {
        if !mem.joined.is_empty() {
            place_line.push_str(&format!(
                " Trong tháng có {} người vào tổ ({}).",
                mem.joined.len(),
                names(&mem.joined)
            ));
        }
        if !mem.left.is_empty() {
            place_line.push_str(&format!(
                " Có {} người rời tổ ({}).",
                mem.left.len(),
                names(&mem.left)
            ));
        }
    }
    b.push(Block::Paragraph(place_line));
    b.extend(super::text_blocks(&d.narrative.situation, ""));
    b
}

/// II. What the group did: tips, meetings and awareness, patrols, mediation, the main indicators.
fn results(d: &MonthlyData) -> Vec<Block> {
    let mut b = Vec::new();
    let f = &d.figures;
    let a = &f.activities;
    let p = &f.patrols;
    let transferred = f.incidents.transferred;
    let tips = f.incidents.valuable_tips;
    b.push(Block::Heading("II. Kết quả công tác".into()));
    b.push(Block::SubHeading(
        "1. Nắm tình hình, tiếp nhận và chuyển tin báo".into(),
    ));
    b.push(Block::Paragraph(format!(
        "Tổ ghi nhận {} vụ việc trên địa bàn; đã chuyển Công an {} vụ; có {} tin báo có giá trị.",
        d.incidents.len(),
        transferred,
        tips
    )));
    b.push(Block::SubHeading("2. Tuyên truyền, họp tổ, họp dân".into()));
    b.push(Block::Paragraph(format!(
        "Tổ chức {} buổi họp tổ, {} buổi họp dân với {} lượt người dự; {} buổi tuyên truyền với {} lượt người nghe; {} hộ ký cam kết bảo đảm an ninh, trật tự.",
        a.group_meetings, a.resident_meetings, number(a.resident_meeting_attendees.into()),
        a.awareness_sessions, number(a.people_reached.into()), number(a.households_committed.into())
    )));
    b.push(Block::SubHeading("3. Tuần tra, canh gác".into()));
    b.push(Block::Paragraph(if p.shifts_planned == 0 {
        "Trong tháng chưa lập lịch tuần tra.".to_string()
    } else {
        format!(
            "Theo lịch có {} ca tuần tra; đã tuần tra {} ca với {} lượt người tham gia, tổng cộng {} giờ; tỷ lệ có mặt {}%.",
            p.shifts_planned, p.patrols_held, p.member_turns, number(p.hours()), number(p.attendance_rate().unwrap_or(0.0) * 100.0)
        )
    }));
    b.push(Block::SubHeading(
        "4. Hòa giải, hỗ trợ quản lý cư trú, phòng cháy chữa cháy".into(),
    ));
    b.push(Block::Paragraph(format!(
        "Tham gia hòa giải {} vụ, hòa giải thành {} vụ; {} lượt hỗ trợ quản lý cư trú; {} lượt tham gia phòng cháy, chữa cháy, cứu nạn.",
        a.mediations, a.mediations_successful, a.residence_support, a.fire_rescue
    )));
    b.push(Block::SubHeading("5. Các chỉ tiêu chính".into()));
    let figures: Vec<(&str, String)> = INDICATORS
        .iter()
        .filter(|i| i.main)
        .map(|i| (i.label, number((i.value)(f))))
        .collect();
    b.push(Block::Table(Table {
        columns: vec![
            Column {
                title: "STT".into(),
                width: 0.8,
                align: Align::Center,
            },
            Column {
                title: "Chỉ tiêu".into(),
                width: 5.0,
                align: Align::Left,
            },
            Column {
                title: "Số lượng".into(),
                width: 1.8,
                align: Align::Right,
            },
        ],
        rows: figures
            .into_iter()
            .enumerate()
            .map(|(i, (k, v))| vec![(i + 1).to_string(), k.to_string(), v])
            .collect(),
        size: 13.0,
        bold_rows: vec![],
    }));
    b
}

/// III. The security situation: incidents by category, then one by one.
fn security(d: &MonthlyData) -> Vec<Block> {
    let mut b = Vec::new();
    let (m, y) = month_parts(&d.month);
    b.push(Block::Heading("III. Tình hình an ninh, trật tự".into()));
    if d.incidents.is_empty() {
        b.push(Block::Paragraph(
            "Trong tháng không xảy ra vụ việc nào về an ninh, trật tự trên địa bàn.".into(),
        ));
    } else {
        b.push(Block::Paragraph(format!(
            "Trong tháng trên địa bàn xảy ra {} vụ việc, chia theo loại như sau:",
            d.incidents.len()
        )));
        b.push(Block::Chart(BarChart {
            title: format!("Biểu đồ: vụ việc theo loại, tháng {m}/{y}"),
            bars: d
                .categories
                .iter()
                .map(|c| (c.name.clone(), f64::from(c.count)))
                .collect(),
        }));
        let total = d.incidents.len() as f64;
        let mut rows: Vec<Vec<String>> = d
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                vec![
                    (i + 1).to_string(),
                    c.name.clone(),
                    c.count.to_string(),
                    format!("{}%", number(f64::from(c.count) * 100.0 / total)),
                ]
            })
            .collect();
        let total_row = rows.len();
        rows.push(vec![
            String::new(),
            "Tổng cộng".into(),
            d.incidents.len().to_string(),
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
    }
    b
}

/// Amendments made this month to closed months.
fn amendments(d: &MonthlyData) -> Vec<Block> {
    let mut b = Vec::new();
    if !d.amendments.is_empty() {
        b.push(Block::SubHeading(
            "Đính chính số liệu các tháng đã khóa sổ".into(),
        ));
        b.push(Block::Table(Table {
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
        }));
    }
    b
}

/// IV–VI: what the leader writes.
fn leader_sections(d: &MonthlyData) -> Vec<Block> {
    let mut b = Vec::new();
    b.push(Block::Heading("IV. Tồn tại, hạn chế".into()));
    b.extend(super::text_blocks(&d.narrative.shortcomings, "Không có."));
    b.push(Block::Heading("V. Phương hướng tháng tới".into()));
    b.extend(super::text_blocks(&d.narrative.plans, "Không có."));
    b.push(Block::Heading("VI. Kiến nghị, đề xuất".into()));
    b.extend(super::text_blocks(&d.narrative.proposals, "Không có."));
    b
}

/// The closing sentence, recipients and signature, and the data digest (issued) or the
/// draft's note.
fn closing(d: &MonthlyData, digest: Option<&str>) -> Vec<Block> {
    let g = &d.group;
    let (m, y) = month_parts(&d.month);
    let parent = parent_body(g);
    let mut b = Vec::new();
    b.push(Block::Paragraph(format!(
        "Trên đây là báo cáo kết quả công tác bảo đảm an ninh, trật tự tháng {m}/{y} của {}./.",
        g.name
    )));
    b.push(Block::Closing(Closing {
        recipients: vec![
            format!("- {parent};"),
            format!("- Trưởng {};", g.area_name),
            "- Lưu: Tổ.".into(),
        ],
        on_behalf: None,
        role: "Tổ trưởng".into(),
        name: g.leader_name.clone().unwrap_or_default(),
    }));
    match digest {
        Some(code) => b.push(Block::Digest(Digest {
            lines: vec![
                format!("Mã đối chiếu dữ liệu tháng {m}/{y}: {code}"),
                "Sổ tháng đã khóa; mã này trùng với mã trong tệp dữ liệu gửi phường.".into(),
                format!("Mã khóa của tổ: {}", d.key_fingerprint),
            ],
            payload: format!("TTQ|1|{}|{}|{code}", g.id, d.month),
        })),
        None => b.push(Block::Note(format!(
            "Bản nháp: tháng chưa khóa sổ, số liệu còn có thể thay đổi. Mã khóa của tổ: {}.",
            d.key_fingerprint
        ))),
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_and_date_follow_nd30_zero_padding() {
        assert_eq!(
            place_date("Phường Yên Hải", "2026-12-05"),
            "Yên Hải, ngày 05 tháng 12 năm 2026"
        );
        assert_eq!(
            place_date("Xã Đông Hòa", "2027-02-15"),
            "Đông Hòa, ngày 15 tháng 02 năm 2027"
        );
        assert_eq!(
            place_date("Yên Hải", "2027-03-01"),
            "Yên Hải, ngày 01 tháng 3 năm 2027"
        );
    }
}
