import { describe, expect, it } from "vitest";
import { type BandwidthRule, bandwidth, densityAt, kde, type Kernel } from "../../src/core/kde.ts";
import { expectAllClose, expectClose, type Tolerance } from "./close.ts";
import { xorshift } from "./random.ts";
import { loadVector } from "./vectors.ts";

interface Dataset {
  x: number[];
  bandwidths: Record<BandwidthRule, number>;
  gaussian_nrd0: { h: number; grid: number[]; density: number[]; density_at_data: number[] };
  epanechnikov_unit_support_nrd0_same_grid: { h: number; density: number[] };
  epanechnikov_stata_form_stata_bw_same_grid: { h: number; density: number[] };
}
const vector = loadVector<{ datasets: Record<string, Dataset>; tolerance: Tolerance }>("kde");
const tol = vector.tolerance;

describe("kde on kde.json", () => {
  for (const [name, data] of Object.entries(vector.datasets)) {
    it(`${name}: all seven bandwidth rules`, () => {
      const rules = Object.keys(data.bandwidths) as BandwidthRule[];
      expect(rules).toHaveLength(7);
      for (const rule of rules) expectClose(bandwidth(data.x, rule), data.bandwidths[rule], tol, rule);
    });

    it(`${name}: gaussian density on the grid and at the data`, () => {
      const expected = data.gaussian_nrd0;
      const result = kde(data.x, { nPoints: expected.grid.length });
      expectClose(result.h, expected.h, tol, "h");
      expectAllClose(result.grid, expected.grid, tol, "grid");
      expectAllClose(result.density, expected.density, tol, "density");
      expectAllClose(densityAt(data.x, data.x, result.h), expected.density_at_data, tol, "at data");
    });

    it(`${name}: both epanechnikov forms on the same grid`, () => {
      const grid = data.gaussian_nrd0.grid;
      const unit = data.epanechnikov_unit_support_nrd0_same_grid;
      const stata = data.epanechnikov_stata_form_stata_bw_same_grid;
      expectClose(unit.h, data.bandwidths.nrd0, tol, "unit h");
      expectClose(stata.h, data.bandwidths.stata, tol, "stata h");
      expectAllClose(densityAt(data.x, grid, unit.h, "epanechnikov"), unit.density, tol, "epanechnikov");
      const stataForm = densityAt(data.x, grid, stata.h, "epanechnikov_stata");
      expectAllClose(stataForm, stata.density, tol, "stata form");
      const direct = kde(data.x, { kernel: "epanechnikov", nPoints: grid.length });
      expectAllClose(direct.density, unit.density, tol, "kde epanechnikov");
    });
  }
});

describe("kde properties", () => {
  const random = xorshift(99);
  const x = Array.from({ length: 25 }, () => random() + (random() < 0.3 ? 2 : 0));

  // Integrate by the trapezoid rule on [min - 8h, max + 8h] (Gaussian tails beyond hold under
  // 1e-15 of the mass). On a smooth density decaying this fast the trapezoid rule converges
  // faster than any power of the step, so the Gaussian integral must be 1 to rounding (1e-12).
  // The Epanechnikov densities have kinks at the edges of each kernel's support, where the rule
  // errs by O(step²): with 20001 points (step ≈ 3e-4 here) that is about 1e-8, so 1e-7.
  const tolerance: Record<Kernel, number> = {
    gaussian: 1e-12,
    epanechnikov: 1e-7,
    epanechnikov_stata: 1e-7,
  };
  for (const kernel of Object.keys(tolerance) as Kernel[]) {
    it(`the ${kernel} density integrates to 1`, () => {
      const h = bandwidth(x);
      const lo = Math.min(...x) - 8 * h;
      const hi = Math.max(...x) + 8 * h;
      const points = Array.from({ length: 20001 }, (_, t) => lo + (t * (hi - lo)) / 20000);
      const density = densityAt(x, points, h, kernel);
      let area = 0;
      for (let t = 1; t < points.length; ++t) {
        area += ((points[t] - points[t - 1]) * (density[t] + density[t - 1])) / 2;
      }
      expectClose(area, 1, { rel: 0, abs: tolerance[kernel] }, "area");
    });
  }

  it("shifts with the data and does not depend on their order", () => {
    const h = bandwidth(x);
    expectClose(bandwidth(x.map((v) => v + 10)), h, { rel: 1e-12, abs: 0 }, "shifted h");
    const points = [0.2, 0.9, 2.4];
    const reversed = densityAt([...x].reverse(), points, h);
    expectAllClose(reversed, densityAt(x, points, h), { rel: 1e-15, abs: 0 }, "reversed");
  });
});

describe("kde on degenerate input", () => {
  it("falls back for nrd0 when the spread is 0", () => {
    // IQR = 0 but sd > 0: nrd0 uses sd; constant data: |x_1|; all zeros: 1.
    const n = 5;
    const sd = Math.sqrt(((1 - 1.8) ** 2 * 4 + (5 - 1.8) ** 2) / 4);
    expectClose(bandwidth([1, 1, 1, 1, 5]), 0.9 * sd * n ** -0.2, { rel: 1e-15, abs: 0 }, "sd");
    expectClose(bandwidth([-3, -3, -3]), 0.9 * 3 * 3 ** -0.2, { rel: 1e-15, abs: 0 }, "|x1|");
    expectClose(bandwidth([0, 0]), 0.9 * 2 ** -0.2, { rel: 1e-15, abs: 0 }, "one");
  });

  it("throws on fewer than 2 values, NaN, a zero bandwidth and bad options", () => {
    expect(() => bandwidth([])).toThrow(/at least 2 values, got 0/);
    expect(() => bandwidth([1])).toThrow(/at least 2 values, got 1/);
    expect(() => bandwidth([1, NaN, 2])).toThrow(/value 1 is not a finite number: NaN/);
    expect(() => bandwidth([1, 1, 1, 1, 5], "nrd")).toThrow(/nrd bandwidth is 0/);
    expect(() => bandwidth([2, 2, 2], "matlab")).toThrow(/matlab bandwidth is 0/);
    expect(() => kde([1, 2], { nPoints: 1 })).toThrow(/grid points/);
    expect(() => densityAt([1, 2], [0], 0)).toThrow(/bandwidth must be a finite number > 0, got 0/);
    expect(() => densityAt([1, 2], [NaN], 1)).toThrow(/point 0/);
    expect(() => bandwidth([1, 2], "silverman" as BandwidthRule)).toThrow(/unknown bandwidth rule/);
    expect(() => kde([1, 2], { kernel: "box" as Kernel })).toThrow(/unknown kernel box/);
  });

  it("accepts one value with a given bandwidth", () => {
    const { grid, density } = kde([0], { bandwidth: 1, nPoints: 3 });
    expect(Array.from(grid)).toEqual([-3, 0, 3]);
    expectClose(density[1], 1 / Math.sqrt(2 * Math.PI), { rel: 1e-15, abs: 0 }, "peak");
  });
});
