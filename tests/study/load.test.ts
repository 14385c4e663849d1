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
    if (error instanceof StudyInputError) return error.problems.map((p) => `${p.file.replace(/.*\//, "")}:${p.row ?? ""}:${p.column ?? ""}:${p.value ?? ""}: ${p.message}`);
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
      'panel.csv:43:unit:Q: is not a unit of the units file',
    ]);
  });

  it("rejects a duplicate row with a different value, naming both rows", () => {
    const dir = variant("panel.csv", (t) => t.replace("A,2020,x,10\n", "A,2020,x,11\n").replace(/A,2020,x,10\n$/, "A,2020,x,10\n"));
    expect(problemsOf(dir)).toEqual(["panel.csv:51:value:10: duplicates row 2 (x, A, 2020) with a different value 11"]);
  });

  it("names a gap the study gives no treatment for", () => {
    const dir = variant("study.json", (t) => t.replace('"formula": "z"', '"formula": "z", "missing": { "interior": "none" }').replace('"missing": { "interior": "linear" }', '"missing": { "interior": "none" }'));
    expect(problemsOf(dir)).toEqual([
      "panel.csv::series x:: indicator ratio is missing for Beta (B) in 2021 (no x row) and the study names no interior treatment for it (set indicators[].missing.interior in study.json)",
    ]);
  });

  it("names a division by zero with indicator, unit and year", () => {
    const dir = variant("panel.csv", (t) => t.replace("C,2021,y,100", "C,2021,y,0"));
    expect(problemsOf(dir)).toEqual(["study.json::indicator ratio:: divides by zero for Gamma (C) in 2021: y is 0"]);
  });

  it("reports schema problems with their field path", () => {
    const dir = variant("study.json", (t) => t.replace('"direction": "-"', '"direction": "down"').replace('"members": ["C", "D"]', '"members": ["C", "X"]'));
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^study\.json::indicators\[2\]\.direction::/);
    const dir2 = variant("study.json", (t) => t.replace('"members": ["C", "D"]', '"members": ["C", "X", "E"]'));
    expect(problemsOf(dir2)).toEqual([
      "study.json::regions[1].members[1]:X: is not a unit of the units file",
      "study.json::regions[1].members[2]:E: is a region member but not in the sample",
    ]);
  });

  it("reports a series a formula needs that the data lack", () => {
    const dir = variant("study.json", (t) => t.replace('"formula": "z"', '"formula": "z + missing_series"'));
    expect(problemsOf(dir)).toEqual([
      'sources.csv:::: has no row for series "missing_series", which a formula uses',
      'panel.csv:::: has no rows for series "missing_series", which a formula uses',
    ]);
  });

  it("rejects a file that is not UTF-8", () => {
    const dir = variant("panel.csv", (t) => t);
    writeFileSync(join(dir, "panel.csv"), Buffer.from([0x75, 0x6e, 0x69, 0x74, 0x0a, 0xb1, 0xb1, 0xbe, 0xa9, 0x0a]));
    expect(problemsOf(dir)).toEqual(["panel.csv:::: is not valid UTF-8 text; save it as UTF-8 (CSV UTF-8 in Excel)"]);
  });
});
