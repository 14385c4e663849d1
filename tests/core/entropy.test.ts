import { describe, expect, it } from "vitest";
import { entropyWeights, entropyWeightsRaw, linearScore } from "../../src/core/entropy.ts";
import { MethodError } from "../../src/core/errors.ts";
import { expectAllClose, expectClose, type Tolerance } from "./close.ts";
import { permutation, xorshift } from "./random.ts";
import { columns, loadVector } from "./vectors.ts";

interface EntropyCase {
  shift: number;
  Z: number[][];
  P: number[][];
  k: number;
  e: number[];
  d: number[];
  w: number[];
  score: number[];
}
const tiny = loadVector<{
  input: { X: number[][]; directions: (1 | -1)[] };
  cases: EntropyCase[];
  tolerance: Tolerance;
}>("entropy_tiny");
const elsayed = loadVector<{
  input: { X: number[][] };
  published_weights_6dp: number[];
  expected: { P: number[][]; e: number[]; d: number[]; w: number[]; k: number };
  tolerance: Tolerance;
}>("elsayed2017_entropy");

/** Compares one Float64Array per indicator with a row-major expected matrix. */
function expectMatrix(actual: Float64Array[], rows: number[][], tol: Tolerance, label: string): void {
  const expected = columns(rows);
  expect(actual).toHaveLength(expected.length);
  for (let j = 0; j < expected.length; ++j) {
    expectAllClose(actual[j], expected[j], tol, `${label} indicator ${j}`);
  }
}

describe("entropy weights on entropy_tiny.json", () => {
  for (const item of tiny.cases) {
    it(`shift ${item.shift}`, () => {
      const tol = tiny.tolerance;
      const result = entropyWeights(columns(tiny.input.X), tiny.input.directions, { shift: item.shift });
      expect(result.scope).toBe("panel");
      expectMatrix(result.z, item.Z, tol, "Z");
      expectMatrix(result.p, item.P, tol, "P");
      expectClose(result.k, item.k, tol, "k");
      expectAllClose(result.e, item.e, tol, "e");
      expectAllClose(result.d, item.d, tol, "d");
      expectAllClose(result.weights, item.w, tol, "w");
      expectAllClose(result.score, item.score, tol, "score");
      expect(result.dropped).toEqual([]);
    });
  }
});

describe("raw-data entropy weights on elsayed2017_entropy.json", () => {
  it("reproduces P, e, d, w, k and the published six-decimal weights", () => {
    const tol = elsayed.tolerance;
    const result = entropyWeightsRaw(columns(elsayed.input.X));
    expectMatrix(result.p, elsayed.expected.P, tol, "P");
    expectAllClose(result.e, elsayed.expected.e, tol, "e");
    expectAllClose(result.d, elsayed.expected.d, tol, "d");
    expectAllClose(result.weights, elsayed.expected.w, tol, "w");
    expectClose(result.k, elsayed.expected.k, tol, "k");
    expect(Array.from(result.weights, (w) => Number(w.toFixed(6)))).toEqual(elsayed.published_weights_6dp);
  });

  it("gives a constant raw indicator e = 1 and weight 0, and throws on negative or all-zero data", () => {
    const result = entropyWeightsRaw([[2, 2, 2], [1, 2, 3]]);
    expect(result.e[0]).toBe(1);
    expect(Array.from(result.weights)).toEqual([0, 1]);
    expect(() => entropyWeightsRaw([[1, -1, 2]])).toThrow(/indicator 0 row 1 is negative: -1/);
    expect(() => entropyWeightsRaw([[0, 0, 0], [1, 2, 3]])).toThrow(/indicator 0 sums to 0/);
    expect(() => entropyWeightsRaw([[1, 1], [2, 2]])).toThrow(/every indicator has entropy 1/);
  });
});

describe("entropy weights by group (scope year)", () => {
  const x = [
    [3, 1, 4, 1, 5, 9, 2, 6],
    [2, 7, 1, 8, 2, 8, 1, 8],
  ];
  const groups = Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1);

  it("equals the panel computation on each group's rows", () => {
    const result = entropyWeights(x, [1, -1], { scope: "year", groups, shift: 0.01 });
    expect(result.scope).toBe("year");
    expect(result.groups).toHaveLength(2);
    for (let g = 0; g < 2; ++g) {
      const rows = x.map((c) => c.slice(4 * g, 4 * g + 4));
      const alone = entropyWeights(rows, [1, -1], { shift: 0.01 });
      expectClose(result.groups[g].k, 1 / Math.log(4), { rel: 1e-15, abs: 0 }, "k");
      const tight = { rel: 1e-15, abs: 0 };
      expectAllClose(result.groups[g].weights, alone.weights, tight, `weights ${g}`);
      expectAllClose(result.z[1].subarray(4 * g, 4 * g + 4), alone.z[1], tight, `z ${g}`);
      expectAllClose(result.score.subarray(4 * g, 4 * g + 4), alone.score, tight, `score ${g}`);
    }
  });

  it("needs a group index and two rows per group", () => {
    expect(() => entropyWeights(x, [1, 1], { scope: "year" } as never)).toThrow(/needs a group index/);
    const lonely = Int32Array.of(0, 0, 0, 0, 0, 0, 0, 1);
    expect(() => entropyWeights(x, [1, 1], { scope: "year", groups: lonely })).toThrow(
      /group 1 has 1 rows, needs at least 2/,
    );
  });
});

describe("entropy weight properties", () => {
  it("do not depend on the order of the rows", () => {
    const random = xorshift(11);
    const x = Array.from({ length: 3 }, () => Array.from({ length: 30 }, () => random() * 100));
    const result = entropyWeights(x, [1, -1, 1]);
    const order = permutation(30, random);
    const shuffled = entropyWeights(x.map((c) => order.map((i) => c[i])), [1, -1, 1]);
    expectAllClose(shuffled.weights, result.weights, { rel: 1e-15, abs: 0 }, "weights");
    expectAllClose(shuffled.score, order.map((i) => result.score[i]), { rel: 1e-15, abs: 0 }, "score");
  });

  it("use k = 1/ln N over all stacked rows", () => {
    const result = entropyWeights([[1, 2, 3, 4, 5, 6]], [1]);
    expectClose(result.k, 1 / Math.log(6), { rel: 0, abs: 0 }, "k");
    expect(result.e[0]).toBeLessThan(1);
  });

  it("give the linear score as the sum of the dimension sub-scores", () => {
    const z = [[0, 1, 0.5], [1, 0, 0.25], [0.5, 0.5, 1]];
    const w = [0.2, 0.3, 0.5];
    const whole = linearScore(z, w);
    const a = linearScore(z, w, [0, 2]);
    const b = linearScore(z, w, [1]);
    expectAllClose(whole, Array.from(a, (v, i) => v + b[i]), { rel: 1e-15, abs: 0 }, "sum");
    const example = linearScore([[0, 1], [1, 0.5]], [0.25, 0.75]);
    expectAllClose(example, [0.75, 0.625], { rel: 0, abs: 0 }, "example");
    expect(() => linearScore(z, w, [3])).toThrow(/indicator index 3 is not one of 0…2/);
    expect(() => linearScore([[NaN, 1]], [1])).toThrow(/indicator 0 row 0 is not a finite number: NaN/);
    expect(Array.from(linearScore([[NaN, NaN], [1, 2]], [0, 1]))).toEqual([1, 2]);
  });
});

describe("entropy weights on degenerate input", () => {
  it("throws on empty input and on one row", () => {
    expect(() => entropyWeights([], [])).toThrow(/no indicators were given/);
    expect(() => entropyWeights([[]], [1])).toThrow(/needs at least 2 rows, got 0/);
    expect(() => entropyWeights([[5]], [1])).toThrow(/needs at least 2 rows, got 1/);
  });

  it("throws on a constant indicator, naming it", () => {
    try {
      entropyWeights([[1, 2, 3], [4, 4, 4]], [1, 1]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MethodError);
      const message = (error as MethodError).message;
      expect(message).toMatch(/^entropy: indicator 1 is constant \(every value is 4\)/);
      expect(error).toMatchObject({ method: "entropy", indicator: 1, value: 4 });
    }
  });

  it("drops a constant indicator with weight 0 when asked", () => {
    const result = entropyWeights([[1, 2, 3], [4, 4, 4], [9, 7, 8]], [1, 1, -1], { dropConstant: true });
    const without = entropyWeights([[1, 2, 3], [9, 7, 8]], [1, -1]);
    expect(result.dropped).toEqual([1]);
    expect([result.e[1], result.d[1], result.weights[1]]).toEqual([1, 0, 0]);
    const kept = [result.weights[0], result.weights[2]];
    expectAllClose(kept, without.weights, { rel: 1e-15, abs: 0 }, "weights");
    expectAllClose(result.score, without.score, { rel: 1e-15, abs: 0 }, "score");
  });

  it("throws on a missing value, naming indicator and row", () => {
    expect(() => entropyWeights([[1, 2, 3], [4, NaN, 6]], [1, 1])).toThrow(
      /entropy: indicator 1 row 1 is not a finite number: NaN/,
    );
  });

  it("treats 0 ln 0 as 0 with shift 0", () => {
    const result = entropyWeights([[0, 1, 2], [2, 0, 1]], [1, 1], { shift: 0 });
    expect(Number.isFinite(result.e[0]) && Number.isFinite(result.e[1])).toBe(true);
    expect(result.p[0][0]).toBe(0);
  });
});
