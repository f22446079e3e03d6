//! The desktop shell: each command takes the session lock, calls one core function and
//! returns its result; errors reach the UI as `{code, message, detail, fields?}`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;
use tauri::{Manager, State};

mod files;
mod patrol;
mod practice;
mod report;
mod sync;
use ttq::model::activity::{Activity, ActivityFilter, ActivityInput, ActivitySummary};
use ttq::model::group::{Group, GroupInput, GroupSetup};
use ttq::model::history::RecordVersion;
use ttq::model::incident::{
    Category, CategoryCount, Incident, IncidentFilter, IncidentInput, IncidentList,
};
use ttq::model::member::{LeaveInput, Member, MemberEvent, MemberFilter, MemberInput, MemberList};
use ttq::session::{AppInfo, Session};
use ttq::{date, Result};

struct App {
    /// The open data, or why it could not be opened (shown to the user by the UI).
    session: Mutex<Result<Session>>,
    started: Instant,
    /// Where "now" comes from (the system clock; a test may start it elsewhere).
    clock: ttq::clock::Clock,
    /// Package files the ward chose and previewed, waiting for "Nhận".
    pending: Mutex<Vec<PathBuf>>,
}

impl App {
    /// The current instant.
    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Runs `f` on the open session, or returns the error that kept it closed.
    fn with<T>(&self, f: impl FnOnce(&mut Session) -> Result<T>) -> Result<T> {
        // A panic elsewhere must not lock the user out of their data.
        let mut guard = self.session.lock().unwrap_or_else(|e| e.into_inner());
        match &mut *guard {
            Ok(session) => f(session),
            Err(e) => Err(e.clone()),
        }
    }
}

#[tauri::command]
fn app_info(app: State<App>) -> Result<AppInfo> {
    app.with(|s| s.info(app.now()))
}

/// Called by the UI once the first screen is interactive; logs the start-up time.
#[tauri::command]
fn app_ready(app: State<App>) -> u128 {
    let ms = app.started.elapsed().as_millis();
    eprintln!("ttq: giao diện sẵn sàng sau {ms} ms");
    ms
}

#[tauri::command]
fn demo_open(app: State<App>) -> Result<AppInfo> {
    app.with(|s| s.open_demo(app.now()))
}

#[tauri::command]
fn demo_close(app: State<App>) -> Result<AppInfo> {
    app.with(|s| s.close_demo(app.now()))
}

#[tauri::command]
fn group_create(app: State<App>, setup: GroupSetup) -> Result<Group> {
    app.with(|s| s.store().create_group(&setup, app.now()))
}

#[tauri::command]
fn group_update(app: State<App>, input: GroupInput) -> Result<Group> {
    app.with(|s| s.store().update_group(&input, app.now()))
}

#[tauri::command]
fn member_list(app: State<App>, filter: MemberFilter) -> Result<MemberList> {
    app.with(|s| s.store().list_members(&filter, date::vn_today(app.now())))
}

#[tauri::command]
fn member_get(app: State<App>, id: String) -> Result<Member> {
    app.with(|s| s.store().member(&id))
}

#[tauri::command]
fn member_history(app: State<App>, id: String) -> Result<Vec<MemberEvent>> {
    app.with(|s| s.store().member_history(&id))
}

#[tauri::command]
fn member_validate(app: State<App>, input: MemberInput) -> Result<()> {
    app.with(|s| s.store().validate_member(&input, app.now()))
}

#[tauri::command]
fn member_add(app: State<App>, input: MemberInput) -> Result<Member> {
    app.with(|s| s.store().add_member(&input, app.now()))
}

#[tauri::command]
fn member_edit(app: State<App>, id: String, input: MemberInput) -> Result<Member> {
    app.with(|s| s.store().edit_member(&id, &input, app.now()))
}

#[tauri::command]
fn member_leave(app: State<App>, id: String, input: LeaveInput) -> Result<Member> {
    app.with(|s| s.store().leave_member(&id, &input, app.now()))
}

#[tauri::command]
fn member_anonymise(app: State<App>, id: String) -> Result<Member> {
    app.with(|s| s.store().anonymise_member(&id, app.now()))
}

#[tauri::command]
fn incident_categories(app: State<App>) -> Result<Vec<Category>> {
    app.with(|s| s.store().categories())
}

#[tauri::command]
fn category_add(app: State<App>, name: String) -> Result<Category> {
    app.with(|s| s.store().add_category(&name, app.now()))
}

#[tauri::command]
fn incident_list(app: State<App>, filter: IncidentFilter) -> Result<IncidentList> {
    app.with(|s| s.store().list_incidents(&filter))
}

#[tauri::command]
fn incident_get(app: State<App>, id: String) -> Result<Incident> {
    app.with(|s| s.store().incident(&id))
}

#[tauri::command]
fn incident_add(app: State<App>, input: IncidentInput) -> Result<Incident> {
    app.with(|s| s.store().add_incident(&input, app.now()))
}

#[tauri::command]
fn incident_edit(app: State<App>, id: String, input: IncidentInput) -> Result<Incident> {
    app.with(|s| s.store().edit_incident(&id, &input, app.now()))
}

#[tauri::command]
fn incident_strike(
    app: State<App>,
    id: String,
    reason: String,
    editor: String,
) -> Result<Incident> {
    app.with(|s| s.store().strike_incident(&id, &reason, &editor, app.now()))
}

#[tauri::command]
fn incident_history(app: State<App>, id: String) -> Result<Vec<RecordVersion>> {
    app.with(|s| s.store().incident_history(&id))
}

#[tauri::command]
fn incident_counts(app: State<App>, month: Option<String>) -> Result<Vec<CategoryCount>> {
    app.with(|s| s.store().category_counts(month.as_deref()))
}

#[tauri::command]
fn activity_list(app: State<App>, filter: ActivityFilter) -> Result<Vec<Activity>> {
    app.with(|s| s.store().list_activities(&filter))
}

#[tauri::command]
fn activity_get(app: State<App>, id: String) -> Result<Activity> {
    app.with(|s| s.store().activity(&id))
}

#[tauri::command]
fn activity_add(app: State<App>, input: ActivityInput) -> Result<Activity> {
    app.with(|s| s.store().add_activity(&input, app.now()))
}

#[tauri::command]
fn activity_edit(app: State<App>, id: String, input: ActivityInput) -> Result<Activity> {
    app.with(|s| s.store().edit_activity(&id, &input, app.now()))
}

#[tauri::command]
fn activity_strike(
    app: State<App>,
    id: String,
    reason: String,
    editor: String,
) -> Result<Activity> {
    app.with(|s| s.store().strike_activity(&id, &reason, &editor, app.now()))
}

#[tauri::command]
fn activity_history(app: State<App>, id: String) -> Result<Vec<RecordVersion>> {
    app.with(|s| s.store().activity_history(&id))
}

#[tauri::command]
fn activity_summary(app: State<App>, month: String) -> Result<ActivitySummary> {
    app.with(|s| ttq::app::ledger::activity_summary(s.store(), &month))
}

fn data_dir(app: &tauri::App) -> std::result::Result<PathBuf, String> {
    if let Some(d) = std::env::var_os("TTQ_DATA_DIR") {
        return Ok(PathBuf::from(d));
    }
    app.path().app_data_dir().map_err(|e| e.to_string())
}

fn main() {
    let started = Instant::now();
    // WebKitGTK's DMA-BUF renderer costs about 80 MB more at idle on the office PCs this
    // targets (no discrete GPU) and blanks the window on some drivers; the user can still
    // override it. Set before any thread starts.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
    tauri::Builder::default()
        .setup(move |app| {
            let dir = data_dir(app)?;
            let clock = ttq::clock::Clock::from_env();
            let session = clock.clone().and_then(|_| Session::open(&dir));
            match &session {
                Ok(_) => eprintln!("ttq: dữ liệu tại {}", dir.display()),
                Err(e) => eprintln!("ttq: không mở được dữ liệu tại {}: {e}", dir.display()),
            }
            app.manage(App {
                session: Mutex::new(session),
                started,
                clock: clock.unwrap_or_default(),
                pending: Mutex::new(Vec::new()),
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            app_info,
            app_ready,
            demo_open,
            demo_close,
            group_create,
            group_update,
            member_list,
            member_get,
            member_history,
            member_validate,
            member_add,
            member_edit,
            member_leave,
            member_anonymise,
            incident_categories,
            category_add,
            incident_list,
            incident_get,
            incident_add,
            incident_edit,
            incident_strike,
            incident_history,
            incident_counts,
            activity_list,
            activity_get,
            activity_add,
            activity_edit,
            activity_strike,
            activity_history,
            activity_summary,
            patrol::pattern_list,
            patrol::pattern_add,
            patrol::roster_generate,
            patrol::roster_get,
            patrol::attendance_set,
            patrol::patrol_figures,
            patrol::seat_replace,
            patrol::seat_swap,
            patrol::seat_move,
            patrol::log_add,
            patrol::log_list,
            patrol::availability_list,
            patrol::availability_add,
            patrol::availability_remove,
            patrol::rest_rule_set,
            patrol::actual_times_set,
            patrol::seat_preview,
            report::report_view,
            report::narrative_save,
            report::month_close,
            report::month_reopen,
            report::issued_list,
            report::report_save,
            report::issued_save,
            report::report_print,
            files::roster_save_pdf,
            files::roster_save_ics,
            practice::practice_list,
            practice::practice_get,
            practice::practice_add,
            practice::practice_edit,
            practice::writeup_save,
            practice::writeup_versions,
            practice::writeup_restore,
            practice::measure_set,
            practice::practice_finalise,
            practice::practice_layout,
            practice::practice_save_pdf,
            practice::practices_save_pdf,
            sync::package_export,
            sync::receipt_import,
            sync::receipt_list,
            sync::ward_init,
            sync::import_choose,
            sync::import_apply,
            sync::ward_expect,
            sync::ward_status,
            sync::ward_deadline_set,
            sync::ward_report_save,
            sync::ward_xlsx_save,
            sync::ward_report_layout,
            sync::receipt_issue,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("ttq: không khởi động được ứng dụng: {e}");
            std::process::exit(1);
        });
}
