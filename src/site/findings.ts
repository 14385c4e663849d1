/**
 * Headline findings: the facts picked from the results, then the same facts as sentences in
 * English and in Chinese, written side by side. Nothing here is typed by hand: change the data
 * or a method option and the sentences follow.
 */
import type { Results } from "../pipeline/results.ts";
import type { Lang } from "../i18n/lang.ts";
import { byDesc, joinList, num, pct } from "./format.ts";
import { dimensionName, kindWord, regionName, stackedOverlap, unitName } from "./results.ts";

export type Source = "within" | "between" | "transvariation";

export interface Facts {
  first: number;
  last: number;
  regions: number;
  units: number;
  leader: { id: string; score: number };
  laggard: { id: string; score: number };
  fastest: { id: string; cagr: number | null };
  slowest: { id: string; cagr: number | null };
  /** Every region's average annual growth, fastest first. */
  growth: { id: string; cagr: number | null }[];
  sample: { first: number; last: number; cagr: number | null };
  topUnit: { code: string; score: number };
  bottomUnit: { code: string; score: number };
  gini: {
    first: number;
    last: number;
    widened: boolean;
    /** Dagum's G on the decomposed sample (stacked memberships when regions overlap). */
    dagumFirst: number;
    dagumLast: number;
    observations: number;
    largestSource: Source;
    share: number;
  };
  /** The region with the largest within-region Gini in the last year; null when none is defined. */
  widestRegion: { id: string; gini: number } | null;
  /** Each region's relatively strongest dimension in the last year (ratio to the sample mean). */
  drivers: { region: string; dimension: string; ratio: number }[];
}

export type SentenceKey = "levels" | "sample" | "growth" | "growthEach" | "units" | "inequality" | "widest" | "drivers";

export interface Findings extends Facts {
  sentences: Record<SentenceKey, string>;
  /** The sentences in reading order. */
  list: string[];
}

export function facts(r: Results): Facts {
  const years = r.study.years;
  const first = years[0];
  const last = years[years.length - 1];

  const lastMeans = r.means.filter((m) => m.year === last && m.group !== "sample").sort((a, b) => b.score - a.score);
  const regionGrowth = r.growth.filter((g) => g.kind === "region").sort(byDesc((g) => g.cagr));
  const sampleGrowth = r.growth.find((g) => g.kind === "sample");
  if (lastMeans.length === 0 || regionGrowth.length === 0 || !sampleGrowth) throw new Error("results have no regional means or growth");

  const lastScores = r.scores.filter((s) => s.year === last).sort((a, b) => b.score - a.score);
  const d0 = r.dagum[0];
  const d1 = r.dagum[r.dagum.length - 1];
  const parts: [Source, number][] = [
    ["within", d1.share_w ?? 0],
    ["between", d1.share_nb ?? 0],
    ["transvariation", d1.share_t ?? 0],
  ];
  const largest = [...parts].sort((a, b) => b[1] - a[1])[0];
  // A region whose mean is 0 has no within-region Gini (null); it cannot be the widest. A
  // one-member region has G_jj = 0 and says nothing about spread: it is left out too.
  const multi = new Set(r.study.regions.filter((g) => g.members.length > 1).map((g) => g.id));
  const widest = Object.entries(d1.groups)
    .filter(([id, g]) => g.Gjj !== null && multi.has(id))
    .sort((a, b) => (b[1].Gjj ?? 0) - (a[1].Gjj ?? 0))[0];

  // Sub-indices differ in level, so raw values would name the same dimension everywhere: the
  // driver is the largest ratio of the region's mean sub-index to the sample mean.
  const sampleLast = r.means.find((x) => x.group === "sample" && x.year === last);
  if (!sampleLast) throw new Error("results have no sample means");
  const drivers = r.study.regions.map((g) => {
    const m = r.means.find((x) => x.group === g.id && x.year === last);
    const ratios = Object.entries(m?.dims ?? {}).map(([id, v]) => [id, v / sampleLast.dims[id]] as const);
    const best = ratios.sort((a, b) => b[1] - a[1])[0];
    return { region: g.id, dimension: best[0], ratio: best[1] };
  });

  return {
    first,
    last,
    regions: lastMeans.length,
    units: r.study.units.length,
    leader: { id: lastMeans[0].group, score: lastMeans[0].score },
    laggard: { id: lastMeans[lastMeans.length - 1].group, score: lastMeans[lastMeans.length - 1].score },
    fastest: { id: regionGrowth[0].group, cagr: regionGrowth[0].cagr },
    slowest: { id: regionGrowth[regionGrowth.length - 1].group, cagr: regionGrowth[regionGrowth.length - 1].cagr },
    growth: regionGrowth.map((g) => ({ id: g.group, cagr: g.cagr })),
    sample: { first: sampleGrowth.first, last: sampleGrowth.last, cagr: sampleGrowth.cagr },
    topUnit: { code: lastScores[0].unit, score: lastScores[0].score },
    bottomUnit: { code: lastScores[lastScores.length - 1].unit, score: lastScores[lastScores.length - 1].score },
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
    widestRegion: widest ? { id: widest[0], gini: widest[1].Gjj ?? 0 } : null,
    drivers,
  };
}

export function findings(r: Results, lang: Lang = "en"): Findings {
  const f = facts(r);
  const sentences = lang === "zh" ? chinese(r, f) : english(r, f);
  const order: SentenceKey[] = ["levels", "sample", "growth", "growthEach", "units", "inequality", "widest", "drivers"];
  return { ...f, sentences, list: order.map((k) => sentences[k]).filter((s) => s !== "") };
}

function english(r: Results, f: Facts): Record<SentenceKey, string> {
  const stacked = stackedOverlap(r);
  const region = (id: string) => regionName(r, id, "en");
  const unit = (code: string) => unitName(r, code, "en");
  const units = kindWord(r, "en", true);
  const source: Record<Source, string> = {
    within: "inequality within regions",
    between: "the net gap between regions",
    transvariation: "transvariation, the overlap between regions",
  };
  return {
    levels:
      `In ${f.last}, ${region(f.leader.id)} leads the ${f.regions} regions with a mean score of ${num(f.leader.score)}, ` +
      `and ${region(f.laggard.id)} trails with ${num(f.laggard.score)}.`,
    sample:
      `Across the ${f.units} sample ${units} the mean score ${f.sample.last >= f.sample.first ? "rose" : "fell"} ` +
      `from ${num(f.sample.first)} in ${f.first} to ${num(f.sample.last)} in ${f.last}, an average annual growth of ${pct(f.sample.cagr)}.`,
    growth:
      `${region(f.fastest.id)} grew fastest (${pct(f.fastest.cagr)} a year on average), ` +
      `${region(f.slowest.id)} slowest (${pct(f.slowest.cagr)}).`,
    growthEach:
      `Average annual growth of the regional mean score, ${f.first}–${f.last}: ` +
      f.growth.map((g) => `${region(g.id)} ${pct(g.cagr)}`).join("; ") + ".",
    units:
      `${unit(f.topUnit.code)} has the highest score in ${f.last} (${num(f.topUnit.score)}), ` +
      `${unit(f.bottomUnit.code)} the lowest (${num(f.bottomUnit.score)}).`,
    inequality:
      `Inequality between the ${f.units} ${units} ${f.gini.widened ? "widened" : "narrowed"}: their Gini ` +
      `coefficient went from ${num(f.gini.first)} in ${f.first} to ${num(f.gini.last)} in ${f.last}. ` +
      (stacked
        ? `Dagum's decomposition, computed on the ${f.gini.observations} region memberships (a ${kindWord(r, "en")} in two ` +
          `regions counts twice; G ${num(f.gini.dagumFirst)} to ${num(f.gini.dagumLast)}), `
        : `Dagum's decomposition (G ${num(f.gini.dagumFirst)} to ${num(f.gini.dagumLast)}) `) +
      `attributes the largest part in ${f.last} to ${source[f.gini.largestSource]} (${pct(f.gini.share)} of the total).`,
    widest: f.widestRegion
      ? `Within-region inequality is largest in ${region(f.widestRegion.id)} (Gini ${num(f.widestRegion.gini)} in ${f.last}).`
      : "",
    drivers:
      `Compared with the sample mean of each sub-index in ${f.last}, each region does best, relatively, in: ` +
      f.drivers
        .map((d) => `${region(d.region)}, ${dimensionName(r, d.dimension, "en").toLowerCase()} (${d.ratio.toFixed(2)} × the sample mean)`)
        .join("; ") + ".",
  };
}

function chinese(r: Results, f: Facts): Record<SentenceKey, string> {
  const stacked = stackedOverlap(r);
  const region = (id: string) => regionName(r, id, "zh");
  const unit = (code: string) => unitName(r, code, "zh");
  const units = kindWord(r, "zh");
  const source: Record<Source, string> = {
    within: "区域内差异",
    between: "区域间净差异",
    transvariation: "超变密度（区域间的交叉重叠）",
  };
  return {
    levels:
      `${f.last}年，${region(f.leader.id)}在${f.regions}个区域中均值最高，为${num(f.leader.score)}；` +
      `${region(f.laggard.id)}最低，为${num(f.laggard.score)}。`,
    sample:
      `${f.units}个样本${units}的平均得分由${f.first}年的${num(f.sample.first)}` +
      `${f.sample.last >= f.sample.first ? "上升" : "下降"}至${f.last}年的${num(f.sample.last)}，年均增长率为${pct(f.sample.cagr)}。`,
    growth:
      `${region(f.fastest.id)}增长最快（年均${pct(f.fastest.cagr)}），` +
      `${region(f.slowest.id)}增长最慢（年均${pct(f.slowest.cagr)}）。`,
    growthEach:
      `${f.first}—${f.last}年各区域平均得分的年均增长率：` +
      f.growth.map((g) => `${region(g.id)}${pct(g.cagr)}`).join("；") + "。",
    units:
      `${f.last}年得分最高的是${unit(f.topUnit.code)}（${num(f.topUnit.score)}），` +
      `最低的是${unit(f.bottomUnit.code)}（${num(f.bottomUnit.score)}）。`,
    inequality:
      `${f.units}个${units}之间的差异${f.gini.widened ? "扩大" : "缩小"}：基尼系数由${f.first}年的${num(f.gini.first)}` +
      `变为${f.last}年的${num(f.gini.last)}。` +
      (stacked
        ? `Dagum基尼系数分解按${f.gini.observations}个区域成员身份计算（同属两个区域的${units}计两次；` +
          `G由${num(f.gini.dagumFirst)}变为${num(f.gini.dagumLast)}），`
        : `Dagum基尼系数分解（G由${num(f.gini.dagumFirst)}变为${num(f.gini.dagumLast)}）显示，`) +
      `${f.last}年差异的最大来源是${source[f.gini.largestSource]}，占总体的${pct(f.gini.share)}。`,
    widest: f.widestRegion
      ? `区域内差异最大的是${region(f.widestRegion.id)}（${f.last}年基尼系数${num(f.widestRegion.gini)}）。`
      : "",
    drivers:
      `与${f.last}年各分项指数的样本均值相比，各区域相对最强的维度为：` +
      f.drivers.map((d) => `${region(d.region)}——${dimensionName(r, d.dimension, "zh")}（样本均值的${d.ratio.toFixed(2)}倍）`).join("；") + "。",
  };
}

/** Joins region names for a sentence, e.g. in a note about overlapping regions. */
export function regionList(r: Results, ids: readonly string[], lang: Lang): string {
  return joinList(ids.map((id) => regionName(r, id, lang)), lang);
}
