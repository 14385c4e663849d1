// Every page of the built default study, in both languages, loaded in headless Chromium over
// HTTP as a reader would: no console error (a content security policy violation is one), no
// failed request and none outside the local server, no serious or critical finding of axe-core,
// charts with accessible names whose text stands out from what is drawn behind it, and a
// language switch to the same page. Each page is checked twice: in the light theme on a wide
// screen, and in the dark theme on a phone's. Then the interactions: the map's year control,
// tables and maps without JavaScript, search in English and Chinese, copying a citation, the
// downloads' content types, and screenshots in both themes (to test-output/).
// The links and anchors of the whole site are checked by tests/browser/links.test.ts.
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { BrowserContext } from "playwright-core";
import { openSite, type Session } from "./serve.ts";
import { axeViolations, chartTextContrast } from "./checks.ts";
import { htmlFiles, read } from "../site/site.ts";

const siteDir = inject("siteDir");
const files = htmlFiles(siteDir).filter((p) => !p.startsWith("pagefind/"));
const movedTo = (file: string) => read(siteDir, file).match(/<meta http-equiv="refresh" content="0; url=([^"]+)"/)?.[1];
const pages = files.filter((f) => !movedTo(f)).map((f) => f.replace(/index\.html$/, ""));
const moved = files.filter((f) => movedTo(f));
const zh = (path: string) => path.startsWith("zh/");

// All of axe's rules on a wide screen in the light theme; on a phone in the dark theme, the
// rules whose outcome depends on colours or on the layout.
const views = [
  { theme: "light", width: 1200, rules: undefined },
  { theme: "dark", width: 390, rules: ["color-contrast", "link-in-text-block", "scrollable-region-focusable", "target-size"] },
] as const;

let session: Session;
const contexts = new Map<string, BrowserContext>();

beforeAll(async () => {
  session = await openSite(siteDir);
  for (const v of views) {
    contexts.set(v.theme, await session.browser.newContext({ colorScheme: v.theme, viewport: { width: v.width, height: 900 } }));
  }
  mkdirSync("test-output", { recursive: true });
});

afterAll(async () => {
  await session?.close();
});

describe("every page in a browser", () => {
  it("covers the whole site: every page in both languages, region and unit pages included", () => {
    expect(pages.length).toBeGreaterThanOrEqual(85);
    for (const p of ["", "spatial/", "regions/gba/", "units/440000/", "data-quality/"]) {
      expect(pages, p).toContain(p);
      expect(pages, p).toContain(`zh/${p}`);
    }
  });

  describe.concurrent.each(views)("in the $theme theme at $width px", ({ theme, rules }) => {
    for (const path of pages) {
      it(`/${path}`, async ({ expect }) => {
        const page = await (contexts.get(theme) as BrowserContext).newPage();
        const errors: string[] = [];
        const outside: string[] = [];
        page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
        page.on("pageerror", (e) => errors.push(e.message));
        page.on("requestfailed", (r) => errors.push(`failed: ${r.url()}`));
        page.on("request", (r) => !r.url().startsWith(`${session.origin}/`) && outside.push(r.url()));
        page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()}: ${r.url()}`));

        const response = await page.goto(`${session.origin}/${path}`, { waitUntil: "load" });
        expect(response?.status()).toBe(200);
        expect(errors).toEqual([]);
        expect(outside).toEqual([]);
        expect(await page.getAttribute("html", "lang")).toBe(zh(path) ? "zh-CN" : "en");
        expect((await page.locator("h1").textContent())?.trim()).toBeTruthy();

        // Every chart and map is an image with a name taken from the text its attributes point to.
        const names = await page.$$eval('svg[role="img"]', (svgs) =>
          svgs.map((s) => s.getAttribute("aria-label") ?? (s.getAttribute("aria-labelledby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ").trim()),
        );
        expect(names.filter((n) => !n)).toEqual([]);
        expect(names.length).toBeGreaterThanOrEqual(await page.locator("figure.chart").count());

        // The language switch leads to the same page in the other language.
        const other = await page.locator("a.lang-switch").getAttribute("href");
        expect(other).toBe(zh(path) ? `/${path.slice(3)}` : `/zh/${path}`);

        expect(await axeViolations(page, rules)).toEqual([]);

        // Chart text (axes, labels on heat-map cells, the map's inset) readable in either theme.
        const faint = (await page.evaluate(chartTextContrast)).filter((t) => t.ratio < 4.5);
        expect(faint.map((t) => `${t.chart} "${t.text}": ${t.fg} on ${t.bg}, ${t.ratio.toFixed(2)}:1`)).toEqual([]);
        await page.close();
      });
    }
  });

  it("would catch an unnamed chart, faint text and faint chart labels", async () => {
    const page = await session.browser.newPage();
    await page.setContent(
      `<html lang="en"><head><title>t</title></head><body><main><h1>t</h1>
      <p style="color:#999;background:#fff">faint</p>
      <figure class="chart" id="c"><svg role="img" width="200" height="100"><rect width="200" height="100" fill="#2795bf"/><text x="20" y="50" fill="#ffffff">label</text></svg></figure>
      </main></body></html>`,
    );
    const found = await axeViolations(page);
    expect(found.some((v) => v.startsWith("svg-img-alt"))).toBe(true);
    expect(found.some((v) => v.startsWith("color-contrast"))).toBe(true);
    expect((await page.evaluate(chartTextContrast)).map((t) => [t.text, t.bg, t.ratio < 4.5])).toEqual([["label", "#2795bf", true]]);
    await page.close();
  });

  for (const file of moved) {
    it(`/${file.replace(/index\.html$/, "")} has moved, and sends the reader on`, async () => {
      const page = await session.browser.newPage();
      await page.goto(`${session.origin}/${file.replace(/index\.html$/, "")}`);
      await page.waitForURL(`${session.origin}${movedTo(file)}`);
      expect(await page.locator("h1").textContent()).toBeTruthy();
      await page.close();
    });
  }
});

describe("reading and using the site", () => {
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

  it("shows every page's charts and tables without JavaScript", async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    const queue = [...pages];
    const hidden: string[] = [];
    const worker = async () => {
      const page = await context.newPage();
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await page.goto(`${session.origin}/${path}`);
        // Every chart's drawing, and every table not folded away in a <details>, has a size.
        const missing = await page.$$eval("figure.chart .chart-svg svg, table", (els) =>
          els.filter((e) => !e.closest("details:not([open])")).filter((e) => e.getBoundingClientRect().width * e.getBoundingClientRect().height === 0).map((e) => e.closest("[id]")?.id ?? e.tagName),
        );
        hidden.push(...missing.map((m) => `/${path} ${m}`));
      }
      await page.close();
    };
    await Promise.all([worker(), worker(), worker()]);
    expect(hidden).toEqual([]);
    await context.close();
  }, 120_000);

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

  it("finds a province by its English and by its Chinese name", async () => {
    const page = await session.browser.newPage();
    for (const [path, query, unit] of [
      ["search/", "Guangdong", "/units/440000/"],
      ["zh/search/", "广东", "/zh/units/440000/"],
      ["search/", "Shaanxi", "/units/610000/"],
      ["zh/search/", "陕西", "/zh/units/610000/"],
    ]) {
      await page.goto(`${session.origin}/${path}`);
      await page.locator("#search-input").fill(query);
      await page.locator(".search-results li").first().waitFor({ timeout: 15_000 });
      const hrefs = await page.$$eval(".search-results a", (as) => as.map((a) => a.getAttribute("href")));
      expect(hrefs, query).toContain(unit);
    }
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

  it("serves every download offered on the data and citation pages with the right content type", async () => {
    // What a static server says for a file is its type by extension; the test server (sirv) knows
    // no type for .xlsx, .bib and .cff and says nothing, so for those the bytes are checked alone.
    const types: Record<string, RegExp> = { csv: /^text\/csv/, json: /^application\/json/, zip: /^application\/zip/, svg: /^image\/svg\+xml/ };
    const starts: Record<string, (b: Buffer) => boolean> = {
      csv: (b) => b.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])),
      json: (b) => JSON.parse(b.toString("utf8")) !== null,
      zip: (b) => b.subarray(0, 2).toString("latin1") === "PK",
      xlsx: (b) => b.subarray(0, 2).toString("latin1") === "PK",
      svg: (b) => b.toString("utf8").startsWith("<?xml"),
      bib: (b) => b.toString("utf8").startsWith("@"),
      cff: (b) => b.toString("utf8").startsWith("cff-version:"),
    };
    const page = await session.browser.newPage();
    const links = new Set<string>();
    for (const path of ["data/", "zh/data/", "cite/", "zh/cite/", "levels/", "zh/spatial/"]) {
      await page.goto(`${session.origin}/${path}`);
      for (const href of await page.$$eval("a[download]", (as) => as.map((a) => (a as HTMLAnchorElement).href))) links.add(href);
    }
    await page.close();
    expect(links.size).toBeGreaterThan(40);
    for (const link of links) {
      const ext = link.slice(link.lastIndexOf(".") + 1);
      const res = await fetch(link);
      expect(res.status, link).toBe(200);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.length, link).toBeGreaterThan(0);
      expect(ext in starts, link).toBe(true);
      expect(starts[ext](body), link).toBe(true);
      if (types[ext]) expect(res.headers.get("content-type"), link).toMatch(types[ext]);
    }
  });

  it("takes screenshots in both themes, wide and narrow, and prints on A4", async () => {
    for (const scheme of ["light", "dark"] as const) {
      for (const width of [1200, 390]) {
        const context = await session.browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const page = await context.newPage();
        for (const [path, name] of [["", "overview"], ["spatial/", "spatial"], ["zh/spatial/", "spatial-zh"], ["inequality/", "inequality"], ["zh/units/440000/", "unit-zh"]]) {
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
