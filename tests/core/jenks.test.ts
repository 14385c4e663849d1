import { describe, expect, it } from "vitest";
import { jenks, jenksClass } from "../../src/core/jenks.ts";
import { expectClose, fraction, type Tolerance } from "./close.ts";
import { permutation, xorshift } from "./random.ts";
import { loadVector } from "./vectors.ts";

interface JenksCase {
  k: number;
  breaks: number[];
  classes: number[];
  SDAM: number;
  SDCM: number;
  GVF: number;
}
interface SmallCase {
  x: number[];
  k: number;
  breaks: number[];
  classes: number[];
  GVF: number;
  GVF_exact: string;
}
const vector = loadVector<{
  input: { x: number[] };
  cases: JenksCase[];
  tiny: SmallCase;
  duplicates: SmallCase;
  tolerance: { GVF: Tolerance };
}>("jenks");
const tol = vector.tolerance.GVF;

describe("jenks on jenks.json", () => {
  for (const item of vector.cases) {
    it(`k = ${item.k} on 30 values`, () => {
      const result = jenks(vector.input.x, item.k);
      expect(result.breaks).toEqual(item.breaks);
      expect(Array.from(result.classes)).toEqual(item.classes);
      expectClose(result.SDAM, item.SDAM, tol, "SDAM");
      expectClose(result.SDCM, item.SDCM, tol, "SDCM");
      expectClose(result.GVF, item.GVF, tol, "GVF");
    });
  }

  for (const name of ["tiny", "duplicates"] as const) {
    it(`the ${name} case`, () => {
      const item = vector[name];
      const result = jenks(item.x, item.k);
      expect(result.breaks).toEqual(item.breaks);
      expect(Array.from(result.classes)).toEqual(item.classes);
      expectClose(result.GVF, item.GVF, tol, "GVF");
      expectClose(result.GVF, fraction(item.GVF_exact), tol, "GVF exact");
    });
  }
});

/** Least SDCM over every way to cut the sorted values into k non-empty runs, and its breaks. */
function bruteForce(values: number[], k: number): { SDCM: number; breaks: number[] } {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  const ss = (from: number, to: number): number => {
    const part = x.slice(from, to);
    const mean = part.reduce((s, v) => s + v, 0) / part.length;
    return part.reduce((s, v) => s + (v - mean) ** 2, 0);
  };
  let best = { SDCM: Infinity, breaks: [] as number[] };
  const cuts: number[] = [];
  const visit = (from: number, classesLeft: number): void => {
    if (classesLeft === 1) {
      const bounds = [0, ...cuts, n];
      let total = 0;
      for (let c = 0; c < k; ++c) total += ss(bounds[c], bounds[c + 1]);
      if (total < best.SDCM) {
        best = { SDCM: total, breaks: [x[0], ...cuts.map((c) => x[c - 1]), x[n - 1]] };
      }
      return;
    }
    for (let cut = from + 1; cut <= n - classesLeft + 1; ++cut) {
      cuts.push(cut);
      visit(cut, classesLeft - 1);
      cuts.pop();
    }
  };
  visit(0, k);
  return best;
}

describe("jenks against brute force", () => {
  const random = xorshift(4242);

  it("finds the optimal partition of small random samples", () => {
    for (let trial = 0; trial < 40; ++trial) {
      const n = 4 + (trial % 9);
      const k = 2 + (trial % Math.min(4, n - 1));
      const values = Array.from({ length: n }, () => Math.round(random() * 1e6) / 1e4);
      const exact = bruteForce(values, k);
      const result = jenks(values, k);
      expectClose(result.SDCM, exact.SDCM, { rel: 1e-12, abs: 1e-12 }, `trial ${trial} SDCM`);
      expect(result.breaks, `trial ${trial}`).toEqual(exact.breaks);
    }
  });

  it("reaches the same least SDCM with many duplicate values", () => {
    for (let trial = 0; trial < 30; ++trial) {
      const n = 5 + (trial % 8);
      const values = Array.from({ length: n }, () => Math.floor(random() * 6));
      const distinct = new Set(values).size;
      if (distinct < 3) continue;
      const exact = bruteForce(values, 3);
      expectClose(jenks(values, 3).SDCM, exact.SDCM, { rel: 1e-12, abs: 1e-12 }, `trial ${trial}`);
    }
  });

  it("does not depend on the order of the values", () => {
    const values = vector.input.x;
    const order = permutation(values.length, random);
    const shuffled = jenks(order.map((i) => values[i]), 4);
    expect(shuffled.breaks).toEqual(jenks(values, 4).breaks);
    expect(Array.from(shuffled.classes)).toEqual(order.map((i) => vector.cases[2].classes[i]));
  });
});

describe("jenks on degenerate input", () => {
  it("classifies values by the breaks, the minimum in class 1", () => {
    const breaks = [1, 3, 12, 31];
    expect([1, 3, 3.5, 12, 12.5, 31].map((v) => jenksClass(v, breaks))).toEqual([1, 1, 2, 2, 3, 3]);
    expect(() => jenksClass(0.5, breaks)).toThrow(/value 0\.5 lies outside the breaks \[1, 31\]/);
    expect(() => jenksClass(NaN, breaks)).toThrow(/NaN/);
  });

  it("needs as many distinct values as classes", () => {
    expect(jenks([1, 1, 2, 5], 3).breaks).toEqual([1, 1, 2, 5]);
    expect(() => jenks([], 2)).toThrow(/2 classes need at least 2 distinct values, got 0/);
    expect(() => jenks([7], 2)).toThrow(/got 1/);
    expect(() => jenks([1, 1, 2, 2], 3)).toThrow(/3 classes need at least 3 distinct values, got 2/);
  });

  it("throws on NaN and a bad number of classes", () => {
    expect(() => jenks([1, NaN, 3], 2)).toThrow(/value 1 is not a finite number: NaN/);
    expect(() => jenks([1, 2, 3], 1)).toThrow(/integer >= 2, got 1/);
    expect(() => jenks([1, 2, 3], 2.5)).toThrow(/got 2\.5/);
  });
});
