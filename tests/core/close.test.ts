import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose, expectLayout, fraction, isClose, REFERENCE } from "./close.ts";

describe("the tolerance helper", () => {
  it("accepts |a - b| <= abs + rel·|b| and rejects NaN", () => {
    expect(isClose(1 + 1e-13, 1, REFERENCE)).toBe(true);
    expect(isClose(1 + 1e-11, 1, REFERENCE)).toBe(false);
    expect(isClose(5e-15, 0, REFERENCE)).toBe(true);
    expect(isClose(NaN, 1, REFERENCE)).toBe(false);
  });

  it("prints both values on failure", () => {
    expect(() => expectClose(0.5000001, 0.5, REFERENCE, "C")).toThrow(/C: got 0\.5000001, expected 0\.5/);
    expect(() => expectAllClose([1, 2], [1, 2, 3], REFERENCE, "xs")).toThrow(/2 values, expected 3/);
  });

  it("compares layouts key by key", () => {
    expectLayout({ a: 1, b: [1, "x", null] }, { a: 1 + 1e-14, b: [1, "x", null] }, REFERENCE, "ok");
    const missing = () => expectLayout({ a: 1 }, { a: 1, b: 2 }, REFERENCE, "r");
    expect(missing).toThrow(/r: keys a, expected a, b/);
    expect(() => expectLayout({ a: "y" }, { a: "x" }, REFERENCE, "r")).toThrow(/r\.a: got "y"/);
    expect(() => expectLayout({ a: [1, 2.1] }, { a: [1, 2] }, REFERENCE, "r")).toThrow(/r\.a\[1\]/);
    expectLayout({ a: 1 }, { a: 1, tie: false }, REFERENCE, "ignored", ["tie"]);
  });

  it("reads exact fractions", () => {
    expect(fraction("28/85")).toBe(28 / 85);
    expect(fraction("3")).toBe(3);
  });
});
