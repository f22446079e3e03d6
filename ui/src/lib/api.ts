// The only way the UI reaches the core: one typed function per Tauri command.
import { invoke } from "@tauri-apps/api/core";
import type { Activity } from "./bindings/Activity";
import type { ActivityFilter } from "./bindings/ActivityFilter";
import type { ActivityInput } from "./bindings/ActivityInput";
import type { ActivitySummary } from "./bindings/ActivitySummary";
import type { AppInfo } from "./bindings/AppInfo";
import type { Attendance } from "./bindings/Attendance";
import type { LogEntry } from "./bindings/LogEntry";
import type { Busy } from "./bindings/Busy";
import type { PatrolFigures } from "./bindings/PatrolFigures";
import type { SeatEdit } from "./bindings/SeatEdit";
import type { PatternInput } from "./bindings/PatternInput";
import type { RosterView } from "./bindings/RosterView";
import type { ShiftPattern } from "./bindings/ShiftPattern";
import type { Category } from "./bindings/Category";
import type { CategoryCount } from "./bindings/CategoryCount";
import type { Error as CoreError } from "./bindings/Error";
import type { Group } from "./bindings/Group";
import type { GroupInput } from "./bindings/GroupInput";
import type { GroupSetup } from "./bindings/GroupSetup";
import type { Incident } from "./bindings/Incident";
import type { IncidentFilter } from "./bindings/IncidentFilter";
import type { IncidentInput } from "./bindings/IncidentInput";
import type { IncidentList } from "./bindings/IncidentList";
import type { LeaveInput } from "./bindings/LeaveInput";
import type { Member } from "./bindings/Member";
import type { MemberEvent } from "./bindings/MemberEvent";
import type { MemberFilter } from "./bindings/MemberFilter";
import type { MemberInput } from "./bindings/MemberInput";
import type { MemberList } from "./bindings/MemberList";
import type { RecordVersion } from "./bindings/RecordVersion";
import type { IssuedReport } from "./bindings/IssuedReport";
import type { Layout } from "./bindings/Layout";
import type { Measure } from "./bindings/Measure";
import type { Practice } from "./bindings/Practice";
import type { PracticeInput } from "./bindings/PracticeInput";
import type { PracticeRow } from "./bindings/PracticeRow";
import type { WriteupVersion } from "./bindings/WriteupVersion";
import type { WardStatus } from "./bindings/WardStatus";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ReceiptInfo } from "./bindings/ReceiptInfo";
import type { Ward } from "./bindings/Ward";
import type { WardInput } from "./bindings/WardInput";
import type { Narrative } from "./bindings/Narrative";
import type { ReportView } from "./bindings/ReportView";

export type { CoreError };

/** A chosen package file: its preview (or import result), or why it is refused. */
export type FileOutcome = { file: string; preview: ImportPreview | null; error: CoreError | null };

/** Narrows anything thrown by `invoke` to the core's error shape. */
export function asCoreError(e: unknown): CoreError {
  if (typeof e === "object" && e !== null && "code" in e && "message" in e) {
    return e as CoreError;
  }
  return {
    code: "internal",
    message: "Không liên lạc được với phần lõi của ứng dụng. Hãy khởi động lại ứng dụng.",
    detail: String(e),
  };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asCoreError(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  appReady: () => call<number>("app_ready"),
  demoOpen: () => call<AppInfo>("demo_open"),
  demoClose: () => call<AppInfo>("demo_close"),
  groupCreate: (setup: GroupSetup) => call<Group>("group_create", { setup }),
  groupUpdate: (input: GroupInput) => call<Group>("group_update", { input }),
  memberList: (filter: MemberFilter) => call<MemberList>("member_list", { filter }),
  memberGet: (id: string) => call<Member>("member_get", { id }),
  memberHistory: (id: string) => call<MemberEvent[]>("member_history", { id }),
  memberValidate: (input: MemberInput) => call<null>("member_validate", { input }),
  memberAdd: (input: MemberInput) => call<Member>("member_add", { input }),
  memberEdit: (id: string, input: MemberInput) => call<Member>("member_edit", { id, input }),
  memberLeave: (id: string, input: LeaveInput) => call<Member>("member_leave", { id, input }),
  memberAnonymise: (id: string) => call<Member>("member_anonymise", { id }),
  categories: () => call<Category[]>("incident_categories"),
  categoryAdd: (name: string) => call<Category>("category_add", { name }),
  incidentList: (filter: IncidentFilter) => call<IncidentList>("incident_list", { filter }),
  incidentGet: (id: string) => call<Incident>("incident_get", { id }),
  incidentAdd: (input: IncidentInput) => call<Incident>("incident_add", { input }),
  incidentEdit: (id: string, input: IncidentInput) => call<Incident>("incident_edit", { id, input }),
  incidentStrike: (id: string, reason: string, editor: string) =>
    call<Incident>("incident_strike", { id, reason, editor }),
  incidentHistory: (id: string) => call<RecordVersion[]>("incident_history", { id }),
  incidentCounts: (month: string | null) => call<CategoryCount[]>("incident_counts", { month }),
  activityList: (filter: ActivityFilter) => call<Activity[]>("activity_list", { filter }),
  activityGet: (id: string) => call<Activity>("activity_get", { id }),
  activityAdd: (input: ActivityInput) => call<Activity>("activity_add", { input }),
  activityEdit: (id: string, input: ActivityInput) => call<Activity>("activity_edit", { id, input }),
  activityStrike: (id: string, reason: string, editor: string) =>
    call<Activity>("activity_strike", { id, reason, editor }),
  activityHistory: (id: string) => call<RecordVersion[]>("activity_history", { id }),
  activitySummary: (month: string) => call<ActivitySummary>("activity_summary", { month }),
  patterns: () => call<ShiftPattern[]>("pattern_list"),
  patternAdd: (input: PatternInput) => call<ShiftPattern>("pattern_add", { input }),
  rosterGenerate: (month: string) => call<RosterView>("roster_generate", { month }),
  roster: (month: string) => call<RosterView>("roster_get", { month }),
  attendanceSet: (shiftId: string, memberId: string, status: Attendance, substituteId: string | null) =>
    call<null>("attendance_set", { shiftId, memberId, status, substituteId }),
  seatReplace: (shiftId: string, memberOut: string, memberIn: string) =>
    call<RosterView>("seat_replace", { shiftId, memberOut, memberIn }),
  seatSwap: (shiftA: string, memberA: string, shiftB: string, memberB: string) =>
    call<RosterView>("seat_swap", { shiftA, memberA, shiftB, memberB }),
  seatMove: (fromShift: string, memberId: string, toShift: string) =>
    call<RosterView>("seat_move", { fromShift, memberId, toShift }),
  patrolFigures: (month: string) => call<PatrolFigures>("patrol_figures", { month }),
  availabilityList: () => call<Busy[]>("availability_list"),
  availabilityAdd: (memberId: string, on: string | null, weekday: number | null, reason: string) =>
    call<null>("availability_add", { memberId, on, weekday, reason }),
  availabilityRemove: (id: string) => call<null>("availability_remove", { id }),
  restRuleSet: (nights: number) => call<null>("rest_rule_set", { nights }),
  actualTimesSet: (shiftId: string, memberId: string, start: string, end: string) =>
    call<null>("actual_times_set", { shiftId, memberId, start, end }),
  /** What a hand edit would newly break, before making it. */
  seatPreview: (edit: SeatEdit) => call<string[]>("seat_preview", { edit }),
  logAdd: (shiftId: string | null, at: string, note: string) => call<LogEntry>("log_add", { shiftId, at, note }),
  logList: (month: string) => call<LogEntry[]>("log_list", { month }),
  reportView: (month: string, issuedOn: string) => call<ReportView>("report_view", { month, issuedOn }),
  narrativeSave: (month: string, narrative: Narrative) => call<null>("narrative_save", { month, narrative }),
  monthClose: (month: string, issuedOn: string, editor: string) =>
    call<IssuedReport>("month_close", { month, issuedOn, editor }),
  monthReopen: (month: string, editor: string, reason: string) => call<null>("month_reopen", { month, editor, reason }),
  issuedList: () => call<IssuedReport[]>("issued_list"),
  /** Saves through a save dialog; the path saved, or null when cancelled. */
  reportSave: (month: string, issuedOn: string) => call<string | null>("report_save", { month, issuedOn }),
  issuedSave: (id: string) => call<string | null>("issued_save", { id }),
  rosterSavePdf: (month: string) => call<string | null>("roster_save_pdf", { month }),
  rosterSaveIcs: (month: string, memberId: string | null) => call<string | null>("roster_save_ics", { month, memberId }),
  practiceList: () => call<PracticeRow[]>("practice_list"),
  practiceGet: (id: string) => call<Practice>("practice_get", { id }),
  practiceAdd: (input: PracticeInput) => call<Practice>("practice_add", { input }),
  practiceEdit: (id: string, input: PracticeInput) => call<Practice>("practice_edit", { id, input }),
  writeupSave: (id: string, sections: string[]) => call<Practice>("writeup_save", { id, sections }),
  writeupVersions: (id: string) => call<WriteupVersion[]>("writeup_versions", { id }),
  writeupRestore: (id: string, version: number) => call<Practice>("writeup_restore", { id, version }),
  measureSet: (id: string, measure: Measure) => call<Practice>("measure_set", { id, measure }),
  practiceFinalise: (id: string) => call<Practice>("practice_finalise", { id }),
  practiceLayout: (id: string) => call<Layout>("practice_layout", { id }),
  practiceSavePdf: (id: string) => call<string | null>("practice_save_pdf", { id }),
  practicesSavePdf: () => call<string | null>("practices_save_pdf"),
  packageExport: (month: string, sensitive: boolean) => call<string | null>("package_export", { month, sensitive }),
  receiptImport: () => call<ReceiptInfo | null>("receipt_import"),
  receiptList: () => call<ReceiptInfo[]>("receipt_list"),
  wardInit: (input: WardInput) => call<Ward>("ward_init", { input }),
  /** Opens the file dialog and previews the chosen packages; nothing is written. */
  importChoose: () => call<FileOutcome[]>("import_choose"),
  importApply: (acceptNewKeyBy: string | null) => call<FileOutcome[]>("import_apply", { acceptNewKeyBy }),
  wardExpect: (name: string) => call<null>("ward_expect", { name }),
  wardStatus: (months: string[]) => call<WardStatus>("ward_status", { months }),
  wardDeadlineSet: (day: number) => call<Ward>("ward_deadline_set", { day }),
  wardReportSave: (month: string) => call<string | null>("ward_report_save", { month }),
  wardXlsxSave: (month: string) => call<string | null>("ward_xlsx_save", { month }),
  wardReportLayout: (month: string) => call<Layout>("ward_report_layout", { month }),
  receiptIssue: (groupId: string, month: string) => call<string | null>("receipt_issue", { groupId, month }),
  /** Opens the report in the system's PDF viewer; the file's path. */
  reportPrint: (month: string, issuedOn: string) => call<string>("report_print", { month, issuedOn }),
};

/** Field name -> message, from a validation error (empty for other errors). */
export function fieldErrors(e: CoreError, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of e.fields ?? []) {
    if (f.field.startsWith(prefix)) out[f.field.slice(prefix.length)] = f.message;
  }
  return out;
}
