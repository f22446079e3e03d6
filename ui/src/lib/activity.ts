// Conversions between stored activities and the form's input.
import type { Activity } from "./bindings/Activity";
import type { ActivityInput } from "./bindings/ActivityInput";
import type { ActivityKind } from "./bindings/ActivityKind";
import { vnDate, vnToday } from "./format";

/** A new activity of `kind`, today, recorded by `editor`. */
export function emptyActivity(kind: ActivityKind, editor: string): ActivityInput {
  return {
    kind,
    held_on: vnToday(),
    title: "",
    place: "",
    content: "",
    people: null,
    households: null,
    conclusions: "",
    assignments: [],
    parties: "",
    mediation_success: null,
    editor,
  };
}

/** The form for editing `a`. */
export function activityToInput(a: Activity, editor: string): ActivityInput {
  return {
    kind: a.kind,
    held_on: vnDate(a.held_on),
    title: a.title,
    place: a.place ?? "",
    content: a.content ?? "",
    people: a.people,
    households: a.households,
    conclusions: a.conclusions ?? "",
    assignments: a.assignments.map((x) => ({ ...x, due: vnDate(x.due) })),
    parties: a.parties ?? "",
    mediation_success: a.mediation_success,
    editor,
  };
}

/** Which optional fields a kind uses, so the form shows only those. */
export function fieldsOf(kind: ActivityKind) {
  const meeting = kind === "hop_to" || kind === "hop_dan";
  return {
    meeting,
    people: meeting || kind === "tuyen_truyen" || kind === "pccc_cuu_nan" || kind === "ho_tro_cu_tru",
    peopleLabel: meeting ? "Số người dự" : "Số người được tuyên truyền, hỗ trợ",
    households: kind === "ho_tro_cu_tru" || kind === "cam_ket",
    householdsLabel: kind === "cam_ket" ? "Số hộ ký cam kết" : "Số hộ",
    mediation: kind === "hoa_giai",
  };
}
