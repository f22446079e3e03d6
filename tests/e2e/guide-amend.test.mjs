// End to end: editing a record of a closed month says "đính chính tháng …" before saving;
// F1 opens the user guide at the part for the screen, over it, without losing what is open.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { app, initGroup, ttq as run } from "./fixtures.mjs";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const dataDir = mkdtempSync(join(tmpdir(), "ttq-e2e-amend-"));
const ttq = (...args) => run(dataDir, ...args);
let tauri;
let driver;

before(async () => {
  process.env.TTQ_TEST_NOW = "2026-10-01T09:00:00+07:00";
  initGroup(dataDir);
  process.env.TTQ_TEST_NOW = "2026-12-10T10:00:00+07:00";
  ttq("incident", "add", "--on", "05/11/2026", "--place", "Ngõ 5", "--category", "trom_cap",
    "--title", "Mất trộm xe đạp", "--description", "Xe đạp để trước cửa bị lấy mất.", "--editor", "Lê Văn Thành");
  ttq("report", "narrative", "--month", "2026-11", "--plans", "Duy trì tuần tra đêm, nhắc dân khóa xe.");
  ttq("month", "close", "--month", "2026-11", "--editor", "Lê Văn Thành");
  tauri = await startTauriDriver({ TTQ_DATA_DIR: dataDir });
});

after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const f1 = () => driver.exec("window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F1', bubbles: true }));");

test("a closed month's record is amended knowingly; F1 opens the guide", { timeout: 180000 }, async () => {
  driver = await Driver.start(tauri.base, app);
  await driver.click("#nav-incidents");
  await driver.click("[data-testid=incident-table] tbody .row-link");
  const notice = await driver.until("amend notice", () => driver.text("[data-testid=amend-notice]").catch(() => ""));
  assert.match(notice, /^Tháng 11\/2026 đã khóa sổ\. Lưu lần này là đính chính tháng 11\/2026/);
  assert.equal(await driver.text("#incident-save"), "Lưu đính chính tháng 11/2026");

  // F1 over the open dialog: the guide opens at "Vụ việc, tin báo"; closing it leaves the
  // incident as it was.
  await driver.type("#i-place", "Ngõ 5, tổ 2");
  await f1();
  await driver.waitFor(".guide-dialog[open]");
  assert.equal(await driver.text(".guide-dialog .guide-toc .current"), "Vụ việc, tin báo");
  // …and scrolled there: the section's heading is near the top of the dialog.
  await driver.until("scrolled to the section", async () => {
    const top = await driver.exec(
      "const h = [...document.querySelectorAll('.guide-dialog h2')].find((x) => x.textContent === 'Vụ việc, tin báo'); return h.getBoundingClientRect().top - document.querySelector('.guide-dialog').getBoundingClientRect().top;",
    );
    // Layout is in fractions of a pixel: a heading scrolled flush to the top may sit at -0.5.
    return top > -2 && top < 200;
  });
  assert.match(await driver.text(".guide-dialog [data-testid=guide]"), /Khóa sổ/);
  await driver.click("#help-back");
  await driver.until("guide closed", async () => (await driver.findAll(".guide-dialog")).length === 0);
  assert.equal(await driver.exec("return document.querySelector('#i-place').value"), "Ngõ 5, tổ 2");
  await driver.click("#incident-save");
  await driver.until("saved", async () => (await driver.findAll("dialog[open]")).length === 0);
  const shown = JSON.parse(ttq("incident", "list", "--json")).items[0];
  assert.equal(shown.place, "Ngõ 5, tổ 2");

  // A new record dated in December says nothing; moved into November it does.
  await driver.click("#add-incident");
  await driver.type("#i-date", "08/12/2026");
  assert.equal((await driver.findAll("[data-testid=amend-notice]")).length, 0);
  await driver.type("#i-date", "20/11/2026");
  await driver.until("notice for November", async () => (await driver.findAll("[data-testid=amend-notice]")).length === 1);
  await driver.click(".dialog-foot .secondary");
  await driver.click("#discard-yes");

  // "Hướng dẫn" in the menu is the same guide as a page.
  await driver.click("#nav-help");
  assert.match(await driver.text(".guide h1"), /^Hướng dẫn sử dụng/);
  assert.ok((await driver.findAll(".guide-toc li")).length >= 10);
  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");
});
