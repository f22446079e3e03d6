// End to end: the real native save dialog (no TTQ_SAVE_DIR). A command that opens a dialog
// must not block the main loop the dialog runs on; this test types a path into the GTK
// dialog with xdotool and expects the PDF there.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { app, initGroup } from "./fixtures.mjs";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const dataDir = mkdtempSync(join(tmpdir(), "ttq-e2e-dialog-"));
const target = join(dataDir, "luu-qua-hop-thoai.pdf");
let tauri;
let driver;

before(async () => {
  initGroup(dataDir);
  tauri = await startTauriDriver({ TTQ_DATA_DIR: dataDir });
});

after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const xdotool = (...args) => execFileSync("xdotool", args, { encoding: "utf8", timeout: 20000 });

test("Lưu PDF opens the system's save dialog and writes where the user says", { timeout: 120000 }, async () => {
  driver = await Driver.start(tauri.base, app);
  await driver.click("#nav-report");
  await driver.waitFor("[data-testid=report-preview] svg");
  await driver.click("#report-save");
  // The GTK dialog's window is titled "Lưu tệp".
  const win = xdotool("search", "--sync", "--name", "Lưu tệp").trim().split("\n")[0];
  xdotool("windowfocus", "--sync", win);
  xdotool("key", "--window", win, "ctrl+a");
  xdotool("type", "--window", win, "--delay", "10", target);
  xdotool("key", "--window", win, "Return");
  await driver.until("saved notice", async () => /Đã lưu báo cáo vào/.test(await driver.text("[data-testid=report-notice]")));
  assert.ok(existsSync(target));
  assert.equal(readFileSync(target).subarray(0, 5).toString(), "%PDF-");
  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");
});
