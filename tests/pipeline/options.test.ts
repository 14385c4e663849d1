// Method options of the study file reach the methods, and a method's failure on degenerate
// input comes back with the study's names.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as core from "../../src/core/index.ts";
import { loadStudy } from "../../src/study/load.ts";
import { StudyInputError } from "../../src/study/problems.ts";
import { computeResults } from "../../src/pipeline/compute.ts";
import { buildIndicators } from "../../src/pipeline/indicators.ts";
import { expectClose, reference } from "../helpers/close.ts";

function tinyWith(method: Record<string, unknown>, editPanel?: (t: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "options-"));
  cpSync("tests/fixtures/tiny", dir, { recursive: true });
  const study = JSON.parse(readFileSync(join(dir, "study.json"), "utf8"));
  study.method = method;
  writeFileSync(join(dir, "study.json"), JSON.stringify(study));
  if (editPanel) writeFileSync(join(dir, "panel.csv"), editPanel(readFileSync(join(dir, "panel.csv"), "utf8")));
  return dir;
}

const scores = (r: ReturnType<typeof computeResults>) => {
  const byRow = new Map(r.scores.map((s) => [`${s.year}|${s.unit}`, s.score]));
  return r.study.years.flatMap((y) => r.study.units.map((u) => byRow.get(`${y}|${u.code}`) as number));
};

describe("method options", () => {
  it("classical vector-normalised TOPSIS runs on the raw indicator values", () => {
    const dir = tinyWith({ topsis: { normalisation: "vector" } });
    const study = loadStudy(dir);
    const m = buildIndicators(study);
    const r = computeResults(study);
    const w = core.entropyWeights(m.columns, [1, 1, -1], { shift: 0.0001 }).weights;
    expectClose(scores(r), core.topsisVector(m.columns, w, [1, 1, -1]).closeness, reference, "closeness");
    // Delta is the worst in every indicator in 2020: it sits on the anti-ideal point, scores 0,
    // and growth from 0 is reported as not defined rather than as Infinity or NaN.
    const delta = r.growth.find((g) => g.group === "D");
    expect(delta).toMatchObject({ first: 0, total: null, cagr: null, meanYoy: null });
  });

  it("raw-data entropy takes its weights from p = x / Σx", () => {
    const dir = tinyWith({ entropy: { standardise: "raw" } });
    const study = loadStudy(dir);
    const m = buildIndicators(study);
    const r = computeResults(study);
    expectClose(r.study.indicators.map((i) => i.weight), core.entropyWeightsRaw(m.columns).weights, reference, "weights");
  });

  it("rejects combinations that have no defined meaning", () => {
    expect(() => loadStudy(tinyWith({ entropy: { standardise: "raw", scope: "year" } }))).toThrow(
      'study.json column "method.entropy.standardise": raw-data entropy is computed over the whole panel',
    );
  });

  it("names a constant indicator, and drops it only when the study asks", () => {
    const constant = (t: string) => t.replace(/^([ABCD]),(\d+),z,\d+$/gm, "$1,$2,z,4");
    try {
      computeResults(loadStudy(tinyWith({}, constant)));
      expect.fail("a constant indicator must stop the build");
    } catch (error) {
      expect(error).toBeInstanceOf(StudyInputError);
      expect((error as Error).message).toMatch(/column "indicators\[1\]": value "level" is constant/);
      expect((error as Error).message).toMatch(/set method\.entropy\.dropConstant to true/);
    }
    const r = computeResults(loadStudy(tinyWith({ entropy: { dropConstant: true } }, constant)));
    expect(r.study.indicators.find((i) => i.id === "level")?.weight).toBe(0);
    expectClose(core.fsum(r.study.indicators.map((i) => i.weight)), 1, reference, "weights sum");
  });

  it("names a negative value that a ratio-based method cannot take", () => {
    const negative = (t: string) => t.replace("A,2020,z,3", "A,2020,z,-3");
    expect(() => computeResults(loadStudy(tinyWith({ entropy: { standardise: "raw" } }, negative)))).toThrow(
      /indicator level.*Alpha \(A\) in 2020/,
    );
  });
});
