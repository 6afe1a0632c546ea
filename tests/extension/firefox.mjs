// Firefox with the Firefox tests' build of the extension (target/extension-test-firefox) installed
// as a temporary add-on, driven by WebDriver BiDi, which Firefox speaks itself (playwright-core
// drives only its own patched Firefox). The extension's pages get a fixed address (its UUID set
// by a preference), and the build opens its panel in a tab when installed.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { testBuild } from "./helpers.mjs";

/** Firefox: $FIREFOX, else Debian's ESR or release, else none (the Firefox tests are skipped). */
export const FIREFOX = process.env.FIREFOX ?? ["/usr/bin/firefox-esr", "/usr/bin/firefox"].find((f) => fs.existsSync(f)) ?? null;
export const firefoxBuild = `${testBuild}-firefox`;
const GECKO_ID = "gisty@gisty.extension";
const UUID = "3f5c1a52-8d2e-4b7a-9c61-0e4f2a9b7d10";

// Node 22 has a WebSocket; Node 20 has it behind a flag, and playwright-core bundles one.
const WebSocketClass = globalThis.WebSocket ?? (await import("playwright-core/lib/utilsBundle")).ws;

/**
 * Starts headless Firefox with a fresh profile and the extension installed; returns
 * { send, evaluate, panel, close }: a BiDi command, a script evaluated in a browsing context
 * (its result as JSON, parsed), the panel's context, and the way to stop it all.
 */
export async function launchFirefox() {
  assert.ok(fs.existsSync(path.join(firefoxBuild, "manifest.json")), `${firefoxBuild} is missing: run scripts/test-extension.sh`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "gisty-firefox-"));
  fs.writeFileSync(
    path.join(profile, "user.js"),
    `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [GECKO_ID]: UUID }))});\n`,
  );
  const firefox = spawn(FIREFOX, ["--headless", "--no-remote", "--remote-debugging-port", "0", "--profile", profile], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const close = async () => {
    socket?.close();
    if (firefox.exitCode === null) {
      const exited = new Promise((resolve) => firefox.once("exit", resolve));
      firefox.kill();
      await exited;
    }
    fs.rmSync(profile, { recursive: true, force: true });
  };
  let socket;
  try {
    const address = await new Promise((resolve, reject) => {
      let log = "";
      const listen = (chunk) => {
        log += chunk;
        const m = /WebDriver BiDi listening on (ws:\/\/[\d.:]+)/.exec(log);
        if (m) resolve(m[1]);
      };
      firefox.stdout.on("data", listen);
      firefox.stderr.on("data", listen);
      firefox.once("exit", (code) => reject(new Error(`Firefox exited (${code}): ${log}`)));
      setTimeout(() => reject(new Error(`Firefox did not start BiDi in 30 s: ${log}`)), 30_000).unref();
    });
    socket = new WebSocketClass(`${address}/session`);
    await new Promise((resolve, reject) => {
      socket.onopen = resolve;
      socket.onerror = () => reject(new Error(`cannot connect to ${address}`));
    });
    let nextId = 1;
    const waiting = new Map();
    socket.onmessage = ({ data }) => {
      const message = JSON.parse(String(data));
      const w = waiting.get(message.id);
      if (!w) return;
      waiting.delete(message.id);
      if (message.type === "error") w.reject(new Error(`${message.error}: ${message.message}`));
      else w.resolve(message.result);
    };
    const send = (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        socket.send(JSON.stringify({ id, method, params }));
      });
    /** `expression`'s value (awaited, through JSON) in browsing context `context`. */
    const evaluate = async (context, expression) => {
      const answer = await send("script.evaluate", {
        expression: `Promise.resolve(${expression}).then((v) => JSON.stringify(v ?? null))`,
        target: { context },
        awaitPromise: true,
      });
      if (answer.type === "exception") throw new Error(`${expression}: ${answer.exceptionDetails.text}`);
      return JSON.parse(answer.result.value);
    };
    await send("session.new", { capabilities: {} });
    await send("webExtension.install", { extensionData: { type: "path", path: firefoxBuild } });
    let panel = null;
    for (let i = 0; i < 100 && !panel; i += 1) {
      const { contexts } = await send("browsingContext.getTree", {});
      panel = contexts.find((c) => c.url.startsWith(`moz-extension://${UUID}/panel.html`))?.context ?? null;
      if (!panel) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(panel, "the Firefox tests' build opened its panel in a tab");
    return { send, evaluate, panel, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Polls `expression` in `context` until it is true (20 s at most). */
export async function waitFor(ff, context, expression) {
  for (let i = 0; i < 200; i += 1) {
    if (await ff.evaluate(context, expression).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`timed out waiting for ${expression}`);
}
