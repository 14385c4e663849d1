import { describe, expect, it } from "vitest";
import { parseCell } from "../../src/study/numbers.ts";

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
    expect(parseCell("１２３")).toEqual({ ok: false, reason: "is not a number: it uses full-width digits" });
    expect(parseCell("—")).toEqual({ ok: false, reason: "is not a number: leave the cell empty for a missing value" });
    expect(parseCell("..")).toEqual({ ok: false, reason: "is not a number: leave the cell empty for a missing value" });
    expect(parseCell("abc")).toEqual({ ok: false, reason: "is not a number" });
  });
});
