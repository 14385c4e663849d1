// The built site of the default study, as files: every page in both languages, every chart with
// its files, the numbers in the generated sentences and tables, the downloads (CSV, workbook,
// zip), the citations, the size budgets, and the promise that a failed build leaves the
// previous output alone.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import ExcelJS from "exceljs";
import { parseHTML } from "linkedom";
import type { Results } from "../../src/pipeline/results.ts";
import { findings } from "../../src/site/findings.ts";
import { downloadTables, toCsvText } from "../../src/pipeline/tables.ts";
import { citationCff } from "../../src/site/citation.ts";
import { htmlFiles, read, sitePages } from "./site.ts";

const siteDir = inject("siteDir");
const results = JSON.parse(read(siteDir, "downloads/results.json")) as Results;
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&#39;").replace(/"/g, "&quot;");
const doc = (path: string) => parseHTML(read(siteDir, path)).document;
const text = (path: string) => (doc(path).querySelector("main")?.textContent ?? "").replace(/\s+/g, " ");
const last = results.study.years[results.study.years.length - 1];
const first = results.study.years[0];

describe("built site", () => {
  it("has every page in English and in Chinese", () => {
    const pages = sitePages(results);
    expect(pages.length).toBe(2 * (15 + 5 + 23));
    for (const page of pages) expect(existsSync(join(siteDir, page, "index.html")), page).toBe(true);
    for (const page of pages.filter((p) => p.startsWith("zh/"))) {
      expect(read(siteDir, `${page}index.html`), page).toMatch(/<html lang="zh-CN"/);
    }
  });

  it("states the generated findings, with their numbers, on the overview in both languages", () => {
    for (const [lang, path] of [["en", "index.html"], ["zh", "zh/index.html"]] as const) {
      const html = read(siteDir, path);
      const f = findings(results, lang);
      expect(f.list).toHaveLength(8);
      for (const sentence of f.list) expect(html, sentence).toContain(escape(sentence));
    }
    // The leading region and its score come from the regional means of the last year.
    const means = results.means.filter((m) => m.year === last && m.group !== "sample").sort((a, b) => b.score - a.score);
    const f = findings(results, "en");
    expect(f.leader.id).toBe(means[0].group);
    expect(f.sentences.levels).toContain(means[0].score.toFixed(3));
    expect(findings(results, "zh").sentences.levels).toContain(`${last}年，京津冀在5个区域中均值最高，为${means[0].score.toFixed(3)}`);
    // Each region's growth, fastest first.
    const growth = results.growth.filter((g) => g.kind === "region").sort((a, b) => (b.cagr ?? 0) - (a.cagr ?? 0));
    expect(f.growth.map((g) => g.id)).toEqual(growth.map((g) => g.group));
    for (const g of growth) expect(f.sentences.growthEach).toContain(`${((g.cagr ?? 0) * 100).toFixed(1)}%`);
    // The plain Gini of the provinces beside Dagum's G.
    expect(f.sentences.inequality).toContain(results.gini[0].G.toFixed(3));
    expect(f.sentences.inequality).toContain(results.dagum[0].G.toFixed(3));
  });

  it("labels a one-member region with its only member in both languages", () => {
    expect(text("levels/index.html")).toContain("Guangdong-Hong Kong-Macao Greater Bay Area (Guangdong only)");
    expect(text("zh/levels/index.html")).toContain("粤港澳大湾区（仅广东）");
  });

  it("says wherever Dagum's numbers are shown that the overlapping regions were stacked", () => {
    expect(results.stacked).toBe(true);
    for (const path of ["inequality/index.html", "zh/inequality/index.html"]) {
      const d = doc(path);
      expect(d.querySelectorAll(".stacked-note").length, path).toBeGreaterThanOrEqual(3);
      for (const id of ["dagum-total", "dagum-shares", "dagum-matrix", "theil"]) {
        expect(d.querySelector(`#${id} .chart-source`)?.textContent, `${path} ${id}`).toMatch(/stacked|叠加/);
      }
    }
    expect(doc("index.html").querySelector("#dagum-shares .chart-source")?.textContent).toContain("stacked");
    expect(text("index.html")).toContain(`Dagum's G, on the ${results.dagum[0].n} region memberships`);
  });

  it("shows each indicator's weight on the index system page", () => {
    const html = read(siteDir, "index-system/index.html");
    const zh = read(siteDir, "zh/index-system/index.html");
    for (const i of results.study.indicators) {
      expect(html).toContain(escape(i.name.en));
      expect(zh).toContain(escape(i.name.zh));
      expect(html).toContain(`${(i.weight * 100).toFixed(2)}%`);
    }
  });

  it("gives the tier ranges as the lowest and highest score of their members", () => {
    const items = [...doc("spatial/index.html").querySelectorAll("#tier-ranges li")].map((li) => li.textContent?.trim());
    expect(items).toHaveLength(results.tiers.classes);
    items.forEach((item, i) => {
      const scores = results.scores.filter((s) => s.tier === i + 1).map((s) => s.score);
      expect(item).toContain(`Tier ${i + 1}: ${Math.min(...scores).toFixed(3)} to ${Math.max(...scores).toFixed(3)} (${scores.length} province-years)`);
    });
  });

  it("names the filled cells on the overview and lists each on the data page", () => {
    expect(text("index.html")).toContain(`${results.filled.length} cells in all`);
    expect(text("index.html")).toMatch(/in 2012 for all 23 provinces/);
    const html = read(siteDir, "data/index.html");
    for (const f of results.filled) expect(html).toContain(f.value.toFixed(4));
  });

  it("accounts for every panel row on the data page", () => {
    const v = results.validation;
    expect(v.rowsUsed + v.dropped.reduce((a, d) => a + d.rows, 0)).toBe(v.rowsRead);
    expect(read(siteDir, "data/index.html")).toContain(`The panel file has ${v.rowsRead} rows: ${v.rowsUsed} were used`);
    expect(read(siteDir, "zh/data/index.html")).toContain(`面板文件共${v.rowsRead}行：使用${v.rowsUsed}行`);
  });

  it("shows every unit's score, rank and tier on its own page", () => {
    for (const u of results.study.units) {
      const rows = [...doc(`units/${u.code}/index.html`).querySelectorAll("#unit-years tbody tr")];
      expect(rows).toHaveLength(results.study.years.length);
      rows.forEach((row, t) => {
        const s = results.scores.find((x) => x.unit === u.code && x.year === results.study.years[t]);
        const cells = [...row.querySelectorAll("td")].map((c) => c.textContent);
        expect(cells.slice(0, 4), u.code).toEqual([s?.score.toFixed(3), String(s?.rank), cells[2], String(s?.tier)]);
      });
    }
  });

  it("shows every region's members and its mean score by year on its own page", () => {
    for (const g of results.study.regions) {
      const d = doc(`zh/regions/${g.id}/index.html`);
      expect(d.querySelectorAll("#members tbody tr")).toHaveLength(g.members.length);
      const years = [...d.querySelectorAll("#region-years tbody tr")].map((row) => row.querySelectorAll("td")[0].textContent);
      expect(years).toEqual(results.study.years.map((y) => results.means.find((m) => m.group === g.id && m.year === y)?.score.toFixed(3)));
    }
  });

  it("shows Dagum's decomposition, the plain Gini and the shares of every year", () => {
    for (const path of ["inequality/index.html", "zh/inequality/index.html"]) {
      const rows = [...doc(path).querySelectorAll("#dagum-table tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
      expect(rows).toEqual(
        results.dagum.map((d) => [
          results.gini.find((g) => g.year === d.year)?.G.toFixed(4),
          d.G.toFixed(4), d.Gw.toFixed(4), d.Gnb.toFixed(4), d.Gt.toFixed(4),
          `${((d.share_w ?? 0) * 100).toFixed(1)}%`, `${((d.share_nb ?? 0) * 100).toFixed(1)}%`, `${((d.share_t ?? 0) * 100).toFixed(1)}%`,
        ]),
      );
    }
  });

  it("shows the growth of every region's sub-indices", () => {
    const rows = [...doc("dimensions/index.html").querySelectorAll("#dimension-growth-table tbody tr")];
    const groups = results.growth.filter((g) => g.kind !== "unit");
    expect(rows).toHaveLength(groups.length);
    rows.forEach((tr, i) => {
      const cells = [...tr.querySelectorAll("td")].map((td) => td.textContent);
      const g = groups[i];
      expect(cells).toEqual([...results.study.dimensions.map((d) => `${((g.dims[d.id] ?? 0) * 100).toFixed(2)}%`), `${((g.cagr ?? 0) * 100).toFixed(2)}%`]);
    });
  });

  it("shows a unit's indicator values and their rank among the sample", () => {
    const rows = [...doc("units/440000/index.html").querySelectorAll("#unit-indicators tbody tr")];
    expect(rows).toHaveLength(results.study.indicators.length);
    const rd = rows[0].querySelectorAll("td");
    const mine = results.values.find((v) => v.unit === "440000" && v.year === last)?.values.rd_intensity as number;
    expect(rd[2].textContent).toBe(mine.toFixed(3));
    const better = results.values.filter((v) => v.year === last && v.values.rd_intensity > mine).length;
    expect(rd[3].textContent).toBe(String(better + 1));
    // A negative indicator ranks from the lowest value.
    const i = results.study.indicators.findIndex((x) => x.direction === "-");
    const id = results.study.indicators[i].id;
    const co2 = results.values.find((v) => v.unit === "440000" && v.year === last)?.values[id] as number;
    const lower = results.values.filter((v) => v.year === last && v.values[id] < co2).length;
    expect(rows[i].querySelectorAll("td")[3].textContent).toBe(String(lower + 1));
  });

  it("ranks each region among the regions in every year on its page", () => {
    for (const g of results.study.regions) {
      const ranks = [...doc(`regions/${g.id}/index.html`).querySelectorAll("#region-years tbody tr")].map((tr) => tr.querySelectorAll("td")[1].textContent);
      const expected = results.study.years.map((y) => {
        const order = results.means.filter((m) => m.year === y && m.group !== "sample").sort((a, b) => b.score - a.score);
        return String(order.findIndex((m) => m.group === g.id) + 1);
      });
      expect(ranks, g.id).toEqual(expected);
    }
  });

  it("shows every unit's tier in every year", () => {
    const rows = [...doc("spatial/index.html").querySelectorAll("#tier-table tbody tr")];
    expect(rows).toHaveLength(results.study.units.length);
    for (const tr of rows) {
      const code = tr.querySelector("a")?.getAttribute("href")?.match(/units\/([^/]+)\//)?.[1];
      const tiers = [...tr.querySelectorAll("td")].map((td) => Number(td.textContent));
      expect(tiers).toEqual(results.study.years.map((y) => results.scores.find((s) => s.unit === code && s.year === y)?.tier));
    }
  });

  it("shows the correlation of every pair of indicators", () => {
    const csv = read(siteDir, "charts/correlation.csv").slice(1).trim().split("\r\n");
    expect(csv).toHaveLength(1 + results.study.indicators.length);
    csv.slice(1).forEach((line, a) => {
      const cells = line.split(",").slice(-results.study.indicators.length).map(Number);
      expect(cells).toEqual(results.correlation[a]);
      expect(cells[a]).toBeCloseTo(1, 12);
    });
  });

  it("renders the formulas with KaTeX at build time, with its fonts served by the site", () => {
    const html = read(siteDir, "methods/index.html");
    expect(html.match(/class="katex-display"/g)?.length).toBeGreaterThanOrEqual(10);
    expect(html).not.toContain("$$");
    const fonts = [...html.matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(10);
    for (const font of fonts) expect(existsSync(join(siteDir, font.replace(/^\//, ""))), font).toBe(true);
    expect(html).toContain(`k = ${results.method.entropyK.toFixed(8)}`);
  });
});

describe("charts", () => {
  it("give every chart a title, subtitle, source, table, and its own CSV and SVG", () => {
    let charts = 0;
    for (const page of htmlFiles(siteDir)) {
      const d = parseHTML(read(siteDir, page)).document;
      for (const figure of d.querySelectorAll("figure.chart")) {
        charts++;
        const id = figure.getAttribute("id");
        expect(figure.querySelector(".chart-title")?.textContent?.trim(), `${page} ${id}`).toBeTruthy();
        expect(figure.querySelector(".chart-subtitle")?.textContent?.trim(), `${page} ${id}`).toBeTruthy();
        expect(figure.querySelector(".chart-source")?.textContent, `${page} ${id}`).toMatch(/Source|来源/);
        expect(figure.querySelector("svg[role=img]"), `${page} ${id}`).not.toBeNull();
        expect(figure.querySelector("svg[role=img] desc, svg[role=img] title")?.textContent?.trim(), `${page} ${id}`).toBeTruthy();
        expect(figure.querySelectorAll("details table tbody tr").length, `${page} ${id}`).toBeGreaterThan(0);
        const links = [...figure.querySelectorAll(".chart-source a")].map((a) => a.getAttribute("href") ?? "");
        expect(links.map((l) => l.slice(l.lastIndexOf("/") + 1)), `${page} ${id}`).toEqual([`${id}.csv`, `${id}.svg`]);
        for (const link of links) expect(existsSync(join(siteDir, link)), link).toBe(true);
      }
    }
    expect(charts).toBeGreaterThan(150);
  });

  it("write each chart's CSV with the rows of its table and a standalone SVG", () => {
    const d = doc("levels/index.html");
    const rows = d.querySelectorAll("#regions-score details tbody tr").length;
    const csv = read(siteDir, "charts/regions-score.csv");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).trim().split("\r\n")).toHaveLength(1 + rows);
    const bj = csv.split("\r\n").find((l) => l.startsWith(`Beijing-Tianjin-Hebei,${last},`));
    expect(Number(bj?.split(",")[2])).toBe(results.means.find((m) => m.group === "bth" && m.year === last)?.score);
    const svg = read(siteDir, "zh/charts/regions-score.svg");
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("各区域综合得分");
    const map = read(siteDir, "charts/map-2015.svg");
    expect(map).toContain('<path id="map-2015-m-440000"');
    expect(map).not.toContain('href="#geo-');
  });

  it("draw a map for every year, and one large map whose year control falls back to them", () => {
    const d = doc("spatial/index.html");
    for (const year of results.study.years) {
      expect(d.querySelector(`#map-${year} svg.map title`)?.textContent).toBe(`Composite score by province, ${year}`);
      expect(d.querySelector(`.year-control a[data-year="${year}"]`)?.getAttribute("href")).toBe(`#map-${year}`);
    }
    expect(d.querySelectorAll(".map-sprite")).toHaveLength(1);
    expect(d.querySelectorAll("svg.map .map-inset").length).toBeGreaterThanOrEqual(results.study.years.length + 1);
    const data = JSON.parse(d.querySelector("[data-map-explorer]")?.getAttribute("data-map-years") ?? "{}");
    expect(data.years.map((y: { year: number }) => y.year)).toEqual(results.study.years);
    const beijing = results.scores.find((s) => s.unit === "110000" && s.year === first);
    expect(data.years[0].tips["110000"]).toBe(`Beijing 北京: ${beijing?.score.toFixed(3)}`);
  });
});

describe("downloads", () => {
  it("writes the tables as UTF-8 CSV with a byte-order mark and the documented columns", () => {
    const files = readdirSync(join(siteDir, "downloads")).sort();
    expect(files).toEqual([
      "correlation.csv", "dagum.csv", "dagum_pairs.csv", "dagum_regions.csv", "density.csv", "gini.csv", "growth.csv",
      "imputed.csv", "indicators.csv", "panel.csv", "regions.csv", "results.json", "scores.csv", "sources.csv",
      "statistics.csv", "study.json", "theil.csv", "weights.csv",
    ]);
    const scores = read(siteDir, "downloads/scores.csv");
    expect(scores.charCodeAt(0)).toBe(0xfeff);
    const lines = scores.slice(1).trim().split("\n");
    expect(lines[0]).toBe("province_code,province,province_zh,year,score,nke,nin,nmo,rank,tier");
    expect(lines).toHaveLength(1 + 230);
    const beijing2021 = lines.find((l) => l.startsWith("110000,Beijing,北京,2021,"))?.split(",");
    expect(Number(beijing2021?.[4])).toBe(results.scores.find((s) => s.unit === "110000" && s.year === 2021)?.score);
    const indicators = read(siteDir, "downloads/indicators.csv").slice(1).trim().split("\n");
    expect(indicators).toHaveLength(1 + 230);
    const gd = indicators.find((l) => l.startsWith("440000,Guangdong,广东,2021,"))?.split(",");
    expect(Number(gd?.[4])).toBe(results.values.find((v) => v.unit === "440000" && v.year === 2021)?.values.rd_intensity);
    const panel = read(siteDir, "downloads/panel.csv").slice(1).trim().split("\n");
    expect(panel[0]).toBe("province_code,province,province_zh,year,series,value");
    expect(panel).toHaveLength(1 + results.validation.rowsUsed);
  });

  it("describes every column of every table, in both languages", () => {
    for (const [path, lang] of [["data/index.html", "en"], ["zh/data/index.html", "zh"]] as const) {
      const html = read(siteDir, path);
      for (const t of downloadTables(results)) {
        for (const c of t.columns) expect(html, `${t.file} ${c.name}`).toContain(escape(c.description[lang]));
      }
    }
  });

  it("bundles every table into an Excel workbook that opens, a sheet per table", async () => {
    const file = readdirSync(join(siteDir, "files")).find((f) => f.endsWith(".xlsx")) as string;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(siteDir, "files", file));
    const tables = downloadTables(results);
    expect(book.worksheets.map((w) => w.name)).toEqual(["dictionary", ...tables.map((t) => t.file.replace(/\.csv$/, ""))]);
    const scores = book.getWorksheet("scores");
    expect(scores?.rowCount).toBe(1 + results.scores.length);
    expect(scores?.getRow(1).values).toEqual([undefined, "province_code", "province", "province_zh", "year", "score", "nke", "nin", "nmo", "rank", "tier"]);
    const beijing = results.scores[0];
    expect(scores?.getRow(2).getCell(5).value).toBe(beijing.score);
    expect(scores?.getRow(2).getCell(3).value).toBe("北京");
    expect(book.getWorksheet("dictionary")?.rowCount).toBe(1 + tables.reduce((a, t) => a + t.columns.length, 0));
  });

  it("puts everything into one zip file whose tables are the CSV files byte for byte", () => {
    const file = readdirSync(join(siteDir, "files")).find((f) => f.endsWith(".zip")) as string;
    const zip = unzipSync(readFileSync(join(siteDir, "files", file)));
    for (const name of readdirSync(join(siteDir, "downloads"))) {
      expect(Buffer.from(zip[`downloads/${name}`] ?? []).equals(readFileSync(join(siteDir, "downloads", name))), name).toBe(true);
    }
    const book = readdirSync(join(siteDir, "files")).find((f) => f.endsWith(".xlsx")) as string;
    expect(Buffer.from(zip[book]).equals(readFileSync(join(siteDir, "files", book)))).toBe(true);
    expect(strFromU8(zip["downloads/dictionary.csv"])).toContain("scores.csv,score,");
    expect(strFromU8(zip["CITATION.cff"])).toContain(`title: ${JSON.stringify(results.study.title.en)}`);
    expect(Buffer.from(zip["downloads/scores.csv"]).equals(Buffer.from(toCsvText(downloadTables(results)[0])))).toBe(true);
  });
});

describe("citation", () => {
  it("puts citation meta tags on every page", () => {
    for (const page of htmlFiles(siteDir).filter((p) => !p.startsWith("pagefind"))) {
      const d = parseHTML(read(siteDir, page)).document;
      const meta = (name: string) => [...d.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute("content"));
      const zh = page.startsWith("zh/");
      expect(meta("citation_title"), page).toEqual([results.study.title[zh ? "zh" : "en"]]);
      expect(meta("citation_author"), page).toEqual(results.study.authors.map((a) => a.name));
      expect(meta("citation_publication_date")[0], page).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    }
  });

  it("offers a formatted citation, BibTeX and CITATION.cff to copy and download", () => {
    const d = doc("cite/index.html");
    expect(d.querySelector("#cite-formatted-text")?.textContent).toContain(results.study.title.en);
    expect(d.querySelector("#cite-bibtex-text")?.textContent).toMatch(/^@misc\{nqp_strategic_regions_\d{4},\n {2}title = \{\{New quality productivity/);
    expect(d.querySelectorAll("button[data-copy]")).toHaveLength(3);
    expect(read(siteDir, "cite/citation.bib")).toBe(d.querySelector("#cite-bibtex-text")?.textContent);
    expect(read(siteDir, "zh/cite/citation.bib")).toContain("中国重大国家战略区域新质生产力发展水平测度");
  });

  it("keeps the repository's CITATION.cff true to the study", () => {
    const info = { version: JSON.parse(readFileSync("package.json", "utf8")).version, commit: null, dirty: false, date: null, dateSource: null, node: "", astro: "" };
    expect(readFileSync("CITATION.cff", "utf8")).toBe(citationCff({ r: results, info, url: null }, { dated: false }));
  });
});

describe("budgets and safety", () => {
  it("keeps every page within 200 KB gzip-compressed, with its inline SVG", () => {
    const sizes = htmlFiles(siteDir).map((p) => [p, gzipSync(readFileSync(join(siteDir, p)), { level: 9 }).length] as const);
    for (const [page, bytes] of sizes) expect(bytes, page).toBeLessThanOrEqual(200 * 1024);
  });

  it("ships at most 60 KB of gzip-compressed JavaScript to any page, all from the site's own files", () => {
    for (const page of htmlFiles(siteDir).filter((p) => !p.startsWith("pagefind"))) {
      const html = read(siteDir, page);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      let bytes = 0;
      for (const [, attrs, body] of scripts) {
        expect(body.trim(), `${page}: inline script`).toBe("");
        const src = attrs.match(/src="([^"]+)"/)?.[1] ?? "";
        expect(src, page).toMatch(/^\/js\//);
        const file = readFileSync(join(siteDir, src));
        bytes += gzipSync(file, { level: 9 }).length;
        // The search script loads Pagefind's own module when a search is made.
        if (src.endsWith("search.js")) bytes += gzipSync(readFileSync(join(siteDir, "pagefind/pagefind.js")), { level: 9 }).length;
      }
      expect(bytes, page).toBeLessThanOrEqual(60 * 1024);
      expect(html, page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
      expect(html, page).not.toMatch(/\son[a-z]+="/);
    }
  });

  it("loads nothing from outside the site", () => {
    for (const page of htmlFiles(siteDir)) {
      const html = read(siteDir, page);
      const urls = [...html.matchAll(/(?:src|href)="([^"]+)"|url\(([^)]+)\)/g)].map((m) => m[1] ?? m[2]);
      for (const url of urls) expect(url, page).not.toMatch(/^(https?:)?\/\//);
    }
  });
});

describe("a failed build", () => {
  it("stops with the problem and leaves the previous output untouched", () => {
    const study = mkdtempSync(join(tmpdir(), "broken-"));
    cpSync("tests/fixtures/tiny", study, { recursive: true });
    writeFileSync(join(study, "panel.csv"), readFileSync(join(study, "panel.csv"), "utf8").replace("A,2020,z,3", "A,2020,z,3%"));
    const out = mkdtempSync(join(tmpdir(), "out-"));
    mkdirSync(join(out, "dist"));
    writeFileSync(join(out, "dist", "index.html"), "previous build");
    const run = spawnSync(process.execPath, ["scripts/build.ts", "--study", study, "--out", join(out, "dist")], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'panel.csv:25 column "value": value "3%" is not a number: write percentages without the % sign (series z, unit A, year 2020)',
    );
    expect(readdirSync(join(out, "dist"))).toEqual(["index.html"]);
    expect(readFileSync(join(out, "dist", "index.html"), "utf8")).toBe("previous build");
  });
});

describe("a repeated build", () => {
  it("gives byte-identical output from the same inputs", () => {
    const out = mkdtempSync(join(tmpdir(), "again-"));
    const run = spawnSync(process.execPath, ["scripts/build.ts", "--out", out], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const list = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(dir.length))
        .sort();
    expect(list(out)).toEqual(list(siteDir));
    for (const file of list(out)) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(siteDir, file))), file).toBe(true);
    }
  });
});
