// End to end on the synthetic panel: 12 provinces in 4 regions × 3 years × 6 indicators.
// Entropy weights and TOPSIS under the six convention variants A-F, then for variant A per
// year: Dagum, Theil, Gini, KDE, Jenks, dimension sub-scores, means and growth.

import { describe, expect, it } from "vitest";
import { type DagumResult, dagum } from "../../src/core/dagum.ts";
import {
  type EntropyByGroup,
  type EntropyPanel,
  entropyWeights,
  linearScore,
} from "../../src/core/entropy.ts";
import { gini } from "../../src/core/gini.ts";
import { type GrowthResult, growth } from "../../src/core/growth.ts";
import { jenks } from "../../src/core/jenks.ts";
import { kde } from "../../src/core/kde.ts";
import { fmean } from "../../src/core/sum.ts";
import { theil, type TheilResult } from "../../src/core/theil.ts";
import { topsis } from "../../src/core/topsis.ts";
import { expectAllClose, expectClose, expectLayout, type Tolerance } from "./close.ts";
import { loadVector } from "./vectors.ts";

type ByYear<T> = Record<string, T>;
type PerVariant<T> = T | ByYear<T>;
interface Variant {
  settings: {
    normalization_scope: "global" | "per_year";
    shift: string;
    ideal_scope: "global" | "per_year";
    distance: "weighted_matrix" | "weights_inside";
  };
  expected: {
    years: number[];
    w: PerVariant<number[]>;
    e: PerVariant<number[]>;
    d: PerVariant<number[]>;
    k: PerVariant<number>;
    Z: ByYear<number[][]>;
    entropy_score: ByYear<number[]>;
    Dplus: ByYear<number[]>;
    Dminus: ByYear<number[]>;
    C: ByYear<number[]>;
  };
}
interface Downstream {
  C_input: number[];
  dagum: DagumResult;
  theil: TheilResult;
  gini: number;
  kde: { bandwidth_nrd0: number; grid: number[]; density: number[] };
  jenks_k3: { breaks: number[]; classes: number[]; GVF: number; tie: boolean };
}
const panel = loadVector<{
  input: {
    provinces: string[];
    regions: string[];
    years: number[];
    indicators: { name: string; direction: 1 | -1; dimension: string }[];
    values: ByYear<number[][]>;
  };
  variants: Record<string, Variant>;
  downstream_variant_A: ByYear<Downstream>;
  dimension_scores_variant_A: Record<string, ByYear<number[]>>;
  national_means_and_growth_variant_A: Record<string, { mean_by_year: number[]; growth: GrowthResult }>;
  regional_means_and_growth_variant_A: Record<string, { mean_C_by_year: number[]; growth: GrowthResult }>;
  tolerance: Tolerance;
}>("panel_12x3x6");

const { input } = panel;
const tol = panel.tolerance;
const units = input.provinces.length;
const years = input.years;
const directions = input.indicators.map((indicator) => indicator.direction);

// Rows stacked year by year: row t·12 + p is province p in year t.
const stacked = input.indicators.map((_, j) =>
  years.flatMap((year) => input.values[String(year)].map((row) => row[j])),
);
const membersOf = (dimension: string) =>
  input.indicators.flatMap((indicator, j) => (indicator.dimension === dimension ? [j] : []));
const yearOf = Int32Array.from({ length: years.length * units }, (_, i) => Math.floor(i / units));
const rowsOf = (t: number) => [t * units, (t + 1) * units] as const;

interface Run {
  entropy: EntropyPanel | EntropyByGroup;
  weights: Float64Array[];
  dPlus: Float64Array;
  dMinus: Float64Array;
  closeness: Float64Array;
}

function run(settings: Variant["settings"]): Run {
  const perYear = settings.normalization_scope === "per_year";
  const entropy = entropyWeights(stacked, directions, {
    shift: Number(settings.shift),
    scope: perYear ? "year" : "panel",
    groups: yearOf,
  });
  const weights = entropy.scope === "year" ? entropy.groups.map((g) => g.weights) : [entropy.weights];
  const result = topsis(entropy.z, entropy.scope === "year" ? weights : weights[0], {
    distance: settings.distance === "weighted_matrix" ? "weighted" : "inside",
    idealScope: settings.ideal_scope === "per_year" ? "year" : "panel",
    groups: yearOf,
  });
  return { entropy, weights, ...result };
}

describe("panel_12x3x6.json: entropy and TOPSIS under variants A-F", () => {
  it("holds the six variants", () => {
    expect(Object.keys(panel.variants).map((name) => name[0])).toEqual(["A", "B", "C", "D", "E", "F"]);
  });

  for (const [name, variant] of Object.entries(panel.variants)) {
    it(name, () => {
      const expected = variant.expected;
      expect(expected.years).toEqual(years);
      const result = run(variant.settings);
      const { entropy } = result;

      if (entropy.scope === "panel") {
        expectAllClose(entropy.weights, expected.w as number[], tol, "w");
        expectAllClose(entropy.e, expected.e as number[], tol, "e");
        expectAllClose(entropy.d, expected.d as number[], tol, "d");
        expectClose(entropy.k, expected.k as number, tol, "k");
      } else {
        for (const [t, year] of years.entries()) {
          const group = entropy.groups[t];
          expectAllClose(group.weights, (expected.w as ByYear<number[]>)[year], tol, `w ${year}`);
          expectAllClose(group.e, (expected.e as ByYear<number[]>)[year], tol, `e ${year}`);
          expectAllClose(group.d, (expected.d as ByYear<number[]>)[year], tol, `d ${year}`);
          expectClose(group.k, (expected.k as ByYear<number>)[year], tol, `k ${year}`);
        }
      }

      for (const [t, year] of years.entries()) {
        const [from, to] = rowsOf(t);
        for (let j = 0; j < directions.length; ++j) {
          const Z = expected.Z[year].map((row) => row[j]);
          expectAllClose(entropy.z[j].subarray(from, to), Z, tol, `Z ${year} indicator ${j}`);
        }
        const score = entropy.score.subarray(from, to);
        expectAllClose(score, expected.entropy_score[year], tol, `score ${year}`);
        expectAllClose(result.dPlus.subarray(from, to), expected.Dplus[year], tol, `D+ ${year}`);
        expectAllClose(result.dMinus.subarray(from, to), expected.Dminus[year], tol, `D- ${year}`);
        expectAllClose(result.closeness.subarray(from, to), expected.C[year], tol, `C ${year}`);
      }
    });
  }
});

describe("panel_12x3x6.json: variant A downstream", () => {
  const A = run(panel.variants["A_global_shift1e-4_weighted_globalideal"].settings);
  const closenessOf = (t: number) => Array.from(A.closeness.subarray(...rowsOf(t)));

  for (const [t, year] of years.entries()) {
    const expected = panel.downstream_variant_A[String(year)];

    it(`${year}: Dagum, Theil and Gini by region`, () => {
      const C = closenessOf(t);
      expectAllClose(C, expected.C_input, tol, "C input");
      expectLayout(dagum(C, input.regions), expected.dagum, tol, `dagum ${year}`);
      expectLayout(theil(C, input.regions), expected.theil, tol, `theil ${year}`);
      expectClose(gini(C), expected.gini, tol, `gini ${year}`);
    });

    it(`${year}: kernel density (nrd0, 16 points)`, () => {
      const density = kde(closenessOf(t), { nPoints: expected.kde.grid.length });
      expectClose(density.h, expected.kde.bandwidth_nrd0, tol, "h");
      expectAllClose(density.grid, expected.kde.grid, tol, "grid");
      expectAllClose(density.density, expected.kde.density, tol, "density");
    });

    it(`${year}: Jenks k = 3`, () => {
      // On the reference C the breaks are the same data points, bit for bit; on the C computed
      // here they are the corresponding computed values.
      const reference = jenks(expected.C_input, 3);
      expect(reference.breaks).toEqual(expected.jenks_k3.breaks);
      expect(Array.from(reference.classes)).toEqual(expected.jenks_k3.classes);
      expectClose(reference.GVF, expected.jenks_k3.GVF, tol, "GVF");
      const computed = jenks(closenessOf(t), 3);
      expect(Array.from(computed.classes)).toEqual(expected.jenks_k3.classes);
      expectAllClose(computed.breaks, expected.jenks_k3.breaks, tol, "breaks");
      expectClose(computed.GVF, expected.jenks_k3.GVF, tol, "GVF");
    });
  }

  it("dimension sub-scores (Σ w_j z_ij within each dimension)", () => {
    const dimensions = Object.keys(panel.dimension_scores_variant_A);
    expect(dimensions.sort()).toEqual(["economy", "green", "innovation"]);
    for (const dimension of dimensions) {
      const scores = linearScore(A.entropy.z, A.weights[0], membersOf(dimension));
      for (const [t, year] of years.entries()) {
        const expected = panel.dimension_scores_variant_A[dimension][String(year)];
        expectAllClose(scores.subarray(...rowsOf(t)), expected, tol, `${dimension} ${year}`);
      }
    }
  });

  it("national means by year and their growth", () => {
    const series: Record<string, Float64Array> = {
      composite_C: A.closeness,
      composite_entropy_score: A.entropy.score,
    };
    for (const dimension of ["economy", "green", "innovation"]) {
      series[dimension] = linearScore(A.entropy.z, A.weights[0], membersOf(dimension));
    }
    const names = Object.keys(panel.national_means_and_growth_variant_A);
    expect(names.sort()).toEqual(Object.keys(series).sort());
    for (const [name, expected] of Object.entries(panel.national_means_and_growth_variant_A)) {
      const means = years.map((_, t) => fmean(series[name].subarray(...rowsOf(t))));
      expectAllClose(means, expected.mean_by_year, tol, `${name} means`);
      expectLayout(growth(means), expected.growth, tol, `${name} growth`);
    }
  });

  it("regional means of C by year and their growth", () => {
    for (const [region, expected] of Object.entries(panel.regional_means_and_growth_variant_A)) {
      const members = input.regions.flatMap((r, p) => (r === region ? [p] : []));
      const means = years.map((_, t) => fmean(members.map((p) => A.closeness[t * units + p])));
      expectAllClose(means, expected.mean_C_by_year, tol, `${region} means`);
      expectLayout(growth(means), expected.growth, tol, `${region} growth`);
    }
  });
});
