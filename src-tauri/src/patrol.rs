//! Patrol commands: shift patterns, availability, the rest rule, the roster and its hand
//! edits, attendance, the patrol log, the month's figures, and the roster's exports.

use crate::dialog::{self, ICS, PDF};
use crate::state::App;
use tauri::State;
use ttq::app::patrols;
use ttq::model::figures::PatrolFigures;
use ttq::model::patrol::{
    Attendance, Availability, HandEdit, LogEntry, PatternInput, PresentMarked, PresentScope,
    RosterView, SeatEdit, ShiftPattern,
};
use ttq::Result;

#[tauri::command]
pub fn pattern_list(app: State<App>) -> Result<Vec<ShiftPattern>> {
    app.with(|s| patrols::patterns(s.store()))
}

#[tauri::command]
pub fn pattern_add(app: State<App>, input: PatternInput) -> Result<ShiftPattern> {
    app.with(|s| patrols::add_pattern(s.store(), &input, app.now()))
}

#[tauri::command]
pub fn roster_generate(app: State<App>, month: String) -> Result<RosterView> {
    app.with(|s| patrols::generate(s.store(), &month, app.now()))
}

#[tauri::command]
pub fn roster_get(app: State<App>, month: String) -> Result<RosterView> {
    app.with(|s| patrols::roster(s.store(), &month))
}

#[tauri::command]
pub fn attendance_set(
    app: State<App>,
    shift_id: String,
    member_id: String,
    status: Attendance,
    substitute_id: Option<String>,
) -> Result<()> {
    app.with(|s| {
        patrols::set_attendance(
            s.store(),
            &shift_id,
            &member_id,
            status,
            substitute_id.as_deref(),
            app.now(),
        )
    })
}

/// "Cả ca có mặt" / "Cả tuần có mặt": everyone not yet marked on started shifts.
#[tauri::command]
pub fn attendance_mark_present(app: State<App>, scope: PresentScope) -> Result<PresentMarked> {
    app.with(|s| patrols::mark_present(s.store(), &scope, app.now()))
}

/// The seats "Xếp lại lịch" would undo.
#[tauri::command]
pub fn roster_hand_edits(app: State<App>, month: String) -> Result<Vec<HandEdit>> {
    app.with(|s| patrols::hand_edits(s.store(), &month))
}

/// A hand edit of the roster; the answer is the month's roster with its warnings.
#[tauri::command]
pub fn seat_edit(app: State<App>, edit: SeatEdit) -> Result<RosterView> {
    app.with(|s| patrols::edit(s.store(), &edit, app.now()))
}

/// What a hand edit would newly break, before it is made.
#[tauri::command]
pub fn seat_preview(app: State<App>, edit: SeatEdit) -> Result<Vec<String>> {
    app.with(|s| patrols::preview_edit(s.store(), &edit))
}

#[tauri::command]
pub fn patrol_figures(app: State<App>, month: String) -> Result<PatrolFigures> {
    app.with(|s| patrols::figures(s.store(), &month))
}

#[tauri::command]
pub fn log_add(
    app: State<App>,
    shift_id: Option<String>,
    at: String,
    note: String,
) -> Result<LogEntry> {
    app.with(|s| patrols::add_log(s.store(), shift_id.as_deref(), &at, &note, app.now()))
}

#[tauri::command]
pub fn log_list(app: State<App>, month: String) -> Result<Vec<LogEntry>> {
    app.with(|s| patrols::log(s.store(), &month))
}

#[tauri::command]
pub fn availability_list(app: State<App>) -> Result<Vec<Availability>> {
    app.with(|s| patrols::availability(s.store()))
}

#[tauri::command]
pub fn availability_add(
    app: State<App>,
    member_id: String,
    on: Option<String>,
    weekday: Option<u8>,
    reason: String,
) -> Result<()> {
    app.with(|s| {
        patrols::add_availability(
            s.store(),
            &member_id,
            on.as_deref(),
            weekday,
            &reason,
            app.now(),
        )
    })
}

#[tauri::command]
pub fn availability_remove(app: State<App>, id: String) -> Result<()> {
    app.with(|s| patrols::remove_availability(s.store(), &id, app.now()))
}

#[tauri::command]
pub fn rest_rule_set(app: State<App>, nights: i64) -> Result<()> {
    app.with(|s| patrols::set_rest_rule(s.store(), nights, app.now()))
}

#[tauri::command]
pub fn actual_times_set(
    app: State<App>,
    shift_id: String,
    member_id: String,
    start: String,
    end: String,
) -> Result<()> {
    app.with(|s| patrols::set_times(s.store(), &shift_id, &member_id, &start, &end, app.now()))
}

// Commands that open a dialog run off the main thread (`async`): the dialog is shown by
// GTK's main loop, which a command blocking the main thread would deadlock.

/// Saves the month's roster as a printable PDF.
#[tauri::command(async)]
pub fn roster_save_pdf(app: State<App>, month: String) -> Result<Option<String>> {
    let today = app.document_date("")?;
    let file = app.with(|s| patrols::pdf(s.store(), &month, today))?;
    dialog::save(&file, PDF)
}

/// Saves the month's roster as an Excel workbook (shifts, and each member's tallies).
#[tauri::command(async)]
pub fn roster_save_xlsx(app: State<App>, month: String) -> Result<Option<String>> {
    let file = app.with(|s| patrols::roster_xlsx(s.store(), &month, app.now()))?;
    dialog::save(&file, dialog::XLSX)
}

/// Saves the month's roster, or one member's shifts, as an iCalendar file.
#[tauri::command(async)]
pub fn roster_save_ics(
    app: State<App>,
    month: String,
    member_id: Option<String>,
) -> Result<Option<String>> {
    let file = app.with(|s| patrols::ics(s.store(), &month, member_id.as_deref(), app.now()))?;
    dialog::save(&file, ICS)
}
