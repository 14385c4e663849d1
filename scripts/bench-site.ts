// Site benchmark (not a test): `npm run bench:site [-- --pages /,/map/]`.
//
// 1. A clean build of the default study (compute and render), timed, into a temporary folder.
// 2. The size of the output: files, bytes, and each HTML page raw and gzip-compressed.
// 3. Lighthouse on a few pages served over HTTP from this machine, with Debian's Chromium:
//    performance and accessibility scores, largest contentful paint, total blocking time.
// Prints plain lines, once.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import sirv from "sirv";

const { values } = parseArgs({
  options: { pages: { type: "string", default: "/,/map/,/units/440000/" } },
});
const pages = values.pages.split(",").map((p) => p.trim());

const out = mkdtempSync(join(tmpdir(), "bench-site-"));
rmSync(".cache", { recursive: true, force: true });
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

const server = createServer(sirv(out, { dev: false }));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
try {
  console.log("lighthouse (desktop, no throttling of this machine's own server):");
  for (const page of pages) {
    const result = await lighthouse(`${origin}${page}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      formFactor: "desktop",
      screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
      throttlingMethod: "simulate",
    });
    if (!result) throw new Error(`lighthouse gave no result for ${page}`);
    const lhr = result.lhr;
    const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    console.log(
      `  ${pad(page, 22)} performance ${score("performance")}  accessibility ${score("accessibility")}  ` +
        `LCP ${(audit("largest-contentful-paint") / 1000).toFixed(2)} s  TBT ${audit("total-blocking-time").toFixed(0)} ms`,
    );
  }
} finally {
  chrome.kill();
  server.close();
  rmSync(out, { recursive: true, force: true });
}
