import { describe, expect, it } from "vitest";
import { averageGrowth, growth, type GrowthResult } from "../../src/core/growth.ts";
import { expectLayout, type Tolerance } from "./close.ts";
import { loadVector } from "./vectors.ts";

const vector = loadVector<{
  cases: { series: number[]; expected: GrowthResult }[];
  tolerance: Tolerance;
}>("growth_tiny");

describe("growth on growth_tiny.json", () => {
  for (const [c, item] of vector.cases.entries()) {
    it(`case ${c}: ${item.series.join(", ")}`, () => {
      expectLayout(growth(item.series), item.expected, vector.tolerance, `case ${c}`);
      expect(averageGrowth(item.series)).toBe(growth(item.series).cagr);
      expect(averageGrowth(item.series, "mean_yoy")).toBe(growth(item.series).mean_yoy);
    });
  }
});

describe("growth conventions", () => {
  it("takes the (T-1)-th root: nine steps from 2012 to 2021", () => {
    const series = Array.from({ length: 10 }, (_, t) => 2 ** (t / 9));
    expect(Math.abs(growth(series).cagr - (2 ** (1 / 9) - 1))).toBeLessThan(1e-15);
  });

  it("allows a last value of 0 (a fall of 100%)", () => {
    expect(growth([4, 2, 0])).toEqual({ yoy: [-0.5, -1], total: -1, cagr: -1, mean_yoy: -0.75 });
  });
});

describe("growth on degenerate input", () => {
  it("needs at least two years", () => {
    expect(() => growth([])).toThrow(/at least two years, got 0/);
    expect(() => growth([5])).toThrow(/at least two years, got 1/);
  });

  it("names a non-positive start or base value, and NaN", () => {
    expect(() => growth([0, 1, 2])).toThrow(/year 0 must be a finite number > 0 .*, got 0/);
    expect(() => growth([-2, 1])).toThrow(/year 0 .* got -2/);
    expect(() => growth([1, 0, 2])).toThrow(/year 1 .* got 0/);
    expect(() => growth([1, NaN])).toThrow(/year 1 must be a finite number >= 0, got NaN/);
    expect(() => averageGrowth([1, 2], "geometric" as "cagr")).toThrow(/average rule/);
  });
});
