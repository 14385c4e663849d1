import { describe, expect, it } from "vitest";
import { MethodError } from "../../src/core/errors.ts";
import { rangeStandardise } from "../../src/core/standardise.ts";

describe("rangeStandardise", () => {
  it("maps each indicator onto [a, 1 + a] by its direction", () => {
    const { z, dropped, sizes } = rangeStandardise([[1, 2, 4], [10, 30, 20]], [1, -1], { shift: 0 });
    expect(z.map((c) => Array.from(c))).toEqual([[0, 1 / 3, 1], [1, 0, 0.5]]);
    expect(dropped).toEqual([[]]);
    expect(Array.from(sizes)).toEqual([3]);
    const shifted = rangeStandardise([[1, 2, 4]], [1]);
    expect(Array.from(shifted.z[0])).toEqual([0.0001, 1 / 3 + 0.0001, 1.0001]);
  });

  it("takes min and max within each group when groups are given", () => {
    const groups = Int32Array.of(0, 0, 1, 1);
    const { z, sizes } = rangeStandardise([[1, 3, 10, 30]], [1], { shift: 0, groups });
    expect(Array.from(z[0])).toEqual([0, 1, 0, 1]);
    expect(Array.from(sizes)).toEqual([2, 2]);
  });

  it("throws on a constant indicator, naming it, or drops it on request", () => {
    expect(() => rangeStandardise([[1, 2], [5, 5]], [1, 1])).toThrow(
      /indicator 1 is constant \(every value is 5\)/,
    );
    const grouped = () => rangeStandardise([[1, 2, 3, 3]], [1], { groups: Int32Array.of(0, 0, 1, 1) });
    expect(grouped).toThrow(/indicator 0 is constant in group 1/);
    try {
      grouped();
    } catch (error) {
      expect(error).toMatchObject({ method: "standardise", indicator: 0, year: 1, value: 3 });
    }
    const kept = rangeStandardise([[1, 2], [5, 5]], [1, 1], { dropConstant: true });
    expect(kept.dropped).toEqual([[1]]);
    expect(Array.from(kept.z[1])).toEqual([NaN, NaN]);
  });

  it("throws on NaN, bad directions, a negative shift, no indicators and mismatched lengths", () => {
    const cases: [() => unknown, RegExp][] = [
      [() => rangeStandardise([[1, NaN]], [1]), /indicator 0 row 1 is not a finite number: NaN/],
      [() => rangeStandardise([[1, 2]], [0 as 1]), /direction of indicator 0 must be 1 or -1, got 0/],
      [() => rangeStandardise([[1, 2]], [1, 1]), /2 directions for 1 indicators/],
      [() => rangeStandardise([[1, 2]], [1], { shift: -0.1 }), /shift must be .* >= 0, got -0\.1/],
    ];
    for (const [call, message] of cases) expect(call).toThrow(message);
    expect(() => rangeStandardise([], [])).toThrow(/no indicators/);
    expect(() => rangeStandardise([[1, 2], [1]], [1, 1])).toThrow(/indicator 1 has 1 rows, expected 2/);
    expect(() => rangeStandardise([[]], [1])).toThrow(MethodError);
    const gap = Int32Array.of(0, 2);
    expect(() => rangeStandardise([[1, 2]], [1], { groups: gap })).toThrow(/group 1 has 0 rows/);
  });
});
