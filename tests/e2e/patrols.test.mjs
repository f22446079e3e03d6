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
// The 10th of a month at 10:00: the shifts of the 1st–9th have been patrolled, the 10th's
// (22:00) and later have not. The CLI and the app share this clock.
process.env.TTQ_TEST_NOW = "2026-12-10T10:00:00+07:00";

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

  // Swap the second night's first member with the last seat of the month.
  const row = "[data-testid=roster] tr[data-day='2026-12-02'] .seat";
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

  // "Xếp lại lịch" asks first and names the hand edits it would undo; declining keeps them.
  await driver.click("#roster-generate");
  await driver.waitFor("[data-testid=hand-edits]");
  const edits = await driver.texts("[data-testid=hand-edits] li");
  assert.equal(edits.length, 2, edits.join(" | "));
  assert.match(edits[0], /^T4 02\/12\/2026, Ca đêm: /);
  assert.match(edits[1], /^(T[2-7]|CN) [23]\d\/12\/2026, Ca đêm: /);
  await driver.click("dialog[open] .dialog-foot .secondary");
  assert.deepEqual(await driver.texts(row), after);

  // One seat marked present; a shift that has not started cannot be marked.
  await driver.click("[data-testid=roster] tr[data-day='2026-12-01'] .seat");
  await driver.click("#att-co_mat");
  await driver.until("figures updated", async () => /^1 ca đã tuần tra · 1 lượt người · 6 giờ · có mặt 100%/.test(await driver.text("[data-testid=patrol-figures]")));
  assert.equal((await driver.findAll("[data-testid=roster] .seat.co_mat")).length, 1);
  await driver.click("[data-testid=roster] tr[data-day='2026-12-10'] .seat");
  assert.match(await driver.text("[data-testid=not-started]"), /chưa bắt đầu/);
  assert.equal((await driver.findAll("#att-co_mat")).length, 0);
  // The popover opens beside the seat clicked, not in a corner of the window.
  const [seatBox, popBox] = await driver.exec(
    "const r = (e) => e.getBoundingClientRect(); return [r(document.querySelector(\"tr[data-day='2026-12-10'] .seat\")), r(document.querySelector('.popover'))].map((b) => ({ top: b.top, left: b.left, right: b.right }));",
  );
  assert.ok(Math.abs(popBox.top - seatBox.top) < 120 && (popBox.left > seatBox.right - 1 || popBox.right < seatBox.left + 1), JSON.stringify({ seatBox, popBox }));
  await driver.click(".popover .actions .link");

  // "Cả ca có mặt" on one shift, then "Cả tuần có mặt": the exception marked by hand stays.
  await driver.click("[data-testid=roster] tr[data-day='2026-12-03'] .seat");
  await driver.click("#att-vang_co_ly_do");
  await driver.until("one absent", async () => (await driver.findAll("[data-testid=roster] .seat.vang_co_ly_do")).length === 1);
  await driver.click("[data-testid=roster] tr[data-day='2026-12-03'] .seat.vang_co_ly_do");
  await driver.click("#shift-present");
  await driver.until("shift marked", async () => /^Đã chấm có mặt 1 lượt trong 1 ca\./.test(await driver.text("[role=status]")));
  assert.equal((await driver.findAll("[data-testid=roster] tr[data-day='2026-12-03'] .seat.co_mat")).length, 1);
  const weeks = await driver.findAll(".week-present");
  await driver.cmd("POST", `/element/${weeks[1]}/click`, {});
  await driver.until("second week marked", async () => /^Đã chấm có mặt 6 lượt trong 3 ca\. 4 ca chưa đến giờ nên chưa chấm\./.test(await driver.text("[role=status]")));
  await driver.cmd("POST", `/element/${weeks[0]}/click`, {});
  await driver.until("first week marked", async () => /^Đã chấm có mặt 9 lượt trong 6 ca\./.test(await driver.text("[role=status]")));
  assert.match(await driver.text("[data-testid=patrol-figures]"), /^9 ca đã tuần tra · 17 lượt người/);
  assert.equal((await driver.findAll("[data-testid=roster] .seat.vang_co_ly_do")).length, 1);
  assert.equal(await driver.cmd("GET", `/element/${await driver.find("#roster-generate")}/enabled`), false);
  const legend = await driver.text("[data-testid=seat-legend]");
  for (const l of ["chưa chấm công", "Có mặt", "Vắng có lý do", "Vắng không lý do", "Thay bởi"]) assert.match(legend, new RegExp(l));

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
