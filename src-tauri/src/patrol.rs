//! Patrol commands: shift patterns, busy days, the rest rule, the roster and its hand edits,
//! attendance, the patrol log and the month's figures.

use crate::App;
use tauri::State;
use ttq::model::figures::PatrolFigures;
use ttq::model::patrol::{
    Attendance, Busy, LogEntry, PatternInput, RosterView, SeatEdit, ShiftPattern,
};
use ttq::session::Session;
use ttq::Result;

#[tauri::command]
pub fn pattern_list(app: State<App>) -> Result<Vec<ShiftPattern>> {
    app.with(|s| s.store().patterns())
}

#[tauri::command]
pub fn pattern_add(app: State<App>, input: PatternInput) -> Result<ShiftPattern> {
    app.with(|s| s.store().add_pattern(&input, app.now()))
}

#[tauri::command]
pub fn roster_generate(app: State<App>, month: String) -> Result<RosterView> {
    app.with(|s| s.store().generate_roster(&month, app.now()))
}

#[tauri::command]
pub fn roster_get(app: State<App>, month: String) -> Result<RosterView> {
    app.with(|s| s.store().roster(&month))
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
        s.store().set_attendance(
            &shift_id,
            &member_id,
            status,
            substitute_id.as_deref(),
            app.now(),
        )
    })
}

#[tauri::command]
pub fn seat_replace(
    app: State<App>,
    shift_id: String,
    member_out: String,
    member_in: String,
) -> Result<RosterView> {
    app.with(|s| {
        let month = shift_month(s, &shift_id)?;
        s.store()
            .replace_seat(&shift_id, &member_out, &member_in, app.now())?;
        s.store().roster(&month)
    })
}

#[tauri::command]
pub fn seat_swap(
    app: State<App>,
    shift_a: String,
    member_a: String,
    shift_b: String,
    member_b: String,
) -> Result<RosterView> {
    app.with(|s| {
        let month = shift_month(s, &shift_a)?;
        s.store()
            .swap_seats((&shift_a, &member_a), (&shift_b, &member_b), app.now())?;
        s.store().roster(&month)
    })
}

#[tauri::command]
pub fn seat_move(
    app: State<App>,
    from_shift: String,
    member_id: String,
    to_shift: String,
) -> Result<RosterView> {
    app.with(|s| {
        let month = shift_month(s, &from_shift)?;
        s.store()
            .move_seat(&from_shift, &member_id, &to_shift, app.now())?;
        s.store().roster(&month)
    })
}

/// The `YYYY-MM` of a shift, so an edit can answer with that month's roster.
fn shift_month(s: &mut Session, shift_id: &str) -> Result<String> {
    s.store().shift_month(shift_id)
}

#[tauri::command]
pub fn patrol_figures(app: State<App>, month: String) -> Result<PatrolFigures> {
    app.with(|s| ttq::app::patrols::figures(s.store(), &month))
}

#[tauri::command]
pub fn log_add(
    app: State<App>,
    shift_id: Option<String>,
    at: String,
    note: String,
) -> Result<LogEntry> {
    app.with(|s| {
        s.store()
            .add_log(shift_id.as_deref(), &at, &note, app.now())
    })
}

#[tauri::command]
pub fn log_list(app: State<App>, month: String) -> Result<Vec<LogEntry>> {
    app.with(|s| s.store().log_entries(&month))
}

#[tauri::command]
pub fn availability_list(app: State<App>) -> Result<Vec<Busy>> {
    app.with(|s| s.store().availability())
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
        s.store()
            .add_availability(&member_id, on.as_deref(), weekday, &reason, app.now())
    })
}

#[tauri::command]
pub fn availability_remove(app: State<App>, id: String) -> Result<()> {
    app.with(|s| s.store().remove_availability(&id, app.now()))
}

#[tauri::command]
pub fn rest_rule_set(app: State<App>, nights: i64) -> Result<()> {
    app.with(|s| s.store().set_max_consecutive(nights, app.now()))
}

#[tauri::command]
pub fn actual_times_set(
    app: State<App>,
    shift_id: String,
    member_id: String,
    start: String,
    end: String,
) -> Result<()> {
    app.with(|s| {
        s.store()
            .set_actual_times(&shift_id, &member_id, &start, &end, app.now())
    })
}

#[tauri::command]
pub fn seat_preview(app: State<App>, edit: SeatEdit) -> Result<Vec<String>> {
    app.with(|s| s.store().preview_seat_edit(&edit))
}
