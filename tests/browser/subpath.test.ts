// The default study built for a sub-path (--base /supplement/) and served only there, as on a
// journal's supplementary-material host: every page, stylesheet, font, script, download and
// search result must stay under the sub-path.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSite, type Session } from "./serve.ts";

let session: Session;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), "subpath-"));
  const run = spawnSync(process.execPath, ["scripts/build.ts", "--base", "/supplement/", "--out", out], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  session = await openSite(out, "/supplement/");
}, 180_000);

afterAll(async () => {
  await session?.close();
});

describe("a site hosted under a sub-path", () => {
  it("loads its pages, styles, fonts and scripts from the sub-path only", async () => {
    const page = await session.browser.newPage();
    const failed: string[] = [];
    page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    page.on("requestfailed", (r) => failed.push(r.url()));
    page.on("console", (m) => m.type() === "error" && failed.push(m.text()));
    for (const path of ["", "zh/methods/", "spatial/", "units/440000/", "data/"]) {
      await page.goto(`${session.origin}/supplement/${path}`, { waitUntil: "load" });
      const links = await page.$$eval("a[href], link[href], script[src]", (els) => els.map((e) => (e as HTMLAnchorElement).href || (e as HTMLScriptElement).src));
      for (const link of links) if (!link.includes("#")) expect(new URL(link).pathname, `${path}: ${link}`).toMatch(/^\/supplement\//);
    }
    await page.locator('.year-control a[data-year="2013"]').count();
    expect(failed).toEqual([]);
    for (const file of ["downloads/scores.csv", "files/nqp-strategic-regions-all.zip", "charts/map-2013.svg", "zh/charts/weights.csv"]) {
      expect((await fetch(`${session.origin}/supplement/${file}`)).status, file).toBe(200);
    }
    await page.close();
  });

  it("finds pages with search and links them under the sub-path", async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.origin}/supplement/search/?q=Guangdong`);
    await page.locator(".search-results li").first().waitFor({ timeout: 15_000 });
    const hrefs = await page.$$eval(".search-results a", (as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toContain("/supplement/units/440000/");
    for (const href of hrefs) expect((await fetch(`${session.origin}${href}`)).status, href ?? "").toBe(200);
    await page.close();
  });
});
