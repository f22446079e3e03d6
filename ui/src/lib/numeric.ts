// Number fields that stay numbers: what is not a digit is dropped as it is typed, so "abc"
// leaves the field empty instead of turning into "-1bc".

/** Keeps only the digits in the input (cursor at the end) and returns them. */
export function digitsOnly(el: HTMLInputElement): string {
  const digits = el.value.replace(/\D/g, "");
  if (digits !== el.value) el.value = digits;
  return digits;
}

/** The digits typed as a whole number, or null when the field is empty. */
export function wholeNumber(el: HTMLInputElement): number | null {
  const d = digitsOnly(el);
  return d === "" ? null : Number(d);
}
