// End to end: record an incident on its own, edit it, and see the history; then find it by a
// folded search and strike it through.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const root = resolve(import.meta.dirname, "../..");
const app = process.env.TTQ_APP ?? join(root, "target/debug/ttq-desktop");
const cli = process.env.TTQ_CLI ?? join(root, "target/debug/ttq");
const dataDir = mkdtempSync(join(tmpdir(), "ttq-e2e-inc-"));
let tauri;
let driver;

before(async () => {
  execFileSync(cli, [
    "--data-dir", dataDir, "init",
    "--name", "Tổ bảo vệ ANTT Tổ dân phố 2",
    "--province-code", "22", "--province-name", "Quảng Ninh",
    "--commune-code", "07069", "--commune-name", "Phường Yên Hải",
    "--area-kind", "to-dan-pho", "--area-name", "Tổ dân phố 2",
    "--police-unit", "Công an phường Yên Hải",
    "--leader-name", "Đặng Văn Lâm", "--leader-birth-date", "03/04/1970",
  ]);
  tauri = await startTauriDriver({ TTQ_DATA_DIR: dataDir });
});

after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sets a <select> as a user's choice would (Svelte listens to change). */
async function choose(css, value) {
  const id = await driver.waitFor(css);
  await driver.exec(
    "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
    [{ "element-6066-11e4-a52e-4f735466cecf": id }, value],
  );
}

async function titles() {
  return driver.texts("[data-testid=incident-table] tbody .row-link");
}

test("record an incident, edit it, see its history, find it, strike it", { timeout: 180000 }, async () => {
  driver = await Driver.start(tauri.base, app);
  await driver.click("#nav-incidents");
  await driver.waitFor(".empty");
  await driver.click("#add-incident");

  // Saving with nothing filled names the missing fields.
  await driver.click("#incident-save");
  const err = await driver.until("title error", () => driver.text("#i-title-error"));
  assert.match(err, /tóm tắt/);

  await driver.type("#i-title", "Mất trộm xe máy trước cửa nhà");
  await choose("#i-category", "trom_cap");
  await driver.type("#i-place", "Ngõ 12 đường Trần Khánh Dư");
  await driver.type("#i-description", "Người đi bộ tới, bẻ khóa rồi dắt xe đi.");
  await driver.click("#incident-save");
  await driver.until("the new row", async () => (await titles()).length === 1);

  // Edit: the case is passed to police.
  await driver.click("[data-testid=incident-table] .row-link");
  await driver.waitFor("#i-status");
  await choose("#i-status", "da_chuyen_cong_an");
  await driver.type("#i-transferred-to", "Công an phường Yên Hải, đồng chí Lâm");
  await driver.click("#incident-save");
  await driver.until("dialog closed", async () => (await driver.findAll("dialog[open]")).length === 0);

  await driver.click("[data-testid=incident-table] .row-link");
  const history = await driver.until("history", () => driver.text("[data-testid=history]"));
  assert.match(history, /Phiên bản 1 .* Đặng Văn Lâm — Ghi mới/);
  assert.match(history, /Phiên bản 2 .* Sửa 3 mục/);
  assert.match(history, /Tình trạng\s*Mới\s*Đã chuyển Công an/);
  assert.match(history, /Chuyển cho\s*—\s*Công an phường Yên Hải, đồng chí Lâm/);

  // Strike it through with a reason: it stays, crossed out, and leaves the default list.
  await driver.click("#strike-open");
  await driver.type("#strike-reason", "Ghi nhầm tổ");
  await driver.click("#strike-confirm");
  await driver.until("struck banner", async () => /đã bị gạch bỏ/.test(await driver.text(".dialog-body")));
  await driver.click(".dialog-foot .secondary");
  await driver.until("list empty without struck", async () => (await driver.findAll(".empty")).length === 1);

  // A folded search finds it again once struck records are shown.
  await driver.click(".toolbar .check input");
  await driver.type("#incident-search", "mat trom xe may");
  await driver.until("found by folded search", async () => {
    const t = await titles();
    return t.length === 1 && t[0] === "Mất trộm xe máy trước cửa nhà";
  });
  assert.equal((await driver.findAll("tr.struck")).length, 1);
  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");
});
