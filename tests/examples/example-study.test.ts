// Studies other than the default build with the same commands: the example study (31 provinces
// in four non-overlapping economic zones, 2015-2021, data in four file forms including an NBS
// export, a workbook and a GBK file) and the tiny fixture (no map). A malformed study stops the
// build with every problem and leaves the previous output alone.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Results } from "../../src/pipeline/results.ts";
import { errorCase } from "../study/cases.ts";

const example = "examples/digital-economy-zones";

function npm(...args: string[]) {
  return spawnSync("npm", ["run", "--silent", ...args], { encoding: "utf8" });
}

describe("the example study", () => {
  const out = mkdtempSync(join(tmpdir(), "example-site-"));
  let results: Results;
  beforeAll(() => {
    const run = npm("build", "--", "--study", example, "--out", out);
    expect(run.status, run.stderr).toBe(0);
    results = JSON.parse(readFileSync(join(out, "downloads/results.json"), "utf8"));
  });

  it("builds every page, the data-quality page included", () => {
    for (const page of ["", "index-system/", "levels/", "map/", "inequality/", "dimensions/", "methods/", "data/", "data-quality/"]) {
      expect(existsSync(join(out, page, "index.html")), page).toBe(true);
    }
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("The digital economy of China&#39;s provinces by economic zone");
  });

  it("scores all 31 provinces in the four zones for 2015-2021", () => {
    expect(results.study.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021]);
    expect(results.study.units).toHaveLength(31);
    expect(results.study.regions.map((r) => [r.id, r.members.length])).toEqual([["east", 10], ["central", 6], ["west", 12], ["northeast", 3]]);
    const scores = readFileSync(join(out, "downloads/scores.csv"), "utf8").slice(1).trim().split("\n");
    expect(scores).toHaveLength(1 + 31 * 7);
    expect(results.filled).toEqual([]);
  });

  it("read each data file in its own form, and accounts for every row", () => {
    const v = results.validation;
    expect(v.inputs.map((f) => [f.format, f.encoding])).toEqual([
      ["nbs", "UTF-8 with byte-order mark"],
      ["long", "UTF-8"],
      ["xlsx (wide-series)", null],
      ["xlsx (wide-years)", null],
      ["wide-series", "GBK/GB18030 (not UTF-8; read as GB18030)"],
    ]);
    for (const f of v.inputs) expect(f.rowsUsed + f.dropped.reduce((a, d) => a + d.rows, 0), f.path).toBe(f.rowsRead);
    expect(v.rowsUsed).toBe(8 * 31 * 7);
    expect(v.dropped).toEqual([{ reason: "year outside the study years", rows: v.rowsRead - v.rowsUsed }]);
  });

  it("takes the raw values as published: Beijing's broadband subscribers in 2021 and Guangdong's GDP", () => {
    const value = (unit: string, series: string, year: number) =>
      results.panel.find((p) => p.unit === unit && p.series === series && p.year === year)?.value;
    expect(value("110000", "broadband_users", 2021)).toBe(806.3);
    expect(value("440000", "gdp", 2021)).toBe(127577.4);
    expect(value("110000", "dfiic_coverage_breadth", 2021)).toBeGreaterThan(0);
  });
});

describe("the compute-only command", () => {
  it("writes the results and tables of a study without the site", () => {
    const out = mkdtempSync(join(tmpdir(), "example-compute-"));
    const run = npm("compute", "--", "--study", example, "--out", out);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["downloads", "results.json"]);
    expect(existsSync(join(out, "index.html"))).toBe(false);
  });
});

describe("the tiny fixture study", () => {
  it("builds into a site without a map", () => {
    const out = mkdtempSync(join(tmpdir(), "tiny-site-"));
    const run = npm("build", "--", "--study", "tests/fixtures/tiny", "--out", out);
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(out, "downloads/results.json"), "utf8")) as Results;
    expect(results.study.map).toBeNull();
    expect(existsSync(join(out, "map/index.html"))).toBe(true);
    expect(readFileSync(join(out, "data-quality/index.html"), "utf8")).toContain('<strong id="rows-read">50</strong>');
  });
});

describe("a malformed study", () => {
  it("stops the build with every problem and the fix, exit code 1, and leaves the previous output", () => {
    const study = errorCase("outside-years");
    const out = mkdtempSync(join(tmpdir(), "kept-"));
    mkdirSync(join(out, "dist"));
    writeFileSync(join(out, "dist", "index.html"), "previous build");
    const run = npm("build", "--", "--study", study, "--out", join(out, "dist"));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error: the study has 4 problems:");
    expect(run.stderr).toContain('extra.csv:6 column "year": value "abc" is not a year: write it as 2021 (2021年 is read as 2021)');
    expect(run.stderr).toContain('set "outside": "drop" for this file in study.json');
    expect(run.stderr).toContain("nothing was written to the output folder.");
    expect(readdirSync(join(out, "dist"))).toEqual(["index.html"]);
    expect(readFileSync(join(out, "dist", "index.html"), "utf8")).toBe("previous build");
  });
});

const raw = resolve(import.meta.dirname, "../../../shared/data-raw");
describe.skipIf(!existsSync(raw))("the example's data files", () => {
  it("are exactly what scripts/import-example.ts writes from the raw files", () => {
    const out = mkdtempSync(join(tmpdir(), "example-data-"));
    const run = spawnSync(process.execPath, ["scripts/import-example.ts", "--out", out], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    for (const file of readdirSync(out)) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(example, file))), file).toBe(true);
    }
    expect(readdirSync(out).sort()).toEqual(["broadband-nbs.csv", "digital.xlsx", "internet.csv", "population-gdp.csv", "sources.csv", "units.csv"]);
  });
});
