// The formats of a bound number: by hand-checked examples in both languages, and the errors.
import { describe, expect, it } from "vitest";
import { chineseNumber, englishOrdinal, englishWords, FormatError, formatValue, ordinalSuffix, type Value } from "../../src/narrative/formats.ts";

const real = (value: number, format = ".3f"): Value => ({ type: "real", value, format });
const whole = (value: number, format = "d"): Value => ({ type: "integer", value, format });

describe("ordinals and numbers in words", () => {
  it("gives English ordinal suffixes, teens included", () => {
    const cases: [number, string][] = [[1, "st"], [2, "nd"], [3, "rd"], [4, "th"], [11, "th"], [12, "th"], [13, "th"], [21, "st"], [22, "nd"], [23, "rd"], [101, "st"], [111, "th"], [112, "th"]];
    for (const [n, suffix] of cases) expect(ordinalSuffix(n), String(n)).toBe(suffix);
  });

  it("writes 0 to 99 in English words, and larger numbers in digits", () => {
    expect([0, 7, 13, 20, 23, 99, 100].map(englishWords)).toEqual(["zero", "seven", "thirteen", "twenty", "twenty-three", "ninety-nine", "100"]);
    expect([1, 2, 3, 5, 8, 9, 12, 20, 21, 23, 100].map(englishOrdinal)).toEqual([
      "first", "second", "third", "fifth", "eighth", "ninth", "twelfth", "twentieth", "twenty-first", "twenty-third", "100th",
    ]);
  });

  it("writes 0 to 99 in Chinese numerals", () => {
    expect([0, 2, 10, 11, 20, 23, 99, 120].map(chineseNumber)).toEqual(["零", "二", "十", "十一", "二十", "二十三", "九十九", "120"]);
  });
});

describe("formatValue", () => {
  it("writes numbers with fixed decimals, as percentages or with four significant digits", () => {
    expect(formatValue(real(0.46026), undefined, "en")).toBe("0.460");
    expect(formatValue(real(0.46026), ".1f", "zh")).toBe("0.5");
    expect(formatValue(real(0.09852, ".1%"), undefined, "en")).toBe("9.9%");
    expect(formatValue(real(0.09852), ".0%", "en")).toBe("10%");
    expect(formatValue(real(44350.71), "auto", "en")).toBe("44350.7");
    expect(formatValue(real(0.0054251), "auto", "en")).toBe("0.005425");
  });

  it("writes whole numbers as digits, words, ordinals or ordinal words in each language", () => {
    expect(formatValue(whole(23, "ordinal"), undefined, "en")).toBe("23rd");
    expect(formatValue(whole(23, "ordinal"), undefined, "zh")).toBe("第23");
    expect(formatValue(whole(4), "ordinal-words", "en")).toBe("fourth");
    expect(formatValue(whole(4), "ordinal-words", "zh")).toBe("第四");
    expect(formatValue(whole(5), "words", "en")).toBe("five");
    expect(formatValue(whole(2), "words", "zh")).toBe("两");
    expect(formatValue(whole(12), undefined, "zh")).toBe("12");
  });

  it("writes names as on the site, shortened, or with a lowercase first letter in English", () => {
    const name: Value = { type: "name", name: "Greater Bay Area (Guangdong only)", short: "Greater Bay Area" };
    expect(formatValue(name, undefined, "en")).toBe("Greater Bay Area (Guangdong only)");
    expect(formatValue(name, "short", "en")).toBe("Greater Bay Area");
    expect(formatValue({ type: "name", name: "New industries", short: "New industries" }, "lower", "en")).toBe("new industries");
    expect(formatValue({ type: "name", name: "R&D expenditure to GDP", short: "" }, "lower", "en")).toBe("R&D expenditure to GDP");
    expect(formatValue({ type: "name", name: "新产业", short: "新产业" }, "lower", "zh")).toBe("新产业");
  });

  it("refuses a format that does not fit the value, naming the formats that do", () => {
    expect(() => formatValue(real(0.46026), "ordinal", "en")).toThrow("format ordinal needs a whole number, and this value is 0.4603; the formats of a number are .Nf (N = 0 to 6), .N% (N = 0 to 6), auto");
    expect(() => formatValue(real(0.5), ".3g", "en")).toThrow('unknown format ".3g"; the formats of this value are .Nf (N = 0 to 6), .N% (N = 0 to 6), auto');
    expect(() => formatValue(real(0.5), ".7f", "en")).toThrow(FormatError);
    expect(() => formatValue(whole(3), "short", "en")).toThrow("the formats of this value are d, words, ordinal, ordinal-words");
    expect(() => formatValue({ type: "text", text: "2021" }, "d", "en")).toThrow("takes no format (got format=d)");
  });
});
