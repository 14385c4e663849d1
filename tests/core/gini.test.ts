import { describe, expect, it } from "vitest";
import { MethodError } from "../../src/core/errors.ts";
import { absDiffSum, gini } from "../../src/core/gini.ts";
import { expectClose, fraction, type Tolerance } from "./close.ts";
import { loadVector } from "./vectors.ts";

interface GiniCase {
  values: number[];
  gini: number;
  gini_exact: string;
  gini_n_minus_1: number;
  gini_n_minus_1_exact: string;
}
const vector = loadVector<{ cases: GiniCase[]; tolerance: Tolerance }>("gini_tiny");

describe("gini on gini_tiny.json", () => {
  for (const [c, item] of vector.cases.entries()) {
    it(`case ${c}: ${item.values.join(", ")}`, () => {
      const plain = gini(item.values);
      expectClose(plain, item.gini, vector.tolerance, "gini");
      expectClose(plain, fraction(item.gini_exact), vector.tolerance, "gini exact");
      const sample = gini(item.values, { variant: "sample" });
      expectClose(sample, item.gini_n_minus_1, vector.tolerance, "gini n/(n-1)");
      expectClose(sample, fraction(item.gini_n_minus_1_exact), vector.tolerance, "gini n/(n-1) exact");
    });
  }
});

describe("gini properties", () => {
  const values = [0.31, 0.12, 0.9, 0.45, 0.45, 0.07, 0.66];

  it("does not depend on the order or the scale of the values", () => {
    const g = gini(values);
    expectClose(gini([...values].reverse()), g, { rel: 1e-15, abs: 0 }, "reversed");
    expectClose(gini(values.map((y) => y * 1000)), g, { rel: 1e-14, abs: 0 }, "scaled");
  });

  it("equals the double sum over all pairs", () => {
    let s = 0;
    for (const a of values) for (const b of values) s += Math.abs(a - b);
    const mean = values.reduce((x, y) => x + y, 0) / values.length;
    expectClose(gini(values), s / (2 * values.length ** 2 * mean), { rel: 1e-13, abs: 0 }, "gini");
    expect(absDiffSum(Float64Array.of(1, 2, 4))).toBe(12);
  });
});

describe("gini on degenerate input", () => {
  it("gives 0 for one positive value (plain)", () => {
    expect(gini([3])).toBe(0);
  });

  it("throws on empty input, zero mean, negative, NaN, and one value with n/(n-1)", () => {
    expect(() => gini([])).toThrow(/no values/);
    expect(() => gini([0, 0, 0])).toThrow(/mean is 0/);
    expect(() => gini([1, -2])).toThrow(/value 1 must be a finite non-negative number, got -2/);
    expect(() => gini([1, NaN])).toThrow(/got NaN/);
    expect(() => gini([2], { variant: "sample" })).toThrow(MethodError);
  });

  it("names the bad observation in the error fields", () => {
    try {
      gini([1, 2, Infinity]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MethodError);
      expect(error).toMatchObject({ method: "gini", unit: 2, value: Infinity });
    }
  });
});
