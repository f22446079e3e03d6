// End to end: the ward saves its encryption key, a group pins it in "Gửi phường" and its
// file goes out encrypted (.ttq), which the ward takes in as any other; and leavers past the
// group's retention are listed by name, then anonymised only after a confirmation.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { app, initGroup, lastMonth, ttq } from "./fixtures.mjs";
import { Driver, startTauriDriver } from "./webdriver.mjs";

const root = mkdtempSync(join(tmpdir(), "ttq-e2e-privacy-"));
const [groupDir, wardDir, keys, outbox, leaverDir] = ["tổ", "phường", "khóa", "gửi đi", "tổ có người rời"].map((n) => join(root, n));
let tauri;
let driver;

after(async () => {
  await driver?.quit().catch(() => {});
  tauri?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function open(env) {
  tauri = await startTauriDriver(env);
  driver = await Driver.start(tauri.base, app);
}

async function close() {
  assert.deepEqual(await driver.uiErrors(), [], "no uncaught UI errors");
  await driver.quit();
  driver = undefined;
  tauri.stop();
}

test("a file encrypted to the ward's key goes from the group into the ward", { timeout: 300000 }, async () => {
  const { mid } = lastMonth();
  ttq(wardDir, "ward", "init", "--name", "Công an phường Yên Hải", "--province-code", "22", "--province-name", "Quảng Ninh",
    "--commune-code", "07069", "--commune-name", "Phường Yên Hải");
  initGroup(groupDir);
  ttq(groupDir, "incident", "add", "--on", mid, "--place", "Ngõ 5", "--category", "trom_cap",
    "--title", "Mất trộm xe đạp", "--description", "Xe đạp để trước cửa bị lấy mất.", "--editor", "Lê Văn Thành");
  for (const d of [keys, outbox]) mkdirSync(d);

  // The ward saves its key file.
  await open({ TTQ_DATA_DIR: wardDir, TTQ_SAVE_DIR: keys });
  const wardPrint = await driver.until("the ward's key", async () => {
    const t = await driver.text("[data-testid=ward-key-fingerprint]").catch(() => "");
    return /^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/.test(t) ? t : false;
  });
  await driver.click("#ward-key-save");
  await driver.until("key saved", async () => /Đã lưu tệp khóa của phường/.test(await driver.text("[data-testid=ward-notice]").catch(() => "")));
  // And the notice to print and sign, with the same fingerprint.
  await driver.click("#ward-key-sheet");
  await driver.until("notice saved", async () => /Đã lưu thông báo khóa mã hóa/.test(await driver.text("[data-testid=ward-notice]").catch(() => "")));
  await close();
  const keyFiles = readdirSync(keys).sort();
  assert.deepEqual(keyFiles, ["Khoa-ma-hoa-phuong-07069.pdf", "Khoa-ma-hoa-phuong-07069.txt"]);
  assert.match(execFileSync("pdftotext", [join(keys, keyFiles[0]), "-"], { encoding: "utf8" }), new RegExp(wardPrint));
  keyFiles.shift();
  assert.match(readFileSync(join(keys, keyFiles[0]), "utf8"), new RegExp(wardPrint));

  // The group: signed only at first, then the key is read, compared and pinned.
  await open({ TTQ_DATA_DIR: groupDir, TTQ_OPEN_DIR: keys, TTQ_SAVE_DIR: outbox });
  await driver.click("#nav-send");
  await driver.until("signed only", async () => /chưa mã hóa/.test(await driver.text("[data-testid=export-sealing]").catch(() => "")));
  await driver.click("#key-choose");
  const shown = await driver.until("key preview", async () => (await driver.text("[data-testid=key-preview-fingerprint]").catch(() => "")) || false);
  assert.equal(shown, wardPrint);
  assert.match(await driver.text("#key-preview"), /Công an phường Yên Hải/);
  await driver.click("#key-pin");
  await driver.until("pinned", async () => /Đã ghi nhận khóa của Công an phường Yên Hải/.test(await driver.text("[data-testid=ward-key]").catch(() => "")));
  assert.match(await driver.text("[data-testid=export-sealing]"), /chỉ Công an phường Yên Hải mở được/);
  await driver.click("#package-export");
  await driver.until("the warning", async () => /chưa khóa sổ/.test(await driver.text("#package-confirm").catch(() => "")));
  await driver.click("#package-export-anyway");
  await driver.until("exported", async () => /Đã xuất tệp gửi phường/.test(await driver.text("[data-testid=send-notice]")));
  await close();
  const files = readdirSync(outbox);
  assert.equal(files.length, 1);
  assert.match(files[0], /^TTQ_22_07069_.*\.ttq$/);
  const bytes = readFileSync(join(outbox, files[0]));
  assert.ok(bytes.subarray(0, 21).toString() === "age-encryption.org/v1", "an age file");
  assert.ok(!bytes.includes(Buffer.from("Thôn Đông")), "no group data in the clear");

  // The ward takes it in through the usual preview.
  await open({ TTQ_DATA_DIR: wardDir, TTQ_OPEN_DIR: outbox });
  await driver.click("#import-choose");
  const preview = await driver.until("preview", async () => {
    const t = await driver.text("[data-testid=import-outcomes]").catch(() => "");
    return /Sẵn sàng nhận/.test(t) ? t : false;
  });
  assert.match(preview, /Tổ bảo vệ ANTT Thôn Đông/);
  assert.match(preview, /1 vụ việc, tin báo/);
  await driver.click("#import-apply");
  await driver.until("imported", async () => /Đã nhận 1\/1 tệp/.test(await driver.text("[data-testid=ward-notice]")));
  await close();
});

test("leavers past the group's retention are listed, then anonymised on confirmation", { timeout: 240000 }, async () => {
  const { mid } = lastMonth();
  initGroup(leaverDir);
  const add = (name) => JSON.parse(ttq(leaverDir, "member", "add", "--name", name, "--birth-date", "02/09/1970", "--joined-on", "01/03/2015", "--json")).id;
  const [old, recent] = [add("Đỗ Văn Cường"), add("Trần Thị Hoa")];
  ttq(leaverDir, "member", "leave", old, "--on", "15/06/2020", "--reason", "Chuyển nơi ở");
  ttq(leaverDir, "member", "leave", recent, "--on", mid, "--reason", "Sức khỏe yếu");

  await open({ TTQ_DATA_DIR: leaverDir });
  await driver.click("#nav-group");
  await driver.waitFor("#retention-years");
  await driver.type("#retention-years", "25");
  await driver.click("#retention-save");
  await driver.until("out of range", async () => /từ 1 đến 20/i.test(await driver.text("[data-testid=retention]")));
  await driver.type("#retention-years", "3");
  await driver.click("#retention-save");
  const due = await driver.until("the due list", async () => (await driver.text("[data-testid=retention-due]").catch(() => "")) || false);
  assert.match(due, /1 người đã rời tổ quá 3 năm/);
  assert.match(due, /Đỗ Văn Cường: rời tổ ngày 15\/06\/2020, đến hạn ngày 15\/06\/2023/);
  assert.doesNotMatch(due, /Trần Thị Hoa/);

  // The member list shows the same list; nothing happens before the confirmation.
  await driver.click("#nav-members");
  await driver.until("banner on the list", async () => /Đỗ Văn Cường/.test(await driver.text("[data-testid=retention-due]").catch(() => "")));
  await driver.click("#retention-apply");
  await driver.click("#retention-cancel");
  await driver.exec("const s = document.querySelector('#member-status'); s.value = 'left'; s.dispatchEvent(new Event('change', {bubbles: true}));");
  await driver.until("still named", async () => /Đỗ Văn Cường/.test(await driver.text("[data-testid=member-table]").catch(() => "")));
  await driver.click("#retention-apply");
  await driver.click("#retention-confirm");
  await driver.until("done", async () => /Đã ẩn danh dữ liệu cá nhân của 1 người/.test(await driver.text("[data-testid=retention-note]").catch(() => "")));
  await driver.until("gone from the list", async () => {
    const t = await driver.text("[data-testid=member-table]");
    return !/Đỗ Văn Cường/.test(t) && /Trần Thị Hoa/.test(t) && /Tổ viên đã ẩn danh/.test(t);
  });
  await close();
  assert.match(ttq(leaverDir, "member", "anonymise-due"), /Không có ai/);
});
