/**
 * Headline findings as sentences generated from the results, with their numbers. Nothing here
 * is typed by hand: change the data or a method option and the sentences follow.
 */
import type { Results } from "../pipeline/results.ts";
import { regionName as regionLabel } from "./results.ts";

/** A rate as a percentage; "n/a" where it is not defined (null). */
export const pct = (v: number | null, digits = 1) => (v === null || !Number.isFinite(v) ? "n/a" : `${(v * 100).toFixed(digits)}%`);

/** Orders by a value that may be null, largest first, nulls last. */
export const byDesc = <T>(key: (x: T) => number | null) => (a: T, b: T) => (key(b) ?? -Infinity) - (key(a) ?? -Infinity);
export const num = (v: number, digits = 3) => v.toFixed(digits);

export interface Findings {
  first: number;
  last: number;
  leader: { id: string; name: string; score: number };
  laggard: { id: string; name: string; score: number };
  fastest: { id: string; name: string; cagr: number | null };
  slowest: { id: string; name: string; cagr: number | null };
  sample: { first: number; last: number; cagr: number | null };
  topProvince: { code: string; name: string; score: number };
  bottomProvince: { code: string; name: string; score: number };
  gini: {
    first: number;
    last: number;
    widened: boolean;
    /** Dagum's G on the decomposed sample (stacked memberships when regions overlap). */
    dagumFirst: number;
    dagumLast: number;
    observations: number;
    largestSource: "within" | "between" | "transvariation";
    share: number;
  };
  widestRegion: { id: string; name: string; gini: number };
  drivers: { region: string; name: string; dimension: string; dimensionName: string; ratio: number }[];
  sentences: string[];
}

export function findings(r: Results): Findings {
  const years = r.study.years;
  const first = years[0];
  const last = years[years.length - 1];
  const regionName = (id: string) => regionLabel(r, id);
  const unitName = (code: string) => r.study.units.find((u) => u.code === code)?.nameEn ?? code;
  const dimName = (id: string) => r.study.dimensions.find((d) => d.id === id)?.name.en ?? id;

  const lastMeans = r.means.filter((m) => m.year === last && m.group !== "sample").sort((a, b) => b.score - a.score);
  const leader = lastMeans[0];
  const laggard = lastMeans[lastMeans.length - 1];
  const regionGrowth = r.growth.filter((g) => g.kind === "region").sort(byDesc((g) => g.cagr));
  const fastest = regionGrowth[0];
  const slowest = regionGrowth[regionGrowth.length - 1];
  const sampleGrowth = r.growth.find((g) => g.kind === "sample");
  if (!leader || !fastest || !sampleGrowth) throw new Error("results have no regional means or growth");

  const lastScores = r.scores.filter((s) => s.year === last).sort((a, b) => b.score - a.score);
  const top = lastScores[0];
  const bottom = lastScores[lastScores.length - 1];

  const d0 = r.dagum[0];
  const d1 = r.dagum[r.dagum.length - 1];
  const parts = [
    ["within", d1.share_w ?? 0],
    ["between", d1.share_nb ?? 0],
    ["transvariation", d1.share_t ?? 0],
  ] as const;
  const largest = [...parts].sort((a, b) => b[1] - a[1])[0];
  // A region whose mean is 0 has no within-region Gini (null); it cannot be the widest.
  const widest = Object.entries(d1.groups).sort((a, b) => (b[1].Gjj ?? -1) - (a[1].Gjj ?? -1))[0];

  // Each region's relatively strongest dimension in the last year: the largest ratio of the
  // region's mean sub-index to the sample mean (sub-indices differ in level, so raw values
  // would name the same dimension everywhere).
  const sampleLast = r.means.find((x) => x.group === "sample" && x.year === last);
  if (!sampleLast) throw new Error("results have no sample means");
  const drivers = r.study.regions.map((g) => {
    const m = r.means.find((x) => x.group === g.id && x.year === last);
    const ratios = Object.entries(m?.dims ?? {}).map(([id, v]) => [id, v / sampleLast.dims[id]] as const);
    const best = ratios.sort((a, b) => b[1] - a[1])[0];
    return { region: g.id, name: g.name.en, dimension: best[0], dimensionName: dimName(best[0]), ratio: best[1] };
  });

  const f: Findings = {
    first,
    last,
    leader: { id: leader.group, name: regionName(leader.group), score: leader.score },
    laggard: { id: laggard.group, name: regionName(laggard.group), score: laggard.score },
    fastest: { id: fastest.group, name: regionName(fastest.group), cagr: fastest.cagr },
    slowest: { id: slowest.group, name: regionName(slowest.group), cagr: slowest.cagr },
    sample: { first: sampleGrowth.first, last: sampleGrowth.last, cagr: sampleGrowth.cagr },
    topProvince: { code: top.unit, name: unitName(top.unit), score: top.score },
    bottomProvince: { code: bottom.unit, name: unitName(bottom.unit), score: bottom.score },
    gini: {
      first: r.gini[0].G,
      last: r.gini[r.gini.length - 1].G,
      widened: r.gini[r.gini.length - 1].G > r.gini[0].G,
      dagumFirst: d0.G,
      dagumLast: d1.G,
      observations: d1.n,
      largestSource: largest[0],
      share: largest[1],
    },
    widestRegion: { id: widest[0], name: regionName(widest[0]), gini: widest[1].Gjj ?? 0 },
    drivers,
    sentences: [],
  };

  f.sentences = [
    `In ${last}, ${f.leader.name} leads the ${lastMeans.length} regions with a mean score of ${num(f.leader.score)}, ` +
      `and ${f.laggard.name} trails with ${num(f.laggard.score)}.`,
    `Across the ${r.study.units.length} sample provinces the mean score rose from ${num(f.sample.first)} in ${first} ` +
      `to ${num(f.sample.last)} in ${last}, an average annual growth of ${pct(f.sample.cagr)}.`,
    `${f.fastest.name} grew fastest (${pct(f.fastest.cagr)} a year on average), ` +
      `${f.slowest.name} slowest (${pct(f.slowest.cagr)}).`,
    `${f.topProvince.name} has the highest province score in ${last} (${num(f.topProvince.score)}), ` +
      `${f.bottomProvince.name} the lowest (${num(f.bottomProvince.score)}).`,
    `Inequality between the ${r.study.units.length} provinces ${f.gini.widened ? "widened" : "narrowed"}: their Gini ` +
      `coefficient went from ${num(f.gini.first)} in ${first} to ${num(f.gini.last)} in ${last}. ` +
      (r.stacked
        ? `Dagum's decomposition, computed on the ${f.gini.observations} region memberships (a province in two ` +
          `regions counts twice; G ${num(f.gini.dagumFirst)} to ${num(f.gini.dagumLast)}), `
        : `Dagum's decomposition `) +
      `attributes the largest part in ${last} to ${sourceText(f.gini.largestSource)} (${pct(f.gini.share)} of the total).`,
    `Within-region inequality is largest in ${f.widestRegion.name} (Gini ${num(f.widestRegion.gini)} in ${last}).`,
    `Compared with the sample mean of each sub-index in ${last}, each region does best, relatively, in: ` +
      f.drivers.map((d) => `${d.name}, ${d.dimensionName.toLowerCase()} (${d.ratio.toFixed(2)} × the sample mean)`).join("; ") + ".",
  ];
  return f;
}

function sourceText(part: "within" | "between" | "transvariation"): string {
  if (part === "within") return "inequality within regions";
  if (part === "between") return "the net gap between regions";
  return "transvariation, the overlap between regions";
}
