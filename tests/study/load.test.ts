import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadStudy } from "../../src/study/load.ts";
import { StudyInputError } from "../../src/study/problems.ts";
import { buildIndicators } from "../../src/pipeline/indicators.ts";

const tiny = new URL("../fixtures/tiny/", import.meta.url).pathname;

/** A copy of the tiny study with one file changed. */
function variant(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "study-"));
  cpSync(tiny, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    buildIndicators(loadStudy(dir));
  } catch (error) {
    if (error instanceof StudyInputError) {
      return error.problems.map((p) => `${p.file.replace(/.*\//, "")}:${p.row ?? ""}:${p.column ?? ""}:${p.value ?? ""}: ${p.message.replaceAll(`${dir}/`, "")}`);
    }
    throw error;
  }
  return [];
}

describe("loadStudy", () => {
  it("accounts for every panel row: read = used + dropped", () => {
    const study = loadStudy(tiny);
    const dropped = study.dropped.reduce((a, d) => a + d.rows, 0);
    expect(study.rowsRead).toBe(50);
    expect(study.rowsUsed).toBe(46);
    expect(study.rowsUsed + dropped).toBe(study.rowsRead);
    expect(study.dropped).toEqual([
      { reason: "exact duplicate of an earlier row", rows: 1 },
      { reason: "series not used by any indicator formula", rows: 1 },
      { reason: "unit not in the study sample", rows: 1 },
      { reason: "year outside the study years", rows: 1 },
    ]);
    expect(study.files.map((f) => f.path.replace(/.*\//, ""))).toEqual(["study.json", "units.csv", "sources.csv", "panel.csv"]);
  });

  it("fills only the gaps the study names, and records each filled cell", () => {
    const m = buildIndicators(loadStudy(tiny));
    // ratio of B in 2021 (unit 1, year 1): halfway between 5% and 9%.
    expect(m.columns[0][1 * 4 + 1]).toBe(7);
    // cost of D in 2020 (unit 3, year 0): nearest observed year, 2021.
    expect(m.columns[2][0 * 4 + 3]).toBe(7);
    expect(m.filled).toEqual([
      { indicator: "ratio", unit: "B", year: 2021, value: 7, method: "linear", basis: [2020, 2022] },
      { indicator: "cost", unit: "D", year: 2020, value: 7, method: "nearest", basis: [2021] },
    ]);
  });

  it("reports every bad cell at once, with file, row, column and value", () => {
    const dir = variant("panel.csv", (t) =>
      t.replace("A,2020,x,10\n", "A,2020,x,\"1,000\"\n").replace("B,2020,z,1\n", "B,2020,z,12%\n").replace("C,2020,c,4\n", "Q,2020,c,4\n"));
    expect(problemsOf(dir)).toEqual([
      'panel.csv:2:value:1,000: is not a number: remove the thousands separators (series x, unit A, year 2020)',
      'panel.csv:28:value:12%: is not a number: write percentages without the % sign (series z, unit B, year 2020)',
      'panel.csv:43:unit:Q: is not a unit of units.csv: write its code, its Chinese or English name, or add this spelling to the aliases column of units.csv',
    ]);
  });

  it("rejects a duplicate row with a different value, naming both rows", () => {
    const dir = variant("panel.csv", (t) => t.replace("A,2020,x,10\n", "A,2020,x,11\n").replace(/A,2020,x,10\n$/, "A,2020,x,10\n"));
    expect(problemsOf(dir)).toEqual(["panel.csv:51:value:10: duplicates row 2 (x, A, 2020) with a different value 11"]);
  });

  it("names a gap the study gives no treatment for", () => {
    const dir = variant("study.json", (t) => t.replace('"formula": "z"', '"formula": "z", "missing": { "interior": "none" }').replace('"missing": { "interior": "linear" }', '"missing": { "interior": "none" }'));
    expect(problemsOf(dir)).toEqual([
      "study.json::indicators[0].missing.interior:: indicator ratio is missing for Beta (B) in 2021 (the data files have no x value) " +
        'and the study names no treatment for a gap inside the period: add the value, or set indicators[0].missing.interior ("linear")',
    ]);
  });

  it("names a division by zero with indicator, unit and year", () => {
    const dir = variant("panel.csv", (t) => t.replace("C,2021,y,100", "C,2021,y,0"));
    expect(problemsOf(dir)).toEqual([
      'panel.csv:20:value:0: is a divisor of indicator ratio ("x / y * 100") for Gamma (C) in 2021, which divides by zero; correct the value, or change the formula',
    ]);
  });

  it("reports schema problems with their field path", () => {
    const dir = variant("study.json", (t) => t.replace('"direction": "-"', '"direction": "down"').replace('"members": ["C", "D"]', '"members": ["C", "X"]'));
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^study\.json::indicators\[2\]\.direction::/);
    const dir2 = variant("study.json", (t) => t.replace('"members": ["C", "D"]', '"members": ["C", "X", "E"]'));
    expect(problemsOf(dir2)).toEqual([
      "study.json::regions[1].members[1]:X: is not a unit of units.csv: write its code, its Chinese or English name, or add this spelling to the aliases column of units.csv",
      'study.json::regions[1].members[2]:E: is a region member but not in the sample: add it to "sample" or remove it from the region',
    ]);
  });

  it("reports a series a formula needs that the data lack", () => {
    const dir = variant("study.json", (t) => t.replace('"formula": "z"', '"formula": "z + missing_series"'));
    expect(problemsOf(dir)).toEqual([
      'sources.csv:::: has no row for series "missing_series", which indicator level uses: add a row naming its unit and source',
      'panel.csv:::: has no rows for series "missing_series", which indicator level uses; the data files have w',
    ]);
  });

  it("reads the earlier one-file form, where rows outside the study are errors unless dropped", () => {
    const dir = variant("study.json", (t) => t.replace(/"files": \[.*?\]/, '"panel": "panel.csv"'));
    const drop = 'or set "outside": "drop" for this file in study.json';
    expect(problemsOf(dir)).toEqual([
      `panel.csv:48:unit:E: is a unit of units.csv but not in the study sample: add the unit to "sample" in study.json, remove these rows, ${drop}`,
      `panel.csv:49:year:2019: is outside the study years 2020–2022: remove these rows or columns, ${drop}`,
    ]);
  });

  it("takes every unit of the units file when the sample is not given, and names as well as codes", () => {
    const dir = variant("study.json", (t) => t.replace(/"sample": \[[^\]]*\],/, "").replace('"members": ["A", "B"]', '"members": ["甲", "Beta"]').replace('"members": ["C", "D"]', '"members": ["C", "D", "E"]'));
    const study = loadStudy(dir);
    expect(study.sample.map((u) => u.code)).toEqual(["A", "B", "C", "D", "E"]);
    expect(study.definition.regions.map((r) => r.members)).toEqual([["A", "B"], ["C", "D", "E"]]);
  });

  it("reports a data file entry that is not valid, with its path in study.json", () => {
    const dir = variant("study.json", (t) => t.replace('"format": "long"', '"format": "parquet"'));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/^study\.json::data\.files\[0\]\.format:: Invalid/)]);
    const both = variant("study.json", (t) => t.replace('"sources":', '"panel": "panel.csv", "sources":'));
    expect(problemsOf(both)).toEqual(['study.json::data.files:: list the data files in "files" (or give the one long CSV file as "panel"), not both']);
  });

  it("reports rows read, used and dropped for each data file", () => {
    const study = loadStudy(tiny);
    expect(study.inputs).toEqual([{
      path: expect.stringMatching(/panel\.csv$/),
      format: "long",
      encoding: "UTF-8",
      sheets: [],
      rowsRead: 50,
      rowsUsed: 46,
      dropped: study.dropped,
      notes: [],
      unusedSeries: ["w"],
    }]);
  });
});
