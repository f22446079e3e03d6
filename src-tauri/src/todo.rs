//! "Tháng này": what is due now, the month's key figures and its charts.

use crate::state::App;
use tauri::State;
use ttq::app::todo;
use ttq::model::todo::ThisMonth;
use ttq::Result;

#[tauri::command]
pub fn this_month(app: State<App>) -> Result<ThisMonth> {
    app.with(|s| todo::this_month(s.store(), app.now()))
}
