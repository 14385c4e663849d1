import { describe, expect, it } from "vitest";
import * as core from "../../src/core/index.ts";

describe("the public API of the numeric core", () => {
  it("re-exports every method", () => {
    const functions = [
      "fsum", "fmean", "rangeStandardise", "entropyWeights", "entropyWeightsRaw", "linearScore",
      "topsis", "topsisVector", "gini", "absDiffSum", "dagum", "dagumNaive", "theil", "bandwidth",
      "kde", "densityAt", "jenks", "jenksClass", "growth", "averageGrowth",
    ];
    const exported = core as Record<string, unknown>;
    for (const name of functions) expect(typeof exported[name], name).toBe("function");
    expect(new core.ExactSum().add(1).value()).toBe(1);
    expect(new core.MethodError("x", { method: "m" })).toBeInstanceOf(Error);
    expect(core.DEFAULT_SHIFT).toBe(0.0001);
  });
});
