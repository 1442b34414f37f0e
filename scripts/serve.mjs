// A small static server for the demo: serves www/ and pkg/ from the repo with a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'), as an embedding page would.
// Usage: node scripts/serve.mjs [port]   (PORT env or argument; 0 picks a free port)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const served = ["www", "pkg"];
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
};
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export function serve(port = 8080, host = "127.0.0.1") {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let path = decodeURIComponent(url.pathname);
    if (path === "/" || path === "/www") {
      res.writeHead(302, { Location: "/www/" });
      return res.end();
    }
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    const top = file.slice(root.length + 1).split("/")[0];
    if (!file.startsWith(root + "/") || !served.includes(top)) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      return res.end("not found");
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": types[extname(file)] ?? "application/octet-stream",
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const server = await serve(port);
  const { address, port: bound } = server.address();
  console.log(`newslens demo: http://${address}:${bound}/www/`);
}
