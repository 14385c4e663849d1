import { describe, expect, it } from "vitest";
import { ExactSum, fmean, fsum } from "../../src/core/sum.ts";

describe("fsum", () => {
  it("sums tenths exactly rounded", () => {
    expect(fsum(new Array(10).fill(0.1))).toBe(1);
  });

  it("keeps small terms that cancel between large ones", () => {
    expect(fsum([1, 1e100, 1, -1e100])).toBe(2);
    expect(fsum([1e16, 1, -1e16])).toBe(1);
  });

  it("rounds half-way sums to even, looking past the half", () => {
    const half = 2 ** -53;
    expect(fsum([1, half])).toBe(1); // exactly half-way: stays on the even 1
    expect(fsum([1 + 2 ** -52, half])).toBe(1 + 2 ** -51); // half-way from odd: up to even
    expect(fsum([1, half, 2 ** -80])).toBe(1 + 2 ** -52); // just above half-way: up
    expect(fsum([1, half, -(2 ** -80)])).toBe(1); // just below half-way: down
  });

  it("does not depend on the order of the terms", () => {
    const values = [1e-3, 3.14159, -2.5e10, 7e-12, 2.5e10, 0.1, -0.3, 0.2];
    const reversed = [...values].reverse();
    expect(fsum(values)).toBe(fsum(reversed));
  });

  it("gives 0 for no values and propagates non-finite values", () => {
    expect(fsum([])).toBe(0);
    expect(fsum([1, NaN])).toBeNaN();
    expect(fsum([1, Infinity])).toBe(Infinity);
    expect(fsum([Infinity, -Infinity])).toBeNaN();
  });
});

describe("ExactSum", () => {
  it("can be reset and reused", () => {
    const acc = new ExactSum();
    acc.add(1e100).add(1).add(-1e100);
    expect(acc.value()).toBe(1);
    acc.reset().add(NaN);
    expect(acc.value()).toBeNaN();
    acc.reset().add(0.5);
    expect(acc.value()).toBe(0.5);
  });
});

describe("fmean", () => {
  it("divides the exactly rounded sum by n", () => {
    expect(fmean([1, 2, 4])).toBe(7 / 3);
    expect(fmean([])).toBeNaN();
  });
});
