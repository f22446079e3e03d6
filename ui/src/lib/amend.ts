// A change to a record dated in a closed month is saved as that month's amendment (đính
// chính): the forms say so before the user saves.

/** "05/10/2026" (or ISO "2026-10-05") -> "2026-10"; null when it is not a date yet. */
function monthOf(d: string | null | undefined): string | null {
  const s = (d ?? "").trim();
  const iso = /^(\d{4})-(\d{2})-\d{2}$/.exec(s);
  if (iso) return `${iso[1]}-${iso[2]}`;
  const vn = /^\d{1,2}[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  return vn ? `${vn[2]}-${vn[1]!.padStart(2, "0")}` : null;
}

/** The closed month a change touching these dates amends ("10/2026"), or null. */
export function amendedMonth(closed: string[], ...dates: (string | null | undefined)[]): string | null {
  for (const d of dates) {
    const m = monthOf(d);
    if (m && closed.includes(m)) return `${m.slice(5)}/${m.slice(0, 4)}`;
  }
  return null;
}
