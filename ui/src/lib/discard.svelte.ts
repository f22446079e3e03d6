// Typed input is not thrown away by a stray Esc or ✕: once something was typed in a dialog,
// closing it without saving asks first.

export class DiscardGuard {
  /** Something was typed or chosen since the dialog opened (or last saved). */
  dirty = $state(false);
  /** The question "Bỏ những gì đã nhập?" is showing. */
  asking = $state(false);
  #close: () => void = () => {};

  /** For the dialog's `oninput` and `onchange`: the user typed or chose something. */
  touched = () => {
    this.dirty = true;
  };

  /** For the dialog's `oncancel` (Esc): asks instead of closing when something was typed. */
  cancel = (e: Event, close: () => void) => {
    if (!this.dirty) return;
    e.preventDefault();
    this.#close = close;
    this.asking = true;
  };

  /** For "Đóng", "Hủy" and ✕: closes, or asks first when something was typed. */
  request(close: () => void) {
    if (!this.dirty) return close();
    this.#close = close;
    this.asking = true;
  }

  /** "Bỏ những gì đã nhập": closes without saving. */
  discard = () => {
    this.asking = false;
    this.dirty = false;
    this.#close();
  };

  /** "Tiếp tục nhập": back to the form, nothing lost. */
  keep = () => {
    this.asking = false;
  };
}
