//! The monthly report and closing the month (khóa sổ): what the report says, its preview
//! and PDF, issuing it when the month closes, and reopening.

use super::File;
use crate::date;
use crate::error::Result;
use crate::figures;
use crate::model::figures::{MonthFigures, Period};
use crate::model::month::{CategoryTotal, IssuedReport, MonthlyData, Narrative, ReportView};
use crate::model::practice::PracticeStatus;
use crate::report::{self, monthly};
use crate::store::{Issue, Setting, Store};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;

/// Everything the month's report says, counted from the records now; dated `issued_on`.
pub fn report_data(store: &Store, month: &str, issued_on: NaiveDate) -> Result<MonthlyData> {
    let group = store.require_group()?;
    let month = super::month(month)?;
    let p = super::period(&month)?;
    let facts = store.figure_facts(&group.id, p)?;
    let figures = figures::month(&facts, p);
    let (joined, left) = figures::member_changes(&facts.members, p);
    let incidents = store
        .incidents_in(&group.id, p)?
        .iter()
        .map(monthly::incident_line)
        .collect();
    let categories = category_totals(&figures, &store.category_name_map()?);
    let amendments = store
        .amendments(&group.id)?
        .into_iter()
        .filter(|a| a.made_in() == month)
        .collect();
    let (number, number_year, _) = store.report_number(&group.id, &month, issued_on)?;
    // A closed month is compared as it was reported (its issued copy); an open one as
    // counted now; a month with nothing recorded not at all: its zeros would be invented.
    let counted = |back: u32| -> Result<Option<MonthFigures>> {
        let from = p.from - chrono::Months::new(back);
        if let Some((_, data)) = issued(store, &date::iso(from)[..7])? {
            return Ok(Some(data.figures));
        }
        let q = Period {
            from,
            to: from + chrono::Months::new(1),
        };
        let facts = store.figure_facts(&group.id, q)?;
        let recorded =
            !(facts.shifts.is_empty() && facts.incidents.is_empty() && facts.activities.is_empty());
        Ok(recorded.then(|| figures::month(&facts, q)))
    };
    let practices = store
        .list_practices()?
        .into_iter()
        // Only models under way by the month's end belong to its report.
        .filter(|x| x.status != PracticeStatus::DangKy && x.started_on < date::iso(p.to))
        .map(|x| {
            let status = match x.level {
                Some(l) if x.status == PracticeStatus::DuocCongNhan => {
                    format!("được công nhận {}", l.label().to_lowercase())
                }
                _ => x.status.label().to_lowercase(),
            };
            format!("{} ({status})", crate::report::prose::quoted(&x.name))
        })
        .collect();
    Ok(MonthlyData {
        previous: counted(1)?,
        year_ago: counted(12)?,
        practices,
        confirmation: Some(store.setting(Setting::ReportConfirmation)?).filter(|c| !c.is_empty()),
        as_of: (issued_on < p.to).then(|| date::iso(issued_on)),
        narrative: store.narrative(&group.id, &month)?,
        closed: store.is_month_closed(&group.id, &month)?,
        key_fingerprint: store.group_fingerprint()?.unwrap_or_default(),
        number,
        number_year,
        issued_on: date::iso(issued_on),
        figures,
        joined,
        left,
        incidents,
        categories,
        amendments,
        group,
        month,
    })
}

/// The month's categories with their names, most incidents first, then by name.
pub(crate) fn category_totals(
    f: &MonthFigures,
    names: &HashMap<String, String>,
) -> Vec<CategoryTotal> {
    let mut out: Vec<CategoryTotal> = f
        .incidents
        .by_category
        .iter()
        .map(|(code, count)| CategoryTotal {
            name: names.get(code).cloned().unwrap_or_else(|| code.clone()),
            code: code.clone(),
            count: *count,
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| crate::text::collate(&a.name, &b.name))
    });
    out
}

/// The copy the month's report is in: the issued one (its content and digest) once the month
/// is closed, else `None`.
pub fn issued(store: &Store, month: &str) -> Result<Option<(IssuedReport, MonthlyData)>> {
    let state = store.month_state(month)?;
    store.issue_in_force(&state)
}

/// The report screen: the month's state, the figures and the pages as they print (the
/// issued copy when the month is closed, else a draft dated `issued_on`).
pub fn view(store: &Store, month: &str, issued_on: NaiveDate) -> Result<ReportView> {
    let state = store.month_state(month)?;
    let (data, digest) = match store.issue_in_force(&state)? {
        Some((r, data)) => (data, Some(r.digest)),
        None => (report_data(store, month, issued_on)?, None),
    };
    let layout = report::layout(&monthly::document(&data, digest.as_deref()));
    Ok(ReportView {
        data,
        state,
        layout,
    })
}

/// The month's report as a PDF, and whether it is the issued copy (byte for byte as issued)
/// or a draft dated `issued_on`.
pub fn pdf(store: &Store, month: &str, issued_on: NaiveDate) -> Result<(File, bool)> {
    let month = super::month(month)?;
    let name = format!("Bao cao thang {}.pdf", super::file_month(&month));
    if let Some((r, _)) = issued(store, &month)? {
        let bytes = store.issued_pdf(&r.id)?;
        return Ok((File { name, bytes }, true));
    }
    let data = report_data(store, &month, issued_on)?;
    let (_, bytes) = report::render(&monthly::document(&data, None));
    Ok((
        File {
            name: format!("Ban nhap - {name}"),
            bytes,
        },
        false,
    ))
}

/// The month's state: closed or not, the narrative, its issued copies and its log.
pub fn state(store: &Store, month: &str) -> Result<crate::model::month::MonthState> {
    store.month_state(month)
}

/// The closed months (`YYYY-MM`): a change to a record dated in one is saved as its
/// amendment (đính chính), so the forms say so before saving.
pub fn closed_months(store: &Store) -> Result<Vec<String>> {
    store.closed_months()
}

/// Every issued report, newest first.
pub fn issued_list(store: &Store) -> Result<Vec<IssuedReport>> {
    store.issued_reports(None)
}

/// An issued report's PDF, exactly as issued, named with its month and number.
pub fn issued_pdf(store: &Store, id: &str) -> Result<File> {
    let r = store
        .issued_reports(None)?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| crate::error::Error::not_found("báo cáo đã phát hành"))?;
    Ok(File {
        name: format!(
            "Bao cao thang {} so {}.pdf",
            super::file_month(&r.month),
            r.number.replace('/', "-")
        ),
        bytes: store.issued_pdf(id)?,
    })
}

/// Who confirms the monthly report beside the leader (empty: no confirmation block).
pub fn confirmation(store: &Store) -> Result<String> {
    store.setting(Setting::ReportConfirmation)
}

/// Sets who confirms the monthly report ("Trưởng Khu phố 3"); empty removes the block.
/// An issued copy keeps what it was issued with.
pub fn set_confirmation(store: &mut Store, text: &str) -> Result<String> {
    store.set_setting(Setting::ReportConfirmation, text)?;
    confirmation(store)
}

/// Saves the leader's narrative for a month; refused once the month is closed.
pub fn save_narrative(
    store: &mut Store,
    month: &str,
    n: &Narrative,
    now: DateTime<Utc>,
) -> Result<()> {
    store.save_narrative(month, n, now)
}

/// Closes a month: the report is counted, numbered, dated `issued_on`, printed with its data
/// digest and kept as issued, and the month is frozen; one transaction.
pub fn close(
    store: &mut Store,
    month: &str,
    issued_on: NaiveDate,
    editor: &str,
    now: DateTime<Utc>,
) -> Result<IssuedReport> {
    let group = store.require_group()?;
    let month = super::month(month)?;
    // Say why before the work of printing.
    store.check_closable(&group.id, &month, now)?;
    let mut data = report_data(store, &month, issued_on)?;
    if data.narrative.plans.trim().is_empty() {
        return Err(crate::error::Error::invalid(vec![crate::error::FieldError::new(
            "plans",
            format!(
                "Hãy viết “Phương hướng tháng tới” của tháng {} rồi khóa sổ: báo cáo phát hành không để trống phần này.",
                date::month_label(&month)
            ),
        )]));
    }
    super::backup::automatic(store, crate::backup::Occasion::BeforeClose, now);
    data.closed = true;
    let digest = figures::digest(&group.id, &month, &data.figures);
    let (_, pdf) = report::render(&monthly::document(&data, Some(&digest)));
    store.close_month(
        Issue {
            data,
            digest,
            editor: editor.to_string(),
            pdf,
        },
        now,
    )
}

/// Reopens a closed month with a reason: its issued copy is withdrawn (kept) and the month's
/// records can be edited again; closing again reissues it with the same number.
pub fn reopen(
    store: &mut Store,
    month: &str,
    editor: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    store.reopen_month(month, editor, reason, now)
}
