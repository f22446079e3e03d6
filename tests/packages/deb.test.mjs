// The Debian package as a user installs it: `apt-get install ./…deb`, the CLI on the PATH,
// the app in the menu and started from where the package put it until its first screen
// answers, then removed with the user's data left alone. Needs root (CI runs as root) and
// an X server (the test command runs it under xvfb-run).
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";

const root = resolve(import.meta.dirname, "../..");
const dist = join(root, "dist");
const data = mkdtempSync(join(tmpdir(), "ttq-deb-data-"));
const version = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "(.*)"/m)[1];
const sh = (cmd, args) => execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
let pkg;

after(() => {
  if (pkg) spawn("apt-get", ["remove", "-y", "-q", pkg], { stdio: "ignore" });
  rmSync(data, { recursive: true, force: true });
});

test("the .deb installs, its app starts and answers, and it is removed cleanly", { timeout: 300000 }, async () => {
  const deb = readdirSync(dist).find((f) => f === `to-tu-quan-antt_${version}_amd64.deb`);
  assert.ok(deb, `no .deb in dist/: run scripts/package.sh --linux first`);
  pkg = sh("dpkg-deb", ["-f", join(dist, deb), "Package"]).trim();
  const files = sh("dpkg-deb", ["-c", join(dist, deb)]);
  assert.match(files, / (\.\/)?usr\/bin\/ttq-desktop\n/);
  assert.match(files, / (\.\/)?usr\/bin\/ttq\n/);
  assert.match(files, / (\.\/)?usr\/share\/applications\/.*\.desktop\n/);

  sh("apt-get", ["install", "-y", "-q", "--no-install-recommends", join(dist, deb)]);
  assert.equal(sh("ttq", ["--version"]).trim(), `ttq ${version}`);
  const desktop = sh("dpkg", ["-L", pkg]).split("\n").find((f) => f.endsWith(".desktop"));
  const entry = readFileSync(desktop, "utf8");
  assert.match(entry, /^Name=Tổ tự quản ANTT$/m);
  assert.match(entry, /^Exec=ttq-desktop/m);

  // A group made by the installed CLI, opened by the installed app: it answers once its
  // first screen ("Tháng này") is up.
  sh("ttq", ["--data-dir", data, "init", "--name", "Tổ bảo vệ ANTT Thôn Đông", "--province-code", "22", "--province-name", "Quảng Ninh",
    "--commune-code", "07069", "--commune-name", "Phường Yên Hải", "--area-kind", "thon", "--area-name", "Thôn Đông",
    "--police-unit", "Công an phường Yên Hải", "--leader-name", "Lê Văn Thành", "--leader-birth-date", "10/10/1965"]);
  const app = spawn("/usr/bin/ttq-desktop", [], { env: { ...process.env, TTQ_DATA_DIR: data }, stdio: ["ignore", "ignore", "pipe"] });
  let said = "";
  const ready = await new Promise((res) => {
    const timer = setTimeout(() => res(false), 60000);
    app.stderr.on("data", (d) => {
      said += d;
      if (/giao diện sẵn sàng sau \d+ ms/.test(said)) {
        clearTimeout(timer);
        res(true);
      }
    });
    app.on("exit", () => res(false));
  });
  app.kill();
  assert.ok(ready, `the installed app did not show its first screen: ${said}`);

  sh("apt-get", ["remove", "-y", "-q", pkg]);
  pkg = undefined;
  assert.ok(!existsSync("/usr/bin/ttq-desktop") && !existsSync("/usr/bin/ttq"), "both programs are gone");
  assert.ok(existsSync(join(data, "ttq.sqlite")), "the user's data stays");
});
