// What several end-to-end tests start from: the built binaries, a group made with the CLI,
// and last month in Vietnam time.
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
/** The app and CLI under test (debug builds unless TTQ_APP / TTQ_CLI say otherwise). */
export const app = process.env.TTQ_APP ?? join(root, "target/debug/ttq-desktop");
export const cli = process.env.TTQ_CLI ?? join(root, "target/debug/ttq");

/** Runs the CLI on a data folder and returns what it printed. */
export function ttq(dir, ...args) {
  return execFileSync(cli, ["--data-dir", dir, ...args], { encoding: "utf8" });
}

/** Sets up "Tổ bảo vệ ANTT Thôn Đông" in Phường Yên Hải with its leader Lê Văn Thành. */
export function initGroup(dir) {
  ttq(
    dir, "init", "--name", "Tổ bảo vệ ANTT Thôn Đông", "--province-code", "22", "--province-name", "Quảng Ninh",
    "--commune-code", "07069", "--commune-name", "Phường Yên Hải", "--area-kind", "thon", "--area-name", "Thôn Đông",
    "--police-unit", "Công an phường Yên Hải", "--leader-name", "Lê Văn Thành", "--leader-birth-date", "10/10/1965",
  );
}

/** Last month in Vietnam time: `YYYY-MM`, its `MM`, its year, and dd/mm/yyyy of its 15th. */
export function lastMonth() {
  const vn = new Date(Date.now() + 7 * 3600 * 1000);
  const d = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth() - 1, 15));
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  const year = d.getUTCFullYear();
  return { month: `${year}-${mm}`, mm, year, mid: `15/${mm}/${year}` };
}
