import { describe, expect, it } from "vitest";
import { type DagumResult, dagum, dagumNaive } from "../../src/core/dagum.ts";
import { MethodError } from "../../src/core/errors.ts";
import { gini } from "../../src/core/gini.ts";
import { expectClose, expectLayout, fraction, type Tolerance } from "./close.ts";
import { permutation, xorshift } from "./random.ts";
import { loadVector } from "./vectors.ts";

interface TinyCase {
  name: string;
  values: number[];
  groups: string[];
  expected: DagumResult;
  expected_exact: Record<string, unknown>;
}
const tiny = loadVector<{ cases: TinyCase[]; tolerance: Tolerance }>("dagum_tiny");

interface YearCase {
  values: number[];
  dagum: DagumResult;
  gini: number;
}
const provinces = loadVector<{
  regions: string[];
  years: Record<string, YearCase>;
  tolerance: Tolerance;
}>("dagum_31_provinces");

/** Replaces every "p/q" string of an exact layout by its nearest float64 (labels kept). */
function exactToFloat(value: unknown, key = ""): unknown {
  if (typeof value === "string") {
    return ["high", "low", "key"].includes(key) ? value : fraction(value);
  }
  if (Array.isArray(value)) return value.map((item) => exactToFloat(item, key));
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    const convert = ([k, v]: [string, unknown]) => [k, k === "order_by_mean" ? v : exactToFloat(v, k)];
    return Object.fromEntries(entries.map(convert));
  }
  return value;
}

/** G - (Gw + Gnb + Gt), relative to G. */
function identityGap(result: DagumResult): number {
  return Math.abs(result.G - (result.Gw + result.Gnb + result.Gt)) / result.G;
}

describe("dagum on dagum_tiny.json", () => {
  for (const item of tiny.cases) {
    it(item.name, () => {
      const result = dagum(item.values, item.groups);
      expectLayout(result, item.expected, tiny.tolerance, item.name);
      expectLayout(result, exactToFloat(item.expected_exact), tiny.tolerance, `${item.name} exact`);
      const naive = dagumNaive(item.values, item.groups);
      expectLayout(naive, item.expected, tiny.tolerance, `${item.name} naive`);
    });
  }
});

describe("dagum on dagum_31_provinces.json", () => {
  for (const [year, data] of Object.entries(provinces.years)) {
    it(`year ${year}: decomposition and plain gini`, () => {
      const result = dagum(data.values, provinces.regions);
      expectLayout(result, data.dagum, provinces.tolerance, `dagum ${year}`);
      expectClose(gini(data.values), data.gini, provinces.tolerance, `gini ${year}`);
      const naive = dagumNaive(data.values, provinces.regions);
      expectLayout(naive, data.dagum, provinces.tolerance, `naive ${year}`);
    });
  }
});

describe("dagum properties", () => {
  const random = xorshift(20240531);

  /** n values on a coarse grid (so that ties occur) in `k` groups. */
  function sample(n: number, k: number, levels: number): { values: number[]; labels: string[] } {
    const values: number[] = [];
    const labels: string[] = [];
    for (let i = 0; i < n; ++i) {
      values.push(Math.floor(random() * levels) / levels + (i % 3 === 0 ? 0.1 : 0));
      labels.push(`g${Math.floor(random() * k)}`);
    }
    return { values, labels };
  }

  it("adds up: G = Gw + Gnb + Gt", () => {
    for (let trial = 0; trial < 20; ++trial) {
      const { values, labels } = sample(40 + trial * 7, 2 + (trial % 6), 13);
      expect(identityGap(dagum(values, labels))).toBeLessThan(1e-13);
    }
  });

  it("gives Gjj = Gw = G for one group", () => {
    const { values } = sample(50, 1, 17);
    const result = dagum(values, values.map(() => "all"));
    expectClose(result.groups.all.Gjj!, result.G, { rel: 1e-14, abs: 0 }, "Gjj");
    expectClose(result.Gw, result.G, { rel: 1e-14, abs: 0 }, "Gw");
    expect(result.pairs).toEqual([]);
    expectClose(result.G, gini(values), { rel: 1e-14, abs: 0 }, "G");
  });

  it("does not depend on the order of the rows or the scale of the values", () => {
    const { values, labels } = sample(60, 4, 9);
    const result = dagum(values, labels);
    const order = permutation(values.length, random);
    const shuffled = dagum(order.map((i) => values[i]), order.map((i) => labels[i]));
    const tol = { rel: 1e-13, abs: 1e-15 };
    // The group objects enumerate in first-appearance order, which the shuffle changes.
    expectLayout(shuffled, result, tol, "shuffled");
    const scaled = dagum(values.map((y) => y * 37.5), labels);
    for (const key of ["G", "Gw", "Gnb", "Gt", "share_w", "share_nb", "share_t"] as const) {
      expectClose(scaled[key] as number, result[key] as number, tol, `scaled ${key}`);
    }
    expect(scaled.order_by_mean).toEqual(result.order_by_mean);
  });

  it("matches the O(n²) double sums to 1e-12 on random data with ties", () => {
    for (let trial = 0; trial < 30; ++trial) {
      const { values, labels } = sample(10 + trial * 5, 1 + (trial % 7), 3 + (trial % 11));
      const naive = dagumNaive(values, labels);
      expectLayout(dagum(values, labels), naive, { rel: 1e-12, abs: 1e-14 }, `trial ${trial}`);
    }
  });
});

describe("dagum on degenerate input", () => {
  it("gives Gjj = 0 to a one-member region", () => {
    const result = dagum([1, 2, 3, 10], ["A", "A", "A", "B"]);
    expect(result.groups.B.Gjj).toBe(0);
    expect(result.groups.B.Gw_contrib).toBe(0);
    expect(identityGap(result)).toBeLessThan(1e-15);
  });

  it("gives Gjj = null to a region whose mean is 0, and still adds up", () => {
    const result = dagum([0, 0, 1, 3, 2, 6], ["Z", "Z", "A", "A", "B", "B"]);
    expect(result.groups.Z).toMatchObject({ n: 2, mean: 0, s: 0, Gjj: null, Gw_contrib: 0 });
    const pair = result.pairs.find((p) => p.key === "A|Z")!;
    expect(pair).toMatchObject({ d_jh: 2, p_jh: 0, D_jh: 1, Gjh: 1 });
    expect(identityGap(result)).toBeLessThan(1e-15);
    const both = dagum([0, 0, 0, 4], ["Y", "Z", "Z", "A"]);
    expect(both.pairs.find((p) => p.key === "Z|Y")).toMatchObject({ Gjh: null, D_jh: 0, Gt_contrib: 0 });
    expect(identityGap(both)).toBeLessThan(1e-15);
  });

  it("gives D = 0 to equal means, ordered by label", () => {
    const result = dagum([2, 2, 1, 3], ["B", "B", "A", "A"]);
    expect(result.order_by_mean).toEqual(["A", "B"]);
    expect(result.pairs[0]).toMatchObject({ key: "B|A", d_jh: 0.5, p_jh: 0.5, D_jh: 0, Gnb_contrib: 0 });
  });

  it("gives G = 0 and null shares when every value is equal", () => {
    const result = dagum([4, 4, 4], ["A", "B", "B"]);
    expect(result).toMatchObject({ G: 0, Gw: 0, Gnb: 0, Gt: 0 });
    expect([result.share_w, result.share_nb, result.share_t]).toEqual([null, null, null]);
  });

  it("throws on empty input, mismatched labels, NaN, negative values and a zero overall mean", () => {
    expect(() => dagum([], [])).toThrow(/no values/);
    expect(() => dagum([1, 2], ["A"])).toThrow(/1 labels for 2 values/);
    const missing = () => dagum([1, NaN], ["A", "B"]);
    expect(missing).toThrow(/value 1 must be a finite non-negative number, got NaN/);
    expect(() => dagumNaive([1, -1], ["A", "B"])).toThrow(MethodError);
    expect(() => dagum([0, 0], ["A", "B"])).toThrow(/overall mean is 0/);
  });

  it("keeps a label called __proto__ as an ordinary key", () => {
    const result = dagum([1, 2, 3, 5], ["__proto__", "__proto__", "x", "x"]);
    expect(Object.keys(result.groups)).toEqual(["__proto__", "x"]);
    expect(result.groups["__proto__"].n).toBe(2);
  });
});
