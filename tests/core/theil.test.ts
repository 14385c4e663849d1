import { describe, expect, it } from "vitest";
import { theil, type TheilResult } from "../../src/core/theil.ts";
import { expectClose, expectLayout, type Tolerance } from "./close.ts";
import { permutation, xorshift } from "./random.ts";
import { loadVector } from "./vectors.ts";

interface TheilCase {
  values: number[];
  groups: (string | number)[];
  expected: TheilResult;
}
const tiny = loadVector<{ cases: TheilCase[]; tolerance: Tolerance }>("theil_tiny");
const provinces = loadVector<{
  regions: string[];
  years: Record<string, { values: number[]; theil: TheilResult }>;
  tolerance: Tolerance;
}>("dagum_31_provinces");

describe("theil on theil_tiny.json", () => {
  for (const [c, item] of tiny.cases.entries()) {
    it(`case ${c}`, () => {
      const result = theil(item.values, item.groups.map(String));
      expectLayout(result, item.expected, tiny.tolerance, `case ${c}`);
    });
  }
});

describe("theil on dagum_31_provinces.json", () => {
  for (const [year, data] of Object.entries(provinces.years)) {
    it(`year ${year}`, () => {
      const result = theil(data.values, provinces.regions);
      expectLayout(result, data.theil, provinces.tolerance, `theil ${year}`);
    });
  }
});

describe("theil properties", () => {
  const random = xorshift(7);
  const values = Array.from({ length: 40 }, () => 0.05 + random());
  const labels = values.map((_, i) => `r${i % 5}`);

  it("adds up: T = Tw + Tb", () => {
    const result = theil(values, labels);
    expectClose(result.Tw + result.Tb, result.T, { rel: 1e-13, abs: 0 }, "Tw + Tb");
  });

  it("does not depend on the order of the rows or the scale of the values", () => {
    const result = theil(values, labels);
    const order = permutation(values.length, random);
    const shuffled = theil(order.map((i) => values[i]), order.map((i) => labels[i]));
    expectLayout(shuffled, result, { rel: 1e-13, abs: 1e-16 }, "shuffled");
    const scaled = theil(values.map((y) => y * 1e4), labels);
    expectClose(scaled.T, result.T, { rel: 1e-13, abs: 0 }, "scaled T");
    expectClose(scaled.Tb, result.Tb, { rel: 1e-13, abs: 0 }, "scaled Tb");
  });

  it("gives Tb = 0 and Tw = T for one group", () => {
    const result = theil(values, values.map(() => "all"));
    expect(result.Tb).toBe(0);
    expectClose(result.Tw, result.T, { rel: 1e-15, abs: 0 }, "Tw");
  });
});

describe("theil on degenerate input", () => {
  it("gives T_g = null and no contribution to an all-zero group", () => {
    const result = theil([0, 0, 5, 10], ["z", "z", "a", "a"]);
    expect(result.groups.z).toEqual({ n: 2, mean: 0, s: 0, T: null, Tw_contrib: 0, Tb_contrib: 0 });
    expectClose(result.Tw + result.Tb, result.T, { rel: 1e-15, abs: 0 }, "Tw + Tb");
  });

  it("gives T = 0 and null shares when every value is equal; T_g = 0 for one member", () => {
    const result = theil([3, 3, 3], ["a", "b", "b"]);
    expect(result).toMatchObject({ T: 0, Tw: 0, Tb: 0, share_w: null, share_b: null });
    expect(result.groups.a.T).toBe(0);
  });

  it("throws on empty input, NaN, negative values, mismatched labels and a zero mean", () => {
    expect(() => theil([], [])).toThrow(/no values/);
    expect(() => theil([1, NaN], ["a", "b"])).toThrow(/value 1 .* got NaN/);
    expect(() => theil([1, -1], ["a", "b"])).toThrow(/value 1 .* got -1/);
    expect(() => theil([1, 2], ["a"])).toThrow(/1 labels for 2 values/);
    expect(() => theil([0, 0], ["a", "b"])).toThrow(/overall mean is 0/);
  });
});
