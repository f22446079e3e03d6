//! The session and the group: status for the first screen, the demo, setting the group up.

use crate::state::App;
use tauri::State;
use ttq::error::FieldError;
use ttq::model::group::{Group, GroupInput, GroupSetup};
use ttq::places::{Place, Province};
use ttq::session::AppInfo;
use ttq::Result;

/// The status for the screens; answers while locked too (naming nothing).
#[tauri::command]
pub fn app_info(app: State<App>) -> Result<AppInfo> {
    app.with_locked(|s| s.status(app.now()))
}

/// Called by the UI once the first screen is interactive; logs the start-up time.
#[tauri::command]
pub fn app_ready(app: State<App>) -> u128 {
    let ms = app.started.elapsed().as_millis();
    eprintln!("ttq: giao diện sẵn sàng sau {ms} ms");
    ms
}

// Long enough to show the progress bar: off the main thread, so the window keeps painting.
#[tauri::command(async)]
pub fn demo_open(app: State<App>) -> Result<AppInfo> {
    app.with(|s| s.open_demo(app.now()))
}

#[tauri::command]
pub fn demo_close(app: State<App>) -> Result<AppInfo> {
    app.with(|s| s.close_demo(app.now()))
}

#[tauri::command]
pub fn group_create(app: State<App>, setup: GroupSetup) -> Result<Group> {
    app.with(|s| ttq::app::group::create(s.store(), &setup, app.now()))
}

#[tauri::command]
pub fn group_update(app: State<App>, input: GroupInput) -> Result<Group> {
    app.with(|s| ttq::app::group::update(s.store(), &input, app.now()))
}

/// What is wrong with the wizard's input so far, field by field.
#[tauri::command]
pub fn group_check(app: State<App>, setup: GroupSetup) -> Result<Vec<FieldError>> {
    Ok(ttq::app::group::check_setup(&setup, app.now()))
}

/// The 34 provinces, for the province picker (needs no data file: the wizard uses it).
#[tauri::command]
pub fn place_provinces() -> Result<Vec<Province>> {
    Ok(ttq::app::group::provinces())
}

/// Communes matching what the leader typed, for the commune picker.
#[tauri::command]
pub fn place_search(query: String, province_code: Option<String>) -> Result<Vec<Place>> {
    Ok(ttq::app::group::find_places(
        &query,
        province_code.as_deref(),
        30,
    ))
}

/// What looks wrong about the codes typed against the national list.
#[tauri::command]
pub fn place_warnings(
    commune_code: String,
    commune_name: String,
    province_code: String,
) -> Result<Vec<String>> {
    Ok(ttq::app::group::place_warnings(
        &commune_code,
        &commune_name,
        &province_code,
    ))
}
