//! "Tháng này": what the leader should do now, the month's key figures so far and the
//! data of its charts, from the records as they stand at `now`.

use crate::date;
use crate::error::Result;
use crate::figures;
use crate::model::figures::{Period, ShiftFact};
use crate::model::member::{MemberFilter, MemberRow};
use crate::model::todo::{
    CategoryBar, KeyFigures, MemberAttendance, MonthCount, ThisMonth, TodoArea, TodoItem, TodoKind,
};
use crate::store::Store;
use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};

/// How many days before a month's end next month's roster is asked for.
pub const ROSTER_DAYS_AHEAD: u32 = 7;

/// Names listed in an item before "và N người khác".
const NAMES_SHOWN: usize = 6;

/// Dates listed in an item before "…".
const DATES_SHOWN: usize = 8;

/// The month `[from, to)` that starts on `from`.
fn month_of(from: NaiveDate) -> Period {
    Period {
        from,
        to: from + Months::new(1),
    }
}

/// `YYYY-MM` of a period.
fn key(p: Period) -> String {
    date::iso(p.from)[..7].to_string()
}

/// `11/2026`, `1/2027` as people write it.
fn label(p: Period) -> String {
    format!("{}/{}", p.from.month(), p.from.year())
}

/// The "Tháng này" screen at `now` (today in Vietnam).
pub fn this_month(store: &Store, now: DateTime<Utc>) -> Result<ThisMonth> {
    let group = store.require_group()?;
    let today = date::vn_today(now);
    let this = month_of(today.with_day(1).expect("day 1 exists"));
    let facts = store.figure_facts(&group.id, this)?;
    let f = figures::month(&facts, this);
    // The default filter: the members in the group today.
    let members = store.list_members(&MemberFilter::default(), today)?.items;

    let incidents_by_month = (0..12u32)
        .rev()
        .map(|back| {
            let p = month_of(this.from - Months::new(back));
            let count = if back == 0 {
                f.incidents.total
            } else {
                figures::incidents(&store.incident_facts(&group.id, p)?, p).total
            };
            Ok(MonthCount {
                month: key(p),
                label: format!("T{}", p.from.month()),
                count,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let incidents_by_category = super::month::category_totals(&f, &store.category_name_map()?)
        .into_iter()
        .map(|c| CategoryBar {
            name: c.name,
            count: c.count,
        })
        .collect();
    let attendance = super::patrols::roster(store, &key(this))?
        .tallies
        .into_iter()
        .filter(|t| t.total > 0 || t.stood_in > 0)
        .map(|t| MemberAttendance {
            name: t.name,
            planned: t.total,
            attended: t.done,
            stood_in: t.stood_in,
        })
        .collect();

    Ok(ThisMonth {
        month: key(this),
        month_label: label(this),
        today: date::format(today),
        todo: todo(store, today, &facts.shifts, &members)?,
        figures: KeyFigures {
            incidents: f.incidents.total,
            valuable_tips: f.incidents.valuable_tips,
            transferred: f.incidents.transferred,
            shifts_planned: f.patrols.shifts_planned,
            patrols_held: f.patrols.patrols_held,
            activities: facts.activities.len() as u32,
            members: members.len() as u32,
        },
        incidents_by_month,
        incidents_by_category,
        attendance,
    })
}

/// What is due on `today`, most pressing first. `this_shifts` are this month's shifts,
/// `active` the members in the group today.
fn todo(
    store: &Store,
    today: NaiveDate,
    this_shifts: &[ShiftFact],
    active: &[MemberRow],
) -> Result<Vec<TodoItem>> {
    let group = store.require_group()?;
    let this = month_of(today.with_day(1).expect("day 1 exists"));
    let last = month_of(this.from - Months::new(1));
    let next = month_of(this.to);
    let mut out = Vec::new();
    let mut item = |kind, area, text: String| out.push(TodoItem { kind, text, area });

    // Last month: it has ended (today is in a later month). It is due only if the group
    // existed then or recorded something in it.
    let created = DateTime::parse_from_rfc3339(&group.created_at)
        .map(|t| date::vn_today(t.with_timezone(&Utc)))
        .unwrap_or(this.from);
    let last_facts = store.figure_facts(&group.id, last)?;
    let last_shifts = &last_facts.shifts;
    let recorded = !(last_shifts.is_empty()
        && last_facts.incidents.is_empty()
        && last_facts.activities.is_empty());
    let last_closed = store.is_month_closed(&group.id, &key(last))?;
    if created < last.to || recorded {
        if !last_closed {
            item(
                TodoKind::LastMonthNotClosed,
                TodoArea::Report,
                format!(
                    "Tháng {} chưa khóa sổ: kiểm tra báo cáo tháng rồi bấm “Khóa sổ tháng…”.",
                    label(last)
                ),
            );
        } else if !super::sync::sent_closed(store, &key(last))? {
            item(
                TodoKind::LastMonthNotSent,
                TodoArea::Send,
                format!(
                    "Tháng {} đã khóa sổ nhưng chưa xuất tệp gửi phường: vào “Gửi phường”, bấm “Xuất tệp gửi phường…”.",
                    label(last)
                ),
            );
        } else if !store.receipts()?.iter().any(|r| r.period == key(last)) {
            item(
                TodoKind::NoReceipt,
                TodoArea::Send,
                format!(
                    "Chưa có giấy biên nhận của phường cho tháng {}: gửi tệp cho phường, rồi nhận giấy biên nhận.",
                    label(last)
                ),
            );
        }
    }

    // Shifts already past (before today) with a seat whose attendance is not marked; last
    // month's too while it is open.
    let mut unmarked: Vec<NaiveDate> = (if last_closed {
        &[][..]
    } else {
        &last_shifts[..]
    })
    .iter()
    .chain(this_shifts)
    .filter(|s| s.date < today && s.seats.iter().any(|x| x.attendance.is_none()))
    .map(|s| s.date)
    .collect();
    unmarked.sort();
    if !unmarked.is_empty() {
        // Two shifts on one night are one date in the list.
        let mut dates = unmarked.clone();
        dates.dedup();
        let mut days: Vec<String> = dates
            .iter()
            .take(DATES_SHOWN)
            .map(|d| format!("{:02}/{:02}", d.day(), d.month()))
            .collect();
        if dates.len() > DATES_SHOWN {
            days.push("…".into());
        }
        item(
            TodoKind::ShiftsWithoutAttendance,
            TodoArea::Patrols,
            format!(
                "{} ca tuần tra đã qua chưa ghi điểm danh ({})",
                unmarked.len(),
                days.join(", ")
            ),
        );
    }

    if this_shifts.is_empty() {
        item(
            TodoKind::RosterMissing,
            TodoArea::Patrols,
            format!("Chưa xếp lịch tuần tra tháng {}", label(this)),
        );
    }
    let days_left = (this.to - today).num_days();
    if days_left <= i64::from(ROSTER_DAYS_AHEAD) && store.shift_facts(&group.id, next)?.is_empty() {
        item(
            TodoKind::NextRosterMissing,
            TodoArea::Patrols,
            format!("Chưa xếp lịch tuần tra tháng {}", label(next)),
        );
    }

    // Members in the group today without a health certificate or consent date.
    let mut no_health = Vec::new();
    let mut no_consent = Vec::new();
    for row in active.iter().filter(|m| !m.anonymised) {
        let m = store.member(&row.id)?;
        if m.health_cert_date.is_none() {
            no_health.push(m.full_name.clone());
        }
        if m.consent_date.is_none() {
            no_consent.push(m.full_name);
        }
    }
    if !no_health.is_empty() {
        item(
            TodoKind::MembersWithoutHealthCert,
            TodoArea::Members,
            format!(
                "{} tổ viên chưa có giấy khám sức khỏe: {}",
                no_health.len(),
                names(&no_health)
            ),
        );
    }
    if !no_consent.is_empty() {
        item(
            TodoKind::MembersWithoutConsent,
            TodoArea::Members,
            format!(
                "{} tổ viên chưa ghi ngày đồng ý xử lý dữ liệu cá nhân: {}",
                no_consent.len(),
                names(&no_consent)
            ),
        );
    }
    let retention = super::retention::get(store, today)?;
    if let (Some(years), false) = (retention.years, retention.due.is_empty()) {
        let due: Vec<String> = retention.due.into_iter().map(|d| d.full_name).collect();
        item(
            TodoKind::LeaversDueForAnonymising,
            TodoArea::Members,
            format!(
                "{} người đã rời tổ quá {years} năm, đến hạn ẩn danh dữ liệu cá nhân: {}",
                due.len(),
                names(&due)
            ),
        );
    }
    Ok(out)
}

/// "A, B, C" or "A, B, C và 4 người khác".
fn names(all: &[String]) -> String {
    let shown = all[..all.len().min(NAMES_SHOWN)].join(", ");
    if all.len() > NAMES_SHOWN {
        format!("{shown} và {} người khác", all.len() - NAMES_SHOWN)
    } else {
        shown
    }
}
