// Every page of the built default study, loaded in headless Chromium over HTTP: no console
// error, no failed or outside request, charts with accessible names, internal links that
// resolve, downloads with the right content type. Screenshots go to test-output/.
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";

const siteDir = inject("siteDir");
import { openSite, type Session } from "./serve.ts";

const pages = ["", "index-system/", "levels/", "map/", "inequality/", "dimensions/", "methods/", "data/"];
let session: Session;

beforeAll(async () => {
  session = await openSite(siteDir);
  mkdirSync("test-output", { recursive: true });
});

afterAll(async () => {
  await session?.close();
});

describe("pages in a browser", () => {
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

      // Every chart and map is an image with an accessible name.
      const unnamed = await page.$$eval('svg[role="img"]', (svgs) =>
        svgs.filter((s) => !(s.getAttribute("aria-label") || s.getAttribute("aria-labelledby"))).length,
      );
      expect(unnamed).toBe(0);

      // Every internal link and anchor resolves.
      const links = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of new Set(links)) {
        const url = new URL(href);
        expect(url.origin, href).toBe(session.origin);
        const res = await fetch(url.origin + url.pathname);
        expect(res.status, href).toBe(200);
        if (url.hash) {
          const target = await page.request.get(url.origin + url.pathname).then((r) => r.text());
          expect(target, href).toMatch(new RegExp(`id="${url.hash.slice(1)}"`));
        }
      }
      await page.close();
    });
  }

  it("shows the charts as drawn SVG with data, and the map with provinces", async () => {
    const page = await session.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${session.origin}/map/`);
    const maps = await page.$$eval("svg", (svgs) => svgs.filter((s) => s.querySelectorAll("path.map-province").length >= 23).length);
    expect(maps).toBeGreaterThanOrEqual(11);
    const box = await page.locator("#map-large svg").first().boundingBox();
    expect(box?.width).toBeGreaterThan(600);
    await page.screenshot({ path: "test-output/map.png", fullPage: true });
    await page.goto(`${session.origin}/`);
    const lines = await page.$$eval("#overview-regions svg[role=img] path", (ps) => ps.length);
    expect(lines).toBeGreaterThanOrEqual(6);
    await page.screenshot({ path: "test-output/overview.png", fullPage: true });
    await page.close();
  });

  it("opens a chart's data table without JavaScript", async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.origin}/levels/`);
    await page.locator("#levels-regions summary").click();
    const rows = await page.locator("#levels-regions table tbody tr").count();
    expect(rows).toBe(6 * 10);
    await context.close();
  });

  it("serves the downloads with the right content type", async () => {
    for (const file of ["scores.csv", "weights.csv", "regions.csv", "dagum.csv", "panel.csv", "imputed.csv"]) {
      const res = await fetch(`${session.origin}/downloads/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get("content-type"), file).toMatch(/^text\/csv/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
    }
    const json = await fetch(`${session.origin}/downloads/results.json`);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
  });
});
