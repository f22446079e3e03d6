// "Dân vận khéo" models: labels of their enums, the write-up's sections, and conversions
// between a stored model and the form's input.
import type { IndicatorKind } from "./bindings/IndicatorKind";
import type { Practice } from "./bindings/Practice";
import type { PracticeField } from "./bindings/PracticeField";
import type { PracticeInput } from "./bindings/PracticeInput";
import type { PracticeLevel } from "./bindings/PracticeLevel";
import type { PracticeScope } from "./bindings/PracticeScope";
import type { PracticeStatus } from "./bindings/PracticeStatus";
import { vnDate, vnToday } from "./format";

export const fieldLabel: Record<PracticeField, string> = {
  kinh_te: "Kinh tế",
  van_hoa_xa_hoi: "Văn hóa – xã hội",
  quoc_phong_an_ninh: "Quốc phòng – an ninh",
  xay_dung_he_thong_chinh_tri: "Xây dựng hệ thống chính trị",
};

export const scopeLabel: Record<PracticeScope, string> = { tap_the: "Tập thể", ca_nhan: "Cá nhân" };

export const statusLabel: Record<PracticeStatus, string> = {
  dang_ky: "Đăng ký",
  dang_thuc_hien: "Đang thực hiện",
  duoc_cong_nhan: "Được công nhận",
};

export const levelLabel: Record<PracticeLevel, string> = { co_so: "Cấp cơ sở", huyen: "Cấp huyện", tinh: "Cấp tỉnh" };

/** Indicators offered as checkboxes; incidents of one category are chosen separately. */
export const indicatorLabel: Record<Exclude<IndicatorKind, "incidents_of_category">, string> = {
  incidents: "Vụ việc về an ninh, trật tự",
  valuable_tips: "Tin báo có giá trị",
  transferred: "Vụ việc chuyển Công an",
  patrols_held: "Ca tuần tra đã thực hiện",
  patrol_turns: "Lượt người tham gia tuần tra",
  group_meetings: "Buổi họp tổ",
  resident_meetings: "Buổi họp dân",
  awareness_sessions: "Buổi tuyên truyền",
  mediations: "Vụ hòa giải",
  mediations_successful: "Vụ hòa giải thành",
  households_committed: "Hộ ký cam kết",
};

export const sectionTitles = [
  "I. Sự cần thiết (đặc điểm tình hình)",
  "II. Mục đích, yêu cầu",
  "III. Nội dung, cách làm",
  "IV. Kết quả",
  "V. Hiệu quả",
  "VI. Bài học kinh nghiệm",
  "VII. Khả năng nhân rộng, tính bền vững",
  "VIII. Kiến nghị",
];

/** A new model started today. */
export function emptyPractice(person: string): PracticeInput {
  return {
    name: "",
    field: "quoc_phong_an_ninh",
    scope: "tap_the",
    runner: "",
    address: "",
    started_on: vnToday(),
    person_in_charge: person,
    status: "dang_thuc_hien",
    level: null,
    decision: "",
    places: null,
    groups_applying: null,
  };
}

/** The form for editing `p`. */
export function practiceToInput(p: Practice): PracticeInput {
  return {
    name: p.name,
    field: p.field,
    scope: p.scope,
    runner: p.runner,
    address: p.address,
    started_on: vnDate(p.started_on),
    person_in_charge: p.person_in_charge,
    status: p.status,
    level: p.level,
    decision: p.decision,
    places: p.places,
    groups_applying: p.groups_applying,
  };
}

/** "+3", "−2 (−40%)", "0", as the printed table shows it. */
export function change(before: number, after: number): string {
  const d = after - before;
  const sign = d > 0 ? "+" : d < 0 ? "−" : "";
  if (before === 0 || d === 0) return `${sign}${Math.abs(d)}`;
  const pct = Math.round((Math.abs(d) * 1000) / before) / 10;
  return `${sign}${Math.abs(d)} (${sign}${String(pct).replace(".", ",")}%)`;
}
