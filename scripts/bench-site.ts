// Site benchmark (not a test): `npm run bench:site [-- --pages /,/spatial/] [--no-gzip] [--no-audit]`.
//
// 1. A clean build of the default study (compute and render, without Astro's and Vite's caches),
//    timed, into a temporary folder.
// 2. The size of the output: files, bytes, and each HTML page raw and gzip-compressed.
// 3. Lighthouse on a few pages served over HTTP from this machine, with Debian's Chromium:
//    performance and accessibility scores, largest contentful paint, total blocking time, and
//    every audit that keeps either score below 100.
// 4. `npm audit --omit=dev` on the runtime dependencies. The registry's audit service may refuse
//    (this workplace's mirror answers 405): that is printed as "not checked", with npm's own
//    message, and the script exits with code 2, so that a refused audit never reads as a pass.
// Prints plain lines, once.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Config } from "lighthouse";
import sirv from "sirv";

const { values } = parseArgs({
  options: {
    pages: { type: "string", default: "/,/spatial/,/units/440000/" },
    "no-audit": { type: "boolean", default: false },
    // Serve the files as they are, as a server without compression would.
    "no-gzip": { type: "boolean", default: false },
  },
});
const pages = values.pages.split(",").map((p) => p.trim());
const lighthouseVersion = JSON.parse(readFileSync("node_modules/lighthouse/package.json", "utf8")).version;

const out = mkdtempSync(join(tmpdir(), "bench-site-"));
// Astro's and Vite's caches live under node_modules/; the build's own work folders are removed
// by every build.
for (const cache of ["node_modules/.astro", "node_modules/.vite"]) rmSync(cache, { recursive: true, force: true });
const start = performance.now();
const build = spawnSync(process.execPath, ["scripts/build.ts", "--out", out], { encoding: "utf8" });
const buildSeconds = (performance.now() - start) / 1000;
if (build.status !== 0) {
  console.error(build.stdout + build.stderr);
  process.exit(1);
}
const step = (name: string) => build.stdout.split("\n").find((l) => l.startsWith(name)) ?? `${name}: ?`;

const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
const paths = files.map((e) => join(e.parentPath, e.name));
const bytes = paths.reduce((a, p) => a + statSync(p).size, 0);
const html = paths.filter((p) => p.endsWith(".html"));
const sizes = html.map((p) => {
  const text = readFileSync(p);
  return { page: p.slice(out.length).replace(/index\.html$/, ""), raw: text.length, gzip: gzipSync(text, { level: 9 }).length };
});
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const pad = (s: string, n: number) => s.padEnd(n);

console.log(`clean build (compute and render)     ${buildSeconds.toFixed(1)} s`);
console.log(`  ${step("read study")}`);
console.log(`  ${step("compute")}`);
console.log(`  ${step("render site")}`);
console.log(`dist: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB; ${html.length} HTML pages`);
const largest = [...sizes].sort((a, b) => b.gzip - a.gzip);
console.log(`largest pages (gzip):`);
for (const s of largest.slice(0, 5)) console.log(`  ${pad(s.page, 36)} ${pad(kb(s.raw), 10)} gzip ${kb(s.gzip)}`);
const total = sizes.reduce((a, s) => a + s.gzip, 0);
console.log(`all pages: ${kb(total)} gzip, mean ${kb(total / Math.max(1, sizes.length))}`);

// Served as a static host serves it: gzip-compressed when the browser accepts it.
const serve = sirv(out, { dev: false });
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const file = join(out, decodeURIComponent(url.pathname), url.pathname.endsWith("/") ? "index.html" : "");
  const compressible = /\.(html|css|js|svg|json|csv)$/.test(file) && existsSync(file);
  if (values["no-gzip"] || !compressible || !/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) return serve(req, res);
  res.setHeader("content-encoding", "gzip");
  res.setHeader("vary", "accept-encoding");
  const type = { html: "text/html", css: "text/css", js: "text/javascript", svg: "image/svg+xml", json: "application/json", csv: "text/csv" };
  res.setHeader("content-type", `${type[file.slice(file.lastIndexOf(".") + 1) as keyof typeof type]}; charset=utf-8`);
  res.end(gzipSync(readFileSync(file), { level: 6 }));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});

// Lighthouse's two presets: desktop (dense 4G, no CPU slowdown) and its default mobile one (slow
// 4G, CPU four times slower, a phone's screen), both simulated from one unthrottled load.
const presets: [string, Config | undefined][] = [
  ["desktop", desktopConfig],
  ["mobile", undefined],
];
const shortfalls = new Map<string, Set<string>>();
try {
  for (const [preset, config] of presets) {
    const served = values["no-gzip"] ? "uncompressed" : "gzip-compressed";
    console.log(`lighthouse ${lighthouseVersion}, ${preset} preset, pages served ${served} from this machine:`);
    for (const page of pages) {
      const flags = { port: chrome.port, output: "json" as const, logLevel: "error" as const, onlyCategories: ["performance", "accessibility"] };
      const result = await lighthouse(`${origin}${page}`, flags, config);
      if (!result) throw new Error(`lighthouse gave no result for ${page}`);
      const lhr = result.lhr;
      const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      console.log(
        `  ${pad(page, 22)} performance ${score("performance")}  accessibility ${score("accessibility")}  ` +
          `LCP ${(audit("largest-contentful-paint") / 1000).toFixed(2)} s  TBT ${audit("total-blocking-time").toFixed(0)} ms  ` +
          `FCP ${(audit("first-contentful-paint") / 1000).toFixed(2)} s  CLS ${audit("cumulative-layout-shift").toFixed(3)}`,
      );
      for (const category of ["performance", "accessibility"]) {
        for (const ref of lhr.categories[category]?.auditRefs ?? []) {
          const a = lhr.audits[ref.id];
          if (a.score === null || a.score >= (category === "accessibility" ? 1 : 0.9)) continue;
          if (!["binary", "numeric", "metricSavings"].includes(a.scoreDisplayMode)) continue;
          const line = `${category} ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`;
          shortfalls.set(line, (shortfalls.get(line) ?? new Set()).add(`${preset} ${page}`));
        }
      }
    }
  }
  console.log(shortfalls.size === 0 ? "audits below their mark: none" : "audits below their mark:");
  for (const [line, where] of shortfalls) console.log(`  ${line} [${[...where].join(", ")}]`);
} finally {
  chrome.kill();
  server.close();
  rmSync(out, { recursive: true, force: true });
}

// The runtime dependencies against the registry's advisories. npm exits 1 both when it finds
// vulnerabilities and when the registry refuses, so the JSON it prints tells which.
if (!values["no-audit"]) {
  const audit = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
  let report: { metadata?: { vulnerabilities?: Record<string, number> }; statusCode?: number; message?: string } = {};
  try {
    report = JSON.parse(audit.stdout);
  } catch {
    report = {};
  }
  const counts = report.metadata?.vulnerabilities;
  if (counts) {
    const found = Object.entries(counts).filter(([k, n]) => k !== "total" && n > 0).map(([k, n]) => `${n} ${k}`);
    console.log(`npm audit --omit=dev: ${found.length === 0 ? "no vulnerabilities" : found.join(", ")}`);
    if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) process.exitCode = 1;
  } else {
    const said = [report.message, ...audit.stderr.split("\n")].filter((l): l is string => Boolean(l?.trim()) && !l?.includes("complete log"));
    console.log("npm audit --omit=dev: NOT CHECKED, the registry refused the audit:");
    for (const line of new Set(said)) console.log(`  ${line}`);
    process.exitCode = 2;
  }
}
