import { describe, expect, it } from "vitest";
import { evaluateFormula, parseFormula } from "../../src/study/formula.ts";

const values: Record<string, number | null> = { a: 6, b: 3, zero: 0, gone: null };
const lookup = (id: string) => values[id] ?? null;

describe("formula", () => {
  it("follows operator precedence and parentheses", () => {
    expect(evaluateFormula(parseFormula("a / b * 100"), lookup)).toEqual({ ok: true, value: 200 });
    expect(evaluateFormula(parseFormula("a - b - 1"), lookup)).toEqual({ ok: true, value: 2 });
    expect(evaluateFormula(parseFormula("a / (b * 2)"), lookup)).toEqual({ ok: true, value: 1 });
    expect(evaluateFormula(parseFormula("-a + 1e1"), lookup)).toEqual({ ok: true, value: 4 });
  });

  it("lists the series it reads once each, in order", () => {
    expect(parseFormula("b / a + b * 2").series).toEqual(["b", "a"]);
  });

  it("reports every missing series", () => {
    expect(evaluateFormula(parseFormula("gone / a + nothing"), lookup)).toEqual({ ok: false, missing: ["gone", "nothing"] });
  });

  it("reports a division by zero with the divisor", () => {
    expect(evaluateFormula(parseFormula("a / (zero * b)"), lookup)).toEqual({ ok: false, divisionByZero: "(zero * b)" });
  });

  it("rejects malformed formulas with the position", () => {
    expect(() => parseFormula("a / ")).toThrow('invalid formula "a / ": expected a number, a series id or "(", found the end');
    expect(() => parseFormula("a $ b")).toThrow('unexpected "$" at character 3');
    expect(() => parseFormula("(a + b")).toThrow('expected ")"');
    expect(() => parseFormula("a b")).toThrow('expected an operator, found "b" at character 3');
  });
});
