// End to end: add a shift pattern, generate a month's roster, mark attendance and see the
// month's figures change.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { app, initGroup, ttq as run } from "./fixtures.mjs";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const dataDir = mkdtempSync(join(tmpdir(), "ttq-e2e-patrol-"));
const saveDir = mkdtempSync(join(tmpdir(), "ttq-e2e-patrol-saved-"));
let tauri;
let driver;

const ttq = (...args) => run(dataDir, ...args);

before(async () => {
  initGroup(dataDir);
  for (const [name, born] of [["Hoàng Văn Nam", "02/02/1975"], ["Vũ Thị Lan", "03/03/1979"], ["Bùi Văn Sơn", "04/04/1990"]]) {
    ttq("member", "add", "--name", name, "--birth-date", born, "--health-cert-date", "01/01/2026");
  }
  ttq("member", "edit", JSON.parse(ttq("member", "list", "--search", "thanh", "--json")).items[0].id, "--health-cert-date", "01/01/2026");
  tauri = await startTauriDriver({ TTQ_DATA_DIR: dataDir, TTQ_SAVE_DIR: saveDir });
});

after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
});

test("add a pattern, generate the roster, mark attendance, swap two members, print it, turn a log note into an incident", { timeout: 180000 }, async () => {
  driver = await Driver.start(tauri.base, app);
  await driver.click("#nav-patrols");
  await driver.waitFor(".empty");

  await driver.click("#pattern-add");
  await driver.type("#p-needed", "2");
  await driver.click("#pattern-save");
  await driver.until("generate enabled", async () => {
    const id = await driver.find("#roster-generate");
    return driver.cmd("GET", `/element/${id}/enabled`);
  });
  await driver.click("#roster-generate");
  await driver.until("roster shown", async () => (await driver.findAll("[data-testid=roster] tbody tr")).length >= 28);
  assert.match(await driver.text(".banner.ok"), /mọi ca đều đủ người/);
  const tallies = await driver.text("[data-testid=tallies]");
  for (const name of ["Hoàng Văn Nam", "Vũ Thị Lan", "Bùi Văn Sơn", "Lê Văn Thành"]) assert.match(tallies, new RegExp(name));

  await driver.click("[data-testid=roster] .seat");
  await driver.click("#att-co_mat");
  await driver.until("figures updated", async () => /^1 ca đã tuần tra · 1 lượt người · 6 giờ · có mặt 100%/.test(await driver.text("[data-testid=patrol-figures]")));
  assert.equal((await driver.findAll("[data-testid=roster] .seat.co_mat")).length, 1);

  // Swap the second night's first member with the last seat of the month.
  const row = "[data-testid=roster] tbody tr:nth-child(2) .seat";
  const before = await driver.texts(row);
  await driver.click(row);
  const sel = await driver.waitFor("#seat-swap");
  await driver.exec(
    "const s = arguments[0]; s.selectedIndex = s.options.length - 1; s.dispatchEvent(new Event('change', {bubbles: true}));",
    [{ "element-6066-11e4-a52e-4f735466cecf": sel }],
  );
  await driver.click("#seat-swap-go");
  await driver.until("swap applied", async () => /Đã sửa lịch/.test(await driver.text("[role=status]")));
  const after = await driver.texts(row);
  assert.notDeepEqual(after, before);
  assert.equal(after.length, before.length);

  // Print: the roster PDF, saved where the user chose, shows the swapped names and tallies.
  await driver.click("#roster-pdf");
  await driver.until("roster saved", async () => /Đã lưu vào/.test(await driver.text("[role=status]")));
  const pdfs = readdirSync(saveDir).filter((f) => f.endsWith(".pdf"));
  assert.equal(pdfs.length, 1);
  const printed = execFileSync("pdftotext", ["-enc", "UTF-8", join(saveDir, pdfs[0]), "-"], { encoding: "utf8" });
  assert.match(printed, /LỊCH TUẦN TRA/);
  assert.match(printed, /Số ca của từng thành viên trong tháng/);
  assert.match(printed, new RegExp(after[0]));

  // The same roster as a workbook (read back by LibreOffice elsewhere; here: it is one).
  await driver.click("#roster-xlsx");
  await driver.until("roster workbook saved", async () => readdirSync(saveDir).some((f) => f.endsWith(".xlsx")));
  const xlsx = readdirSync(saveDir).find((f) => f.endsWith(".xlsx"));
  assert.match(xlsx, /^Lich tuan tra thang/);

  // A patrol-log note becomes an incident, linked both ways.
  await driver.type("#log-note", "Hai người lạ dò xe máy trong ngõ");
  await driver.click("#log-save");
  await driver.until("log entry listed", async () => /Hai người lạ dò xe máy/.test(await driver.text("[data-testid=patrol-log]")));
  await driver.click("[data-testid=patrol-log] .link");
  await driver.type("#i-title", "Người lạ dò xe máy");
  const cat = await driver.waitFor("#i-category");
  await driver.exec(
    "arguments[0].value = 'cu_tru'; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
    [{ "element-6066-11e4-a52e-4f735466cecf": cat }],
  );
  await driver.type("#i-place", "Ngõ 3, Thôn Đông");
  assert.match(await driver.cmd("GET", `/element/${await driver.find("#i-description")}/property/value`), /Hai người lạ/);
  await driver.click("#incident-save");
  await driver.until("linked badge", async () => /Đã thành vụ việc/.test(await driver.text("[data-testid=patrol-log]")));
  const incidents = JSON.parse(ttq("incident", "list", "--json"));
  assert.equal(incidents.items[0].title, "Người lạ dò xe máy");
  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");
});
