/**
 * Every chart and map of the site, in one language: title, subtitle with units, source line,
 * description for screen readers, the data as a table, the SVG for the page and a standalone SVG
 * for download. Pages pick charts from here by id, and the chart files (charts/<id>.svg and
 * .csv) are written from here, so a chart and its files cannot disagree.
 */
import type { Results } from "../pipeline/results.ts";
import type { Lang } from "../i18n/lang.ts";
import {
  barChart,
  categorical,
  changeBars,
  densityChart,
  groupedBars,
  heatmapChart,
  lineChart,
  matrixChart,
  noDataGrey,
  rankChart,
  sequentialScale,
  stackedShares,
  standaloneSvg,
  standingChart,
  tierColors,
  type Legend,
  type Rendered,
} from "./charts.ts";
import { findings } from "./findings.ts";
import { num, pct, possessive } from "./format.ts";
import { choropleth, HEIGHT, mapGeometry, WIDTH, type MapGeometry } from "./maps.ts";
import { dimensionName, indicatorName, kindWord, regionName, sampleName, span, stackedOverlap, unitName, unitSlug } from "./results.ts";

export type Cell = string | number | null;

/** The colour of the whole sample and of totals: the text colour, so it shows in both themes. */
const ink = "currentColor";

export interface ChartSpec {
  id: string;
  title: string;
  subtitle: string;
  source: string;
  description: string;
  columns: string[];
  rows: Cell[][];
  /** The SVG shown on the page (a map draws the page's outline sprite). */
  svg: string;
  legend: Legend | null;
  /** The self-contained SVG file. */
  standalone: string;
  kind: "chart" | "map";
}

const cache = new Map<string, Map<string, ChartSpec>>();

/** Every chart of the site in a language, by id. */
export function catalogue(r: Results, lang: Lang): Map<string, ChartSpec> {
  const key = `${lang}|${r.study.id}|${r.scores.length}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const charts = new Map<string, ChartSpec>();
  for (const spec of build(r, lang)) {
    if (charts.has(spec.id)) throw new Error(`two charts have the id ${spec.id}`);
    charts.set(spec.id, spec);
  }
  cache.set(key, charts);
  return charts;
}

/** One chart by id; a missing id is a bug in a page. */
export function chart(r: Results, lang: Lang, id: string): ChartSpec {
  const spec = catalogue(r, lang).get(id);
  if (!spec) throw new Error(`no chart with the id ${id}`);
  return spec;
}

/** The geometry of the study's map, or null when the study has none. */
export function studyMap(r: Results): MapGeometry | null {
  return r.study.map ? mapGeometry(r.study.map.file) : null;
}

/** Colours per region name (and the whole sample in black), stable across pages. */
export function regionColors(r: Results, lang: Lang): Record<string, string> {
  const colors: Record<string, string> = {};
  r.study.regions.forEach((g, i) => (colors[regionName(r, g.id, lang)] = categorical[i % (categorical.length - 1)]));
  colors[sampleName(r, lang)] = ink;
  return colors;
}

function build(r: Results, lang: Lang): ChartSpec[] {
  const stacked = stackedOverlap(r);
  const L = (en: string, zh: string) => (lang === "en" ? en : zh);
  const { first, last } = span(r);
  const years = r.study.years;
  const f = findings(r, lang);
  const region = (id: string) => regionName(r, id, lang);
  const unit = (code: string) => unitName(r, code, lang);
  const units = kindWord(r, lang, true);
  const unitWord = kindWord(r, lang);
  const colors = regionColors(r, lang);
  const stackNote = stacked ? L("; overlapping regions stacked (each region membership one observation)", "；重叠区域按叠加样本计算（每个区域成员身份为一个观测）") : "";
  const computed = L(`Computed from the study data (${first}–${last})`, `根据研究数据计算（${first}—${last}年）`);
  const specs: ChartSpec[] = [];

  const add = (
    id: string,
    text: { title: string; subtitle: string; source?: string; description: string },
    rendered: Rendered,
    columns: string[],
    rows: Cell[][],
  ) => {
    const source = text.source ?? computed;
    specs.push({
      id,
      title: text.title,
      subtitle: text.subtitle,
      source,
      description: text.description,
      columns,
      rows,
      svg: rendered.svg,
      legend: rendered.legend,
      standalone: standaloneSvg(rendered, { title: text.title, subtitle: text.subtitle, source }),
      kind: "chart",
    });
  };

  // Levels and growth ---------------------------------------------------------------------
  const regionLines = (pick: (m: Results["means"][number]) => number) =>
    r.means.map((m) => ({ x: m.year, y: pick(m), series: region(m.group) }));
  const lines = regionLines((m) => m.score);
  add(
    "regions-score",
    {
      title: L("Composite score by region", "各区域综合得分"),
      subtitle: L(`Mean composite score of each region's ${units}, ${first}–${last} (TOPSIS closeness, 0 to 1)`, `各区域${units}综合得分均值，${first}—${last}年（TOPSIS贴近度，0至1）`),
      description: [f.sentences.levels, f.sentences.growth].join(L(" ", "")),
    },
    lineChart(lines, { yLabel: L("Mean composite score", "综合得分均值"), colors }, { label: L(`Mean composite score by region, ${first}–${last}`, `各区域综合得分均值，${first}—${last}年`), description: [f.sentences.levels, f.sentences.growth].join(L(" ", "")) }),
    [L("Region", "区域"), L("Year", "年份"), L("Mean score", "得分均值")],
    lines.map((l) => [l.series, l.x, l.y]),
  );

  const regionGrowth = r.growth.filter((g) => g.kind !== "unit" && g.cagr !== null).sort((a, b) => (b.cagr ?? 0) - (a.cagr ?? 0));
  add(
    "regions-growth",
    {
      title: L("Growth by region", "各区域增长"),
      subtitle: L(`Average annual growth rate of the regional mean score, ${first}–${last} (%)`, `区域得分均值的年均增长率，${first}—${last}年（%）`),
      description: f.sentences.growthEach,
    },
    changeBars(regionGrowth.map((g) => ({ label: region(g.group), value: g.cagr as number })), { xLabel: L("Average annual growth (%)", "年均增长率（%）"), legendLabel: L("Average annual growth", "年均增长率") }, { label: L(`Average annual growth by region, ${first}–${last}`, `各区域年均增长率，${first}—${last}年`), description: f.sentences.growthEach }),
    [L("Region", "区域"), String(first), String(last), L("Average annual growth (%)", "年均增长率（%）"), L("Total growth (%)", "总增长率（%）")],
    r.growth.filter((g) => g.kind !== "unit").map((g) => [region(g.group), g.first, g.last, pctCell(g.cagr), pctCell(g.total)]),
  );

  const lastRanked = r.scores.filter((s) => s.year === last).sort((a, b) => a.rank - b.rank);
  const rowsOrder = lastRanked.map((s) => unit(s.unit));
  add(
    "units-heatmap",
    {
      title: L(`Composite score by ${unitWord} and year`, `各${unitWord}各年综合得分`),
      subtitle: L(`TOPSIS closeness (0 to 1); ${units} in the order of their ${last} rank`, `TOPSIS贴近度（0至1）；按${last}年排名排序`),
      description: f.sentences.units,
    },
    heatmapChart(r.scores.map((s) => ({ row: unit(s.unit), year: s.year, value: s.score })), { rows: rowsOrder, legendLabel: L("Composite score", "综合得分") }, { label: L(`Composite score by ${unitWord} and year, ${first}–${last}`, `各${unitWord}各年综合得分，${first}—${last}年`), description: f.sentences.units }),
    [L(cap(unitWord), unitWord), ...years.map(String)],
    lastRanked.map((s) => [unit(s.unit), ...years.map((y) => r.scores.find((x) => x.unit === s.unit && x.year === y)?.score ?? null)]),
  );

  const rankOf = (code: string, year: number) => r.scores.find((s) => s.unit === code && s.year === year)?.rank ?? null;
  const movers = [...lastRanked].sort((a, b) => ((rankOf(b.unit, first) ?? 0) - b.rank) - ((rankOf(a.unit, first) ?? 0) - a.rank));
  const up = movers[0];
  const down = movers[movers.length - 1];
  const rankText = L(
    `${unit(up.unit)} climbed most, from rank ${rankOf(up.unit, first)} in ${first} to ${up.rank} in ${last}; ${unit(down.unit)} fell most, from ${rankOf(down.unit, first)} to ${down.rank}.`,
    `${unit(up.unit)}排名上升最多，由${first}年的第${rankOf(up.unit, first)}位升至${last}年的第${up.rank}位；${unit(down.unit)}下降最多，由第${rankOf(down.unit, first)}位降至第${down.rank}位。`,
  );
  add(
    "ranks",
    {
      title: L("Rank changes", "排名变化"),
      subtitle: L(`Rank of the composite score among the ${r.study.units.length} ${units} in each year (1 = highest); colour: rank in ${last} higher, the same or lower than in ${first}`, `各年综合得分在${r.study.units.length}个${units}中的排名（1为最高）；颜色表示${last}年排名较${first}年上升、不变或下降`),
      description: rankText,
    },
    rankChart(r.scores.map((s) => ({ unit: unit(s.unit), year: s.year, rank: s.rank })), { years, labels: { gained: L("Places gained", "排名上升"), unchanged: L("Same rank", "排名不变"), lost: L("Places lost", "排名下降") } }, { label: L(`Ranks by year, ${first}–${last}`, `各年排名，${first}—${last}年`), description: rankText }),
    [L(cap(unitWord), unitWord), ...years.map(String), L("Change", "变化")],
    lastRanked.map((s) => [unit(s.unit), ...years.map((y) => rankOf(s.unit, y)), (rankOf(s.unit, first) ?? 0) - s.rank]),
  );

  const unitGrowth = r.growth.filter((g) => g.kind === "unit").sort((a, b) => (b.cagr ?? -Infinity) - (a.cagr ?? -Infinity));
  const unitDefined = unitGrowth.filter((g) => g.cagr !== null);
  const growthText = unitDefined.length
    ? L(
        `${unit(unitDefined[0].group)} grew fastest (${pct(unitDefined[0].cagr)} a year), ${unit(unitDefined[unitDefined.length - 1].group)} slowest (${pct(unitDefined[unitDefined.length - 1].cagr)}).`,
        `${unit(unitDefined[0].group)}增长最快（年均${pct(unitDefined[0].cagr)}），${unit(unitDefined[unitDefined.length - 1].group)}最慢（年均${pct(unitDefined[unitDefined.length - 1].cagr)}）。`,
      )
    : L("No growth rate is defined.", "无可计算的增长率。");
  add(
    "units-growth",
    {
      title: L(`Growth by ${unitWord}`, `各${unitWord}增长`),
      subtitle: L(`Average annual growth rate of the composite score, ${first}–${last} (%)`, `综合得分年均增长率，${first}—${last}年（%）`),
      description: growthText,
    },
    changeBars(unitDefined.map((g) => ({ label: unit(g.group), value: g.cagr as number })), { xLabel: L("Average annual growth (%)", "年均增长率（%）"), legendLabel: L("Average annual growth", "年均增长率") }, { label: L(`Average annual growth by ${unitWord}, ${first}–${last}`, `各${unitWord}年均增长率，${first}—${last}年`), description: growthText }),
    [L(cap(unitWord), unitWord), String(first), String(last), L("Average annual growth (%)", "年均增长率（%）"), L("Total growth (%)", "总增长率（%）")],
    unitGrowth.map((g) => [unit(g.group), g.first, g.last, pctCell(g.cagr), pctCell(g.total)]),
  );

  // Index system ----------------------------------------------------------------------------
  const dimColors: Record<string, string> = {};
  r.study.dimensions.forEach((d, i) => (dimColors[d.name[lang]] = categorical[i % categorical.length]));
  const sorted = [...r.study.indicators].sort((a, b) => b.weight - a.weight);
  const weightsText = L(
    `The heaviest indicator is ${sorted[0].name.en} with ${pct(sorted[0].weight)} of the weight; the lightest is ${sorted[sorted.length - 1].name.en} with ${pct(sorted[sorted.length - 1].weight)}.`,
    `权重最大的指标是${sorted[0].name.zh}（${pct(sorted[0].weight)}），最小的是${sorted[sorted.length - 1].name.zh}（${pct(sorted[sorted.length - 1].weight)}）。`,
  );
  add(
    "weights",
    {
      title: L("Entropy weights", "熵值法权重"),
      subtitle: L("Share of the total weight carried by each indicator (%), coloured by dimension", "各指标所占权重（%），按维度着色"),
      source: L("Entropy method on the study's indicator values", "对研究指标值采用熵值法计算"),
      description: weightsText,
    },
    barChart(sorted.map((i) => ({ label: i.name[lang], value: i.weight, group: dimensionName(r, i.dimension, lang) })), { xLabel: L("Entropy weight (%)", "熵值法权重（%）"), colors: dimColors, percent: true }, { label: L("Entropy weights of the indicators", "各指标熵值法权重"), description: weightsText }),
    [L("Indicator", "指标"), L("Dimension", "维度"), L("Entropy e", "信息熵 e"), L("Weight (%)", "权重（%）")],
    sorted.map((i) => [i.name[lang], dimensionName(r, i.dimension, lang), i.entropy, i.weight * 100]),
  );

  const names = r.study.indicators.map((i) => i.name[lang]);
  const pairs: { a: string; b: string; v: number }[] = [];
  r.study.indicators.forEach((_, a) => r.study.indicators.forEach((__, b) => b > a && r.correlation[a][b] !== null && pairs.push({ a: names[a], b: names[b], v: r.correlation[a][b] as number })));
  const strongest = [...pairs].sort((x, y) => Math.abs(y.v) - Math.abs(x.v))[0];
  const corrText = strongest
    ? L(`The strongest correlation is between ${strongest.a} and ${strongest.b} (${num(strongest.v, 2)}).`, `相关性最强的是${strongest.a}与${strongest.b}（${num(strongest.v, 2)}）。`)
    : L("No correlation is defined.", "无可计算的相关系数。");
  add(
    "correlation",
    {
      title: L("Correlation of the indicators", "指标相关系数矩阵"),
      subtitle: L(`Pearson correlation over all ${r.method.rows} ${unitWord}-years (−1 to 1)`, `全部${r.method.rows}个${unitWord}-年份观测的皮尔逊相关系数（−1至1）`),
      description: corrText,
    },
    matrixChart(
      r.study.indicators.flatMap((_, a) => r.study.indicators.map((__, b) => ({ row: names[a], column: names[b], value: r.correlation[a][b] }))),
      { order: names, legendLabel: L("Correlation", "相关系数"), diverging: true, digits: 2 },
      { label: L("Correlation matrix of the indicators", "指标相关系数矩阵"), description: corrText },
    ),
    [L("Indicator", "指标"), ...r.study.indicators.map((i) => i.id)],
    r.study.indicators.map((i, a) => [i.name[lang], ...r.correlation[a]]),
  );

  // Regional differences ----------------------------------------------------------------------
  const partColors = {
    [L("Overall G", "总体 G")]: ink,
    [L("Within (Gw)", "区域内（Gw）")]: categorical[0],
    [L("Between, net (Gnb)", "区域间净差异（Gnb）")]: categorical[1],
    [L("Transvariation (Gt)", "超变密度（Gt）")]: categorical[2],
    [L(`Gini of the ${units}, each once`, `${units}基尼系数（每个计一次）`)]: categorical[3],
  };
  const [gAll, gW, gNb, gT, gPlain] = Object.keys(partColors);
  const totals = r.dagum.flatMap((d) => [
    { x: d.year, y: d.G, series: gAll },
    { x: d.year, y: d.Gw, series: gW },
    { x: d.year, y: d.Gnb, series: gNb },
    { x: d.year, y: d.Gt, series: gT },
    ...(stacked ? [{ x: d.year, y: r.gini.find((g) => g.year === d.year)?.G ?? NaN, series: gPlain }] : []),
  ]);
  add(
    "dagum-total",
    {
      title: L("Dagum's Gini coefficient and its components", "Dagum基尼系数及其分解"),
      subtitle: L(`G = Gw + Gnb + Gt, ${first}–${last}`, `G = Gw + Gnb + Gt，${first}—${last}年`) + (stacked ? L(`; for comparison, the plain Gini of the ${units} (each once)`, `；作为对照，另列${units}的普通基尼系数（每个计一次）`) : ""),
      source: computed + stackNote,
      description: f.sentences.inequality,
    },
    lineChart(totals, { yLabel: L("Gini coefficient", "基尼系数"), colors: partColors }, { label: L(`Dagum's Gini coefficient and its components, ${first}–${last}`, `Dagum基尼系数及其分解，${first}—${last}年`), description: f.sentences.inequality }),
    [L("Year", "年份"), "G", "Gw", "Gnb", "Gt", ...(stacked ? [L(`Gini of the ${units}`, `${units}基尼系数`)] : [])],
    r.dagum.map((d) => [d.year, d.G, d.Gw, d.Gnb, d.Gt, ...(stacked ? [r.gini.find((g) => g.year === d.year)?.G ?? null] : [])]),
  );

  const shareColors = { [L("Within regions", "区域内")]: categorical[0], [L("Between regions (net)", "区域间（净）")]: categorical[1], [L("Transvariation", "超变密度")]: categorical[2] };
  const [sW, sNb, sT] = Object.keys(shareColors);
  add(
    "dagum-shares",
    {
      title: L("Where regional inequality comes from", "区域差异的来源"),
      subtitle: L("Contribution shares of within-region, net between-region and transvariation parts of Dagum's G, by year (%)", "区域内、区域间净差异与超变密度对Dagum总体基尼系数的贡献率，分年（%）"),
      source: computed + stackNote,
      description: f.sentences.inequality,
    },
    stackedShares(
      r.dagum.flatMap((d) => [
        { year: d.year, part: sW, share: d.share_w ?? 0 },
        { year: d.year, part: sNb, share: d.share_nb ?? 0 },
        { year: d.year, part: sT, share: d.share_t ?? 0 },
      ]),
      { colors: shareColors, yLabel: L("Share of G (%)", "占G的比重（%）") },
      { label: L("Sources of regional inequality by year", "分年区域差异来源"), description: f.sentences.inequality },
    ),
    [L("Year", "年份"), "G", L("Within (%)", "区域内（%）"), L("Between, net (%)", "区域间净差异（%）"), L("Transvariation (%)", "超变密度（%）")],
    r.dagum.map((d) => [d.year, d.G, pctCell(d.share_w), pctCell(d.share_nb), pctCell(d.share_t)]),
  );

  const regionOnly = Object.fromEntries(Object.entries(colors).filter(([k]) => k !== sampleName(r, lang)));
  const within = r.dagum.flatMap((d) => Object.entries(d.groups).map(([id, g]) => ({ x: d.year, y: g.Gjj ?? NaN, series: region(id) })));
  const widestText = f.sentences.widest || L("No within-region Gini is defined.", "无可计算的区域内基尼系数。");
  add(
    "dagum-within",
    {
      title: L("Inequality within each region", "各区域内部差异"),
      subtitle: L(`Within-region Gini coefficient G_jj, ${first}–${last}; a one-member region has G_jj = 0`, `区域内基尼系数 G_jj，${first}—${last}年；单成员区域的 G_jj = 0`),
      description: widestText,
    },
    lineChart(within, { yLabel: L("Within-region Gini", "区域内基尼系数"), colors: regionOnly }, { label: L(`Within-region Gini coefficient by region, ${first}–${last}`, `各区域内基尼系数，${first}—${last}年`), description: widestText }),
    [L("Region", "区域"), L("Year", "年份"), "G_jj"],
    within.map((w) => [w.series, w.x, Number.isFinite(w.y) ? w.y : null]),
  );

  const lastDagum = r.dagum[r.dagum.length - 1];
  const order = r.study.regions.map((g) => region(g.id));
  const cells = [
    ...lastDagum.pairs.flatMap((p) => [
      { row: region(p.high), column: region(p.low), value: p.Gjh },
      { row: region(p.low), column: region(p.high), value: p.Gjh },
    ]),
    ...Object.entries(lastDagum.groups).map(([id, g]) => ({ row: region(id), column: region(id), value: g.Gjj })),
  ];
  const widestPair = [...lastDagum.pairs].sort((a, b) => (b.Gjh ?? 0) - (a.Gjh ?? 0))[0];
  const pairText = widestPair
    ? L(`The largest between-region Gini in ${last} is between ${region(widestPair.high)} and ${region(widestPair.low)} (${num(widestPair.Gjh)}).`, `${last}年区域间基尼系数最大的是${region(widestPair.high)}与${region(widestPair.low)}之间（${num(widestPair.Gjh)}）。`)
    : L("There is only one region.", "只有一个区域。");
  add(
    "dagum-matrix",
    {
      title: L(`Between-region Gini coefficients, ${last}`, `${last}年区域间基尼系数`),
      subtitle: L("G_jh for each pair of regions; the diagonal holds the within-region G_jj", "每对区域的 G_jh；对角线为区域内 G_jj"),
      source: computed + stackNote,
      description: pairText,
    },
    matrixChart(cells, { order, legendLabel: L("Gini coefficient", "基尼系数") }, { label: L(`Within-region (diagonal) and between-region Gini coefficients, ${last}`, `${last}年区域内（对角线）与区域间基尼系数`), description: pairText }),
    [L("Region", "区域"), ...order],
    order.map((row) => [row, ...order.map((column) => cells.find((c) => c.row === row && c.column === column)?.value ?? null)]),
  );

  const theilColors = { [L("Theil T", "泰尔指数 T")]: ink, [L("Within (Tw)", "区域内（Tw）")]: categorical[0], [L("Between (Tb)", "区域间（Tb）")]: categorical[1] };
  const [tAll, tW, tB] = Object.keys(theilColors);
  const t0 = r.theil[0];
  const t1 = r.theil[r.theil.length - 1];
  const theilText = L(`The Theil index went from ${num(t0.T, 4)} in ${first} to ${num(t1.T, 4)} in ${last}; the between-region part is ${pct(t1.share_b)} of it in ${last}.`, `泰尔指数由${first}年的${num(t0.T, 4)}变为${last}年的${num(t1.T, 4)}；${last}年区域间部分占${pct(t1.share_b)}。`);
  add(
    "theil",
    {
      title: L("Theil index", "泰尔指数"),
      subtitle: L(`Theil T with its within- and between-region parts, ${first}–${last}`, `泰尔T指数及其区域内、区域间部分，${first}—${last}年`),
      source: computed + stackNote,
      description: theilText,
    },
    lineChart(r.theil.flatMap((t) => [{ x: t.year, y: t.T, series: tAll }, { x: t.year, y: t.Tw, series: tW }, { x: t.year, y: t.Tb, series: tB }]), { yLabel: L("Theil index", "泰尔指数"), colors: theilColors, height: 300 }, { label: L(`Theil index and its decomposition, ${first}–${last}`, `泰尔指数及其分解，${first}—${last}年`), description: theilText }),
    [L("Year", "年份"), "T", "Tw", "Tb", L("Within share (%)", "区域内占比（%）"), L("Between share (%)", "区域间占比（%）")],
    r.theil.map((t) => [t.year, t.T, t.Tw, t.Tb, pctCell(t.share_w), pctCell(t.share_b)]),
  );

  // Spatial evolution -----------------------------------------------------------------------
  const peak = (year: number) => {
    const d = r.density.find((x) => x.year === year);
    if (!d) return NaN;
    let best = 0;
    for (let i = 1; i < d.y.length; i++) if (d.y[i] > d.y[best]) best = i;
    return d.x[best];
  };
  const densityText = L(`The peak of the density is at a score of ${num(peak(first))} in ${first} and ${num(peak(last))} in ${last}.`, `核密度峰值对应的得分在${first}年为${num(peak(first))}，${last}年为${num(peak(last))}。`);
  add(
    "density",
    {
      title: L(`Distribution of ${unitWord} scores`, `${unitWord}得分的分布`),
      subtitle: L(
        `Kernel density of the composite score, one curve per year (${r.method.kde.kernel} kernel, bandwidth rule ${r.method.kde.bandwidth}); like every kernel estimate the curves extend a little beyond the range of the scores`,
        `综合得分的核密度估计，每年一条曲线（${r.method.kde.kernel}核，带宽规则${r.method.kde.bandwidth}）；与所有核估计一样，曲线会略超出得分范围`,
      ),
      description: densityText,
    },
    densityChart(r.density.flatMap((d) => d.x.map((x, i) => ({ year: d.year, x, y: d.y[i] }))), years, { xLabel: L("Composite score", "综合得分"), yLabel: L("Density", "密度") }, { label: L(`Kernel density of scores, ${first}–${last}`, `得分核密度，${first}—${last}年`), description: densityText }),
    [L("Year", "年份"), L("Bandwidth", "带宽"), L("Peak at score", "峰值对应得分"), L("Grid points", "网格点数")],
    r.density.map((d) => [d.year, d.bandwidth, peak(d.year), d.x.length]),
  );

  // Dimensions ------------------------------------------------------------------------------
  for (const d of r.study.dimensions) {
    const dl = regionLines((m) => m.dims[d.id]);
    const lastMeans = r.means.filter((m) => m.year === last && m.group !== "sample").sort((a, b) => b.dims[d.id] - a.dims[d.id]);
    const text = L(
      `In ${last}, ${region(lastMeans[0].group)} has the highest mean ${d.name.en.toLowerCase()} sub-index (${num(lastMeans[0].dims[d.id])}), ${region(lastMeans[lastMeans.length - 1].group)} the lowest (${num(lastMeans[lastMeans.length - 1].dims[d.id])}).`,
      `${last}年，${region(lastMeans[0].group)}的${d.name.zh}分项指数均值最高（${num(lastMeans[0].dims[d.id])}），${region(lastMeans[lastMeans.length - 1].group)}最低（${num(lastMeans[lastMeans.length - 1].dims[d.id])}）。`,
    );
    add(
      `dimension-${d.id}`,
      {
        title: L(`${d.name.en} by region`, `各区域${d.name.zh}`),
        subtitle: L(`Mean ${d.name.en.toLowerCase()} sub-index of each region's ${units}, ${first}–${last} (0 to 1)`, `各区域${units}${d.name.zh}分项指数均值，${first}—${last}年（0至1）`),
        description: text,
      },
      lineChart(dl, { yLabel: L(`${d.name.en} sub-index`, `${d.name.zh}分项指数`), colors, height: 300, width: 420 }, { label: L(`${d.name.en} sub-index by region, ${first}–${last}`, `各区域${d.name.zh}分项指数，${first}—${last}年`), description: text }),
      [L("Region", "区域"), L("Year", "年份"), L("Mean sub-index", "分项指数均值")],
      dl.map((l) => [l.series, l.x, l.y]),
    );
  }
  const growthGroups = r.growth.filter((g) => g.kind !== "unit");
  const dimGrowth = growthGroups.flatMap((g) => r.study.dimensions.flatMap((d) => (g.dims[d.id] === null ? [] : [{ group: region(g.group), series: d.name[lang], value: g.dims[d.id] as number }])));
  const fastestDim = [...dimGrowth].sort((a, b) => b.value - a.value)[0];
  const dimGrowthText = fastestDim
    ? L(`The fastest growth of a regional sub-index is ${fastestDim.series} in ${fastestDim.group} (${pct(fastestDim.value)} a year).`, `区域分项指数中增长最快的是${fastestDim.group}的${fastestDim.series}（年均${pct(fastestDim.value)}）。`)
    : L("No growth rate is defined.", "无可计算的增长率。");
  add(
    "dimensions-growth",
    {
      title: L("Growth of the sub-indices by region", "各区域分项指数增长"),
      subtitle: L(`Average annual growth rate of each region's mean sub-index, ${first}–${last} (%)`, `各区域分项指数均值的年均增长率，${first}—${last}年（%）`),
      description: dimGrowthText,
    },
    groupedBars(dimGrowth, { xLabel: L("Average annual growth (%)", "年均增长率（%）"), colors: dimColors, percent: true, groups: growthGroups.map((g) => region(g.group)) }, { label: L(`Average annual growth of the sub-indices by region, ${first}–${last}`, `各区域分项指数年均增长率，${first}—${last}年`), description: dimGrowthText }),
    [L("Region", "区域"), ...r.study.dimensions.map((d) => `${d.name[lang]} (%)`), L("Composite (%)", "综合（%）")],
    growthGroups.map((g) => [region(g.group), ...r.study.dimensions.map((d) => pctCell(g.dims[d.id])), pctCell(g.cagr)]),
  );

  // Regions and units ---------------------------------------------------------------------------
  const sampleMean = (year: number) => r.means.find((m) => m.group === "sample" && m.year === year);
  const sampleLabel = sampleName(r, lang);
  for (const g of r.study.regions) {
    const name = region(g.id);
    const series = { [name]: colors[name], [sampleLabel]: ink };
    const data = r.means.filter((m) => m.group === g.id || m.group === "sample").map((m) => ({ x: m.year, y: m.score, series: region(m.group) }));
    const growth = r.growth.find((x) => x.group === g.id && x.kind === "region");
    const text = L(
      `The mean score of ${name} went from ${num(growth?.first)} in ${first} to ${num(growth?.last)} in ${last} (${pct(growth?.cagr)} a year on average).`,
      `${name}得分均值由${first}年的${num(growth?.first)}变为${last}年的${num(growth?.last)}（年均${pct(growth?.cagr)}）。`,
    );
    add(
      `region-${g.id}-score`,
      {
        title: L(`${name}: composite score`, `${name}：综合得分`),
        subtitle: L(`Mean composite score of the region's ${units} and of the whole sample, ${first}–${last} (0 to 1)`, `区域${units}与全部样本的综合得分均值，${first}—${last}年（0至1）`),
        description: text,
      },
      lineChart(data, { yLabel: L("Mean composite score", "综合得分均值"), colors: series, height: 300 }, { label: L(`${name}: mean composite score, ${first}–${last}`, `${name}：综合得分均值，${first}—${last}年`), description: text }),
      [L("Year", "年份"), name, sampleLabel],
      years.map((y) => [y, r.means.find((m) => m.group === g.id && m.year === y)?.score ?? null, sampleMean(y)?.score ?? null]),
    );
    const regionLast = r.means.filter((m) => m.year === last && m.group !== "sample");
    const mine = r.means.find((m) => m.group === g.id && m.year === last);
    const standing = r.study.dimensions.map((d) => ({
      category: d.name[lang],
      value: mine?.dims[d.id] ?? NaN,
      reference: sampleMean(last)?.dims[d.id] ?? NaN,
      min: Math.min(...regionLast.map((m) => m.dims[d.id])),
      max: Math.max(...regionLast.map((m) => m.dims[d.id])),
    }));
    const standText = L(
      `In ${last}, ${possessive(name)} mean sub-indices are ` + standing.map((s) => `${s.category} ${num(s.value)} (sample ${num(s.reference)})`).join(", ") + ".",
      `${last}年，${name}各分项指数均值为：` + standing.map((s) => `${s.category}${num(s.value)}（样本${num(s.reference)}）`).join("，") + "。",
    );
    add(
      `region-${g.id}-dims`,
      {
        title: L(`${name}: where it stands in each dimension, ${last}`, `${name}：${last}年各维度表现`),
        subtitle: L("Mean sub-index of the region (dot), of the whole sample (tick), and the range of all regions' means (bar); 0 to 1", "区域分项指数均值（圆点）、全部样本均值（竖线）与各区域均值的范围（横条）；0至1"),
        description: standText,
      },
      standingChart(standing, { xLabel: L("Sub-index", "分项指数"), valueLabel: name, referenceLabel: sampleLabel, rangeLabel: L("range of the regions", "各区域范围") }, { label: L(`${name}: sub-indices in ${last}`, `${name}：${last}年分项指数`), description: standText }),
      [L("Dimension", "维度"), name, sampleLabel, L("Lowest region", "最低区域"), L("Highest region", "最高区域")],
      standing.map((s) => [s.category, s.value, s.reference, s.min, s.max]),
    );
  }

  for (const u of r.study.units) {
    const slug = unitSlug(u.code);
    const name = unit(u.code);
    // A one-member region's mean is the unit's own score: it is not drawn twice.
    const shared = u.regions.filter((id) => (r.study.regions.find((g) => g.id === id)?.members.length ?? 0) > 1);
    const series: Record<string, string> = { [name]: categorical[5] };
    for (const id of shared) series[region(id)] = colors[region(id)];
    series[sampleLabel] = ink;
    // The unit's own line last, so that it is drawn on top.
    const data = [
      ...r.means.filter((m) => m.group === "sample" || shared.includes(m.group)).map((m) => ({ x: m.year, y: m.score, series: region(m.group) })),
      ...r.scores.filter((s) => s.unit === u.code).map((s) => ({ x: s.year, y: s.score, series: name })),
    ];
    const growth = r.growth.find((x) => x.group === u.code && x.kind === "unit");
    const text = L(
      `${possessive(name)} score went from ${num(growth?.first)} in ${first} to ${num(growth?.last)} in ${last} (${pct(growth?.cagr)} a year on average).`,
      `${name}的得分由${first}年的${num(growth?.first)}变为${last}年的${num(growth?.last)}（年均${pct(growth?.cagr)}）。`,
    );
    add(
      `unit-${slug}-score`,
      {
        title: L(`${name}: composite score`, `${name}：综合得分`),
        subtitle: L(`Composite score, with the mean score of each region it belongs to (except a one-member region) and of the whole sample, ${first}–${last} (0 to 1)`, `综合得分，以及所属区域（单成员区域除外）与全部样本的得分均值，${first}—${last}年（0至1）`),
        description: text,
      },
      lineChart(data, { yLabel: L("Composite score", "综合得分"), colors: series, height: 300 }, { label: L(`${name}: composite score, ${first}–${last}`, `${name}：综合得分，${first}—${last}年`), description: text }),
      [L("Year", "年份"), ...Object.keys(series)],
      years.map((y) => [
        y,
        r.scores.find((s) => s.unit === u.code && s.year === y)?.score ?? null,
        ...shared.map((id) => r.means.find((m) => m.group === id && m.year === y)?.score ?? null),
        sampleMean(y)?.score ?? null,
      ]),
    );
    const lastScores = r.scores.filter((s) => s.year === last);
    const mine = lastScores.find((s) => s.unit === u.code);
    const standing = r.study.dimensions.map((d) => ({
      category: d.name[lang],
      value: mine?.dims[d.id] ?? NaN,
      reference: sampleMean(last)?.dims[d.id] ?? NaN,
      min: Math.min(...lastScores.map((s) => s.dims[d.id])),
      max: Math.max(...lastScores.map((s) => s.dims[d.id])),
      rank: 1 + lastScores.filter((s) => s.dims[d.id] > (mine?.dims[d.id] ?? Infinity)).length,
    }));
    const standText = L(
      `In ${last}, ${name} ranks ` + standing.map((s) => `${s.rank} of ${lastScores.length} in ${s.category.toLowerCase()} (${num(s.value)})`).join(", ") + ".",
      `${last}年，${name}` + standing.map((s) => `${s.category}排名第${s.rank}/${lastScores.length}（${num(s.value)}）`).join("，") + "。",
    );
    add(
      `unit-${slug}-dims`,
      {
        title: L(`${name}: where it stands in each dimension, ${last}`, `${name}：${last}年各维度表现`),
        subtitle: L(`Sub-index of ${name} (dot), the sample mean (tick) and the range of the sample (bar); 0 to 1`, `${name}的分项指数（圆点）、样本均值（竖线）与样本范围（横条）；0至1`),
        description: standText,
      },
      standingChart(standing, { xLabel: L("Sub-index", "分项指数"), valueLabel: name, referenceLabel: L("Sample mean", "样本均值"), rangeLabel: L("range of the sample", "样本范围") }, { label: L(`${name}: sub-indices in ${last}`, `${name}：${last}年分项指数`), description: standText }),
      [L("Dimension", "维度"), name, L("Rank", "排名"), L("Sample mean", "样本均值"), L("Sample lowest", "样本最低"), L("Sample highest", "样本最高")],
      standing.map((s) => [s.category, s.value, s.rank, s.reference, s.min, s.max]),
    );
  }

  specs.push(...maps(r, lang));
  return specs;
}

/** The maps: the score in every year, the tiers, and each region's members. */
function maps(r: Results, lang: Lang): ChartSpec[] {
  const geometry = studyMap(r);
  if (!geometry) return [];
  const L = (en: string, zh: string) => (lang === "en" ? en : zh);
  const { first, last } = span(r);
  const unitWord = kindWord(r, lang);
  const units = kindWord(r, lang, true);
  const names = new Map(r.study.units.map((u) => [u.code, lang === "en" ? `${u.nameEn} ${u.nameZh}` : u.nameZh]));
  const inSample = new Set(r.study.units.map((u) => u.code));
  const outside = L("not in the sample", "不在样本中");
  const specs: ChartSpec[] = [];
  // The map file by its name only: its folder on the builder's machine means nothing to a reader.
  const mapFile = (r.study.map?.file ?? "").split(/[\\/]/).pop() ?? "";
  const computed = L(`Computed from the study data (${first}–${last}); outlines: ${mapFile}`, `根据研究数据计算（${first}—${last}年）；边界：${mapFile}`);
  const push = (id: string, title: string, subtitle: string, description: string, options: Omit<Parameters<typeof choropleth>[1], "title" | "description" | "idPrefix">, legend: Legend | null, columns: string[], rows: Cell[][]) => {
    const base = { ...options, title, description, idPrefix: id };
    const standaloneMap = choropleth(geometry, base, true);
    specs.push({
      id,
      title,
      subtitle,
      source: computed,
      description,
      columns,
      rows,
      svg: choropleth(geometry, base),
      legend,
      standalone: standaloneSvg({ svg: standaloneMap, width: WIDTH, height: HEIGHT, legend }, { title, subtitle, source: computed }),
      kind: "map",
    });
  };

  const scale = sequentialScale(r.scores.map((s) => s.score), L("Composite score (0 to 1), seven classes of equal size", "综合得分（0至1），七个等数量分级"), L("Colour legend of the composite score", "综合得分图例"));
  const yearMap = (year: number) => {
    const rows = r.scores.filter((s) => s.year === year).sort((a, b) => a.rank - b.rank);
    return {
      rows,
      fills: new Map(rows.map((s) => [s.unit, scale.color(s.score)])),
      tips: new Map(rows.map((s) => [s.unit, `${names.get(s.unit) ?? s.unit}: ${num(s.score)}`])),
    };
  };
  const mapTitle = (year: number) => L(`Composite score by ${unitWord}, ${year}`, `${year}年各${unitWord}综合得分`);
  const mapSubtitle = L(`TOPSIS closeness (0 to 1) on one colour scale for all years; grey: not in the sample`, `TOPSIS贴近度（0至1），各年采用同一色阶；灰色：不在样本中`);
  const mapText = (year: number) => {
    const top = yearMap(year).rows[0];
    return L(
      `Map of the composite score by ${unitWord} in ${year}: ${unitName(r, top.unit, "en")} scores highest (${num(top.score)}); ${units} outside the sample are grey.`,
      `${year}年各${unitWord}综合得分地图：${unitName(r, top.unit, "zh")}最高（${num(top.score)}）；不在样本中的${units}为灰色。`,
    );
  };
  const noData = { fill: noDataGrey, tip: (code: string) => `${code}: ${outside}` };
  for (const year of r.study.years) {
    const m = yearMap(year);
    push(
      `map-${year}`,
      mapTitle(year),
      mapSubtitle,
      mapText(year),
      { fills: m.fills, tips: m.tips, noData },
      scale.legend,
      [L(cap(unitWord), unitWord), L("Score", "得分"), L("Rank", "排名"), L("Tier", "梯队")],
      m.rows.map((s) => [unitName(r, s.unit, lang), s.score, s.rank, s.tier]),
    );
  }
  // The large map with a year control: it shows the last year, and a script recolours it for
  // another year from the fills and tooltips below (without the script, the control's links
  // lead to the small multiples).
  const lastMap = yearMap(last);
  push(
    "map-explorer",
    mapTitle(last),
    mapSubtitle,
    mapText(last),
    { fills: lastMap.fills, tips: lastMap.tips, noData },
    scale.legend,
    [L(cap(unitWord), unitWord), ...r.study.years.map(String)],
    lastMap.rows.map((s) => [unitName(r, s.unit, lang), ...r.study.years.map((y) => r.scores.find((x) => x.unit === s.unit && x.year === y)?.score ?? null)]),
  );
  explorers.set(`${lang}|${r.study.id}`, {
    years: r.study.years.map((year) => {
      const m = yearMap(year);
      return { year, title: mapTitle(year), description: mapText(year), fills: Object.fromEntries(m.fills), tips: Object.fromEntries(m.tips) };
    }),
  });

  const k = r.tiers.classes;
  const tierColor = tierColors(k);
  const tierLegend: Legend = { kind: "swatches", items: tierColor.map((color, i) => ({ label: L(`Tier ${i + 1}`, `第${i + 1}梯队`), color })) };
  for (const year of [...new Set([first, last])]) {
    const rows = r.scores.filter((s) => s.year === year).sort((a, b) => a.tier - b.tier || a.rank - b.rank);
    const counts = tierColor.map((_, i) => rows.filter((s) => s.tier === i + 1).length);
    const description = L(
      `Tiers in ${year}: ` + counts.map((c, i) => `tier ${i + 1}, ${c} ${c === 1 ? unitWord : units}`).join("; ") + ".",
      `${year}年梯队：` + counts.map((c, i) => `第${i + 1}梯队${c}个`).join("；") + "。",
    );
    push(
      `tiers-${year}`,
      L(`Tiers by natural breaks, ${year}`, `${year}年自然断点梯队`),
      L(`Jenks natural breaks, ${k} classes${r.tiers.scope === "panel" ? " over all years" : ` in ${year}`}; tier 1 is the highest; grey: not in the sample`, `Jenks自然断点法，${k}类${r.tiers.scope === "panel" ? "（全部年份统一断点）" : `（${year}年断点）`}；第1梯队最高；灰色：不在样本中`),
      description,
      {
        fills: new Map(rows.map((s) => [s.unit, tierColor[s.tier - 1]])),
        tips: new Map(rows.map((s) => [s.unit, `${names.get(s.unit) ?? s.unit}: ${L(`tier ${s.tier}`, `第${s.tier}梯队`)} (${num(s.score)})`])),
        noData: { fill: noDataGrey, tip: (code) => `${code}: ${outside}` },
      },
      tierLegend,
      [L(cap(unitWord), unitWord), L("Tier", "梯队"), L("Score", "得分")],
      rows.map((s) => [unitName(r, s.unit, lang), s.tier, s.score]),
    );
  }

  r.study.regions.forEach((g, i) => {
    const name = regionName(r, g.id, lang);
    const color = categorical[i % (categorical.length - 1)];
    const description = L(
      `Map of ${name}: ${g.members.length} member ${g.members.length === 1 ? unitWord : units}, ` + g.members.map((c) => unitName(r, c, "en")).join(", ") + ".",
      `${name}地图：成员${g.members.length}个，` + g.members.map((c) => unitName(r, c, "zh")).join("、") + "。",
    );
    push(
      `region-map-${g.id}`,
      name,
      L(`Member ${units} coloured; other sample ${units} outlined; grey: not in the sample`, `着色为成员${units}；其余样本${units}仅绘边界；灰色：不在样本中`),
      description,
      {
        fills: new Map([...inSample].map((c) => [c, g.members.includes(c) ? color : "none"])),
        tips: new Map([...inSample].map((c) => [c, `${names.get(c) ?? c}: ${g.members.includes(c) ? L("member", "成员") : L("not a member", "非成员")}`])),
        noData: { fill: noDataGrey, tip: (code) => `${code}: ${outside}` },
        stroke: "#8a8f98",
      },
      null,
      [L(cap(unitWord), unitWord), L("Code", "代码")],
      g.members.map((c) => [unitName(r, c, lang), c]),
    );
  });
  return specs;
}

/** What the year control of the large map needs to recolour it, per year. */
export interface ExplorerData {
  years: { year: number; title: string; description: string; fills: Record<string, string>; tips: Record<string, string> }[];
}

const explorers = new Map<string, ExplorerData>();

/** The year control's data for the large map (after the catalogue is built); null without a map. */
export function explorerData(r: Results, lang: Lang): ExplorerData | null {
  catalogue(r, lang);
  return explorers.get(`${lang}|${r.study.id}`) ?? null;
}

/** A rate as a percentage cell (null stays null). */
function pctCell(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : v * 100;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
