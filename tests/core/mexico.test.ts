// Real public data: per-capita GDP of 32 Mexican states, 1940-2000, two regional partitions.

import { describe, expect, it } from "vitest";
import { type DagumResult, dagum } from "../../src/core/dagum.ts";
import { gini } from "../../src/core/gini.ts";
import { theil, type TheilResult } from "../../src/core/theil.ts";
import { expectClose, expectLayout, type Tolerance } from "./close.ts";
import { loadVector } from "./vectors.ts";

interface Decade {
  theil_hanson98: TheilResult;
  dagum_hanson98: DagumResult;
  theil_inegi: TheilResult;
  dagum_inegi: DagumResult;
  gini: number;
}
const mexico = loadVector<{
  input: {
    years: number[];
    pcgdp: Record<string, number[]>;
    regions_hanson98: number[];
    regions_inegi: number[];
  };
  published_pysal: { Theil_T: number[]; TheilD_bg_hanson98: number[]; TheilD_wg_hanson98: number[] };
  expected: Record<string, Decade>;
  tolerance: Tolerance;
}>("mexico_inequality");

/** The vector writes region codes as JSON numbers in high, low and order_by_mean. */
function labelsAsStrings(result: DagumResult): DagumResult {
  return {
    ...result,
    order_by_mean: result.order_by_mean.map(String),
    pairs: result.pairs.map((pair) => ({ ...pair, high: String(pair.high), low: String(pair.low) })),
  };
}

const hanson = mexico.input.regions_hanson98.map(String);
const inegi = mexico.input.regions_inegi.map(String);

describe("mexico_inequality.json", () => {
  for (const [t, year] of mexico.input.years.entries()) {
    const values = mexico.input.pcgdp[String(year)];
    const expected = mexico.expected[String(year)];

    it(`${year}: theil, dagum and gini by both partitions`, () => {
      const tol = mexico.tolerance;
      expectLayout(theil(values, hanson), expected.theil_hanson98, tol, `theil hanson98 ${year}`);
      expectLayout(theil(values, inegi), expected.theil_inegi, tol, `theil inegi ${year}`);
      const byHanson = labelsAsStrings(expected.dagum_hanson98);
      const byInegi = labelsAsStrings(expected.dagum_inegi);
      expectLayout(dagum(values, hanson), byHanson, tol, `dagum hanson98 ${year}`);
      expectLayout(dagum(values, inegi), byInegi, tol, `dagum inegi ${year}`);
      expectClose(gini(values), expected.gini, tol, `gini ${year}`);
    });

    it(`${year}: theil matches the values printed by pysal to 5e-9`, () => {
      const result = theil(values, hanson);
      const printed = { rel: 0, abs: 5e-9 };
      expectClose(result.T, mexico.published_pysal.Theil_T[t], printed, `T ${year}`);
      expectClose(result.Tb, mexico.published_pysal.TheilD_bg_hanson98[t], printed, `Tb ${year}`);
      expectClose(result.Tw, mexico.published_pysal.TheilD_wg_hanson98[t], printed, `Tw ${year}`);
    });
  }

  it("covers the seven decades", () => {
    expect(mexico.input.years).toHaveLength(7);
  });
});
