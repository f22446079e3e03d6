// End to end: "Tháng này", the group's first screen, on the demo group at 02/12/2026 09:00
// (the CLI and the app on the same clock): the to-do list says what is due with names, each
// item's button opens the screen that fixes it, and the charts carry their titles and the
// same numbers as `ttq todo --json`.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import { app, cli } from "./fixtures.mjs";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const root = resolve(import.meta.dirname, "../..");
const shots = join(root, "target/e2e-screenshots");
const dataDir = mkdtempSync(join(tmpdir(), "ttq-e2e-month-"));
const NOW = "2026-12-02T09:00:00+07:00";
let tauri;
let driver;

after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const ttqAt = (...args) =>
  execFileSync(cli, ["--data-dir", dataDir, ...args], { encoding: "utf8", env: { ...process.env, TTQ_TEST_NOW: NOW } });

/** The text of each SVG `<text>` of `css` in a chart. */
const svgTexts = (chart, css) =>
  driver.exec(`return [...document.querySelectorAll(arguments[0])].map((t) => t.textContent.trim());`, [
    `[data-testid=${chart}] svg ${css}`,
  ]);

test("the month's to-do list opens the right screens and the charts read as numbers", { timeout: 180000 }, async () => {
  ttqAt("demo");
  const expected = JSON.parse(ttqAt("todo", "--json"));
  assert.ok(expected.todo.length >= 2, JSON.stringify(expected.todo));

  tauri = await startTauriDriver({ TTQ_DATA_DIR: dataDir, TTQ_TEST_NOW: NOW });
  driver = await Driver.start(tauri.base, app);

  // The first screen.
  assert.match(await driver.text(".this-month h1"), /^Tháng này: tháng 12\/2026/);
  assert.equal(await driver.text("#nav-month"), "Tháng này");
  await driver.until("the to-do list", async () => (await driver.findAll("[data-testid=todo] li")).length === expected.todo.length);
  const items = await driver.texts("[data-testid=todo] li > span");
  assert.deepEqual(items, expected.todo.map((t) => t.text));
  assert.ok(items.some((t) => /Tháng 11\/2026 đã khóa sổ nhưng chưa xuất tệp gửi phường/.test(t)), items.join("\n"));
  assert.ok(items.some((t) => /^\d+ tổ viên chưa có giấy khám sức khỏe: /.test(t)), items.join("\n"));

  // The key figures.
  const figures = await driver.text("[data-testid=month-figures]");
  assert.match(figures, new RegExp(`${expected.figures.patrols_held}/${expected.figures.shifts_planned}\\s*ca tuần tra`));
  assert.match(figures, /vụ việc/);

  // The charts: titles, and on the bars the same numbers as the CLI's.
  assert.match(await driver.text("[data-testid=chart-year] h3"), /Số vụ việc 12 tháng gần đây/);
  assert.deepEqual(await svgTexts("chart-year", "text.num"), expected.incidents_by_month.map((m) => String(m.count)));
  assert.deepEqual(await svgTexts("chart-year", "text.lbl"), expected.incidents_by_month.map((m) => m.label));
  assert.match(await driver.text("[data-testid=chart-category] h3"), /Vụ việc tháng 12\/2026 theo loại/);
  if (expected.incidents_by_category.length === 0) {
    assert.match(await driver.text("[data-testid=chart-category]"), /Chưa có vụ việc nào trong tháng/);
  } else {
    assert.deepEqual(await svgTexts("chart-category", "text.num"), expected.incidents_by_category.map((c) => String(c.count)));
  }
  assert.match(await driver.text("[data-testid=chart-attendance] h3"), /Đi tuần tra tháng 12\/2026, từng người/);
  assert.ok(expected.attendance.length > 0);
  assert.deepEqual(await svgTexts("chart-attendance", "text.num"), expected.attendance.map((a) => `${a.attended}/${a.planned}${a.stood_in > 0 ? ` +${a.stood_in} thay` : ""}`));
  assert.deepEqual(await svgTexts("chart-attendance", "text.lbl"), expected.attendance.map((a) => a.name));

  mkdirSync(shots, { recursive: true });
  writeFileSync(join(shots, "this-month.png"), await driver.screenshot());

  // The health certificates: the button opens Tổ viên.
  await driver.click("[data-testid=todo] li[data-kind=members_without_health_cert] button");
  await driver.waitFor("[data-testid=member-table]");
  assert.equal(await driver.text(".sidebar button[aria-current=page]"), "Tổ viên");

  // Back to Tháng này; November is closed but its file was never saved for the ward: the
  // button opens Gửi phường.
  await driver.click("#nav-month");
  await driver.click("[data-testid=todo] li[data-kind=last_month_not_sent] button");
  await driver.waitFor("[data-testid=fingerprint]");
  assert.equal(await driver.text(".sidebar button[aria-current=page]"), "Gửi phường");

  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");
});
