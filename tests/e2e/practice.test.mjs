// End to end: register a "Dân vận khéo" model, write a section, measure results from the
// records, save the write-up as a PDF and finalise it.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { app, initGroup, ttq as run } from "./fixtures.mjs";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const dataDir = mkdtempSync(join(tmpdir(), "ttq-e2e-model-"));
const saveDir = mkdtempSync(join(tmpdir(), "ttq-e2e-model-saved-"));
let tauri;
let driver;

const ttq = (...args) => run(dataDir, ...args);

before(async () => {
  initGroup(dataDir);
  // Three thefts before the model started, one after.
  for (const on of ["05/01/2026", "10/02/2026", "20/03/2026", "15/07/2026"]) {
    ttq("incident", "add", "--on", on, "--place", "Ngõ 5", "--category", "trom_cap", "--title", "Mất trộm",
      "--description", "Mất xe đạp để trước cửa.", "--editor", "Lê Văn Thành");
  }
  tauri = await startTauriDriver({ TTQ_DATA_DIR: dataDir, TTQ_SAVE_DIR: saveDir });
});

after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
});

test("write a model, measure its results, save the PDF, finalise", { timeout: 180000 }, async () => {
  driver = await Driver.start(tauri.base, app);
  await driver.click("#nav-practices");
  await driver.waitFor(".empty");
  await driver.click("#practice-add");
  await driver.type("#pr-name", "Camera an ninh ngõ xóm");
  await driver.type("#pr-runner", "Tổ bảo vệ ANTT Thôn Đông");
  await driver.type("#pr-started", "01/04/2026");
  await driver.click("#practice-save");
  await driver.until("editor open", async () => (await driver.text("[data-testid=practice-name]")) === "Camera an ninh ngõ xóm");

  await driver.type("#section-0", "Thôn có nhiều ngõ nhỏ, tối, hay mất trộm xe.");
  await driver.until("saved", async () => /Đã lưu/.test(await driver.text("[data-testid=writeup-state]")));

  await driver.click("#ind-incidents");
  await driver.type("#before-from", "01/01/2026");
  await driver.type("#before-to", "31/03/2026");
  await driver.type("#after-from", "01/04/2026");
  await driver.type("#after-to", "30/06/2026");
  await driver.click("#measure-go");
  await driver.until("results", async () => /Vụ việc về an ninh, trật tự\s*3\s*0\s*−3 \(−100%\)/.test(await driver.text("[data-testid=results-table]")));

  await driver.click("#practice-pdf");
  await driver.until("saved pdf", async () => /Đã lưu bản viết vào/.test(await driver.text("[data-testid=practice-notice]")));
  const pdfs = readdirSync(saveDir).filter((f) => f.endsWith(".pdf"));
  assert.equal(pdfs.length, 1);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", join(saveDir, pdfs[0]), "-"], { encoding: "utf8" });
  assert.match(text, /“Dân vận khéo”\s+“Camera an ninh ngõ xóm”/);
  assert.match(text, /DỰ THẢO/);
  assert.match(text, /Thôn có nhiều ngõ nhỏ, tối, hay mất trộm xe\./);
  assert.match(text, /−3 \(−100%\)/);

  // Finalising asks for every section; the one written is not enough.
  await driver.click("#practice-finalise");
  await driver.click("#finalise-confirm");
  await driver.until("refused", async () => /Còn mục chưa viết: II\. Mục đích, yêu cầu/.test(await driver.text("[role=alert]").catch(() => "")));
  for (let i = 1; i < 8; i++) await driver.type(`#section-${i}`, `Nội dung mục ${i + 1}.`);
  await driver.until("saved all", async () => /Đã lưu/.test(await driver.text("[data-testid=writeup-state]")));
  await driver.click("#practice-finalise");
  await driver.click("#finalise-confirm");
  await driver.until("finalised", async () => /Đã hoàn thiện/.test(await driver.text("[data-testid=writeup-state]")));
  assert.equal(await driver.exec("return document.querySelector('#section-0').disabled;"), true);
  assert.equal(JSON.parse(ttq("practice", "list", "--json"))[0].finalised, true);
  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");
});
