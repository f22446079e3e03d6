//! Patrols: shift patterns, availability and the rest rule, the month's roster and its hand
//! edits, attendance and actual times, the patrol log, the month's figures, and the roster
//! printed or as a calendar.

use super::File;
use crate::date;
use crate::error::Result;
use crate::figures;
use crate::model::figures::PatrolFigures;
use crate::model::patrol::{
    Attendance, Availability, LogEntry, PatternInput, RosterView, SeatEdit, ShiftPattern,
};
use crate::report;
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};

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

/// Makes the month's roster fairly (replacing one without attendance).
pub fn generate(store: &mut Store, month: &str, now: DateTime<Utc>) -> Result<RosterView> {
    store.generate_roster(month, now)
}

/// The month's roster with its tallies, gaps and the rules it breaks.
pub fn roster(store: &Store, month: &str) -> Result<RosterView> {
    store.roster(month)
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

/// What a hand edit would newly break, before it is made.
pub fn preview_edit(store: &Store, edit: &SeatEdit) -> Result<Vec<String>> {
    store.preview_seat_edit(edit)
}

/// Makes a hand edit; the answer is the month's roster with what it now breaks.
pub fn edit(store: &mut Store, edit: &SeatEdit, now: DateTime<Utc>) -> Result<RosterView> {
    let first = match edit {
        SeatEdit::Replace { shift_id, .. } => shift_id,
        SeatEdit::Swap { shift_a, .. } => shift_a,
        SeatEdit::Move { from_shift, .. } => from_shift,
    };
    let month = store.shift_month(first)?;
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
    store.roster(&month)
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
    let view = store.roster(&month)?;
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
    let view = store.roster(&month)?;
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
