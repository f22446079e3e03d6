// End to end: the built app, driven through tauri-driver + WebKitWebDriver under Xvfb.
// First-run wizard, add a member, find her by a folded search, restart, find her again.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const root = resolve(import.meta.dirname, "../..");
const app = process.env.TTQ_APP ?? join(root, "target/debug/ttq-desktop");
const shots = join(root, "target/e2e-screenshots");
const dataDir = mkdtempSync(join(tmpdir(), "ttq-e2e-"));
let driver;
let tauri;

before(async () => {
  mkdirSync(shots, { recursive: true });
  tauri = await startTauriDriver({ TTQ_DATA_DIR: dataDir });
});

after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

// WebKitWebDriver's screenshot can hang while a modal dialog is open, so screenshots are
// taken only on the plain pages, for a person to look at after the run.
async function shot(name) {
  writeFileSync(join(shots, `${name}.png`), await driver.screenshot());
}

async function launch() {
  const t0 = Date.now();
  driver = await Driver.start(tauri.base, app);
  return t0;
}

async function rowNames() {
  return driver.texts("[data-testid=member-table] tbody .row-link");
}

test("first run, add a member, search folded, restart and find her again", { timeout: 180000 }, async () => {
  await launch();
  await driver.waitFor(".wizard");
  assert.match(await driver.text("[data-testid=db-path]"), new RegExp(dataDir));

  // Step 1 is checked on "Tiếp tục": empty, it stays with one message per field it shows.
  const valueOf = (css) => driver.exec(`return document.querySelector(${JSON.stringify(css)}).value`);
  await driver.click("button[type=submit]");
  const stepProblem = await driver.until("step 1 checked", () => driver.text(".wizard-step .banner.error"));
  const invalid = (await driver.findAll(".wizard-step .field.invalid")).length;
  assert.ok(invalid >= 4, `${invalid} fields flagged`);
  assert.match(stepProblem, new RegExp(`^Có ${invalid} ô cần sửa ở bước này`));
  assert.match(await driver.text(".steps .current"), /Tổ của bạn/);

  // The commune is picked from the national list by a few letters without diacritics; the
  // codes are filled in.
  await driver.type("#g-name", "Tổ bảo vệ ANTT Khu phố 7");
  await driver.type("#g-area-name", "Khu phố 7");
  await driver.type("#g-commune-name", "quang yen");
  await driver.waitFor("[data-testid=place-suggestions] button");
  assert.match(await driver.text("[data-testid=place-suggestions] li:first-child"), /^Phường Quảng Yên — Tỉnh Quảng Ninh · mã 07132/);
  await driver.click("[data-testid=place-suggestions] li:first-child button");
  assert.equal(await valueOf("#g-commune-name"), "Phường Quảng Yên");
  assert.equal(await valueOf("#g-commune-code"), "07132");
  assert.equal(await valueOf("#g-province"), "22");
  assert.equal(await valueOf("#g-province-code"), "22");
  await shot("01-wizard");
  await driver.click("button[type=submit]");
  // Step 2: a number field keeps only digits; the police unit is required before going on.
  await driver.waitFor("#g-police");
  await driver.type("#g-households", "abc");
  assert.equal(await valueOf("#g-households"), "");
  await driver.type("#g-households", "245");
  await driver.click("button[type=submit]");
  assert.match(await driver.until("step 2 checked", () => driver.text("#g-police-error")), /Công an/);
  assert.match(await driver.text(".wizard-step .banner.error"), /^Có 1 ô cần sửa ở bước này/);
  await driver.type("#g-police", "Công an phường Quảng Yên");
  await driver.click("button[type=submit]");
  // Step 3: the leader.
  await driver.type("#leader-full_name", "Trần Văn Quyết");
  await driver.type("#leader-birth_date", "02/09/1966");
  await driver.type("#leader-phone", "0912 345 678");
  await driver.click("button[type=submit]");

  await driver.click("#nav-members");
  await driver.waitFor("[data-testid=member-table]");
  assert.deepEqual(await rowNames(), ["Trần Văn Quyết"]);

  // Add a member; a wrong phone number is flagged inline before saving.
  await driver.click("#add-member");
  await driver.type("#m-full_name", "Nguyễn Thị Thanh Hảo");
  await driver.type("#m-birth_date", "15/06/1982");
  // Tab out of the field, as a keyboard user does; validation runs on leaving it.
  await driver.type("#m-phone", "12345\uE004");
  const phoneError = await driver.until("inline phone error", () => driver.text("#m-phone-error"));
  assert.match(phoneError, /Số điện thoại chưa đúng/);
  await driver.type("#m-phone", "0987 654 321");
  await driver.type("#m-address", "Số 8, ngõ 12 đường Trần Khánh Dư");
  await driver.click("#member-save");
  await driver.until("two members", async () => (await rowNames()).length === 2);
  assert.match(await driver.text("#saved-note"), /^Đã lưu/);

  // Typed input is not lost to a stray Esc or ✕: the dialog asks first.
  await driver.click("#add-member");
  await driver.type("#m-full_name", "Lê Văn Tám");
  await driver.type("#m-full_name", "\uE00C", { clear: false });
  await driver.waitFor("[data-testid=discard-ask]");
  await driver.click("#discard-keep");
  assert.equal(await driver.exec("return document.querySelector('#m-full_name').value"), "Lê Văn Tám");
  await driver.click(".member-dialog[open] .dialog-head button.icon");
  await driver.waitFor("[data-testid=discard-ask]");
  await driver.click("#discard-yes");
  await driver.until("dialog closed", async () => (await driver.findAll("dialog[open]")).length === 0);
  assert.deepEqual((await rowNames()).length, 2, "nothing saved");
  // Opened and closed without typing: no question.
  await driver.click("#add-member");
  await driver.waitFor("#m-full_name");
  await driver.click(".member-dialog[open] .dialog-foot button.secondary");
  await driver.until("closed without asking", async () => (await driver.findAll("dialog[open]")).length === 0);

  await driver.type("#member-search", "hao");
  await driver.until("search narrows to Hảo", async () => {
    const names = await rowNames();
    return names.length === 1 && names[0] === "Nguyễn Thị Thanh Hảo";
  });
  assert.match(await driver.text("[data-testid=member-count]"), /^1 tổ viên trong danh sách · 2 đang hoạt động/);
  await shot("03-search");

  // Restart the app on the same data.
  await driver.quit();
  driver = undefined;
  const t0 = await launch();
  await driver.click("#nav-members");
  await driver.waitFor("[data-testid=member-table]");
  console.log(`# launch to member list: ${Date.now() - t0} ms (includes WebDriver session set-up)`);
  await driver.type("#member-search", "HAO");
  await driver.until("found again after restart", async () => {
    const names = await rowNames();
    return names.length === 1 && names[0] === "Nguyễn Thị Thanh Hảo";
  });
  await shot("04-after-restart");
  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");
});
