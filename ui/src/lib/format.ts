// Vietnamese display conventions: dd/mm/yyyy, 1.234,5, and the labels of enum values.
import type { ActivityKind } from "./bindings/ActivityKind";
import type { Attendance } from "./bindings/Attendance";
import type { AreaKind } from "./bindings/AreaKind";
import type { Gender } from "./bindings/Gender";
import type { GroupKind } from "./bindings/GroupKind";
import type { IncidentStatus } from "./bindings/IncidentStatus";
import type { Role } from "./bindings/Role";

let skewMs = 0;

/** Makes the screens' clock follow the core's (`now`: its current instant, RFC 3339). */
export function followClock(now: string): void {
  const t = Date.parse(now);
  if (!Number.isNaN(t)) skewMs = t - Date.now();
}

/** The current instant as the core sees it, in milliseconds since 1970. */
export function nowMs(): number {
  return Date.now() + skewMs;
}

/** "2026-03-05" -> "05/03/2026"; empty for null. */
export function vnDate(iso: string | null | undefined): string {
  if (!iso) return "";
  // A birth known only by its year is stored as the year.
  if (/^\d{4}$/.test(iso)) return iso;
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** Today's date in Vietnam (UTC+7) as dd/mm/yyyy. */
export function vnToday(): string {
  const t = new Date(nowMs() + 7 * 3600 * 1000);
  return vnDate(t.toISOString().slice(0, 10));
}

/** A UTC timestamp shown in Vietnam time: "05/03/2026 21:07". */
export function vnDateTime(rfc3339: string): string {
  const t = new Date(Date.parse(rfc3339) + 7 * 3600 * 1000).toISOString();
  return `${vnDate(t.slice(0, 10))} ${t.slice(11, 16)}`;
}

const numberFormat = new Intl.NumberFormat("vi-VN");
/** 1234.5 -> "1.234,5". */
export function vnNumber(n: number): string {
  return numberFormat.format(n);
}

/** "0912345678" -> "0912 345 678". */
export function vnPhone(p: string | null | undefined): string {
  if (!p) return "";
  return p.length === 10 ? `${p.slice(0, 4)} ${p.slice(4, 7)} ${p.slice(7)}` : p;
}

export const roleLabel: Record<Role, string> = {
  to_truong: "Tổ trưởng",
  to_pho: "Tổ phó",
  to_vien: "Tổ viên",
};

export const genderLabel: Record<Gender, string> = { nam: "Nam", nu: "Nữ", khac: "Khác" };

export const groupKindLabel: Record<GroupKind, string> = {
  bao_ve_antt: "Tổ bảo vệ an ninh, trật tự",
  tu_quan_antt: "Tổ tự quản về ANTT",
  nhan_dan_tu_quan: "Tổ nhân dân tự quản",
  an_ninh_nhan_dan: "Tổ an ninh nhân dân",
  khac: "Khác",
};

export const areaKindLabel: Record<AreaKind, string> = {
  thon: "Thôn",
  to_dan_pho: "Tổ dân phố",
  khu_pho: "Khu phố",
};

/** Typed entries of a label table, for <select> options. */
export function options<K extends string>(labels: Record<K, string>): [K, string][] {
  return Object.entries(labels) as [K, string][];
}

export const incidentStatusLabel: Record<IncidentStatus, string> = {
  moi: "Mới",
  dang_theo_doi: "Đang theo dõi",
  da_chuyen_cong_an: "Đã chuyển Công an",
  hoa_giai_thanh: "Hòa giải thành",
  da_giai_quyet: "Đã giải quyết",
};

export const activityKindLabel: Record<ActivityKind, string> = {
  hop_to: "Họp tổ",
  hop_dan: "Họp dân",
  tuyen_truyen: "Tuyên truyền",
  hoa_giai: "Hòa giải",
  ho_tro_cu_tru: "Hỗ trợ quản lý cư trú",
  pccc_cuu_nan: "PCCC, cứu nạn",
  cam_ket: "Hộ ký cam kết",
};

/** "2026-11" -> "11/2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-");
  return `${m}/${y}`;
}

/** The current month and the `n - 1` before it, newest first: ["2026-11", "11/2026"]. */
export function recentMonths(n: number): [string, string][] {
  const t = new Date(nowMs() + 7 * 3600 * 1000);
  let y = t.getUTCFullYear();
  let m = t.getUTCMonth() + 1;
  const out: [string, string][] = [];
  for (let i = 0; i < n; i++) {
    const mm = String(m).padStart(2, "0");
    out.push([`${y}-${mm}`, `${mm}/${y}`]);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** The current moment in Vietnam as "YYYY-MM-DD HH:MM", comparable with a shift's start. */
export function vnNowIso(): string {
  return new Date(nowMs() + 7 * 3600 * 1000).toISOString().slice(0, 16).replace("T", " ");
}

/** The current time in Vietnam as HH:MM. */
export function vnNowTime(): string {
  return new Date(nowMs() + 7 * 3600 * 1000).toISOString().slice(11, 16);
}

export const attendanceLabel: Record<Attendance, string> = {
  co_mat: "Có mặt",
  vang_co_ly_do: "Vắng có lý do",
  vang_khong_ly_do: "Vắng không lý do",
  thay_boi: "Thay bởi",
};

const weekdayShort = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"];
/** "2026-11-28" -> "T7"; Monday is T2, Sunday CN. */
export function vnWeekday(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekdayShort[(d + 6) % 7] ?? "";
}

/** The weekday labels, Monday first. */
export const weekdayLabels = weekdayShort;
