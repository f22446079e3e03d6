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

  // Step 1: finishing with required fields empty keeps the user on the step with messages.
  await driver.type("#g-name", "Tổ bảo vệ ANTT Khu phố 7");
  await driver.type("#g-area-name", "Khu phố 7");
  await driver.type("#g-commune-name", "Phường Yên Hải");
  await driver.type("#g-commune-code", "07069");
  await driver.type("#g-province-name", "Quảng Ninh");
  await driver.type("#g-province-code", "22");
  await shot("01-wizard");
  await driver.click("button[type=submit]");
  // Step 2.
  await driver.type("#g-police", "Công an phường Yên Hải");
  await driver.type("#g-households", "245");
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
