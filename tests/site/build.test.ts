// The built site of the default study, as files: every page, every download, the numbers in the
// generated sentences, and the promise that a failed build leaves the previous output alone.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";

const siteDir = inject("siteDir");
import type { Results } from "../../src/pipeline/results.ts";
import { findings } from "../../src/site/findings.ts";

const read = (path: string) => readFileSync(join(siteDir, path), "utf8");
const results = JSON.parse(read("downloads/results.json")) as Results;
const pages = ["", "index-system/", "levels/", "map/", "inequality/", "dimensions/", "methods/", "data/"];
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&#39;").replace(/"/g, "&quot;");

describe("built site", () => {
  it("has every page", () => {
    for (const page of pages) expect(existsSync(join(siteDir, page, "index.html")), page).toBe(true);
  });

  it("states the generated findings, with their numbers, on the overview", () => {
    const html = read("index.html");
    const f = findings(results);
    expect(f.sentences).toHaveLength(7);
    for (const sentence of f.sentences) expect(html).toContain(escape(sentence));
    // The leading region and its score come from the regional means of the last year.
    const last = results.means.filter((m) => m.year === 2021 && m.group !== "sample").sort((a, b) => b.score - a.score);
    expect(f.leader.id).toBe(last[0].group);
    expect(f.sentences[0]).toContain(last[0].score.toFixed(3));
  });

  it("shows each indicator's weight on the index system page", () => {
    const html = read("index-system/index.html");
    for (const i of results.study.indicators) {
      expect(html).toContain(escape(i.name.en));
      expect(html).toContain(`${(i.weight * 100).toFixed(2)}%`);
    }
  });

  it("writes the downloads as UTF-8 CSV with a byte-order mark and the documented columns", () => {
    const files = readdirSync(join(siteDir, "downloads")).sort();
    expect(files).toEqual([
      "dagum.csv", "dagum_pairs.csv", "dagum_regions.csv", "growth.csv", "imputed.csv", "panel.csv",
      "regions.csv", "results.json", "scores.csv", "sources.csv", "study.json", "theil.csv", "weights.csv",
    ]);
    const scores = read("downloads/scores.csv");
    expect(scores.charCodeAt(0)).toBe(0xfeff);
    const lines = scores.slice(1).trim().split("\n");
    expect(lines[0]).toBe("province_code,province,province_zh,year,score,nke,nin,nmo,rank,tier");
    expect(lines).toHaveLength(1 + 230);
    const beijing2021 = lines.find((l) => l.startsWith("110000,Beijing,北京,2021,"))?.split(",");
    const mine = results.scores.find((s) => s.unit === "110000" && s.year === 2021);
    expect(Number(beijing2021?.[4])).toBe(mine?.score);
    expect(read("downloads/imputed.csv").slice(1).trim().split("\n")).toHaveLength(1 + results.filled.length);
    const panel = read("downloads/panel.csv").slice(1).trim().split("\n");
    expect(panel[0]).toBe("province_code,province,province_zh,year,series,value");
    expect(panel).toHaveLength(1 + results.validation.rowsUsed);
  });

  it("accounts for every panel row on the data page", () => {
    const v = results.validation;
    expect(v.rowsUsed + v.dropped.reduce((a, d) => a + d.rows, 0)).toBe(v.rowsRead);
    const html = read("data/index.html");
    expect(html).toContain(`The panel file has ${v.rowsRead} rows: ${v.rowsUsed} were used`);
    for (const f of results.filled) expect(html).toContain(f.value.toFixed(4));
  });

  it("draws a map for every year and the South China Sea inset", () => {
    const html = read("map/index.html");
    for (const year of results.study.years) expect(html).toContain(`Composite score by province, ${year}`);
    expect(html.match(/class="map-inset"/g)?.length).toBeGreaterThanOrEqual(results.study.years.length);
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
    expect(run.stderr).toContain("panel.csv:");
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
