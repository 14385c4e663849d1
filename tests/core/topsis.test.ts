import { describe, expect, it } from "vitest";
import { rangeStandardise } from "../../src/core/standardise.ts";
import { topsis, topsisVector } from "../../src/core/topsis.ts";
import { expectAllClose, type Tolerance } from "./close.ts";
import { permutation, xorshift } from "./random.ts";
import { columns, loadVector } from "./vectors.ts";

interface TinyCase {
  distance: "weighted_matrix" | "weights_inside";
  ideal_groups: number[][] | null;
  Dplus: number[];
  Dminus: number[];
  C: number[];
}
const tiny = loadVector<{
  input: { Z: number[][]; w: number[] };
  cases: TinyCase[];
  vector_normalised: {
    X: number[][];
    w: number[];
    directions: (1 | -1)[];
    expected: {
      R: number[][];
      V: number[][];
      Vplus: number[];
      Vminus: number[];
      Dplus: number[];
      Dminus: number[];
      C: number[];
    };
  };
  tolerance: Tolerance;
}>("topsis_tiny");
const opricovic = loadVector<{
  input: { X: number[][]; w: number[]; directions: (1 | -1)[] };
  published_C_3dp: number[];
  expected: { Z: number[][]; Dplus: number[]; Dminus: number[]; C: number[] };
  tolerance: Tolerance;
}>("opricovic2004_topsis");

/** Group index per row from lists of row indices. */
function groupIndex(groups: number[][], n: number): Int32Array {
  const index = new Int32Array(n);
  groups.forEach((rows, g) => rows.forEach((i) => (index[i] = g)));
  return index;
}

describe("topsis on topsis_tiny.json", () => {
  const z = columns(tiny.input.Z);
  for (const item of tiny.cases) {
    const scope = item.ideal_groups === null ? "panel" : "year";
    it(`${item.distance}, ${scope} ideal`, () => {
      const result = topsis(z, tiny.input.w, {
        distance: item.distance === "weighted_matrix" ? "weighted" : "inside",
        idealScope: scope,
        groups:
          item.ideal_groups === null ? undefined : groupIndex(item.ideal_groups, tiny.input.Z.length),
      });
      expectAllClose(result.dPlus, item.Dplus, tiny.tolerance, "D+");
      expectAllClose(result.dMinus, item.Dminus, tiny.tolerance, "D-");
      expectAllClose(result.closeness, item.C, tiny.tolerance, "C");
    });
  }

  it("classical vector-normalised TOPSIS with a cost criterion", () => {
    const { X, w, directions, expected } = tiny.vector_normalised;
    const result = topsisVector(columns(X), w, directions);
    const tol = tiny.tolerance;
    const R = columns(expected.R);
    const V = columns(expected.V);
    for (let j = 0; j < 2; ++j) {
      expectAllClose(result.r[j], R[j], tol, `R ${j}`);
      expectAllClose(result.v[j], V[j], tol, `V ${j}`);
    }
    expectAllClose(result.vPlus, expected.Vplus, tol, "V+");
    expectAllClose(result.vMinus, expected.Vminus, tol, "V-");
    expectAllClose(result.dPlus, expected.Dplus, tol, "D+");
    expectAllClose(result.dMinus, expected.Dminus, tol, "D-");
    expectAllClose(result.closeness, expected.C, tol, "C");
  });
});

describe("topsis on opricovic2004_topsis.json", () => {
  it("min-max without shift, weighted matrix, panel ideal", () => {
    const { X, w, directions } = opricovic.input;
    const tol = opricovic.tolerance;
    const { z } = rangeStandardise(columns(X), directions, { shift: 0 });
    const Z = columns(opricovic.expected.Z);
    for (let j = 0; j < 2; ++j) expectAllClose(z[j], Z[j], tol, `Z ${j}`);
    const result = topsis(z, w);
    expectAllClose(result.dPlus, opricovic.expected.Dplus, tol, "D+");
    expectAllClose(result.dMinus, opricovic.expected.Dminus, tol, "D-");
    expectAllClose(result.closeness, opricovic.expected.C, tol, "C");
    expect(Array.from(result.closeness, (c) => Number(c.toFixed(3)))).toEqual(opricovic.published_C_3dp);
  });
});

describe("topsis properties", () => {
  const random = xorshift(2718);
  const n = 24;
  const x = Array.from({ length: 4 }, () => Array.from({ length: n }, () => random() * 50));
  const directions: (1 | -1)[] = [1, -1, 1, 1];
  const w = [0.1, 0.4, 0.3, 0.2];
  const groups = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 8));
  const tol = { rel: 1e-13, abs: 1e-15 };

  for (const distance of ["weighted", "inside"] as const) {
    for (const idealScope of ["panel", "year"] as const) {
      it(`${distance}, ${idealScope} ideal: C unchanged by the shift for fixed weights`, () => {
        const options = { distance, idealScope, groups };
        const c0 = topsis(rangeStandardise(x, directions, { shift: 0 }).z, w, options).closeness;
        for (const shift of [0.0001, 0.01, 1]) {
          const c = topsis(rangeStandardise(x, directions, { shift }).z, w, options).closeness;
          expectAllClose(c, c0, tol, `shift ${shift}`);
        }
      });
    }
  }

  it("C unchanged by scaling every weight; a sub-index equals TOPSIS on the subset", () => {
    const { z } = rangeStandardise(x, directions);
    for (const distance of ["weighted", "inside"] as const) {
      const c = topsis(z, w, { distance }).closeness;
      expectAllClose(topsis(z, w.map((v) => v * 7), { distance }).closeness, c, tol, "scaled");
      const sub = topsis(z, w, { distance, indicators: [1, 3] }).closeness;
      const alone = topsis([z[1], z[3]], [w[1] / 0.6, w[3] / 0.6], { distance }).closeness;
      expectAllClose(sub, alone, tol, "sub-index");
    }
  });

  it("C does not depend on the order of the rows", () => {
    const { z } = rangeStandardise(x, directions);
    const c = topsis(z, w).closeness;
    const order = permutation(n, random);
    const shuffled = topsis(z.map((col) => order.map((i) => col[i])), w).closeness;
    expectAllClose(shuffled, order.map((i) => c[i]), { rel: 0, abs: 0 }, "shuffled");
  });

  it("per-group weights with a per-group ideal equal TOPSIS on each group alone", () => {
    const { z } = rangeStandardise(x, directions, { groups });
    const byGroup = [w, [0.25, 0.25, 0.25, 0.25], [0.4, 0.3, 0.2, 0.1]];
    const c = topsis(z, byGroup, { idealScope: "year", groups }).closeness;
    for (let g = 0; g < 3; ++g) {
      const alone = topsis(z.map((col) => col.slice(8 * g, 8 * g + 8)), byGroup[g]).closeness;
      expectAllClose(c.subarray(8 * g, 8 * g + 8), alone, { rel: 0, abs: 0 }, `group ${g}`);
    }
  });
});

describe("topsis on degenerate input", () => {
  it("throws on empty input and on one row (both ideal points at once)", () => {
    expect(() => topsis([], [])).toThrow(/no indicators/);
    expect(() => topsis([[]], [1])).toThrow(/no rows/);
    expect(() => topsis([[0.5], [0.2]], [0.5, 0.5])).toThrow(
      /row 0 is both the positive and the negative ideal point/,
    );
  });

  it("skips an indicator with weight 0, whose z may be NaN (a dropped constant)", () => {
    const z = [[0, 1, 0.5], [NaN, NaN, NaN]];
    expect(Array.from(topsis(z, [1, 0]).closeness)).toEqual([0, 1, 0.5]);
    expect(Array.from(topsis(z, [1, 0], { distance: "inside" }).closeness)).toEqual([0, 1, 0.5]);
  });

  it("names a missing value, a bad weight and bad options", () => {
    expect(() => topsis([[0, NaN, 1]], [1])).toThrow(/indicator 0 row 1 is not a finite number: NaN/);
    expect(() => topsis([[0, 1]], [-1])).toThrow(/weight of indicator 0 must be .* got -1/);
    expect(() => topsis([[0, 1]], [0])).toThrow(/every weight is 0/);
    expect(() => topsis([[0, 1]], [1], { idealScope: "year" })).toThrow(/need a group index per row/);
    const oneGroup = Int32Array.of(0, 0);
    const twoVectors = () => topsis([[0, 1]], [[1], [1]], { groups: oneGroup });
    expect(twoVectors).toThrow(/2 weight vectors for 1 groups/);
    expect(() => topsis([[0, 1]], [1], { distance: "euclid" as "inside" })).toThrow(/distance must be/);
    expect(() => topsis([[0, 1]], [1], { indicators: [] })).toThrow(/subset is empty/);
    expect(() => topsisVector([[0, 0], [1, 2]], [0.5, 0.5], [1, 1])).toThrow(/indicator 0 is all zeros/);
  });
});
