// Conversions between stored incidents and the form's input.
import type { Incident } from "./bindings/Incident";
import type { IncidentInput } from "./bindings/IncidentInput";
import { vnDate, vnNowTime, vnToday } from "./format";

/** A new incident: today, now, reported by a resident, recorded by `editor`. */
export function emptyIncident(editor: string): IncidentInput {
  return {
    occurred_on: vnToday(),
    occurred_time: vnNowTime(),
    time_approx: false,
    place: "",
    landmark: "",
    category: "",
    title: "",
    description: "",
    people_involved: "",
    reporter_kind: "resident",
    reporter_member_id: null,
    reporter_name: "",
    action_taken: "",
    status: "moi",
    transferred_on: "",
    transferred_to: "",
    valuable_tip: false,
    patrol_log_id: null,
    editor,
  };
}

/** The form for editing `i`, recorded by `editor`. */
export function incidentToInput(i: Incident, editor: string): IncidentInput {
  return {
    occurred_on: vnDate(i.occurred_on),
    occurred_time: i.occurred_time ?? "",
    time_approx: i.time_approx,
    place: i.place,
    landmark: i.landmark ?? "",
    category: i.category,
    title: i.title,
    description: i.description,
    people_involved: i.people_involved ?? "",
    reporter_kind: i.reporter_kind,
    reporter_member_id: i.reporter_member_id,
    reporter_name: i.reporter_name ?? "",
    action_taken: i.action_taken ?? "",
    status: i.status,
    transferred_on: vnDate(i.transferred_on),
    transferred_to: i.transferred_to ?? "",
    valuable_tip: i.valuable_tip,
    patrol_log_id: i.patrol_log_id,
    editor,
  };
}
