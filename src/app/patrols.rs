//! Patrols: shift patterns, availability and the rest rule, the month's roster and its hand
//! edits, attendance and actual times, the patrol log, the month's figures, and the roster
//! printed or as a calendar.

use super::File;
use crate::date;
use crate::error::{Error, ErrorCode, Result};
use crate::figures;
use crate::model::figures::{PatrolFigures, Period};
use crate::model::member::{not_rostered_reason, MemberFilter, MemberStatus};
use crate::model::patrol::{
    Attendance, Availability, HandEdit, LogEntry, PatternInput, PresentMarked, PresentScope,
    RosterGap, RosterView, SeatEdit, ShiftPattern,
};
use crate::report;
use crate::roster::generate::{self as gen, Candidate, Pattern, Request};
use crate::roster::view::{self, Standing};
use crate::store::Store;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::HashMap;

/// The group's shift patterns.
pub fn patterns(store: &Store) -> Result<Vec<ShiftPattern>> {
    store.patterns()
}

/// Adds a shift pattern.
pub fn add_pattern(
    store: &mut Store,
    input: &PatternInput,
    now: DateTime<Utc>,
) -> Result<ShiftPattern> {
    store.add_pattern(input, now)
}

/// Members' busy dates and weekly busy days.
pub fn availability(store: &Store) -> Result<Vec<Availability>> {
    store.availability()
}

/// Records that a member is busy on a date (dd/mm/yyyy), or every week on a weekday.
pub fn add_availability(
    store: &mut Store,
    member_id: &str,
    on: Option<&str>,
    weekday: Option<u8>,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    store.add_availability(member_id, on, weekday, reason, now)
}

/// Removes a busy date or day.
pub fn remove_availability(store: &mut Store, id: &str, now: DateTime<Utc>) -> Result<()> {
    store.remove_availability(id, now)
}

/// Sets the rest rule: at most this many nights in a row (1–7).
pub fn set_rest_rule(store: &mut Store, nights: i64, now: DateTime<Utc>) -> Result<()> {
    store.set_max_consecutive(nights, now)
}

/// Where each member stands on the period's first day, by id (left, eligibility).
fn standing(store: &Store, p: Period) -> Result<HashMap<String, Standing>> {
    Ok(store
        .list_members(
            &MemberFilter {
                status: MemberStatus::All,
                ..Default::default()
            },
            p.from,
        )?
        .items
        .into_iter()
        .map(|m| {
            (
                m.id,
                Standing {
                    name: m.full_name,
                    left: m.left_on.is_some(),
                    warnings: m.warnings,
                    possible_duplicate: m.possible_duplicate,
                },
            )
        })
        .collect())
}

/// Makes the month's roster fairly and saves it, replacing one without attendance: the
/// active members eligible on the 1st, their busy dates and days, last month's nights
/// carried over, the rest rule. The answer lists the shifts it could not fill and who was
/// left out, with why.
pub fn generate(store: &mut Store, month: &str, now: DateTime<Utc>) -> Result<RosterView> {
    let group = store.require_group()?;
    let month = super::month(month)?;
    let p = super::period(&month)?;
    let patterns = store.patterns()?;
    if patterns.is_empty() {
        return Err(Error::new(
            ErrorCode::Conflict,
            "Chưa có ca tuần tra nào. Hãy tạo ca (ví dụ: Ca đêm 22:00–04:00) trước khi xếp lịch.",
        ));
    }
    if store.attended_seats(&group.id, p)? > 0 {
        return Err(Error::new(
            ErrorCode::Conflict,
            "Lịch tháng này đã có chấm công nên không xếp lại được. Hãy sửa từng ca bằng tay.",
        ));
    }
    let members = store
        .list_members(
            &MemberFilter {
                status: MemberStatus::Active,
                ..Default::default()
            },
            p.from,
        )?
        .items;
    let last = store.nights_in(
        &group.id,
        Period {
            from: p.from - chrono::Months::new(1),
            to: p.from,
        },
    )?;
    let avg = if members.is_empty() {
        0.0
    } else {
        members
            .iter()
            .map(|m| f64::from(*last.get(&m.id).unwrap_or(&0)))
            .sum::<f64>()
            / members.len() as f64
    };
    let mut blocked: HashMap<String, (Vec<NaiveDate>, [bool; 7])> = HashMap::new();
    for a in store.availability()? {
        let e = blocked
            .entry(a.member_id.clone())
            .or_insert((Vec::new(), [false; 7]));
        if let Some(d) = a.date.as_deref().and_then(date::from_iso) {
            e.0.push(d);
        }
        if let Some(w) = a.weekday.filter(|w| *w < 7) {
            e.1[usize::from(w)] = true;
        }
    }
    let names: HashMap<String, String> = members
        .iter()
        .map(|m| (m.id.clone(), m.full_name.clone()))
        .collect();
    let candidates = members
        .iter()
        .map(|m| {
            // The list computed eligibility on the 1st of the month already.
            let (dates, weekdays) = blocked.remove(&m.id).unwrap_or_default();
            Candidate {
                id: m.id.clone(),
                not_eligible: not_rostered_reason(&m.warnings, m.possible_duplicate),
                blocked_dates: dates,
                blocked_weekdays: weekdays,
                carry_over: (f64::from(*last.get(&m.id).unwrap_or(&0)) - avg).round() as i32,
            }
        })
        .collect();
    let made = gen::generate(&Request {
        year: p.from.year(),
        month: p.from.month(),
        patterns: patterns
            .iter()
            .map(|x| Pattern {
                id: x.id.clone(),
                name: x.name.clone(),
                weekdays: x.weekdays,
                needed: x.needed,
            })
            .collect(),
        candidates,
        max_consecutive: u32::from(store.max_consecutive()?),
    });
    let shifts: Vec<(NaiveDate, String, Vec<String>)> = made
        .shifts
        .iter()
        .map(|s| (s.date, s.pattern_id.clone(), s.members.clone()))
        .collect();
    store.replace_roster(p, &shifts, now)?;
    let mut view = roster(store, &month)?;
    let pattern_names: HashMap<&str, &str> = patterns
        .iter()
        .map(|x| (x.id.as_str(), x.name.as_str()))
        .collect();
    view.gaps = made
        .gaps
        .iter()
        .map(|g| RosterGap {
            date: date::iso(g.date),
            pattern_name: pattern_names
                .get(g.pattern_id.as_str())
                .unwrap_or(&"")
                .to_string(),
            missing: g.missing,
            reason: g.reason.clone(),
        })
        .collect();
    view.not_rostered = made
        .not_rostered
        .iter()
        .map(|(id, why)| (names.get(id).cloned().unwrap_or_default(), why.clone()))
        .collect();
    view::tidy_not_rostered(&mut view.not_rostered);
    Ok(view)
}

/// The month's roster with each member's tallies, understaffed shifts, the members left out
/// of automatic rosters, and the rules it breaks.
pub fn roster(store: &Store, month: &str) -> Result<RosterView> {
    let month = super::month(month)?;
    let p = super::period(&month)?;
    Ok(view::build(
        &month,
        store.roster_shifts(p)?,
        store.max_consecutive()?,
        &store.availability()?,
        &standing(store, p)?,
    ))
}

/// The month's seats changed by hand since the roster was made: "Xếp lại lịch" would undo
/// them, so the user is asked first.
pub fn hand_edits(store: &Store, month: &str) -> Result<Vec<HandEdit>> {
    let month = super::month(month)?;
    store.hand_edits(super::period(&month)?)
}

/// Marks a member's attendance on a shift.
pub fn set_attendance(
    store: &mut Store,
    shift_id: &str,
    member_id: &str,
    status: Attendance,
    substitute_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    store.set_attendance(shift_id, member_id, status, substitute_id, now)
}

/// Marks a shift, or every shift of a week, "có mặt" for everyone not yet marked; the
/// exceptions are marked one by one before or after. Shifts not yet started are left alone.
pub fn mark_present(
    store: &mut Store,
    scope: &PresentScope,
    now: DateTime<Utc>,
) -> Result<PresentMarked> {
    let ids: Vec<String> = match scope {
        PresentScope::Shift { shift_id } => vec![shift_id.clone()],
        PresentScope::Week { day } => {
            let day = date::from_iso(day).ok_or_else(|| {
                Error::new(ErrorCode::Invalid, format!("Ngày “{day}” chưa đúng."))
            })?;
            let from =
                day - chrono::Duration::days(i64::from(day.weekday().num_days_from_monday()));
            let to = from + chrono::Duration::days(7);
            store
                .roster_shifts(Period { from, to })?
                .into_iter()
                .map(|s| s.id)
                .collect()
        }
    };
    let (marked, not_started) = store.mark_present(&ids, now)?;
    Ok(PresentMarked {
        marked,
        shifts: ids.len() as u32 - not_started,
        not_started,
    })
}

/// Records the actual start and end of a member's shift (HH:MM).
pub fn set_times(
    store: &mut Store,
    shift_id: &str,
    member_id: &str,
    start: &str,
    end: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    store.set_actual_times(shift_id, member_id, start, end, now)
}

/// What a hand edit would newly break (warnings not already on the roster), before it is
/// made; the edit itself is not refused for them.
pub fn preview_edit(store: &Store, edit: &SeatEdit) -> Result<Vec<String>> {
    let month = store.shift_month(first_shift(edit))?;
    let p = super::period(&month)?;
    let before = roster(store, &month)?;
    store.check_seat_edit(edit)?;
    let after = view::apply(&before, edit, |id| {
        store.member(id).ok().map(|m| m.full_name)
    })?;
    Ok(
        view::warnings(&after, &store.availability()?, &standing(store, p)?)
            .into_iter()
            .filter(|w| !before.warnings.contains(w))
            .collect(),
    )
}

fn first_shift(edit: &SeatEdit) -> &str {
    match edit {
        SeatEdit::Replace { shift_id, .. } => shift_id,
        SeatEdit::Swap { shift_a, .. } => shift_a,
        SeatEdit::Move { from_shift, .. } => from_shift,
    }
}

/// Makes a hand edit; the answer is the month's roster with what it now breaks.
pub fn edit(store: &mut Store, edit: &SeatEdit, now: DateTime<Utc>) -> Result<RosterView> {
    let month = store.shift_month(first_shift(edit))?;
    match edit {
        SeatEdit::Replace {
            shift_id,
            member_out,
            member_in,
        } => store.replace_seat(shift_id, member_out, member_in, now)?,
        SeatEdit::Swap {
            shift_a,
            member_a,
            shift_b,
            member_b,
        } => store.swap_seats((shift_a, member_a), (shift_b, member_b), now)?,
        SeatEdit::Move {
            from_shift,
            member_id,
            to_shift,
        } => store.move_seat(from_shift, member_id, to_shift, now)?,
    }
    roster(store, &month)
}

/// Adds a note to the patrol log at `at` (dd/mm/yyyy HH:MM), on a shift or not.
pub fn add_log(
    store: &mut Store,
    shift_id: Option<&str>,
    at: &str,
    note: &str,
    now: DateTime<Utc>,
) -> Result<LogEntry> {
    store.add_log(shift_id, at, note, now)
}

/// The month's patrol log.
pub fn log(store: &Store, month: &str) -> Result<Vec<LogEntry>> {
    store.log_entries(month)
}

/// The month's patrol figures: shifts planned and held, member-turns, time, attendance.
pub fn figures(store: &Store, month: &str) -> Result<PatrolFigures> {
    let group = store.require_group()?;
    let p = super::period(&super::month(month)?)?;
    Ok(figures::patrols(&store.shift_facts(&group.id, p)?, p))
}

/// The month's roster as a printable PDF (A4 landscape, each member's tallies), dated
/// `issued_on`.
pub fn pdf(store: &Store, month: &str, issued_on: NaiveDate) -> Result<File> {
    let month = super::month(month)?;
    let view = roster(store, &month)?;
    let group = store.require_group()?;
    let doc = report::roster::document(&view, &group, &date::iso(issued_on));
    let (_, bytes) = report::render(&doc);
    Ok(File {
        name: format!("Lich tuan tra thang {}.pdf", super::file_month(&month)),
        bytes,
    })
}

/// The month's roster, or one member's shifts, as an iCalendar file stamped `now`.
pub fn ics(
    store: &Store,
    month: &str,
    member_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<File> {
    let month = super::month(month)?;
    let view = roster(store, &month)?;
    let group = store.require_group()?;
    let who = match member_id {
        Some(id) => format!(" - {}", super::file_safe(&store.member(id)?.full_name)),
        None => String::new(),
    };
    let text = crate::roster::ics::to_ics(&view, &group.name, member_id, now);
    Ok(File {
        name: format!("Lich tuan tra {}{who}.ics", super::file_month(&month)),
        bytes: text.into_bytes(),
    })
}

/// The month's roster as an Excel workbook: a row a shift, and each member's number of
/// shifts on the sheet "Tổng hợp"; made on the day of `now`.
pub fn roster_xlsx(store: &Store, month: &str, now: DateTime<Utc>) -> Result<File> {
    let month = super::month(month)?;
    let view = roster(store, &month)?;
    let group = store.require_group()?;
    let line = format!("Xuất ngày {}.", date::format(date::vn_today(now)));
    Ok(File {
        name: format!("Lich tuan tra thang {}.xlsx", super::file_month(&month)),
        bytes: crate::ledger_sheet::roster_workbook(&group.name, &view, &line)?,
    })
}
