// scripts/static-server.mjs: the right types for a module page with wasm, and nothing outside
// www/ however the path is spelled.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import path from "node:path";
import { start } from "../../scripts/static-server.mjs";
import { root } from "./helpers.mjs";

let server;
let port;

before(async () => {
  ({ server } = await start({ root: path.join(root, "www"), port: 0 }));
  port = server.address().port;
  assert.equal(server.address().address, "127.0.0.1", "loopback only");
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A raw request (fetch would normalize the "..", which is the point here). */
function get(target, method = "GET") {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: target, method }, (res) => {
      res.resume();
      res.on("end", () => resolve(res));
    });
    req.on("error", reject);
    req.end();
  });
}

test("the page's files, with their types and the page's policy", async () => {
  for (const [file, type] of [
    ["/", "text/html; charset=utf-8"],
    ["/app.js", "text/javascript; charset=utf-8"],
    ["/style.css", "text/css; charset=utf-8"],
    ["/pkg/gisty_bg.wasm", "application/wasm"],
  ]) {
    const res = await get(file);
    assert.equal(res.statusCode, 200, file);
    assert.equal(res.headers["content-type"], type, file);
    assert.match(res.headers["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'/);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
  }
  assert.equal((await get("/pkg")).headers.location, "/pkg/");
  assert.equal((await get("/", "POST")).statusCode, 405);
});

test("nothing outside www/: no .., no encoded .., no dotfiles", async () => {
  for (const target of [
    "/../Cargo.toml",
    "/%2e%2e/Cargo.toml",
    "/pkg/..%2f..%2fCargo.toml",
    "/..%5cCargo.toml",
    "/%2e%2e%2f%2e%2e%2fetc/passwd",
    "/.gitignore",
    "/app.js%00.html",
    "/%E0%A4%A",
  ]) {
    const res = await get(target);
    assert.ok([400, 404].includes(res.statusCode), `${target}: ${res.statusCode}`);
  }
});
