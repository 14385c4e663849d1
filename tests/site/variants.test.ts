// The site of other studies: the tiny fixture (four units, two regions, three years, no map)
// built as it is, and again with names full of markup, quotes and ampersands, hosted under a
// sub-path. Nothing on the site may be specific to the default study.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import type { Results } from "../../src/pipeline/results.ts";
import { htmlFiles, read, sitePages } from "./site.ts";

function build(study: string, base?: string): string {
  const out = mkdtempSync(join(tmpdir(), "site-"));
  const args = ["scripts/build.ts", "--study", study, "--out", out, ...(base ? ["--base", base] : [])];
  const run = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  return out;
}

const hostile = `<script>alert("x")</script> & "Q" 'R'`;

describe("a study without a map", () => {
  let dir: string;
  let r: Results;
  beforeAll(() => {
    dir = build("tests/fixtures/tiny");
    r = JSON.parse(read(dir, "downloads/results.json")) as Results;
  }, 120_000);

  it("has every page in both languages, for its own units and regions", () => {
    for (const page of sitePages(r)) expect(existsSync(join(dir, page, "index.html")), page).toBe(true);
    expect(existsSync(join(dir, "units/A/index.html"))).toBe(true);
    expect(existsSync(join(dir, "zh/regions/south/index.html"))).toBe(true);
  });

  it("says it has no map, and still shows the tiers and the densities", () => {
    const d = parseHTML(read(dir, "spatial/index.html")).document;
    expect(d.querySelector("main")?.textContent).toContain("This study defines no map.");
    expect(d.querySelectorAll("svg.map")).toHaveLength(0);
    expect(d.querySelectorAll("#tier-table tbody tr")).toHaveLength(4);
    expect(d.querySelector("#density svg")).not.toBeNull();
    expect(read(dir, "zh/spatial/index.html")).toContain("本研究未定义地图。");
  });

  it("speaks of a stacked sample only when regions overlap", () => {
    for (const page of ["index.html", "inequality/index.html", "zh/inequality/index.html", "methods/index.html"]) {
      const html = read(dir, page);
      expect(html, page).not.toContain("stacked-note");
      expect(html, page).not.toMatch(/memberships|叠加样本/);
    }
    expect(read(dir, "methods/index.html")).toContain("the regions do not overlap: each unit counts once, in its region");
  });

  it("speaks of its units, not of provinces, and shows no undefined value", () => {
    for (const page of htmlFiles(dir).filter((p) => !p.startsWith("pagefind"))) {
      const text = parseHTML(read(dir, page)).document.querySelector("main")?.textContent ?? "";
      expect(text, page).not.toMatch(/province|省份|undefined|NaN/);
    }
    expect(read(dir, "index.html")).toContain("Across the 4 sample units the mean score");
    expect(read(dir, "downloads/scores.csv").slice(1, 40)).toMatch(/^unit_code,unit,unit_zh,year,score/);
  });
});

describe("a study with markup in its names, hosted under a sub-path", () => {
  let dir: string;
  beforeAll(() => {
    const study = mkdtempSync(join(tmpdir(), "hostile-"));
    cpSync("tests/fixtures/tiny", study, { recursive: true });
    const def = JSON.parse(readFileSync(join(study, "study.json"), "utf8"));
    def.title.en = `Tiny ${hostile}`;
    def.title.zh = `测试 ${hostile}`;
    def.authors = [{ name: `A & B ${hostile}` }];
    def.regions[0].name.en = `North ${hostile}`;
    def.dimensions[0].name.en = `One ${hostile}`;
    def.indicators[0].name.en = `Ratio ${hostile}`;
    writeFileSync(join(study, "study.json"), JSON.stringify(def));
    const units = readFileSync(join(study, "units.csv"), "utf8").replace("A,甲,Alpha", `A,甲,"Alpha ${hostile.replace(/"/g, '""')}"`);
    writeFileSync(join(study, "units.csv"), units);
    dir = build(study, "/supplement/");
  }, 120_000);

  it("renders the names as text everywhere", () => {
    for (const page of htmlFiles(dir).filter((p) => !p.startsWith("pagefind"))) {
      const html = read(dir, page);
      // Markup in a name ends up as text or inside a quoted attribute value, never as an element.
      expect(html.replace(/"[^"]*"/g, '""'), page).not.toContain("<script>alert");
      const d = parseHTML(html).document;
      for (const script of d.querySelectorAll("script")) {
        expect(script.getAttribute("src"), page).toMatch(/^\/supplement\/js\//);
        expect(script.textContent, page).toBe("");
      }
      expect(d.querySelectorAll("[onload], [onerror], [onclick]"), page).toHaveLength(0);
    }
    const d = parseHTML(read(dir, "index.html")).document;
    expect(d.querySelector("title")?.textContent).toContain(`Tiny ${hostile}`);
    expect(d.querySelector('meta[name="citation_title"]')?.getAttribute("content")).toBe(`Tiny ${hostile}`);
    expect(d.querySelector(".site-title")?.textContent).toBe(`Tiny ${hostile}`);
    const unit = parseHTML(read(dir, "units/A/index.html")).document;
    expect(unit.querySelector("h1")?.textContent).toBe(`Alpha ${hostile}`);
    expect(unit.querySelector("#unit-A-score svg desc")?.textContent).toContain(`Alpha ${hostile}`);
    const region = parseHTML(read(dir, "regions/north/index.html")).document;
    expect(region.querySelector("h1")?.textContent).toBe(`North ${hostile}`);
  });

  it("escapes the names in the chart files and the citations", () => {
    const svg = read(dir, "charts/regions-score.svg");
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("North &lt;script&gt;");
    expect(read(dir, "cite/citation.bib")).toContain(String.raw`A \& B <script>alert("x")</script> \& "Q" 'R'`);
    expect(read(dir, "cite/CITATION.cff")).toContain(`title: ${JSON.stringify(`Tiny ${hostile}`)}`);
  });

  it("makes every link and file reference respect the base path", () => {
    for (const page of htmlFiles(dir).filter((p) => !p.startsWith("pagefind"))) {
      const html = read(dir, page);
      const refs = [...html.matchAll(/(?:href|src)="([^"#][^"]*)"|url\((\/[^)]*)\)/g)].map((m) => m[1] ?? m[2]);
      expect(refs.length, page).toBeGreaterThan(5);
      for (const ref of refs) expect(ref, page).toMatch(/^\/supplement\//);
      expect(html, page).toContain('data-base="/supplement/"');
    }
  });
});

describe("a study outside the working folder", () => {
  it("publishes no path of the builder's own folders", () => {
    const study = mkdtempSync(join(tmpdir(), "elsewhere-"));
    cpSync("tests/fixtures/tiny", study, { recursive: true });
    const out = mkdtempSync(join(tmpdir(), "elsewhere-out-"));
    const run = spawnSync(process.execPath, ["scripts/build.ts", "--study", study, "--out", out], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const leaks = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(html|json|csv|txt|svg)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .filter((f) => readFileSync(f, "utf8").includes(study));
    expect(leaks).toEqual([]);
    expect(readFileSync(join(out, "reproduce/index.html"), "utf8")).toContain("--study &lt;folder holding study.json&gt;");
  });
});
