//! The monthly report (Báo cáo kết quả công tác bảo đảm ANTT tháng M năm Y): from the month's
//! figures to a document. Sections follow `domain/README.md`; every number comes from the
//! records, the narrative parts from the leader.

mod sections;
mod situation;

use super::doc::{Document, Header, Orientation};
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

/// The NĐ 30 header of a document the group issues, dated `issued_on` (ISO), with its
/// `number` line ("" for none).
pub fn group_header(g: &crate::model::group::Group, number: String, issued_on: &str) -> Header {
    Header {
        parent_body: parent_body(g),
        issuing_body: g.name.clone(),
        number,
        place_date: place_date(&g.commune_name, issued_on),
        draft: false,
    }
}

/// Nơi nhận and the leader's signature under a document the group issues.
pub fn leader_closing(
    g: &crate::model::group::Group,
    recipients: Vec<String>,
) -> super::doc::Block {
    super::doc::Block::Closing(super::doc::Closing {
        recipients,
        on_behalf: None,
        role: "Tổ trưởng".into(),
        name: g.leader_name.clone().unwrap_or_default(),
        confirmation: None,
    })
}

/// "Yên Hải, ngày 05 tháng 12 năm 2026": day below 10 and months 1–2 get a leading zero.
pub fn place_date(commune: &str, iso: &str) -> String {
    let Some(d) = crate::date::from_iso(iso) else {
        return crate::model::commune::place_name(commune).to_string();
    };
    let month = if d.month() <= 2 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!(
        "{}, ngày {:02} tháng {} năm {}",
        crate::model::commune::place_name(commune),
        d.day(),
        month,
        d.year()
    )
}

fn month_parts(month: &str) -> (u32, i32) {
    let (y, m) = month.split_once('-').unwrap_or(("0", "0"));
    (m.parse().unwrap_or(0), y.parse().unwrap_or(0))
}

/// "Tóm tắt. Diễn biến." without doubled stops; just the title when there is no description.
fn summary(i: &Incident) -> String {
    let d = i.description.trim();
    if d.is_empty() {
        i.title.clone()
    } else {
        // Two sentences: the description starts with a capital as the leader wrote it.
        format!("{}. {d}", i.title.trim_end_matches(['.', ':']))
    }
}

/// "Kết quả xử lý": what the leader wrote the group did, then the status with its facts
/// ("Đã chuyển Công an phường Yên Hải ngày 12/11/2026"). The app never writes what the group
/// did.
fn outcome(i: &Incident) -> String {
    let status = match i.status {
        IncidentStatus::DaChuyenCongAn => {
            let to = i
                .transferred_to
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .unwrap_or("Công an");
            let mut s = format!("Đã chuyển {to}");
            if let Some(on) = i.transferred_on.as_deref().and_then(crate::date::from_iso) {
                s.push_str(&format!(" ngày {}", crate::date::format(on)));
            }
            s
        }
        IncidentStatus::Moi => "Mới tiếp nhận".into(),
        other => other.label().into(),
    };
    match i
        .action_taken
        .as_deref()
        .map(|a| a.trim().trim_end_matches('.'))
        .filter(|a| !a.is_empty())
    {
        Some(a) => format!("{a}. {status}."),
        None => format!("{status}."),
    }
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
    IncidentLine {
        outcome: outcome(i),
        id: i.id.clone(),
        version: i.version,
        when,
        place: i.place.clone(),
        category: i.category_name.clone(),
        summary: summary(i),
        transferred,
        valuable_tip: i.valuable_tip,
    }
}

/// The monthly report as a document; `digest` is printed when the month is closed, and a
/// report without one is a draft (no number, "DỰ THẢO" on page 1, prompts where the leader
/// has not written).
pub fn document(d: &MonthlyData, digest: Option<&str>) -> Document {
    let g = &d.group;
    let (m, y) = month_parts(&d.month);
    let code = g.kind.document_code();
    let draft = digest.is_none();
    Document {
        title: format!("Báo cáo tháng {m}/{y} - {}", g.name),
        orientation: Orientation::Portrait,
        header: Some(Header {
            parent_body: parent_body(g),
            issuing_body: g.name.clone(),
            number: if draft {
                format!("Số:        /BC-{code}")
            } else {
                format!("Số: {:02}/BC-{code}", d.number)
            },
            place_date: place_date(&g.commune_name, &d.issued_on),
            draft,
        }),
        blocks: sections::all(d, digest),
    }
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
