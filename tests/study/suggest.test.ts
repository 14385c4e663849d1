// "Did you mean …?" for misspelled series, and the map file checked before anything is computed.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../../src/study/suggest.ts";
import { loadStudy } from "../../src/study/load.ts";
import { StudyInputError, formatProblem } from "../../src/study/problems.ts";

function tinyWith(edit: (study: any) => void, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "suggest-"));
  cpSync("tests/fixtures/tiny", dir, { recursive: true });
  const study = JSON.parse(readFileSync(join(dir, "study.json"), "utf8"));
  edit(study);
  writeFileSync(join(dir, "study.json"), JSON.stringify(study));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function problems(dir: string): string[] {
  try {
    loadStudy(dir);
  } catch (error) {
    if (!(error instanceof StudyInputError)) throw error;
    return error.problems.map((p) => formatProblem(p).replaceAll(`${dir}/`, ""));
  }
  return [];
}

describe("closest name", () => {
  it("counts swaps of neighbours as one edit", () => {
    expect(editDistance("gpd", "gdp")).toBe(1);
    expect(editDistance("population", "popluation")).toBe(1);
    expect(editDistance("rd_fte", "rd_fet")).toBe(1);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("省份", "省分")).toBe(1);
  });

  it("suggests only a clear winner within reach", () => {
    expect(closest("gpd", ["gdp", "population", "rd_fte"])).toBe("gdp");
    expect(closest("xy", ["xa", "xb"])).toBe(null);
    expect(closest("budget", ["gdp"])).toBe(null);
    expect(closest("rd_expenditur", ["rd_expenditure", "rd_fte"])).toBe("rd_expenditure");
  });
});

describe("a misspelled series in a formula", () => {
  it("is named in the sources and data messages with the likely intended series", () => {
    const dir = tinyWith((s) => (s.indicators[1].formula = "zz"));
    expect(problems(dir)).toEqual([
      'sources.csv: has no row for series "zz", which indicator level uses: did you mean "z"? check the formula in study.json, or add a row naming its unit and source',
      'panel.csv: has no rows for series "zz", which indicator level uses (did you mean "z"? check the formula in study.json)',
    ]);
  });
});

describe("the map file", () => {
  it("must exist", () => {
    const dir = tinyWith((s) => (s.map = { file: "shapes.topo.json", object: "units" }));
    expect(problems(dir)).toEqual([
      "shapes.topo.json: does not exist: check map.file in study.json (relative to the study folder), or remove the map block",
    ]);
  });

  it("must hold the named object and a shape for every sample unit", () => {
    const topology = {
      type: "Topology",
      arcs: [],
      objects: { units: { type: "GeometryCollection", geometries: ["A", "B", "C"].map((code) => ({ type: null, properties: { code } })) } },
    };
    const files = { "shapes.topo.json": JSON.stringify(topology) };
    expect(problems(tinyWith((s) => (s.map = { file: "shapes.topo.json", object: "regions" }), files))).toEqual([
      'study.json column "map.object": value "regions" is not an object of shapes.topo.json; it has "units"',
    ]);
    expect(problems(tinyWith((s) => (s.map = { file: "shapes.topo.json", object: "units" }), files))).toEqual([
      'shapes.topo.json: has no shape for Delta (D): each sample unit needs a feature whose "code" property is its code',
    ]);
  });
});
