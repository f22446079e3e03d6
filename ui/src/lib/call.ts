// Calling the core: every command goes through `call`, which turns anything thrown into the
// core's error shape.
import { invoke } from "@tauri-apps/api/core";
import type { Error as CoreError } from "./bindings/Error";
import { track } from "./busy.svelte";

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

/** Invokes a command of the core (counted as running work, except the progress query). */
export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    const p = invoke<T>(cmd, args);
    return await (cmd === "progress_get" ? p : track(p));
  } catch (e) {
    const err = asCoreError(e);
    // The app locked itself (idle): the shell shows the lock screen.
    if (err.code === "locked") window.dispatchEvent(new Event("ttq-locked"));
    throw err;
  }
}
