// The only way the UI reaches the core: the generated, typed client of every command
// (`commands.ts`, from src-tauri/src/commands.rs), and helpers for its errors.
import type { Error as CoreError } from "./bindings/Error";
import { commands } from "./commands";

export type { CoreError };
export type { FileOutcome } from "./bindings/FileOutcome";
export { asCoreError } from "./call";

export const api = commands;

/** Field name -> message, from a validation error (empty for other errors). */
export function fieldErrors(e: CoreError, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of e.fields ?? []) {
    if (f.field.startsWith(prefix)) out[f.field.slice(prefix.length)] = f.message;
  }
  return out;
}
