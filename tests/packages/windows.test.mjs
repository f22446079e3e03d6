// The core as Windows runs it: the cross-built ttq.exe (dist/windows, made by
// scripts/package.sh) under Debian's wine64, in a throw-away prefix, with a data folder whose
// path has Vietnamese letters and spaces. It makes the demo, finds a member by a name typed
// without diacritics, prints the monthly report (checked here with poppler like every other
// report), sends a month that the Linux build takes in at a ward, and takes in a month the
// Linux build sent. Then the installer is run silently: per user, no administrator, the exes
// and shortcuts where a user finds them, and its uninstaller keeps the data.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";

const root = resolve(import.meta.dirname, "../..");
const dist = join(root, "dist");
const exe = join(dist, "windows/ttq.exe");
const cli = process.env.TTQ_CLI ?? join(root, "target/debug/ttq");
// One instant for both builds, so the months they report are the same on any day.
const NOW = "2026-12-02T09:00:00+07:00";
const prefix = mkdtempSync(join(tmpdir(), "ttq-wine-"));
const linux = mkdtempSync(join(tmpdir(), "ttq-wine-linux-"));
const env = {
  ...process.env,
  WINEPREFIX: prefix,
  WINEARCH: "win64",
  WINEDEBUG: "-all",
  // No Mono or Gecko prompts; the stand-in ProcessPrng beside the exe before Wine's own;
  // shortcuts stay .lnk files in the prefix (no Linux menu entries made from them).
  WINEDLLOVERRIDES: "mscoree,mshtml=;bcryptprimitives=n,b;winemenubuilder.exe=d",
  // Wine links the Windows user's folders (Desktop, Documents) to $HOME's: keep them apart.
  HOME: linux,
  LANG: "C.UTF-8",
  TTQ_TEST_NOW: NOW,
};
delete env.TTQ_DATA_DIR;
delete env.DISPLAY;

/** The Unix path of a Windows path inside the prefix (`C:\…` only). */
const unix = (win) => join(prefix, "drive_c", ...win.slice(3).split("\\"));
const HOME_DIR = "C:\\users\\Nguyễn Văn An";
const DATA = `${HOME_DIR}\\Dữ liệu tổ`;
const WARD = `${HOME_DIR}\\Dữ liệu phường`;

function wine(...args) {
  const r = spawnSync("wine", args, { env, encoding: "utf8", timeout: 120000 });
  return { code: r.status, out: r.stdout ?? "", err: r.stderr ?? "" };
}

/** Runs ttq.exe and returns what it printed; fails the test on a non-zero exit. */
function ttqExe(...args) {
  const r = wine("C:\\ttq\\ttq.exe", ...args);
  assert.equal(r.code, 0, `ttq.exe ${args.join(" ")}: ${r.err}`);
  return r.out;
}

function ttq(...args) {
  return execFileSync(cli, args, { env: { ...process.env, TTQ_TEST_NOW: NOW }, encoding: "utf8" });
}

before(() => {
  assert.ok(existsSync(exe), `${exe} is missing: run scripts/package.sh first`);
  const boot = spawnSync("wineboot", ["-i"], { env, encoding: "utf8", timeout: 300000 });
  assert.equal(boot.status, 0, boot.stderr);
  const bin = join(prefix, "drive_c/ttq");
  mkdirSync(bin, { recursive: true });
  copyFileSync(exe, join(bin, "ttq.exe"));
  execFileSync("x86_64-w64-mingw32-gcc", ["-shared", "-O2", "-o", join(bin, "bcryptprimitives.dll"),
    join(root, "tests/packages/bcryptprimitives.c"), "-ladvapi32", "-Wl,--kill-at"]);
  mkdirSync(unix(HOME_DIR), { recursive: true });
});

after(() => {
  spawnSync("wineserver", ["-k"], { env });
  rmSync(prefix, { recursive: true, force: true });
  rmSync(linux, { recursive: true, force: true });
});

test("both exes say what they are in Explorer's Properties", () => {
  const version = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "(.*)"/m)[1];
  for (const name of ["ttq-desktop.exe", "ttq.exe"]) {
    const bytes = readFileSync(join(dist, "windows", name));
    const has = (s) => bytes.includes(Buffer.from(s, "utf16le"));
    for (const field of ["ProductName", "CompanyName", "FileVersion"]) assert.ok(has(field), `${name}: no ${field}`);
    assert.ok(has("Tổ tự quản ANTT"), `${name}: no product name`);
    assert.ok(has(version), `${name}: no version ${version}`);
  }
});

test("ttq.exe keeps a group in a folder named in Vietnamese and prints its report", () => {
  ttqExe("--data-dir", DATA, "demo");
  assert.ok(existsSync(join(unix(DATA), "ttq.sqlite")), readdirSync(unix(HOME_DIR)).join(", "));
  const found = ttqExe("--data-dir", DATA, "member", "list", "--search", "hao");
  assert.match(found, /Nguyễn Thị Thanh Hảo/);

  const pdf = `${HOME_DIR}\\Báo cáo tháng 11.pdf`;
  ttqExe("--data-dir", DATA, "report", "monthly", "--month", "2026-11", "--out", pdf);
  const path = unix(pdf);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" });
  assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.match(text, /BÁO CÁO/);
  assert.match(text, /tháng 11 năm 2026/i);
  const fonts = execFileSync("pdffonts", [path], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
  assert.ok(fonts.length > 0 && fonts.every((l) => / yes +yes +yes /.test(l) || / yes +yes +no /.test(l)), fonts.join("\n"));
  execFileSync("qpdf", ["--check", path]);
});

test("a month sent by ttq.exe is taken in by the Linux ward, and the other way round", () => {
  const outbox = `${HOME_DIR}\\Gửi phường`;
  const said = ttqExe("--data-dir", DATA, "export", "--month", "2026-11", "--out", outbox);
  assert.match(said, /Đã xuất tệp gửi phường/);
  const [file] = readdirSync(unix(outbox));
  // A name NTFS takes: ASCII letters, digits, dashes and underscores.
  assert.match(file, /^TTQ_\d{2}_\d{5}_[a-z0-9-]+_2026-11\.zip$/);
  const group = JSON.parse(ttqExe("--data-dir", DATA, "group", "--json"));
  const ward = join(linux, "phường");
  ttq("--data-dir", ward, "ward", "init", "--name", `Công an ${group.commune_name}`, "--province-code", group.province_code,
    "--province-name", group.province_name, "--commune-code", group.commune_code, "--commune-name", group.commune_name);
  assert.match(ttq("--data-dir", ward, "import", join(unix(outbox), file)), new RegExp(group.name));

  // The Linux build's month into a ward kept by ttq.exe.
  const g = join(linux, "tổ");
  ttq("--data-dir", g, "init", "--name", "Tổ bảo vệ ANTT Thôn Đông", "--province-code", "22", "--province-name", "Quảng Ninh",
    "--commune-code", "07069", "--commune-name", "Phường Yên Hải", "--area-kind", "thon", "--area-name", "Thôn Đông",
    "--police-unit", "Công an phường Yên Hải", "--leader-name", "Lê Văn Thành", "--leader-birth-date", "10/10/1965");
  const sent = join(prefix, "drive_c/users/Nguyễn Văn An/Từ Linux");
  ttq("--data-dir", g, "export", "--month", "2026-11", "--out", sent);
  const [linuxFile] = readdirSync(sent);
  ttqExe("--data-dir", WARD, "ward", "init", "--name", "Công an phường Yên Hải", "--province-code", "22",
    "--province-name", "Quảng Ninh", "--commune-code", "07069", "--commune-name", "Phường Yên Hải");
  const taken = ttqExe("--data-dir", WARD, "import", `${HOME_DIR}\\Từ Linux\\${linuxFile}`);
  assert.match(taken, /Tổ bảo vệ ANTT Thôn Đông/);
  const status = JSON.parse(ttqExe("--data-dir", WARD, "ward", "status", "--month", "2026-11", "--months", "1", "--json"));
  assert.equal(status.groups.length, 1);
});

test("the installer installs per user, upgrades in place and its uninstaller keeps the data", () => {
  const [setup] = readdirSync(dist).filter((f) => /^to-tu-quan-antt-.*-setup\.exe$/.test(f));
  assert.ok(setup, "no installer in dist/");
  const size = readFileSync(join(dist, setup)).length;
  assert.ok(size < 10 * 1024 * 1024, `the installer is ${size} bytes, over 10 MB`);
  const run = (...args) => {
    const r = spawnSync("wine", [join(dist, setup), "/S", ...args], { env, encoding: "utf8", timeout: 180000 });
    assert.equal(r.status, 0, r.stderr);
  };
  run();
  const installed = join(prefix, "drive_c/users", process.env.USER ?? "root", "AppData/Local/Programs/Tổ tự quản ANTT");
  for (const f of ["ttq-desktop.exe", "ttq.exe", "WebView2Loader.dll", "Gỡ cài đặt.exe"]) {
    assert.ok(existsSync(join(installed, f)), `${f} missing in ${installed}: ${existsSync(installed) ? readdirSync(installed) : "no folder"}`);
  }
  const links = spawnSync("find", ["-L", join(prefix, "drive_c/users"), "-name", "Tổ tự quản ANTT.lnk"], { encoding: "utf8" }).stdout;
  assert.match(links, /Start Menu/);
  assert.match(links, /Desktop/);

  // The installed ttq.exe finds the data in %APPDATA%\vn.ttq.app, as the app will (with the
  // test's stand-in for Wine 8 beside it, as in C:\ttq).
  copyFileSync(join(prefix, "drive_c/ttq/bcryptprimitives.dll"), join(installed, "bcryptprimitives.dll"));
  const appdata = join(prefix, "drive_c/users", process.env.USER ?? "root", "AppData/Roaming/vn.ttq.app");
  const r = wine(`C:\\users\\${process.env.USER ?? "root"}\\AppData\\Local\\Programs\\Tổ tự quản ANTT\\ttq.exe`, "demo");
  assert.equal(r.code, 0, r.err);
  assert.ok(existsSync(join(appdata, "ttq.sqlite")), "the default data folder is %APPDATA%\\vn.ttq.app");

  // Again over itself (an upgrade), then removed: the data stays.
  writeFileSync(join(installed, "left-by-the-old-version.txt"), "x");
  run();
  assert.ok(existsSync(join(installed, "ttq.exe")));
  const un = spawnSync("wine", [join(installed, "Gỡ cài đặt.exe"), "/S", `_?=C:\\users\\${process.env.USER ?? "root"}\\AppData\\Local\\Programs\\Tổ tự quản ANTT`],
    { env, encoding: "utf8", timeout: 120000 });
  assert.equal(un.status, 0, un.stderr);
  assert.ok(!existsSync(join(installed, "ttq.exe")), "the program is removed");
  assert.ok(existsSync(join(appdata, "ttq.sqlite")), "the data is kept");
});
