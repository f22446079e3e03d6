// End to end: a group exports its month from the app; the ward, in its own workspace, takes
// the file in through the preview and sees the group as reported.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { app, initGroup, lastMonth, ttq } from "./fixtures.mjs";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const groupDir = mkdtempSync(join(tmpdir(), "ttq-e2e-group-"));
const wardDir = mkdtempSync(join(tmpdir(), "ttq-e2e-ward-"));
const outbox = mkdtempSync(join(tmpdir(), "ttq-e2e-outbox-"));
let tauri;
let driver;

const { month, mid } = lastMonth();


after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  for (const d of [groupDir, wardDir, outbox]) rmSync(d, { recursive: true, force: true });
});

test("a group's file goes from the group's app into the ward's", { timeout: 240000 }, async () => {
  initGroup(groupDir);
  ttq(groupDir, "incident", "add", "--on", mid, "--place", "Ngõ 5", "--category", "trom_cap",
    "--title", "Mất trộm xe đạp", "--description", "Xe đạp để trước cửa bị lấy mất.", "--editor", "Lê Văn Thành");

  // The group exports last month.
  tauri = await startTauriDriver({ TTQ_DATA_DIR: groupDir, TTQ_SAVE_DIR: outbox });
  driver = await Driver.start(tauri.base, app);
  await driver.click("#nav-send");
  const fingerprint = await driver.until("fingerprint", async () => (await driver.text("[data-testid=fingerprint]")) || false);
  assert.match(fingerprint, /^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  await driver.click("#package-export");
  // Last month is not closed: the app says so before the file goes out.
  await driver.until("the warning", async () => /chưa khóa sổ/.test(await driver.text("#package-confirm").catch(() => "")));
  await driver.click("#package-export-anyway");
  await driver.until("exported", async () => /Đã xuất tệp gửi phường/.test(await driver.text("[data-testid=send-notice]")));
  assert.deepEqual(await driver.uiErrors(), []);
  await driver.quit();
  driver = undefined;
  tauri.stop();
  const files = readdirSync(outbox).filter((f) => f.endsWith(".zip"));
  assert.equal(files.length, 1);
  assert.match(files[0], new RegExp(`^TTQ_22_07069_.*_${month}\\.zip$`));

  // The ward sets up and takes the file in.
  tauri = await startTauriDriver({ TTQ_DATA_DIR: wardDir, TTQ_OPEN_DIR: outbox, TTQ_SAVE_DIR: outbox });
  driver = await Driver.start(tauri.base, app);
  await driver.click("#setup-ward");
  await driver.type("#w-name", "Công an phường Yên Hải");
  // The province from the national list; the commune typed with its code. Since the 2025
  // merger 07069 is another ward's code: the picker says so and still accepts it, as the
  // groups' files carry it.
  await driver.until("provinces listed", async () => (await driver.findAll("#w-province option")).length > 30);
  await driver.exec("const s = document.querySelector('#w-province'); s.value = '22'; s.dispatchEvent(new Event('change', {bubbles: true}));");
  assert.equal(await driver.exec("return document.querySelector('#w-province-code').value"), "22");
  await driver.type("#w-commune-code", "07069");
  await driver.type("#w-commune-name", "Phường Yên Hải");
  await driver.until("the code warned about", async () => /Mã 07069 trong danh mục là Phường Mạo Khê/.test(await driver.text("[data-testid=place-warnings]").catch(() => "")));
  await driver.click("#ward-save");
  await driver.click("#import-choose");
  const preview = await driver.until("preview", async () => {
    const t = await driver.text("[data-testid=import-outcomes]").catch(() => "");
    return /Sẵn sàng nhận/.test(t) ? t : false;
  });
  assert.match(preview, /Tổ bảo vệ ANTT Thôn Đông/);
  assert.match(preview, new RegExp(fingerprint));
  assert.match(preview, /Tổ mới: hãy so mã nhận diện với bản giấy/);
  // The group had not closed the month: the file says so, and so does the ward.
  assert.match(preview, /Bản nháp: tổ chưa khóa sổ/);
  // The preview shows the month's figures the file reports, not row counts.
  assert.match(preview, /1 vụ việc, tin báo · 0 ca tuần tra · \d+ tổ viên/);
  await driver.click("#import-apply");
  await driver.until("imported", async () => /Đã nhận 1\/1 tệp/.test(await driver.text("[data-testid=ward-notice]")));
  await driver.click("#nav-ward-status");
  const status = await driver.until("status", async () => (await driver.text("[data-testid=ward-status]").catch(() => "")) || false);
  assert.match(status, /Tổ bảo vệ ANTT Thôn Đông/);
  assert.match(status, /Đúng hạn|Muộn/);
  assert.match(status, /bản nháp/);
  // Last month at a glance: its deadline, the counts, the incidents in the files received.
  const summary = await driver.text("[data-testid=ward-summary]");
  const [y, m] = month.split("-");
  assert.match(summary, new RegExp(`^Báo cáo tháng ${m}/${y}`));
  assert.match(summary, /Hạn nộp: hết ngày|Hôm nay là hạn cuối|Đã quá hạn/);
  assert.match(summary, /Vụ việc, tin báo trong các báo cáo đã nhận: 1\./);
  // The deadline can be moved in the ward's settings; the table shows the new one.
  await driver.exec("const i = document.querySelector('#deadline-day'); i.value = ''; i.dispatchEvent(new Event('input', {bubbles: true}));");
  await driver.type("#deadline-day", "10");
  await driver.click("#deadline-save");
  await driver.until("deadline saved", async () => /đến hết ngày 10 tháng sau/.test(await driver.text("[data-testid=ward-notice]")));
  await driver.until("deadline shown", async () => /hạn 10\//.test(await driver.text("[data-testid=ward-status]")));
  // A group that has never sent a file, once expected, shows as not reported.
  await driver.type("#expect-name", "Tổ bảo vệ ANTT Khu phố 6");
  await driver.click("#expect-add");
  await driver.until("expected group listed", async () => /Khu phố 6\s*chưa gửi tệp nào/.test(await driver.text("[data-testid=ward-status]")));
  // "Chỉ xem các tổ chưa nộp": the group that sent last month drops out of the table.
  await driver.click("#only-missing");
  await driver.until("filtered", async () => !/Thôn Đông/.test(await driver.text("[data-testid=ward-status]")));
  assert.match(await driver.text("[data-testid=ward-status]"), /Khu phố 6/);
  // The consolidated report is headed as the ward's documents are: under the province's
  // police, signed by the name the ward gives.
  await driver.click("#nav-ward-report");
  const report = await driver.until("ward report", async () => {
    const t = await driver.text("[data-testid=report-preview]").catch(() => "");
    return /TỔNG HỢP|Tổng hợp/.test(t) ? t : false;
  });
  assert.match(report, /CÔNG AN TỈNH QUẢNG NINH/);
  assert.match(report, /BC-CAP/);
  await driver.exec("document.querySelector('[data-testid=ward-documents]').closest('details').open = true;");
  await driver.type("#wd-name", "Thiếu tá Phạm Quốc Hùng");
  await driver.click("#wd-save");
  await driver.until("signer shown", async () => /Thiếu tá Phạm Quốc Hùng/.test(await driver.text("[data-testid=report-preview]").catch(() => "")));
  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");
});
