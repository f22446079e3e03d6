// End to end: "Nhập từ Excel…" in Tổ viên. The leader picks the ward's list (a CSV with a
// title row and a wrong date), the preview shows each row as it will be saved, a column is
// corrected, and the members are added in one go.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import { app, initGroup, ttq } from "./fixtures.mjs";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const root = resolve(import.meta.dirname, "../..");
const shots = join(root, "target/e2e-screenshots");
const dataDir = mkdtempSync(join(tmpdir(), "ttq-e2e-import-"));
const lists = mkdtempSync(join(tmpdir(), "ttq-e2e-lists-"));
const saves = mkdtempSync(join(tmpdir(), "ttq-e2e-saves-"));
let tauri;
let driver;

after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  for (const d of [dataDir, lists, saves]) rmSync(d, { recursive: true, force: true });
});

test("the ward's list is previewed, a column corrected, and its members added", { timeout: 180000 }, async () => {
  initGroup(dataDir);
  writeFileSync(
    join(lists, "Danh sách tổ viên.csv"),
    "DANH SÁCH TỔ VIÊN TỔ BẢO VỆ ANTT THÔN ĐÔNG\n\nSTT;Họ và tên;Năm sinh;Điện thoại;Ghi chú\n" +
      "1;NGUYỄN VĂN HÙNG;1972;912888999;Xóm 4\n2;Lò Thị Bảy;31/02/1985;;\n3;Lê Văn Thành;10/10/1965;;\n4;Vi Thị Cúc;15/06/1988;0978111222;Xóm 1\n",
  );
  tauri = await startTauriDriver({ TTQ_DATA_DIR: dataDir, TTQ_OPEN_DIR: lists, TTQ_SAVE_DIR: saves });
  driver = await Driver.start(tauri.base, app);
  await driver.click("#nav-members");
  await driver.click("#import-members");
  await driver.until("the preview", async () => /Sẽ thêm 2 tổ viên/.test(await driver.text("[data-testid=import-summary]")));
  const rows = await driver.texts("tr.import-add, tr.import-skip, tr.import-error");
  assert.match(rows[0], /^4\s*Nguyễn Văn Hùng\s*1972\s*0912888999/);
  assert.match(rows[1], /Lỗi/);
  assert.match(rows[1], /tháng 2 năm 1985 không có ngày 31/);
  assert.match(rows[2], /Bỏ qua/);
  assert.match(rows[2], /Đã có trong danh sách tổ viên/);

  // "Ghi chú" holds the hamlet: the leader says it is the address.
  await driver.click("details.import-columns summary");
  await driver.exec(
    `const s = document.querySelector('select[aria-label="Cột E"]'); s.value = "address"; s.dispatchEvent(new Event("change", { bubbles: true }));`,
  );
  await driver.until("the corrected column", async () => {
    const r = await driver.texts("tr.import-add");
    return r.length === 2 && /0912888999\s*Xóm 4/.test(r[0]);
  });
  mkdirSync(shots, { recursive: true });
  writeFileSync(join(shots, "member-import.png"), await driver.screenshot());
  await driver.click("#import-apply");
  await driver.until("done", async () => /Đã nhập 2 tổ viên/.test(await driver.text("#import-done")));
  await driver.click(".member-dialog.wide .dialog-foot .secondary");
  await driver.until("the list", async () => (await driver.texts("[data-testid=member-table] tbody .row-link")).length === 3);

  // The list as the ward files it, and as a workbook.
  await driver.click("#member-pdf");
  await driver.until("the PDF saved", async () => /Đã lưu vào .*\.pdf/.test(await driver.text("#member-saved")));
  const pdf = readdirSync(saves).find((f) => f.endsWith(".pdf"));
  const text = execFileSync("pdftotext", ["-layout", join(saves, pdf), "-"], { encoding: "utf8" });
  assert.match(text, /DANH SÁCH TỔ VIÊN/);
  assert.match(text, /Lê Văn Thành[\s\S]*Nguyễn Văn Hùng/);
  assert.doesNotMatch(text, /0912 888 999/, "no phone numbers unless asked");
  await driver.click("#member-xlsx");
  await driver.until("the workbook saved", async () => /Đã lưu vào .*\.xlsx/.test(await driver.text("#member-saved")));
  assert.equal(readFileSync(join(saves, readdirSync(saves).find((f) => f.endsWith(".xlsx")))).subarray(0, 2).toString(), "PK");

  // One member's own data, printed for them from their record.
  await driver.click("[data-testid=member-table] tbody tr:nth-child(2) .row-link");
  await driver.click("#member-personal-pdf");
  await driver.until("personal PDF saved", async () => /Đã lưu phiếu thông tin cá nhân vào/.test(await driver.text("[data-testid=personal-saved]").catch(() => "")));
  const slip = readdirSync(saves).find((f) => f.startsWith("Thong tin ca nhan"));
  const slipText = execFileSync("pdftotext", ["-layout", join(saves, slip), "-"], { encoding: "utf8" });
  assert.match(slipText, /PHIẾU THÔNG TIN CÁ NHÂN/);
  assert.match(slipText, /Các lần ghi, sửa thông tin/);
  await driver.click(".member-dialog[open] .dialog-foot .secondary");
  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");

  const json = JSON.parse(ttq(dataDir, "member", "list", "--json"));
  const hung = (json.items ?? json).find((m) => m.full_name === "Nguyễn Văn Hùng");
  assert.equal(hung.birth_date, "1972");
  assert.equal(hung.address, "Xóm 4");
  assert.equal(hung.phone, "0912888999");
});
