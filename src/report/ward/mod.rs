//! The ward's consolidated monthly report: who reported by the deadline (rates, late and
//! missing groups named), what the groups did with the change from last month, a row per
//! group, incidents by category per group, and the amendments groups made to months
//! already reported. Headed and signed as the ward's settings say.

pub mod key_sheet;
mod tables;

use super::doc::{BarChart, Block, Closing, Document, Header, Orientation};
use super::monthly::place_date;
use super::prose::{and_list, count, mediation_clause, percent};
use crate::date;
use crate::model::figures::MonthFigures;
use crate::model::month::Amendment;
use crate::model::ward::{GroupMonth, ReportState, Ward};
use chrono::NaiveDate;
use std::collections::BTreeMap;

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

impl WardMonth<'_> {
    fn received(&self) -> impl Iterator<Item = (&GroupMonth, &MonthFigures)> {
        self.rows
            .iter()
            .filter_map(|r| r.figures.as_ref().map(|f| (r, f)))
    }

    /// The figures of every group that sent its report, added up.
    fn totals(&self) -> MonthFigures {
        let mut t = MonthFigures::default();
        for (_, f) in self.received() {
            t.add(f);
        }
        t
    }
}

/// The consolidated report of a month.
pub fn document(w: &WardMonth) -> Document {
    let (y, m) = w.month.split_once('-').unwrap_or(("", ""));
    let m: u32 = m.parse().unwrap_or(0);
    let label = date::month_label(w.month);
    let docs = &w.ward.documents;
    let mut b = vec![Block::Title {
        kind: "Báo cáo".into(),
        subject: format!(
            "Tổng hợp kết quả công tác bảo đảm an ninh, trật tự của các tổ tháng {m} năm {y}"
        ),
    }];
    b.extend(reporting(w));
    b.push(Block::Heading("II. Kết quả công tác của các tổ".into()));
    let totals = w.totals();
    if w.received().next().is_none() {
        b.push(Block::Paragraph(format!(
            "Chưa có số liệu: chưa nhận được báo cáo tháng {label} của tổ nào."
        )));
    } else {
        let names: Vec<&str> = w.received().map(|(r, _)| r.name.as_str()).collect();
        b.push(Block::Paragraph(summary(&totals, &names)));
        let idle: Vec<String> = w
            .received()
            .filter(|(_, f)| f.patrols.patrols_held == 0)
            .map(|(r, _)| r.name.clone())
            .collect();
        if !idle.is_empty() {
            b.push(Block::Paragraph(format!(
                "{} không tổ chức tuần tra trong tháng: {}.",
                if idle.len() == 1 { "Tổ" } else { "Các tổ" },
                idle.join("; ")
            )));
        }
        b.extend(tables::indicators(w, &totals));
        b.push(Block::Heading("III. Số liệu từng tổ".into()));
        b.push(tables::per_group(w, &totals));
        b.push(Block::Heading("IV. Vụ việc theo loại".into()));
        b.extend(categories(w, &totals, m, y));
    }
    if !w.amendments.is_empty() {
        b.push(Block::Heading(
            "V. Đính chính số liệu các tháng đã chốt".into(),
        ));
        b.push(Block::Paragraph(format!(
            "Trong tháng {label}, các tổ đã đính chính số liệu các tháng đã chốt như sau (số liệu tổng hợp các tháng đó giữ như bản đã phát hành):"
        )));
        b.push(tables::amendments(&w.amendments));
    }
    b.push(Block::Paragraph(format!(
        "Trên đây là báo cáo tổng hợp kết quả công tác bảo đảm an ninh, trật tự của các tổ tháng {label}{}.",
        if w.provisional {
            " (số liệu tạm tính, chưa hết hạn nộp báo cáo)"
        } else {
            ""
        }
    )));
    b.push(Block::Closing(Closing {
        recipients: vec![
            "- Lãnh đạo đơn vị;".into(),
            "- Các tổ;".into(),
            "- Lưu: VT.".into(),
        ],
        on_behalf: (!docs.signer_on_behalf.is_empty()).then(|| docs.signer_on_behalf.clone()),
        role: docs.signer_title.clone(),
        name: docs.signer_name.clone(),
        confirmation: None,
    }));
    let code = if docs.issuer_code.is_empty() {
        "BC".to_string()
    } else {
        format!("BC-{}", docs.issuer_code)
    };
    Document {
        title: format!("Tổng hợp tháng {m}/{y} - {}", w.ward.name),
        orientation: Orientation::Landscape,
        header: Some(Header {
            parent_body: docs.parent_body.clone(),
            issuing_body: w.ward.name.clone(),
            // The ward numbers its documents in its own register: the number is written in.
            number: format!("Số:        /{code}"),
            place_date: place_date(&w.ward.commune_name, w.issued_on),
            draft: w.provisional,
        }),
        blocks: b,
    }
}

/// I. Who reported: the deadline, the rates, late and missing groups by name, drafts.
fn reporting(w: &WardMonth) -> Vec<Block> {
    let label = date::month_label(w.month);
    let all = w.rows.len() as u32;
    let received = w.received().count() as u32;
    let on_time = w
        .rows
        .iter()
        .filter(|r| r.state == ReportState::OnTime)
        .count() as u32;
    let ratio = |n: u32| {
        if all == 0 {
            count(n)
        } else {
            format!("{}/{} tổ ({})", count(n), count(all), percent(n, all))
        }
    };
    let mut b = vec![Block::Heading("I. Tình hình nộp báo cáo".into())];
    b.push(Block::Paragraph(if w.provisional {
        format!(
            "Hạn nộp báo cáo tháng {label} là hết ngày {}; số liệu dưới đây tạm tính đến ngày {}.",
            date::format(w.deadline),
            date::format(w.today)
        )
    } else {
        format!(
            "Hạn nộp báo cáo tháng {label} là hết ngày {}.",
            date::format(w.deadline)
        )
    }));
    b.push(Block::Paragraph(match (received, w.provisional) {
        (0, true) => format!(
            "Đến nay chưa nhận được báo cáo của tổ nào (trong số {} tổ).",
            count(all)
        ),
        (0, false) => format!(
            "Không nhận được báo cáo của tổ nào (trong số {} tổ).",
            count(all)
        ),
        (n, true) => format!("Đến nay đã nhận báo cáo của {}.", ratio(n)),
        (n, false) if n == on_time => {
            format!("Đã nhận báo cáo của {}, tất cả đúng hạn.", ratio(n))
        }
        (n, false) => format!(
            "Đã nhận báo cáo của {}; nộp đúng hạn {}.",
            ratio(n),
            ratio(on_time)
        ),
    }));
    let late: Vec<String> = w
        .rows
        .iter()
        .filter(|r| r.state == ReportState::Late)
        .map(|r| match r.sent_on {
            Some(d) => format!("{} (gửi ngày {})", r.name, date::format(d)),
            None => r.name.clone(),
        })
        .collect();
    if !late.is_empty() {
        b.push(Block::Paragraph(format!("Nộp muộn: {}.", late.join("; "))));
    }
    let waiting: Vec<&str> = w
        .rows
        .iter()
        .filter(|r| r.figures.is_none())
        .map(|r| r.name.as_str())
        .collect();
    if !waiting.is_empty() {
        b.push(Block::Paragraph(if w.provisional {
            format!("Chưa gửi (chưa đến hạn): {}.", waiting.join("; "))
        } else {
            format!("Chưa nộp báo cáo: {}.", waiting.join("; "))
        }));
    }
    let drafts: Vec<&str> = w
        .received()
        .filter(|(r, _)| r.draft)
        .map(|(r, _)| r.name.as_str())
        .collect();
    if !drafts.is_empty() {
        b.push(Block::Paragraph(format!(
            "Gửi bản dự thảo (tổ chưa chốt số liệu tháng, số liệu còn có thể thay đổi): {}.",
            drafts.join("; ")
        )));
    }
    b
}

/// What the groups did, in one sentence; the clauses about nothing are left out.
fn summary(t: &MonthFigures, groups: &[&str]) -> String {
    let who = match groups {
        [one] => (*one).to_string(),
        _ => "các tổ".to_string(),
    };
    let p = &t.patrols;
    let i = &t.incidents;
    let a = &t.activities;
    let mut c = Vec::new();
    if p.patrols_held > 0 {
        c.push(format!(
            "{who} đã tổ chức tuần tra {}/{} ca theo lịch, {} lượt người, {} giờ công",
            count(p.patrols_held),
            count(p.shifts_planned.max(p.patrols_held)),
            count(p.member_turns),
            super::number(p.hours())
        ));
    } else {
        c.push(format!("{who} không tổ chức tuần tra"));
    }
    if i.total > 0 {
        let mut s = format!("phát hiện, ghi nhận {} vụ việc", count(i.total));
        if i.transferred > 0 {
            s.push_str(&format!(", chuyển Công an {} vụ", count(i.transferred)));
        }
        c.push(s);
    }
    if i.valuable_tips > 0 {
        c.push(format!(
            "cung cấp {} tin báo có giá trị",
            count(i.valuable_tips)
        ));
    }
    c.extend(mediation_clause(a.mediations, a.mediations_successful));
    let mut meetings = Vec::new();
    if a.resident_meetings > 0 {
        meetings.push(format!("{} buổi họp dân", count(a.resident_meetings)));
    }
    if a.awareness_sessions > 0 {
        meetings.push(format!("{} buổi tuyên truyền", count(a.awareness_sessions)));
    }
    if !meetings.is_empty() {
        c.push(format!("tổ chức {}", and_list(&meetings)));
    }
    if a.households_committed > 0 {
        c.push(format!(
            "vận động {} hộ ký cam kết",
            count(a.households_committed)
        ));
    }
    format!("Trong tháng, {}.", c.join("; "))
}

/// IV. Incidents by category: a table of the groups × the categories, and a chart.
fn categories(w: &WardMonth, totals: &MonthFigures, m: u32, y: &str) -> Vec<Block> {
    let named = |code: &str| w.category_names.get(code).cloned().unwrap_or(code.into());
    if totals.incidents.by_category.is_empty() {
        return vec![Block::Paragraph(
            "Các tổ không ghi nhận vụ việc nào trong tháng.".into(),
        )];
    }
    // Two codes may carry one name (a user category named like a built-in one): add them up.
    let mut by_name: BTreeMap<String, u32> = BTreeMap::new();
    for (code, n) in &totals.incidents.by_category {
        *by_name.entry(named(code)).or_default() += n;
    }
    let mut cats: Vec<(String, u32)> = by_name.into_iter().collect();
    cats.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| crate::text::collate(&a.0, &b.0)));
    vec![
        tables::categories_per_group(w, &cats, &named),
        Block::Chart(BarChart {
            title: format!("Biểu đồ: vụ việc theo loại, các tổ, tháng {m}/{y}"),
            bars: cats
                .iter()
                .map(|(n, c)| (n.clone(), f64::from(*c)))
                .collect(),
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ward::WardDocuments;

    fn ward() -> Ward {
        Ward {
            name: "Công an phường Yên Hải".into(),
            province_code: "22".into(),
            province_name: "Quảng Ninh".into(),
            commune_code: "07069".into(),
            commune_name: "Phường Yên Hải".into(),
            deadline_day: 5,
            fingerprint: String::new(),
            encryption_fingerprint: None,
            documents: WardDocuments::default().with_defaults(
                "Công an phường Yên Hải",
                "Quảng Ninh",
                "Phường Yên Hải",
            ),
        }
    }

    fn group(name: &str, state: ReportState, patrols: Option<u32>) -> GroupMonth {
        GroupMonth {
            name: name.into(),
            state,
            sent_on: NaiveDate::from_ymd_opt(2026, 12, 7),
            received_on: NaiveDate::from_ymd_opt(2026, 12, 7),
            figures: patrols.map(|n| {
                let mut f = MonthFigures::default();
                f.patrols.patrols_held = n;
                f.patrols.shifts_planned = 30;
                f.patrols.member_turns = 2 * n;
                f.patrols.minutes = 2 * n * 360;
                f
            }),
            previous: None,
            draft: false,
        }
    }

    fn paragraphs(d: &Document) -> Vec<String> {
        d.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(t) => Some(t.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn rates_late_missing_and_idle_groups_are_named() {
        let w = ward();
        let d = document(&WardMonth {
            ward: &w,
            month: "2026-11",
            deadline: NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
            provisional: false,
            today: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
            rows: vec![
                group("Tổ Khu phố 1", ReportState::OnTime, Some(30)),
                group("Tổ Khu phố 2", ReportState::Late, Some(0)),
                group("Tổ Khu phố 3", ReportState::Missing, None),
            ],
            category_names: BTreeMap::new(),
            amendments: vec![],
            issued_on: "2026-12-08",
        });
        let p = paragraphs(&d);
        for expected in [
            "Hạn nộp báo cáo tháng 11/2026 là hết ngày 05/12/2026.",
            "Đã nhận báo cáo của 02/03 tổ (66,7%); nộp đúng hạn 01/03 tổ (33,3%).",
            "Nộp muộn: Tổ Khu phố 2 (gửi ngày 07/12/2026).",
            "Chưa nộp báo cáo: Tổ Khu phố 3.",
            "Tổ không tổ chức tuần tra trong tháng: Tổ Khu phố 2.",
        ] {
            assert!(p.iter().any(|x| x == expected), "{expected:?} in {p:#?}");
        }
        // No incidents, no meetings: the summary says nothing about them.
        let summary = p.iter().find(|x| x.starts_with("Trong tháng")).unwrap();
        assert_eq!(
            summary,
            "Trong tháng, các tổ đã tổ chức tuần tra 30/60 ca theo lịch, 60 lượt người, 360 giờ công."
        );
        let h = d.header.as_ref().unwrap();
        assert_eq!(h.parent_body, "CÔNG AN TỈNH QUẢNG NINH");
        assert_eq!(h.number, "Số:        /BC-CAP");
        assert!(!h.draft);
    }

    #[test]
    fn defaults_follow_the_province_and_the_commune() {
        let d = |name: &str, province: &str, commune: &str| {
            WardDocuments::default().with_defaults(name, province, commune)
        };
        let hn = d("Công an xã Sóc Sơn", "Hà Nội", "Xã Sóc Sơn");
        assert_eq!(hn.parent_body, "CÔNG AN THÀNH PHỐ HÀ NỘI");
        assert_eq!(hn.issuer_code, "CAX");
        assert_eq!(hn.signer_title, "TRƯỞNG CÔNG AN XÃ");
        let vd = d(
            "Công an đặc khu Vân Đồn",
            "Tỉnh Quảng Ninh",
            "Đặc khu Vân Đồn",
        );
        assert_eq!(vd.parent_body, "CÔNG AN TỈNH QUẢNG NINH");
        assert_eq!(vd.issuer_code, "CAĐK");
        let typed = WardDocuments {
            parent_body: "Công an tỉnh Quảng Ninh".into(),
            ..Default::default()
        }
        .with_defaults("Công an phường Yên Hải", "Quảng Ninh", "Phường Yên Hải");
        assert_eq!(typed.parent_body, "Công an tỉnh Quảng Ninh");
    }
}
