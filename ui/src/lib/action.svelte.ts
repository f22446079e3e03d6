// What a screen's buttons share: whether an action is running, what went wrong, what was
// done. One instance per screen; `run` keeps a second click from starting a second action.
import type { Error as CoreError } from "./bindings/Error";

export class Actions {
  /** An action is running: its buttons are disabled. */
  working = $state(false);
  /** Why the last action failed, in the core's words. */
  problem = $state("");
  /** What the last action did ("Đã lưu vào …"). */
  notice = $state("");

  /** Runs `f`; its answer, if any, becomes the notice, and its error the problem. */
  async run(f: () => Promise<string | void | null>): Promise<void> {
    if (this.working) return;
    this.working = true;
    this.problem = this.notice = "";
    try {
      const said = await f();
      if (said) this.notice = said;
    } catch (e) {
      this.problem = (e as CoreError).message;
    } finally {
      this.working = false;
    }
  }
}
