// End to end: "Sao lưu". The day's automatic copy is listed, "Sao lưu ngay" adds one, a copy
// goes to the USB stick, an older copy is restored (the member added since is gone and the
// data before the restore is itself kept); a damaged data file is recovered from the
// fatal screen, the damaged file kept aside; and a sealed USB copy brings the group back on
// a new PC's first screen and on the damaged-file screen.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import { app, cli, initGroup, ttq } from "./fixtures.mjs";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const root = resolve(import.meta.dirname, "../..");
const shots = join(root, "target/e2e-screenshots");
const groupDir = mkdtempSync(join(tmpdir(), "ttq-e2e-backup-"));
const usb = mkdtempSync(join(tmpdir(), "ttq-e2e-usb-"));
const damagedDir = mkdtempSync(join(tmpdir(), "ttq-e2e-damaged-"));
const sealedDir = mkdtempSync(join(tmpdir(), "ttq-e2e-sealed-"));
const usb2 = mkdtempSync(join(tmpdir(), "ttq-e2e-usb2-"));
const newPc = mkdtempSync(join(tmpdir(), "ttq-e2e-new-pc-"));
const usb3 = mkdtempSync(join(tmpdir(), "ttq-e2e-usb3-"));
let tauri;
let driver;

after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  for (const d of [groupDir, usb, damagedDir, sealedDir, usb2, newPc, usb3]) rmSync(d, { recursive: true, force: true });
});

// For a person to look at after the run (target/e2e-screenshots).
async function shot(name) {
  mkdirSync(shots, { recursive: true });
  writeFileSync(join(shots, `${name}.png`), await driver.screenshot());
}

const rows = () => driver.texts("[data-testid=backup-table] tbody tr");
const memberNames = () => driver.texts("[data-testid=member-table] tbody .row-link");

async function stop() {
  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");
  await driver.quit();
  driver = undefined;
  tauri.stop();
  tauri = undefined;
}

test("copies are listed, made now, copied to USB, and an older one restored", { timeout: 240000 }, async () => {
  initGroup(groupDir);
  // The CLI's first use of the day makes the day's copy (the leader only), then adds her.
  ttq(groupDir, "member", "add", "--name", "Phạm Thị Hoa", "--birth-date", "02/03/1980");

  tauri = await startTauriDriver({ TTQ_DATA_DIR: groupDir, TTQ_SAVE_DIR: usb });
  driver = await Driver.start(tauri.base, app);
  await driver.click("#nav-members");
  await driver.until("two members", async () => (await memberNames()).length === 2);
  // Never copied off the PC: the first screen says so.
  assert.match(await driver.text("[data-testid=backup-banner]"), /chưa được sao lưu ra USB lần nào/);

  await driver.click("#nav-backup");
  await driver.until("the day's copy", async () => (await rows()).length === 1);
  const [daily] = await rows();
  assert.match(daily, /Hằng ngày/);
  assert.match(daily, /Tổ bảo vệ ANTT Thôn Đông/);
  assert.match(daily, /Tốt/);
  assert.match(await driver.text("[data-testid=backup-status]"), /chưa lần nào/);

  await driver.click("#backup-create");
  await driver.until("made now", async () => /Đã sao lưu vào .*sao-luu/.test(await driver.text("[data-testid=backup-notice]")));
  await driver.until("two copies", async () => (await rows()).length === 2);
  const [manual] = await rows();
  assert.match(manual, /Sao lưu ngay/);
  assert.match(await driver.text("[data-testid=backup-count]"), /^2 bản sao lưu/);

  // A plain copy this time (the sealed one is the last test).
  await driver.click("#backup-copy-out");
  await driver.click("#usb-seal");
  await driver.click("#usb-go");
  await driver.until("copied out", async () => /Đã sao lưu ra /.test(await driver.text("[data-testid=backup-notice]")));
  const copied = readdirSync(usb).filter((f) => /^ttq-sao-luu-.*\.sqlite$/.test(f));
  assert.equal(copied.length, 1, readdirSync(usb).join(", "));
  await driver.until("last USB copy shown", async () => !/chưa lần nào/.test(await driver.text("[data-testid=backup-status]")));
  await shot("backup-01-list");

  // Restore the day's copy (the oldest, last row): the preview says what it holds and that
  // the current data is backed up first.
  await driver.click("[data-testid=backup-table] tbody tr:last-child [data-testid=backup-restore]");
  const preview = await driver.text("[data-testid=restore-preview]");
  assert.match(preview, /Tổ bảo vệ ANTT Thôn Đông/);
  assert.match(preview, /Tổ viên\s*1\b/);
  assert.match(await driver.text(".restore-dialog"), /tự sao lưu dữ liệu hiện tại/);
  await driver.click("#restore-confirm");
  await driver.until("restored", async () => /Đã khôi phục dữ liệu/.test(await driver.text("[data-testid=backup-notice]")));
  await driver.until("the copy before the restore listed", async () => {
    const r = await rows();
    return r.length === 3 && /Trước khi khôi phục/.test(r[0]);
  });

  // The member added after the day's copy is gone; the USB reminder is too.
  await driver.click("#nav-members");
  await driver.until("one member", async () => {
    const names = await memberNames();
    return names.length === 1 && names[0] === "Lê Văn Thành";
  });
  assert.equal((await driver.findAll("[data-testid=backup-banner]")).length, 0, "no USB reminder after a copy to USB");
  await stop();
  assert.match(ttq(groupDir, "member", "list"), /^1 tổ viên/m);
});

test("a damaged data file is recovered from a good copy and kept aside", { timeout: 240000 }, async () => {
  initGroup(damagedDir);
  ttq(damagedDir, "member", "add", "--name", "Phạm Thị Hoa", "--birth-date", "02/03/1980");
  ttq(damagedDir, "backup", "create");
  // Overwrite pages 2 to 6 of the closed file, as tests/it/backup.rs does.
  const live = join(damagedDir, "ttq.sqlite");
  const bytes = readFileSync(live);
  bytes.fill(0xa5, 4096, Math.min(bytes.length, 4096 * 6));
  writeFileSync(live, bytes);
  assert.throws(
    () => execFileSync(cli, ["--data-dir", damagedDir, "member", "list"], { encoding: "utf8", stdio: "pipe" }),
    (e) => /bị hỏng/.test(String(e.stderr)),
  );

  tauri = await startTauriDriver({ TTQ_DATA_DIR: damagedDir });
  driver = await Driver.start(tauri.base, app);
  assert.match(await driver.text("[data-testid=fatal-message]"), /bị hỏng/);
  await driver.until("the good copies", async () => (await driver.texts("[data-testid=recovery-list] tbody tr")).length === 2);
  const [newest] = await driver.texts("[data-testid=recovery-list] tbody tr");
  assert.match(newest, /Sao lưu ngay/);
  assert.match(newest, /Tổ bảo vệ ANTT Thôn Đông/);
  assert.match(await driver.text("[data-testid=recovery]"), /không bị xóa/);
  await shot("backup-02-recovery");

  await driver.click("[data-testid=recovery-use]");
  assert.match(await driver.text(".restore-dialog"), /được để riêng/);
  await driver.click("#restore-confirm");
  await driver.until("the group opened", async () => /Tổ bảo vệ ANTT Thôn Đông/.test(await driver.text(".brand strong")));
  assert.match(await driver.text("[data-testid=recovered-notice]"), /ttq-hong-/);
  await driver.click("#nav-members");
  await driver.until("both members", async () => (await memberNames()).length === 2);
  await stop();

  const aside = readdirSync(damagedDir).filter((f) => /^ttq-hong-.*\.sqlite$/.test(f));
  assert.equal(aside.length, 1, readdirSync(damagedDir).join(", "));
  assert.deepEqual(readFileSync(join(damagedDir, aside[0])), bytes, "the damaged file is kept as it was");
  assert.match(ttq(damagedDir, "member", "list"), /^2 tổ viên/m);
});

test("a USB copy with a passphrase is unreadable without it and restored with it", { timeout: 240000 }, async () => {
  initGroup(sealedDir);
  ttq(sealedDir, "member", "add", "--name", "Phạm Thị Hoa", "--birth-date", "02/03/1980");
  tauri = await startTauriDriver({ TTQ_DATA_DIR: sealedDir, TTQ_SAVE_DIR: usb2, TTQ_OPEN_DIR: usb2 });
  driver = await Driver.start(tauri.base, app);
  await driver.click("#nav-backup");
  await driver.click("#backup-copy-out");
  await driver.type("#usb-pass", "ngắn");
  await driver.type("#usb-again", "ngắn");
  await driver.click("#usb-go");
  assert.match(await driver.until("too short", () => driver.text("#usb-pass-error").catch(() => "")), /ít nhất 8 ký tự/);
  await driver.type("#usb-pass", "Tổ Thôn Đông năm 2026");
  await driver.type("#usb-again", "Tổ Thôn Đông năm 2025");
  await driver.click("#usb-go");
  assert.match(await driver.until("mismatch", () => driver.text("#usb-again-error").catch(() => "")), /chưa giống nhau/);
  await driver.type("#usb-again", "Tổ Thôn Đông năm 2026");
  await driver.click("#usb-go");
  await driver.until("sealed copy", async () => /có mật khẩu/.test(await driver.text("[data-testid=backup-notice]").catch(() => "")), 30000);
  const files = readdirSync(usb2);
  assert.equal(files.length, 1, files.join(", "));
  assert.match(files[0], /^ttq-sao-luu-.*\.sqlite\.age$/);
  const raw = readFileSync(join(usb2, files[0]));
  assert.ok(raw.subarray(0, 21).toString() === "age-encryption.org/v1");
  assert.ok(!raw.includes(Buffer.from("SQLite format 3")) && !raw.includes(Buffer.from("Phạm Thị Hoa")), "nothing readable on the stick");

  // A member added after the copy; restoring the sealed copy brings the list back to two.
  ttq(sealedDir, "member", "add", "--name", "Trần Văn Bình", "--birth-date", "05/06/1978");
  await driver.click("#backup-choose");
  await driver.waitFor("[data-testid=unseal]");
  await driver.type("#unseal-pass", "Tổ Thôn Đông năm 2025");
  await driver.click("#unseal-go");
  assert.match(await driver.until("wrong passphrase", () => driver.text("#unseal-pass-error").catch(() => ""), 30000), /Mật khẩu chưa đúng/);
  await driver.type("#unseal-pass", "Tổ Thôn Đông năm 2026");
  await driver.click("#unseal-go");
  const preview = await driver.until("preview", () => driver.text("[data-testid=restore-preview]").catch(() => ""), 30000);
  assert.match(preview, /Tổ viên\s*2\b/);
  await driver.click("#restore-confirm");
  await driver.until("restored", async () => /Đã khôi phục dữ liệu/.test(await driver.text("[data-testid=backup-notice]")));
  await stop();
  const list = ttq(sealedDir, "member", "list");
  assert.match(list, /^2 tổ viên/m);
  assert.doesNotMatch(list, /Trần Văn Bình/);
});

test("a sealed USB copy brings the group back on a new PC and over a damaged file", { timeout: 240000 }, async () => {
  const oldPc = mkdtempSync(join(tmpdir(), "ttq-e2e-old-pc-"));
  initGroup(oldPc);
  ttq(oldPc, "member", "add", "--name", "Phạm Thị Hoa", "--birth-date", "02/03/1980");
  const pass = "Tổ Thôn Đông năm 2026";
  execFileSync(cli, ["--data-dir", oldPc, "backup", "copy", "--to", usb3, "--encrypt"], { env: { ...process.env, TTQ_BACKUP_PASSPHRASE: pass } });
  rmSync(oldPc, { recursive: true, force: true });

  // The new PC's first screen offers the copy instead of a new group.
  tauri = await startTauriDriver({ TTQ_DATA_DIR: newPc, TTQ_OPEN_DIR: usb3 });
  driver = await Driver.start(tauri.base, app);
  await driver.click("#setup-restore");
  await driver.waitFor("[data-testid=recovery-none]");
  await driver.click("#recovery-choose");
  await driver.waitFor("[data-testid=unseal]");
  await driver.type("#unseal-pass", pass);
  await driver.click("#unseal-go");
  const preview = await driver.until("preview", () => driver.text("[data-testid=restore-preview]").catch(() => ""), 30000);
  assert.match(preview, /Tổ bảo vệ ANTT Thôn Đông/);
  await driver.click("#restore-confirm");
  await driver.until("the group opened", async () => /Tổ bảo vệ ANTT Thôn Đông/.test(await driver.text(".brand strong").catch(() => "")));
  assert.match(await driver.text("[data-testid=recovered-notice]"), /Đã khôi phục dữ liệu từ bản sao lưu/);
  await stop();
  assert.match(ttq(newPc, "member", "list"), /Phạm Thị Hoa/);

  // Later the data file is damaged and this PC's own copies are gone: the sealed copy again.
  // First the app must be gone and its write-ahead log folded in (the CLI, the last to
  // close the file, does that), or the log would mend the damaged pages.
  for (let k = 0; k < 50 && readdirSync(newPc).includes("ttq.sqlite-wal"); k++) {
    await new Promise((r) => setTimeout(r, 200));
    ttq(newPc, "member", "list");
  }
  for (const f of readdirSync(join(newPc, "sao-luu"))) rmSync(join(newPc, "sao-luu", f));
  const live = join(newPc, "ttq.sqlite");
  const bytes = readFileSync(live);
  bytes.fill(0xa5, 4096, Math.min(bytes.length, 4096 * 6));
  writeFileSync(live, bytes);
  tauri = await startTauriDriver({ TTQ_DATA_DIR: newPc, TTQ_OPEN_DIR: usb3 });
  driver = await Driver.start(tauri.base, app);
  assert.match(await driver.text("[data-testid=fatal-message]"), /bị hỏng/);
  await driver.waitFor("[data-testid=recovery-none]");
  await driver.click("#recovery-choose");
  await driver.type("#unseal-pass", pass);
  await driver.click("#unseal-go");
  await driver.until("preview", () => driver.text("[data-testid=restore-preview]").catch(() => ""), 30000);
  assert.match(await driver.text(".restore-dialog"), /được để riêng/);
  await driver.click("#restore-confirm");
  await driver.until("the group opened", async () => /Tổ bảo vệ ANTT Thôn Đông/.test(await driver.text(".brand strong").catch(() => "")));
  assert.match(await driver.text("[data-testid=recovered-notice]"), /ttq-hong-/);
  await stop();
  assert.match(ttq(newPc, "member", "list"), /Phạm Thị Hoa/);
});
