// End to end: write last month's report, see it in the preview, save it as a PDF through the
// save flow, then close the month and find the issued copy listed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { app, initGroup, lastMonth, ttq as run } from "./fixtures.mjs";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const dataDir = mkdtempSync(join(tmpdir(), "ttq-e2e-report-"));
const saveDir = mkdtempSync(join(tmpdir(), "ttq-e2e-saved-"));
let tauri;
let driver;

// Last month in Vietnam time, as YYYY-MM and as the day the incident happened.
const { month, mid } = lastMonth();

const ttq = (...args) => run(dataDir, ...args);

before(async () => {
  initGroup(dataDir);
  ttq(
    "incident", "add", "--on", mid, "--time", "23:10", "--place", "Ngõ 5 Thôn Đông",
    "--category", "trom_cap", "--title", "Mất trộm xe đạp", "--description", "Xe đạp để trước cửa bị lấy mất trong đêm.",
    "--editor", "Lê Văn Thành",
  );
  tauri = await startTauriDriver({ TTQ_DATA_DIR: dataDir, TTQ_SAVE_DIR: saveDir });
});

after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
});

const previewText = () => driver.exec("return document.querySelector('[data-testid=report-preview]').textContent;");

test("write the month's report, save the PDF, close the month", { timeout: 180000 }, async () => {
  driver = await Driver.start(tauri.base, app);
  await driver.click("#nav-report");
  await driver.waitFor("[data-testid=report-preview] svg");
  assert.match(await driver.text("[data-testid=month-status]"), /Chưa khóa sổ/);
  assert.match(await previewText(), /Mất trộm xe đạp/);

  await driver.type("#narrative-shortcomings", "Ca tuần tra đêm thứ Bảy còn thiếu người.");
  await driver.until("narrative saved", async () => (await driver.text("[data-testid=narrative-state]")) === "Đã lưu");
  await driver.until("preview shows it", async () => /Ca tuần tra đêm thứ Bảy còn thiếu người\./.test(await previewText()));

  await driver.click("#report-save");
  await driver.until("saved notice", async () => /Đã lưu báo cáo vào/.test(await driver.text("[data-testid=report-notice]")));
  const saved = readdirSync(saveDir).filter((f) => f.endsWith(".pdf"));
  assert.equal(saved.length, 1);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", join(saveDir, saved[0]), "-"], { encoding: "utf8" });
  assert.match(text, /BÁO CÁO/);
  assert.match(text, /Ca tuần tra đêm thứ Bảy còn thiếu người\./);
  // A draft has no number and says so at the top of page 1.
  assert.match(text, /DỰ THẢO/);
  assert.match(text, /Số:\s+\/BC-TBV/);
  assert.match(text, /Bản dự thảo/);

  // Closing asks for the plans for next month first.
  await driver.click("#month-close");
  await driver.waitFor("#close-confirm");
  await driver.click("#close-confirm");
  await driver.until("plans asked for", async () => /Phương hướng tháng tới/.test(await driver.text("dialog[open] [role=alert]").catch(() => "")));
  await driver.exec("document.querySelector('dialog[open]')?.close();");
  await driver.type("#narrative-plans", "Duy trì tuần tra đêm theo lịch.");
  await driver.until("plans saved", async () => (await driver.text("[data-testid=narrative-state]")) === "Đã lưu");
  await driver.click("#month-close");
  await driver.waitFor("#close-confirm");
  await driver.click("#close-confirm");
  await driver.until("closed", async () => /Đã khóa sổ/.test(await driver.text("[data-testid=month-status]")));
  assert.match(await driver.text("[data-testid=issued-list]"), /01\/BC-TBV/);
  assert.match(await previewText(), /Mã đối chiếu dữ liệu/);
  assert.equal(await driver.exec("return document.querySelector('#narrative-shortcomings').disabled;"), true);
  assert.equal(JSON.parse(ttq("month", "show", "--month", month, "--json")).closed, true);
  assert.ok(existsSync(dataDir));

  // The month under way cannot be closed yet, and the screen says from when it can.
  await driver.exec(
    `const s = document.querySelector("#report-month"); s.value = s.options[0].value; s.dispatchEvent(new Event("change", { bubbles: true }));`,
  );
  await driver.until("the reason", async () => /chưa kết thúc: khóa sổ được từ ngày 01\//.test(await driver.text("#month-close-why").catch(() => "")));
  assert.equal(await driver.exec("return document.querySelector('#month-close').disabled;"), true);
  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");
});
