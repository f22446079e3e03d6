// How a backup copy is described on screen: when, whose, what it holds, how big.
import type { BackupInfo } from "./bindings/BackupInfo";
import type { Contents } from "./bindings/Contents";
import { monthLabel, vnDateTime, vnNumber } from "./format";

/** When the copy was made, "05/03/2026 21:07", or a dash when unknown. */
export function madeAt(b: BackupInfo): string {
  return b.made_at ? vnDateTime(b.made_at) : "—";
}

/** Whose data: the group's or the ward's name. */
export function owner(c: Contents | null): string {
  if (!c) return "—";
  if (c.kind === "empty") return "Chưa có dữ liệu";
  const name = c.name ?? "";
  return c.kind === "ward" ? `${name} (phường, xã)` : name;
}

/** The closed months: the last one and how many, "10/2026 (3 tháng)"; a dash for none. */
export function closedMonths(c: Contents | null): string {
  const last = c?.closed_months.at(-1);
  if (!c || !last) return "—";
  const n = c.closed_months.length;
  return n === 1 ? monthLabel(last) : `${monthLabel(last)} (${n} tháng)`;
}

/** The date of the newest record, dd/mm/yyyy. */
export function lastRecord(c: Contents | null): string {
  return c?.last_record_at ? vnDateTime(c.last_record_at).slice(0, 10) : "—";
}

/** 151552 -> "148 KB", 1258291 -> "1,2 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${vnNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${vnNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/** A copy that can be restored: it was read whole and holds a group or a ward. */
export function usable(b: BackupInfo): boolean {
  return !b.problem && !!b.contents && b.contents.kind !== "empty";
}
