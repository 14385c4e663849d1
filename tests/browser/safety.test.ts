// A study whose names carry markup, quotes and ampersands, built and read as a reader would:
// every page shows the names as text and runs none of them (no dialog opens, no element is
// injected), the content security policy stops any script that is not one of the site's own
// files, and every download holds the names exactly, escaped as its format requires.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { DOMParser } from "linkedom";
import { parseCsv } from "../../scripts/lib/csv.ts";
import { openSite, type Session } from "./serve.ts";
import { htmlFiles, read } from "../site/site.ts";

const hostile = `<script>alert("x")</script><img src=x onerror="alert('y')"> & "Q" 'R'`;
const names = {
  title: `Tiny ${hostile}`,
  titleZh: `测试 ${hostile}`,
  author: `A & B ${hostile}`,
  region: `North ${hostile}`,
  unit: `Alpha ${hostile}`,
  unitZh: `甲 ${hostile}`,
  indicator: `Ratio ${hostile}`,
};
let dir: string;
let session: Session;

beforeAll(async () => {
  const study = mkdtempSync(join(tmpdir(), "hostile-"));
  cpSync("tests/fixtures/tiny", study, { recursive: true });
  const def = JSON.parse(readFileSync(join(study, "study.json"), "utf8"));
  def.title.en = names.title;
  def.title.zh = names.titleZh;
  def.authors = [{ name: names.author }];
  def.regions[0].name.en = names.region;
  def.indicators[0].name.en = names.indicator;
  writeFileSync(join(study, "study.json"), JSON.stringify(def));
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const units = readFileSync(join(study, "units.csv"), "utf8").replace("A,甲,Alpha", `A,${quote(names.unitZh)},${quote(names.unit)}`);
  writeFileSync(join(study, "units.csv"), units);
  dir = mkdtempSync(join(tmpdir(), "hostile-site-"));
  const run = spawnSync(process.execPath, ["scripts/build.ts", "--study", study, "--out", dir], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  session = await openSite(dir);
}, 180_000);

afterAll(async () => {
  await session?.close();
});

describe("a study with markup in its names, in a browser", () => {
  it("shows the names as text on every page and runs none of them", async () => {
    const moved = (file: string) => read(dir, file).includes('<meta http-equiv="refresh"');
    const pages = htmlFiles(dir).filter((p) => !p.startsWith("pagefind/") && !moved(p)).map((p) => p.replace(/index\.html$/, ""));
    expect(pages.length).toBeGreaterThan(30);
    const page = await session.browser.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    for (const path of pages) {
      await page.goto(`${session.origin}/${path}`, { waitUntil: "load" });
      // Only the site's own scripts, and no element made from a name.
      const scripts = await page.$$eval("script", (s) => s.map((e) => e.getAttribute("src") ?? "inline"));
      for (const src of scripts) expect(src, path).toMatch(/^\/js\/[a-z-]+\.js$/);
      expect(await page.locator('img[src="x"]').count(), path).toBe(0);
      const title = path.startsWith("zh/") ? names.titleZh : names.title;
      expect(await page.locator(".site-title").textContent(), path).toBe(title);
      expect(await page.title(), path).toContain(title);
    }
    await page.goto(`${session.origin}/units/A/`);
    expect(await page.locator("h1").textContent()).toBe(names.unit);
    await page.goto(`${session.origin}/regions/north/`);
    expect(await page.locator("h1").textContent()).toBe(names.region);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("refuses a script that is not one of the site's own files", async () => {
    const page = await session.browser.newPage();
    const refused: string[] = [];
    page.on("console", (m) => m.type() === "error" && refused.push(m.text()));
    await page.goto(`${session.origin}/`);
    // An inline script, an inline event handler and a script from elsewhere, as an injection
    // would add them; the page's policy lets none of them run.
    await page.evaluate(() => {
      const inline = document.createElement("script");
      inline.textContent = "document.documentElement.dataset.ran = 'inline'";
      document.body.append(inline);
      const img = document.createElement("img");
      img.setAttribute("onerror", "document.documentElement.dataset.ran = 'handler'");
      img.src = "/nothing.png";
      document.body.append(img);
      const outside = document.createElement("script");
      outside.src = "http://127.0.0.2:9/x.js";
      document.body.append(outside);
    });
    await page.waitForTimeout(300);
    expect(await page.getAttribute("html", "data-ran")).toBeNull();
    expect(refused.filter((m) => /Content Security Policy/.test(m)).length).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});

describe("a study with markup in its names, in its downloads", () => {
  it("keeps the names exact in every CSV table, in results.json and in the study file", () => {
    for (const file of readdirSync(join(dir, "downloads")).filter((f) => f.endsWith(".csv"))) {
      const text = read(dir, `downloads/${file}`);
      const cells = parseCsv(text.replace(/^\uFEFF/, "")).flat();
      // A name is one whole cell, however many quotes and commas it holds.
      for (const name of [names.unit, names.region, names.indicator]) {
        if (text.includes(name.replace(/"/g, '""').slice(0, 12))) expect(cells, `${file}: ${name}`).toContain(name);
      }
    }
    expect(parseCsv(read(dir, "downloads/scores.csv").slice(1)).flat()).toContain(names.unit);
    const results = JSON.parse(read(dir, "downloads/results.json"));
    expect(results.study.title.en).toBe(names.title);
    expect(JSON.parse(read(dir, "downloads/study.json")).regions[0].name.en).toBe(names.region);
  });

  it("keeps the names exact in the workbook and the zip", async () => {
    const files = readdirSync(join(dir, "files"));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "files", files.find((f) => f.endsWith(".xlsx")) as string));
    const values = book.getWorksheet("scores")?.getColumn(2).values ?? [];
    expect(values).toContain(names.unit);
    const zip = unzipSync(readFileSync(join(dir, "files", files.find((f) => f.endsWith(".zip")) as string)));
    expect(parseCsv(strFromU8(zip["downloads/scores.csv"]).slice(1)).flat()).toContain(names.unit);
    expect(strFromU8(zip["CITATION.cff"])).toContain(`title: ${JSON.stringify(names.title)}`);
  });

  it("escapes the names in the chart images and the citations", () => {
    for (const lang of ["", "zh/"]) {
      for (const file of readdirSync(join(dir, lang, "charts")).filter((f) => f.endsWith(".svg"))) {
        const svg = new DOMParser().parseFromString(read(dir, `${lang}charts/${file}`), "image/svg+xml");
        const active = [...svg.querySelectorAll("*")].filter(
          (e) => /^(script|foreignobject|img|iframe)$/i.test(e.tagName) || [...e.attributes].some((a) => /^on/i.test(a.name)),
        );
        expect(active.map((e) => e.tagName), `${lang}charts/${file}`).toEqual([]);
      }
    }
    expect(read(dir, "charts/regions-score.svg")).toContain("North &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img");
    expect(read(dir, "cite/citation.bib")).toContain(String.raw`A \& B <script>alert("x")</script>`);
    expect(read(dir, "cite/CITATION.cff")).toContain(`title: ${JSON.stringify(names.title)}`);
  });
});
