import { describe, expect, it } from "vitest";
import { parseCell, parseYear } from "../../src/study/numbers.ts";

describe("parseCell", () => {
  it("reads plain numbers and empty cells", () => {
    expect(parseCell("4002.2")).toEqual({ ok: true, value: 4002.2 });
    expect(parseCell(" -1.5e3 ")).toEqual({ ok: true, value: -1500 });
    expect(parseCell(".5")).toEqual({ ok: true, value: 0.5 });
    expect(parseCell("")).toEqual({ ok: true, value: null });
  });

  it("says why a cell is not a number", () => {
    expect(parseCell("1,234.5")).toEqual({ ok: false, reason: "is not a number: remove the thousands separators" });
    expect(parseCell("12%")).toEqual({ ok: false, reason: "is not a number: write percentages without the % sign" });
    expect(parseCell("1 234")).toEqual({ ok: false, reason: "is not a number: remove the thousands separators" });
    expect(parseCell("１２３")).toEqual({ ok: false, reason: 'is not a number: it uses full-width digits; write "123"' });
    const missing = (s: string) => `is not a number: leave the cell empty for a missing value, or declare "${s}" in this file's "missingMarkers" in study.json`;
    expect(parseCell("—")).toEqual({ ok: false, reason: missing("—") });
    expect(parseCell("..")).toEqual({ ok: false, reason: missing("..") });
    expect(parseCell("abc")).toEqual({ ok: false, reason: "is not a number" });
  });

  it("reads the missing markers a file declares as missing values", () => {
    expect(parseCell("—", ["—", ".."])).toEqual({ ok: true, value: null });
    expect(parseCell(" .. ", ["—", ".."])).toEqual({ ok: true, value: null });
  });
});

describe("parseYear", () => {
  it("reads 2021, 2021年 and 2021.0, and nothing else", () => {
    expect(["2021", " 2021年 ", "2021.0"].map(parseYear)).toEqual([2021, 2021, 2021]);
    expect(["abc", "21", "2021-01", "20２1x", ""].map(parseYear)).toEqual([null, null, null, null, null]);
  });
});
