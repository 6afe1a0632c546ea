// A small static file server for the page: loopback only, GET and HEAD only, nothing outside its
// root (no "..", no symlink out, no dotfiles), and the MIME types a module page with wasm needs.
// usage: node scripts/static-server.mjs [--root DIR] [--port N] [--strict-port]
//   --root DIR      what to serve (default: www)
//   --port N        the port (default: $PORT, else 8080); 0 lets the system pick a free one.
//                   When N is taken, the next ones are tried, unless --strict-port.
// Prints "gisty is running at http://127.0.0.1:PORT/" once it listens; Ctrl-C stops it.
// Also a module: tests import { start } to serve www/ in-process.

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HOST = "127.0.0.1";
const TRIES = 20;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

// The page's own policy (its meta tag says the same), sent with every file so that the worker,
// which a meta tag does not cover, is held to it too.
const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

/** A request handler serving the files under `root`. */
export function handler(root) {
  const base = fs.realpathSync(root);
  return (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      return send(405, "Method not allowed\n", { Allow: "GET, HEAD" });
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      return send(400, "Bad request\n");
    }
    const segments = pathname.split("/").filter(Boolean);
    if (pathname.includes("\0") || segments.some((s) => s.startsWith(".") || s.includes("\\"))) {
      return send(404, "Not found\n");
    }
    let file = path.join(base, ...segments);
    try {
      file = fs.realpathSync(file);
      if (file !== base && !file.startsWith(base + path.sep)) return send(404, "Not found\n");
      if (fs.statSync(file).isDirectory()) {
        if (!pathname.endsWith("/")) return send(301, "", { Location: `${pathname}/` });
        file = path.join(file, "index.html");
      }
      const body = fs.readFileSync(file);
      const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
      return send(200, body, {
        "Content-Type": type,
        "Content-Length": body.length,
        "Cache-Control": "no-cache",
        "Content-Security-Policy": POLICY,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      });
    } catch {
      return send(404, "Not found\n");
    }
  };
}

/**
 * Serves `root` on 127.0.0.1 from `port` (the next free one unless `strict`).
 * Resolves to { server, url }.
 */
export async function start({ root, port = 8080, strict = false }) {
  const server = http.createServer(handler(root));
  for (let tries = 1; ; tries += 1) {
    try {
      await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, HOST, () => {
          server.off("error", reject);
          resolve();
        });
      });
      break;
    } catch (e) {
      if (e.code !== "EADDRINUSE" || strict || port === 0 || tries >= TRIES) throw e;
      port += 1;
    }
  }
  return { server, url: `http://${HOST}:${server.address().port}/` };
}

function main(args) {
  const options = { root: "www", port: Number(process.env.PORT || 8080), strict: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === "--root") options.root = args[++i];
    else if (arg === "--port") options.port = Number(args[++i]);
    else if (arg === "--strict-port") options.strict = true;
    else {
      console.error(`static-server: unknown argument ${arg}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    console.error("static-server: the port must be a whole number from 0 to 65535");
    process.exit(2);
  }
  if (!fs.existsSync(path.join(options.root ?? "", "index.html"))) {
    console.error(`static-server: ${options.root}/index.html does not exist`);
    process.exit(1);
  }
  start(options).then(
    ({ url }) => console.log(`gisty is running at ${url}\nCtrl-C stops it.`),
    (e) => {
      const why = e.code === "EADDRINUSE" ? `port ${options.port} and the next ones are taken` : e.message;
      console.error(`static-server: cannot listen on ${HOST}: ${why}`);
      process.exit(1);
    },
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
