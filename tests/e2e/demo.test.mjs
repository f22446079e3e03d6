// End to end: a newcomer opens the demo data and walks through every area; each shows a
// living group, and the UI records no error on the way.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const root = resolve(import.meta.dirname, "../..");
const app = process.env.TTQ_APP ?? join(root, "target/debug/ttq-desktop");
const dataDir = mkdtempSync(join(tmpdir(), "ttq-e2e-demo-"));
let tauri;
let driver;

before(async () => {
  tauri = await startTauriDriver({ TTQ_DATA_DIR: dataDir });
});

after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("the demo data fills every area", { timeout: 180000 }, async () => {
  driver = await Driver.start(tauri.base, app);
  await driver.click("#open-demo");
  await driver.until("demo banner", async () => /dữ liệu mẫu/.test(await driver.text(".banner.demo")));
  await driver.click("#nav-members");
  assert.match(await driver.text("[data-testid=member-count]"), /17 đang hoạt động/);

  await driver.click("#nav-patrols");
  await driver.until("roster", async () => (await driver.findAll("[data-testid=roster] .seat")).length > 50);
  assert.match(await driver.text("#roster-generate"), /Xếp lại lịch/);
  assert.ok((await driver.findAll("[data-testid=availability-list] li")).length >= 2);

  await driver.click("#nav-incidents");
  await driver.until("incidents", async () => (await driver.findAll("[data-testid=incident-table] tbody tr")).length > 0);

  await driver.click("#nav-activities");
  await driver.until("activities", async () => (await driver.findAll("[data-testid=activity-table] tbody tr")).length > 0);

  await driver.click("#nav-report");
  await driver.until("issued reports", async () => (await driver.findAll("[data-testid=issued-list] tbody tr")).length === 6);
  await driver.until("preview", async () => (await driver.findAll("[data-testid=report-preview] svg")).length >= 2);

  await driver.click("#nav-group");
  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");
});
