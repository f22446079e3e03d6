// The short "Đã lưu" a list shows after its dialog saved something, so the leader knows the
// change was kept; it fades after a few seconds.

export class SavedNote {
  text = $state("");
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Shows `text` for a few seconds. */
  show(text = "Đã lưu.") {
    this.text = text;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.text = ""), 5000);
  }
}
