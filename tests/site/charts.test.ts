import { describe, expect, it } from "vitest";
import { changeBars } from "../../src/site/charts.ts";

describe("change bars", () => {
  it("colour each bar by its own value on the diverging scale, not all with the end colour", () => {
    const chart = changeBars(
      [{ label: "a", value: 0.047 }, { label: "b", value: 0.07 }, { label: "c", value: 0.099 }],
      { xLabel: "growth", legendLabel: "growth" },
      { label: "growth", description: "three bars" },
    );
    const text = JSON.stringify(chart);
    const fills = [...text.matchAll(/<rect[^>]*?fill=\\"(rgb\([^)]*\))\\"[^>]*?><title>/g)].map((m) => m[1]);
    expect(fills).toHaveLength(3);
    expect(new Set(fills).size).toBe(3);
    // The largest change takes the end of the scale; the legend's ticks are percentages.
    expect(fills[2]).toBe("rgb(45, 0, 75)");
    expect(fills[0]).not.toBe(fills[2]);
    expect(text).toContain(">9.9%<");
  });
});
