// Declaring the commands makes Tauri generate one `allow-<command>` permission for each,
// so the capability file can grant exactly the commands the window uses.
const COMMANDS: &[&str] = &[
    "app_info",
    "app_ready",
    "demo_open",
    "demo_close",
    "group_create",
    "group_update",
    "member_list",
    "member_get",
    "member_history",
    "member_validate",
    "member_add",
    "member_edit",
    "member_leave",
    "member_anonymise",
    "incident_categories",
    "category_add",
    "incident_list",
    "incident_get",
    "incident_add",
    "incident_edit",
    "incident_strike",
    "incident_history",
    "incident_counts",
    "activity_list",
    "activity_get",
    "activity_add",
    "activity_edit",
    "activity_strike",
    "activity_history",
    "activity_summary",
    "pattern_list",
    "pattern_add",
    "roster_generate",
    "roster_get",
    "attendance_set",
    "patrol_figures",
    "log_add",
    "log_list",
    "seat_replace",
    "seat_swap",
    "seat_move",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to build the Tauri context");
}
