// Every command the window may call, declared once: its module, name, arguments and the type
// of its answer (the error is always the core's `Error`). From this list:
// - main.rs builds the invoke handler;
// - build.rs grants each command in `capabilities/main.json` (and only these) and writes the
//   typed client `ui/src/lib/commands.ts`;
// - CI fails when either generated file is not the committed one.
// Keep it plain macro input: build.rs reads this file with `include!`.

/// Calls `$then!` with the whole list.
macro_rules! for_each_command {
    ($then:ident) => {
        $then! {
            session::app_info() -> AppInfo;
            session::app_ready() -> u128;
            session::demo_open() -> AppInfo;
            session::demo_close() -> AppInfo;
            session::group_create(setup: GroupSetup) -> Group;
            session::group_update(input: GroupInput) -> Group;
            session::group_check(setup: GroupSetup) -> Vec<FieldError>;

            lock::lock_set(current: Option<String>, secret: String, idle_minutes: u32) -> String;
            lock::lock_remove(current: String) -> ();
            lock::lock_now() -> AppInfo;
            lock::lock_unlock(secret: String) -> AppInfo;
            session::place_provinces() -> Vec<Province>;
            session::place_search(query: String, province_code: Option<String>) -> Vec<Place>;
            session::place_warnings(commune_code: String, commune_name: String, province_code: String) -> Vec<String>;

            backup::backup_status() -> BackupStatus;
            backup::backup_list() -> Vec<BackupInfo>;
            backup::backup_create() -> String;
            backup::backup_copy_out(passphrase: Option<String>) -> Option<String>;
            backup::backup_unseal(path: String, passphrase: String) -> BackupInfo;
            backup::backup_choose() -> Option<BackupInfo>;
            backup::backup_restore(path: String, other_owner_ok: bool) -> Contents;
            backup::backup_recover(path: String) -> AppInfo;

            todo::this_month() -> ThisMonth;

            members::member_list(filter: MemberFilter) -> MemberList;
            members::member_get(id: String) -> Member;
            members::member_history(id: String) -> Vec<MemberEvent>;
            members::member_validate(input: MemberInput) -> ();
            members::member_add(input: MemberInput) -> Member;
            members::member_edit(id: String, input: MemberInput) -> Member;
            members::member_leave(id: String, input: LeaveInput) -> Member;
            members::member_anonymise(id: String) -> Member;
            members::retention_get() -> Retention;
            members::retention_set(years: Option<u32>) -> Retention;
            members::retention_apply(ids: Vec<String>) -> Vec<Member>;
            members::member_import_choose() -> Option<String>;
            members::member_import_preview(path: String, choice: SheetChoice) -> SheetPreview;
            members::member_import_apply(path: String, choice: SheetChoice) -> SheetPreview;
            members::member_save_xlsx(sensitive: bool) -> Option<String>;
            members::member_save_pdf(phones: bool) -> Option<String>;
            members::member_save_personal_pdf(id: String) -> Option<String>;

            ledger::incident_categories() -> Vec<Category>;
            ledger::category_add(name: String) -> Category;
            ledger::incident_list(filter: IncidentFilter) -> IncidentList;
            ledger::incident_save_xlsx(filter: IncidentFilter, sensitive: bool) -> Option<String>;
            ledger::incident_get(id: String) -> Incident;
            ledger::incident_add(input: IncidentInput) -> Incident;
            ledger::incident_edit(id: String, input: IncidentInput) -> Incident;
            ledger::incident_strike(id: String, reason: String, editor: String) -> Incident;
            ledger::incident_history(id: String) -> Vec<RecordVersion>;
            ledger::incident_counts(month: Option<String>) -> Vec<CategoryCount>;
            ledger::activity_list(filter: ActivityFilter) -> Vec<Activity>;
            ledger::activity_save_xlsx(filter: ActivityFilter) -> Option<String>;
            ledger::activity_get(id: String) -> Activity;
            ledger::activity_add(input: ActivityInput) -> Activity;
            ledger::activity_edit(id: String, input: ActivityInput) -> Activity;
            ledger::activity_strike(id: String, reason: String, editor: String) -> Activity;
            ledger::activity_history(id: String) -> Vec<RecordVersion>;
            ledger::activity_summary(month: String) -> ActivitySummary;

            patrol::pattern_list() -> Vec<ShiftPattern>;
            patrol::pattern_add(input: PatternInput) -> ShiftPattern;
            patrol::roster_generate(month: String) -> RosterView;
            patrol::roster_get(month: String) -> RosterView;
            patrol::attendance_set(shift_id: String, member_id: String, status: Attendance, substitute_id: Option<String>) -> ();
            patrol::attendance_mark_present(scope: PresentScope) -> PresentMarked;
            patrol::roster_hand_edits(month: String) -> Vec<HandEdit>;
            patrol::seat_edit(edit: SeatEdit) -> RosterView;
            patrol::seat_preview(edit: SeatEdit) -> Vec<String>;
            patrol::patrol_figures(month: String) -> PatrolFigures;
            patrol::log_add(shift_id: Option<String>, at: String, note: String) -> LogEntry;
            patrol::log_list(month: String) -> Vec<LogEntry>;
            patrol::availability_list() -> Vec<Availability>;
            patrol::availability_add(member_id: String, on: Option<String>, weekday: Option<u8>, reason: String) -> ();
            patrol::availability_remove(id: String) -> ();
            patrol::rest_rule_set(nights: i64) -> ();
            patrol::actual_times_set(shift_id: String, member_id: String, start: String, end: String) -> ();
            patrol::roster_save_pdf(month: String) -> Option<String>;
            patrol::roster_save_xlsx(month: String) -> Option<String>;
            patrol::roster_save_ics(month: String, member_id: Option<String>) -> Option<String>;

            report::report_view(month: String, issued_on: String) -> ReportView;
            report::narrative_save(month: String, narrative: Narrative) -> ();
            report::report_confirmation() -> String;
            report::report_confirmation_set(text: String) -> String;
            report::month_close(month: String, issued_on: String, editor: String) -> IssuedReport;
            report::month_reopen(month: String, editor: String, reason: String) -> ();
            report::issued_list() -> Vec<IssuedReport>;
            report::closed_months() -> Vec<String>;
            report::report_save(month: String, issued_on: String) -> Option<String>;
            report::issued_save(id: String) -> Option<String>;
            report::report_print(month: String, issued_on: String) -> String;

            practice::practice_list() -> Vec<PracticeRow>;
            practice::practice_get(id: String) -> Practice;
            practice::practice_add(input: PracticeInput) -> Practice;
            practice::practice_edit(id: String, input: PracticeInput) -> Practice;
            practice::writeup_save(id: String, sections: Vec<String>) -> Practice;
            practice::writeup_versions(id: String) -> Vec<WriteupVersion>;
            practice::writeup_restore(id: String, version: i32) -> Practice;
            practice::measure_set(id: String, measure: Measure) -> Practice;
            practice::practice_finalise(id: String) -> Practice;
            practice::practice_layout(id: String) -> Layout;
            practice::practice_save_pdf(id: String) -> Option<String>;
            practice::practices_save_pdf() -> Option<String>;
            practice::practice_recipient() -> String;
            practice::practice_recipient_set(text: String) -> String;

            sync::package_export(month: String, sensitive: bool) -> Option<String>;
            sync::receipt_import() -> Option<ReceiptInfo>;
            sync::receipt_list() -> Vec<ReceiptInfo>;
            sync::ward_init(input: WardInput) -> Ward;
            sync::import_choose() -> Vec<FileOutcome>;
            sync::import_apply(accept_new_key_by: Option<String>) -> Vec<FileOutcome>;
            sync::progress_get() -> Option<Progress>;
            sync::ward_expect(name: String) -> ();
            sync::ward_status(months: Vec<String>) -> WardStatus;
            sync::ward_deadline_set(day: u8) -> Ward;
            sync::ward_documents_set(input: WardDocuments) -> Ward;
            sync::ward_report_save(month: String) -> Option<String>;
            sync::ward_xlsx_save(month: String) -> Option<String>;
            sync::ward_report_layout(month: String) -> Layout;
            sync::receipt_issue(group_id: String, month: String) -> Option<String>;
            sync::ward_key_save() -> Option<String>;
            sync::ward_key_sheet_save() -> Option<String>;
            sync::ward_key_pinned() -> Option<WardRecipient>;
            sync::ward_key_choose() -> Option<RecipientPreview>;
            sync::ward_key_pin(confirmed_by: Option<String>) -> RecipientPreview;
        }
    };
}
