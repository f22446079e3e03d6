// A minimal W3C WebDriver client over fetch, enough to drive the app through tauri-driver.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class Driver {
  constructor(base, sessionId) {
    this.base = base;
    this.sessionId = sessionId;
  }

  static async start(base, application) {
    // tauri-driver answers /status before WebKitWebDriver listens; the first session request
    // can then fail with "connection refused", so try a few times.
    let last;
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        const res = await request(base, "POST", "/session", {
          capabilities: { alwaysMatch: { "tauri:options": { application } } },
        });
        return new Driver(base, res.sessionId);
      } catch (e) {
        last = e;
        await sleep(500);
      }
    }
    throw last;
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.sessionId}${path}`, body);
  }

  /** Uncaught errors the UI recorded (see ui/src/main.ts); tests end by expecting none. */
  async uiErrors() {
    return (await this.exec("return window.__ttqErrors ?? [];")) ?? [];
  }

  async quit() {
    await this.cmd("DELETE", "");
  }

  async find(css) {
    const el = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return el[ELEMENT];
  }

  async findAll(css) {
    const els = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return els.map((e) => e[ELEMENT]);
  }

  /** Waits until `css` matches a displayed element and returns it. */
  async waitFor(css, timeoutMs = 15000) {
    const end = Date.now() + timeoutMs;
    let last;
    while (Date.now() < end) {
      try {
        const id = await this.find(css);
        if (await this.cmd("GET", `/element/${id}/displayed`)) return id;
      } catch (e) {
        last = e;
      }
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${css}: ${last?.message ?? "not displayed"}`);
  }

  /** Waits until `fn` returns a truthy value. */
  async until(what, fn, timeoutMs = 15000) {
    const end = Date.now() + timeoutMs;
    let value;
    while (Date.now() < end) {
      try {
        value = await fn();
        if (value) return value;
      } catch {
        // the page may be re-rendering
      }
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what} (last value: ${JSON.stringify(value)})`);
  }

  async click(css) {
    const id = await this.waitFor(css);
    // Elements inside scrolling panels are not always scrolled into view by the driver.
    await this.exec("arguments[0].scrollIntoView({block: 'center'})", [{ [ELEMENT]: id }]);
    await this.cmd("POST", `/element/${id}/click`, {});
  }

  async type(css, text, { clear = true } = {}) {
    const id = await this.waitFor(css);
    if (clear) await this.cmd("POST", `/element/${id}/clear`, {});
    await this.cmd("POST", `/element/${id}/value`, { text });
  }

  async text(css) {
    const id = await this.waitFor(css);
    return this.cmd("GET", `/element/${id}/text`);
  }

  async texts(css) {
    const ids = await this.findAll(css);
    return Promise.all(ids.map((id) => this.cmd("GET", `/element/${id}/text`)));
  }

  async exec(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  async screenshot() {
    // WebKitWebDriver answers with the next painted frame: on a page where nothing repaints
    // (no blinking caret in a focused field) it waits forever. A 2-pixel corner flickering
    // between two near-white shades while the screenshot is taken gives it that frame.
    await this.exec(`
      const d = document.createElement("div");
      d.id = "__ttq-repaint";
      d.style.cssText = "position:fixed;left:0;bottom:0;width:2px;height:2px;background:rgb(255,255,255);pointer-events:none;z-index:2147483647";
      document.body.appendChild(d);
      window.__ttqRepaint = setInterval(() => {
        d.style.background = d.style.background === "rgb(255, 255, 255)" ? "rgb(254, 254, 254)" : "rgb(255, 255, 255)";
      }, 30);`);
    try {
      return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
    } finally {
      await this.exec(`clearInterval(window.__ttqRepaint); document.getElementById("__ttq-repaint")?.remove();`);
    }
  }
}

async function request(base, method, path, body) {
  // A command that never answers must fail the test, not stall CI.
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60000),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json.value ?? json)}`);
  }
  return json.value;
}

/** A TCP port nobody listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts tauri-driver on free ports with `env` and waits until it answers. */
export async function startTauriDriver(env) {
  const port = await freePort();
  const native = await freePort();
  // Its own process group, so stopping it also stops WebKitWebDriver and the app: an app
  // left running keeps this test file's output open and the test runner waiting forever.
  const child = spawn("tauri-driver", ["--port", String(port), "--native-port", String(native)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  const base = `http://127.0.0.1:${port}`;
  const end = Date.now() + 20000;
  while (Date.now() < end) {
    try {
      const res = await fetch(`${base}/status`);
      if (res.ok) return { child, base, stop };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  stop();
  throw new Error("tauri-driver did not start");
}
