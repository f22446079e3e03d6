// A data file written by a newer version: the app says so in Vietnamese and leaves it as it was.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const root = resolve(import.meta.dirname, "../..");
const app = process.env.TTQ_APP ?? join(root, "target/debug/ttq-desktop");
const dataDir = mkdtempSync(join(tmpdir(), "ttq-e2e-new-"));
const dbFile = join(dataDir, "ttq.sqlite");
let tauri;
let driver;

before(async () => {
  execFileSync("python3", [
    "-c",
    "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.execute('pragma user_version=999'); c.commit(); c.close()",
    dbFile,
  ]);
  tauri = await startTauriDriver({ TTQ_DATA_DIR: dataDir });
});

after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("a newer data file is refused with a clear message and left untouched", { timeout: 120000 }, async () => {
  const before = readFileSync(dbFile);
  driver = await Driver.start(tauri.base, app);
  const message = await driver.until("the refusal", () => driver.text(".fatal"));
  assert.match(message, /Không mở được dữ liệu/);
  assert.match(message, /phiên bản mới hơn/);
  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");
  await driver.quit();
  driver = undefined;
  assert.deepEqual(readFileSync(dbFile), before);
});
