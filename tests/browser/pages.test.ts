// Pages of the built default study, loaded in headless Chromium over HTTP as a reader would, in
// both languages: no console error (a content security policy violation is one), no failed or
// outside request, charts with accessible names, internal links that resolve, tables that open
// without JavaScript, the map's year control, search in English and Chinese, copying a citation,
// and downloads with the right content type. Screenshots in both themes, wide and narrow, go to
// test-output/.
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { openSite, type Session } from "./serve.ts";
import { mainPages } from "../site/site.ts";

const siteDir = inject("siteDir");
const pages = [...mainPages.filter((p) => p !== "map/"), "regions/gba/", "units/440000/", "data-quality/"].flatMap((p) => (p === "data-quality/" ? [p] : [p, `zh/${p}`]));
let session: Session;

beforeAll(async () => {
  session = await openSite(siteDir);
  mkdirSync("test-output", { recursive: true });
});

afterAll(async () => {
  await session?.close();
});

describe("pages in a browser", () => {
  const checked = new Set<string>();
  for (const path of pages) {
    it(`/${path} loads cleanly, with named charts and working links`, async () => {
      const page = await session.browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      const outside: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("requestfailed", (r) => errors.push(`failed: ${r.url()}`));
      page.on("request", (r) => !r.url().startsWith(session.origin) && outside.push(r.url()));
      page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()}: ${r.url()}`));

      const response = await page.goto(`${session.origin}/${path}`, { waitUntil: "load" });
      expect(response?.status()).toBe(200);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);

      const title = await page.locator("h1").textContent();
      expect(title?.trim().length).toBeGreaterThan(0);
      expect(await page.getAttribute("html", "lang")).toBe(path.startsWith("zh/") ? "zh-CN" : "en");

      // Every chart and map is an image with an accessible name.
      const unnamed = await page.$$eval('svg[role="img"]', (svgs) =>
        svgs.filter((s) => !(s.getAttribute("aria-label") || s.getAttribute("aria-labelledby"))).length,
      );
      expect(unnamed).toBe(0);

      // The language switch leads to the same page in the other language.
      const other = await page.locator("a.lang-switch").getAttribute("href");
      if (path !== "data-quality/") expect(other).toBe(path.startsWith("zh/") ? `/${path.slice(3)}` : `/zh/${path}`);

      // Every internal link and anchor resolves (each target fetched once per run).
      const links = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of new Set(links)) {
        const url = new URL(href);
        expect(url.origin, href).toBe(session.origin);
        if (!checked.has(url.pathname)) {
          const res = await fetch(url.origin + url.pathname);
          expect(res.status, href).toBe(200);
          checked.add(url.pathname);
        }
        if (url.hash && url.pathname === new URL(page.url()).pathname) {
          expect(await page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`).count(), href).toBe(1);
        }
      }
      await page.close();
    });
  }

  it("draws the maps with their units, and the year control recolours the large map", async () => {
    const page = await session.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${session.origin}/spatial/`);
    const maps = await page.$$eval("svg.map", (svgs) => svgs.filter((s) => s.querySelectorAll("use.map-province").length >= 23).length);
    expect(maps).toBeGreaterThanOrEqual(11);
    const box = await page.locator("#map-explorer svg.map").boundingBox();
    expect(box?.width).toBeGreaterThan(600);
    const fill = () => page.locator('#map-explorer use.map-province[data-code="620000"]').getAttribute("fill");
    const last = await fill();
    const small2012 = await page.locator('#map-2012 use.map-province[data-code="620000"]').getAttribute("fill");
    await page.locator('.year-control a[data-year="2012"]').click();
    expect(await fill()).toBe(small2012);
    expect(await fill()).not.toBe(last);
    expect(await page.locator("#map-explorer .chart-title").textContent()).toBe("Composite score by province, 2012");
    expect(await page.locator('.year-control a[data-year="2012"]').getAttribute("aria-current")).toBe("true");
    expect(page.url()).not.toContain("#map-2012");
    await page.close();
  });

  it("falls back to the small multiples when JavaScript is off", async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${session.origin}/spatial/`);
    await page.locator('.year-control a[data-year="2014"]').click();
    expect(page.url()).toMatch(/#map-2014$/);
    expect(await page.locator("#map-2014").isVisible()).toBe(true);
    await context.close();
  });

  it("opens a chart's data table without JavaScript", async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.origin}/zh/levels/`);
    await page.locator("#regions-score summary").click();
    const rows = await page.locator("#regions-score table tbody tr").count();
    expect(rows).toBe(6 * 10);
    expect(await page.locator("#regions-score table").isVisible()).toBe(true);
    await context.close();
  });

  it("searches the report in English and in Chinese", async () => {
    const page = await session.browser.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${session.origin}/search/?q=transvariation`);
    await page.locator(".search-results li").first().waitFor({ timeout: 15_000 });
    const en = await page.$$eval(".search-results a", (as) => as.map((a) => a.getAttribute("href")));
    expect(en).toContain("/inequality/");
    await page.goto(`${session.origin}/zh/search/`);
    await page.locator("#search-input").fill("超变密度");
    await page.locator(".search-results li").first().waitFor({ timeout: 15_000 });
    const zh = await page.$$eval(".search-results a", (as) => as.map((a) => a.getAttribute("href")));
    expect(zh).toContain("/zh/inequality/");
    expect(zh.every((h) => h?.startsWith("/zh/"))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("copies a citation", async () => {
    const context = await session.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${session.origin}/cite/`);
    await page.locator('button[data-copy="cite-bibtex-text"]').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator("#cite-bibtex-text").textContent());
    expect(copied).toMatch(/^@misc\{/);
    await context.close();
  });

  it("serves the downloads with the right content type", async () => {
    for (const file of ["scores.csv", "weights.csv", "regions.csv", "dagum.csv", "panel.csv", "imputed.csv", "indicators.csv"]) {
      const res = await fetch(`${session.origin}/downloads/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get("content-type"), file).toMatch(/^text\/csv/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
    }
    const json = await fetch(`${session.origin}/downloads/results.json`);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    const zip = await fetch(`${session.origin}/files/nqp-strategic-regions-all.zip`);
    expect(zip.headers.get("content-type")).toMatch(/^application\/zip/);
    // The workbook is a zip archive too (its content type depends on the server).
    const xlsx = await fetch(`${session.origin}/files/nqp-strategic-regions-tables.xlsx`);
    expect(xlsx.status).toBe(200);
    expect([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it("takes screenshots in both themes, wide and narrow, and prints on A4", async () => {
    for (const scheme of ["light", "dark"] as const) {
      for (const width of [1200, 390]) {
        const context = await session.browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const page = await context.newPage();
        for (const [path, name] of [["", "overview"], ["zh/spatial/", "spatial-zh"], ["inequality/", "inequality"], ["zh/units/440000/", "unit-zh"]]) {
          await page.goto(`${session.origin}/${path}`);
          await page.screenshot({ path: `test-output/${name}-${width}-${scheme}.png`, fullPage: true });
          // Nothing sticks out sideways: wide charts scroll inside their own box.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
        }
        await context.close();
      }
    }
    const page = await session.browser.newPage();
    await page.goto(`${session.origin}/inequality/`);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("nav").isVisible()).toBe(false);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: "test-output/inequality-print.png", fullPage: true });
    await page.close();
  });
});
