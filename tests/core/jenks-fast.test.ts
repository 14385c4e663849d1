import { describe, expect, it } from "vitest";
import { jenks, jenksQuadratic } from "../../src/core/jenks.ts";
import { xorshift } from "./random.ts";

/** Seeded samples with many equal values, of four shapes. */
function sample(random: () => number, n: number, shape: number): number[] {
  const draw = (): number => {
    if (shape === 0) return Math.floor(random() * 9); // small integers: equal costs are common
    if (shape === 1) return Math.round(random() * 100) / 100; // two decimals
    if (shape === 2) return 2 ** 30 + Math.floor(random() * 25); // a high level, a small spread
    return Math.round(Math.exp(3 * random()) * 1000) / 1e4; // skewed, four decimals
  };
  return Array.from({ length: n }, draw);
}

describe("jenks by divide and conquer", () => {
  it("gives the breaks and classes of the full programme on random samples with ties", () => {
    const random = xorshift(2011);
    let compared = 0;
    for (let trial = 0; trial < 80; ++trial) {
      const n = 2 + Math.floor(random() * 399);
      const values = sample(random, n, trial % 4);
      const distinct = new Set(values).size;
      for (let k = 2; k <= Math.min(7, distinct); ++k) {
        const fast = jenks(values, k);
        const full = jenksQuadratic(values, k);
        const label = `trial ${trial}, n = ${n}, k = ${k}`;
        expect(fast.breaks, label).toEqual(full.breaks);
        expect(Array.from(fast.classes), label).toEqual(Array.from(full.classes));
        expect(fast.SDCM, label).toBe(full.SDCM);
        ++compared;
      }
    }
    expect(compared).toBeGreaterThan(400);
  });

  it("keeps the shortest last class, then the shortest class before it, on equal costs", () => {
    // {1, 2, 3} {4, 5} and {1, 2} {3, 4, 5} both cost 5/2; {1, 2} {3, 4} {5}, {1, 2} {3} {4, 5}
    // and {1} {2, 3} {4, 5} all cost 1; {1, 1, 2} {3, 3} {4, 5} and {1, 1} {2, 3, 3} {4, 5} 7/6.
    expect(jenks([1, 2, 3], 2).breaks).toEqual([1, 2, 3]);
    expect(jenks([1, 2, 3, 4, 5], 2).breaks).toEqual([1, 3, 5]);
    expect(jenks([1, 2, 3, 4, 5], 3).breaks).toEqual([1, 2, 4, 5]);
    expect(jenks([5, 1, 4, 2, 3, 3, 1], 3).breaks).toEqual([1, 2, 3, 5]);
  });

  it("finds the same classes whatever the level and the magnitude of the values", () => {
    const random = xorshift(17);
    const values = sample(random, 300, 0);
    for (const k of [3, 5, 7]) {
      const { classes } = jenks(values, k);
      const expected = Array.from(classes);
      for (const shift of [2 ** 40, -(2 ** 45)]) {
        expect(Array.from(jenks(values.map((v) => v + shift), k).classes)).toEqual(expected);
      }
      for (const scale of [2 ** -600, 2 ** 500]) {
        expect(Array.from(jenks(values.map((v) => v * scale), k).classes)).toEqual(expected);
      }
    }
  });

  it("picks the partition the tie rule names, checked in exact integer arithmetic", () => {
    const random = xorshift(1958);
    for (let trial = 0; trial < 60; ++trial) {
      const n = 4 + (trial % 9);
      const values = Array.from({ length: n }, () => Math.floor(random() * 7));
      const distinct = new Set(values).size;
      for (let k = 2; k <= Math.min(4, distinct); ++k) {
        expect(jenks(values, k).breaks, `trial ${trial}, k = ${k}`).toEqual(exactBreaks(values, k));
      }
    }
  });
});

/**
 * Breaks of the least SDCM over every cut of the distinct integer values into k runs, costs
 * compared exactly as fractions of BigInts; on equal cost the cut whose last run starts
 * highest, then the one before it.
 */
function exactBreaks(values: number[], k: number): number[] {
  const x = [...new Set(values)].sort((a, b) => a - b);
  const count = x.map((v) => BigInt(values.filter((w) => w === v).length));
  const m = x.length;

  // SDCM·Π W as numerator over Π W, from Σ_c (Q_c W_c - S_c²) / W_c.
  const cost = (starts: number[]): [bigint, bigint] => {
    const bounds = [...starts, m];
    let numerator = 0n;
    let denominator = 1n;
    for (let c = 0; c < k; ++c) {
      let w = 0n;
      let s = 0n;
      let q = 0n;
      for (let t = bounds[c]; t < bounds[c + 1]; ++t) {
        w += count[t];
        s += count[t] * BigInt(x[t]);
        q += count[t] * BigInt(x[t]) ** 2n;
      }
      numerator = numerator * w + (q * w - s * s) * denominator;
      denominator *= w;
    }
    return [numerator, denominator];
  };

  let best: number[] = [];
  let bestCost: [bigint, bigint] = [0n, 0n];
  const starts = [0];
  const visit = (): void => {
    if (starts.length === k) {
      const [a, b] = cost(starts);
      // a/b against the best so far, cross-multiplied (denominators are positive).
      const [c, d] = bestCost;
      if (best.length === 0 || compare(a * d, c * b, starts, best) < 0) {
        best = [...starts];
        bestCost = [a, b];
      }
      return;
    }
    for (let s = starts[starts.length - 1] + 1; s <= m - (k - starts.length); ++s) {
      starts.push(s);
      visit();
      starts.pop();
    }
  };
  visit();
  return [x[0], ...best.slice(1).map((s) => x[s - 1]), x[m - 1]];
}

/** Lower cost first; on equal cost, higher starts from the last class back. */
function compare(a: bigint, b: bigint, starts: number[], best: number[]): number {
  if (a !== b) return a < b ? -1 : 1;
  for (let c = starts.length - 1; c >= 1; --c) {
    if (starts[c] !== best[c]) return starts[c] > best[c] ? -1 : 1;
  }
  return 0;
}
