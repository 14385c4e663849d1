// End to end: the reference panel (12 provinces, 4 regions, 3 years, 6 indicators) written as a
// study folder, read by the study loader and computed by the same pipeline as the site, must
// reproduce the reference vector's results under each convention variant.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "vitest";
import { loadStudy } from "../../src/study/load.ts";
import { computeResults } from "../../src/pipeline/compute.ts";
import type { Results } from "../../src/pipeline/results.ts";
import { expectClose, reference } from "../helpers/close.ts";

const vector = JSON.parse(
  readFileSync(new URL("../../../shared/reference/vectors/panel_12x3x6.json", import.meta.url), "utf8"),
);
const input = vector.input;
const years: number[] = input.years;
const regionIds: string[] = [...new Set<string>(input.regions)];

function writeStudy(variant: string, method: Record<string, unknown>): string {
  const dir = join(tmpdir(), `panel-${process.pid}-${variant}`);
  mkdirSync(dir, { recursive: true });
  const units = input.provinces.map((p: string) => `${p},${p},${p}`).join("\n");
  writeFileSync(join(dir, "units.csv"), `code,name_zh,name_en\n${units}\n`);
  const rows: string[] = [];
  for (const year of years) {
    input.values[year].forEach((row: number[], u: number) => {
      row.forEach((v, j) => rows.push(`${input.provinces[u]},${year},${input.indicators[j].name},${v}`));
    });
  }
  writeFileSync(join(dir, "panel.csv"), `unit,year,series,value\n${rows.join("\n")}\n`);
  const sources = input.indicators.map((i: { name: string }) => `${i.name},x,reference vector`).join("\n");
  writeFileSync(join(dir, "sources.csv"), `series,unit,source\n${sources}\n`);
  const study = {
    id: "panel",
    title: { en: "Reference panel", zh: "参考面板" },
    abstract: { en: "The reference panel.", zh: "参考面板。" },
    authors: [{ name: "Reference" }],
    licence: "CC0-1.0",
    years: { start: years[0], end: years[years.length - 1] },
    units: { kind: "province", file: "units.csv" },
    sample: input.provinces,
    regions: regionIds.map((id) => ({
      id: id.toLowerCase(),
      name: { en: id, zh: id },
      members: input.provinces.filter((_: string, i: number) => input.regions[i] === id),
    })),
    data: { panel: "panel.csv", sources: "sources.csv" },
    dimensions: [...new Set(input.indicators.map((i: { dimension: string }) => i.dimension))].map((d) => ({
      id: d,
      name: { en: d, zh: d },
    })),
    indicators: input.indicators.map((i: { name: string; direction: number; dimension: string }) => ({
      id: i.name,
      dimension: i.dimension,
      name: { en: i.name, zh: i.name },
      unit: { en: "x", zh: "x" },
      direction: i.direction > 0 ? "+" : "-",
      formula: i.name,
    })),
    method,
  };
  writeFileSync(join(dir, "study.json"), JSON.stringify(study));
  return dir;
}

const settingsToMethod = (s: Record<string, string>) => ({
  entropy: { scope: s.normalization_scope === "global" ? "panel" : "year", shift: Number(s.shift) },
  topsis: {
    distance: s.distance === "weighted_matrix" ? "weighted" : "inside",
    ideal: s.ideal_scope === "global" ? "panel" : "year",
  },
  subindex: "weighted_sum",
  kde: { kernel: "gaussian", bandwidth: "nrd0", points: 16 },
  tiers: { classes: 3, scope: "year" },
});

const scoresOf = (r: Results, year: number) =>
  input.provinces.map((p: string) => (r.scores.find((s) => s.unit === p && s.year === year) as Results["scores"][number]));

describe("reference panel through the whole pipeline", () => {
  for (const [name, variant] of Object.entries<any>(vector.variants)) {
    it(`variant ${name}`, () => {
      const results = computeResults(loadStudy(writeStudy(name, settingsToMethod(variant.settings))));
      const expected = variant.expected;
      for (const year of years) {
        expectClose(scoresOf(results, year).map((s: { score: number }) => s.score), expected.C[year], reference, `C ${year}`);
      }
      const weights = results.study.indicators.map((i) => i.weight);
      if (Array.isArray(expected.w)) {
        expectClose(weights, expected.w, reference, "w");
        expectClose(results.study.indicators.map((i) => i.entropy), expected.e, reference, "e");
        expectClose(results.method.entropyK, expected.k, reference, "k");
      } else {
        years.forEach((year, t) =>
          expectClose(results.study.indicators.map((i) => (i.weightByYear as number[])[t]), expected.w[year], reference, `w ${year}`),
        );
      }
    });
  }

  it("variant A downstream: Dagum, density, breaks, sub-indices, means and growth", () => {
    const variant = vector.variants["A_global_shift1e-4_weighted_globalideal"];
    const r = computeResults(loadStudy(writeStudy("A-downstream", settingsToMethod(variant.settings))));
    for (const year of years) {
      const want = vector.downstream_variant_A[year];
      const got = r.dagum.find((d) => d.year === year) as Results["dagum"][number];
      for (const key of ["n", "mean", "G", "Gw", "Gnb", "Gt", "share_w", "share_nb", "share_t"] as const) {
        expectClose(got[key], want.dagum[key], reference, `dagum ${year} ${key}`);
      }
      for (const [id, g] of Object.entries<any>(want.dagum.groups)) {
        const mine = got.groups[id.toLowerCase()];
        for (const key of ["n", "mean", "p", "s", "Gjj", "Gw_contrib"] as const) expectClose(mine[key], g[key], reference, `dagum ${year} ${id} ${key}`);
      }
      for (const p of want.dagum.pairs) {
        const mine = got.pairs.find((x) => x.high === p.high.toLowerCase() && x.low === p.low.toLowerCase());
        if (!mine) throw new Error(`no pair ${p.key} in ${year}`);
        for (const key of ["Gjh", "d_jh", "p_jh", "D_jh", "weight", "Gnb_contrib", "Gt_contrib"] as const) {
          expectClose(mine[key], p[key], reference, `dagum ${year} ${p.key} ${key}`);
        }
      }
      const density = r.density.find((d) => d.year === year) as Results["density"][number];
      expectClose(density.bandwidth, want.kde.bandwidth_nrd0, reference, `bandwidth ${year}`);
      expectClose(density.x, want.kde.grid, reference, `grid ${year}`);
      expectClose(density.y, want.kde.density, reference, `density ${year}`);
      const breaks = r.tiers.byYear.find((b) => b.year === year) as Results["tiers"]["byYear"][number];
      expectClose(breaks.breaks, want.jenks_k3.breaks, reference, `breaks ${year}`);
      expectClose(breaks.gvf, want.jenks_k3.GVF, reference, `GVF ${year}`);
      // The site numbers tiers from the top (tier 1 = highest class).
      const tiers = scoresOf(r, year).map((s: { tier: number }) => 4 - s.tier);
      expectClose(tiers, want.jenks_k3.classes, { rel: 0, abs: 0 }, `classes ${year}`);
      for (const [dim, byYear] of Object.entries<any>(vector.dimension_scores_variant_A)) {
        expectClose(scoresOf(r, year).map((s: { dims: Record<string, number> }) => s.dims[dim]), byYear[year], reference, `${dim} ${year}`);
      }
    }
    for (const [dim, want] of Object.entries<any>(vector.national_means_and_growth_variant_A)) {
      if (dim === "composite_entropy_score") continue;
      const pick = (m: Results["means"][number]) => (dim === "composite_C" ? m.score : m.dims[dim]);
      expectClose(r.means.filter((m) => m.group === "sample").map(pick), want.mean_by_year, reference, `mean ${dim}`);
      const g = r.growth.find((x) => x.kind === "sample") as Results["growth"][number];
      expectClose(dim === "composite_C" ? g.cagr : g.dims[dim], want.growth.cagr, reference, `cagr ${dim}`);
      if (dim === "composite_C") {
        expectClose(g.total, want.growth.total, reference, "total growth");
        expectClose(g.meanYoy, want.growth.mean_yoy, reference, "mean yoy");
      }
    }
    for (const [region, want] of Object.entries<any>(vector.regional_means_and_growth_variant_A)) {
      const id = region.toLowerCase();
      expectClose(r.means.filter((m) => m.group === id).map((m) => m.score), want.mean_C_by_year, reference, `mean ${region}`);
      const g = r.growth.find((x) => x.group === id) as Results["growth"][number];
      expectClose(g.cagr, want.growth.cagr, reference, `cagr ${region}`);
    }
  });
});
