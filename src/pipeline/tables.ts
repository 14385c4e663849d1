/**
 * The downloadable tables: each a CSV (UTF-8 with a byte-order mark, so that spreadsheet
 * programs show Chinese names correctly) with a description of every column.
 */
import { from, toCSV } from "arquero";
import type { Results } from "./results.ts";
import type { LocalText } from "../study/schema.ts";

export interface Column {
  name: string;
  description: LocalText;
}

export interface DownloadTable {
  file: string;
  title: LocalText;
  columns: Column[];
  rows: Record<string, string | number | null>[];
}

const t = (en: string, zh: string): LocalText => ({ en, zh });
const col = (name: string, en: string, zh: string): Column => ({ name, description: { en, zh } });

/** The word the column names use for the study's units: province, city, county, or unit. */
function unitWord(r: Results): { en: string; zh: string } {
  const words: Record<string, { en: string; zh: string }> = {
    province: { en: "province", zh: "省份" },
    city: { en: "city", zh: "城市" },
    county: { en: "county", zh: "县" },
  };
  return words[r.study.unitKind] ?? { en: "unit", zh: "单元" };
}

export function toCsvText(table: DownloadTable): string {
  const names = table.columns.map((c) => c.name);
  const data = table.rows.length > 0 ? from(table.rows).select(names) : from(Object.fromEntries(names.map((c) => [c, []])));
  return "\uFEFF" + toCSV(data);
}

export function downloadTables(r: Results): DownloadTable[] {
  const unit = new Map(r.study.units.map((u) => [u.code, u]));
  const dimIds = r.study.dimensions.map((d) => d.id);
  const dimCols = r.study.dimensions.map((d) =>
    col(d.id, `${d.name.en} sub-index (TOPSIS closeness over the dimension's indicators, 0 to 1)`, `${d.name.zh}分项指数（该维度指标的TOPSIS贴近度，0至1）`),
  );
  const regionName = new Map(r.study.regions.map((g) => [g.id, g.name]));
  const first = r.study.years[0];
  const last = r.study.years[r.study.years.length - 1];
  const w = unitWord(r);
  const code = `${w.en}_code`;
  const unitCols = [
    col(code, `Code of the ${w.en}`, `${w.zh}代码`),
    col(w.en, `${cap(w.en)} name (English)`, `${w.zh}名称（英文）`),
    col(`${w.en}_zh`, `${cap(w.en)} name (Chinese)`, `${w.zh}名称（中文）`),
  ];
  const unitCells = (c: string) => ({ [code]: c, [w.en]: unit.get(c)?.nameEn ?? c, [`${w.en}_zh`]: unit.get(c)?.nameZh ?? "" });
  const sampleName = t(`All sample ${w.en === "county" ? "counties" : w.en === "city" ? "cities" : `${w.en}s`}`, `全部样本${w.zh}`);
  const nameOf = (id: string) => (id === "sample" ? sampleName : regionName.get(id) ?? t(id, id));

  return [
    {
      file: "scores.csv",
      title: t(`Composite and dimension scores by ${w.en} and year`, `各${w.zh}各年综合得分与分项指数`),
      columns: [
        ...unitCols,
        col("year", "Year", "年份"),
        col("score", "Composite index: TOPSIS closeness to the ideal, 0 to 1", "综合指数：TOPSIS相对贴近度，0至1"),
        ...dimCols,
        col("rank", "Rank of the composite score among the sample in that year (1 = highest)", "当年综合得分在样本中的排名（1为最高）"),
        col("tier", "Tier by Jenks natural breaks (1 = highest)", "Jenks自然断点法梯队（1为最高）"),
      ],
      rows: r.scores.map((s) => ({
        ...unitCells(s.unit),
        year: s.year,
        score: s.score,
        ...Object.fromEntries(dimIds.map((d) => [d, s.dims[d]])),
        rank: s.rank,
        tier: s.tier,
      })),
    },
    {
      file: "indicators.csv",
      title: t(`Indicator values by ${w.en} and year, after the documented gap filling`, `各${w.zh}各年指标值（按说明补缺后）`),
      columns: [
        ...unitCols,
        col("year", "Year", "年份"),
        ...r.study.indicators.map((i) => col(i.id, `${i.name.en} (${i.unit.en})`, `${i.name.zh}（${i.unit.zh}）`)),
      ],
      rows: r.values.map((v) => ({ ...unitCells(v.unit), year: v.year, ...v.values })),
    },
    {
      file: "weights.csv",
      title: t("Index system with entropy weights", "指标体系与熵值法权重"),
      columns: [
        col("indicator", "Indicator id", "指标代码"),
        col("dimension", "Dimension id", "维度代码"),
        col("name", "Indicator name (English)", "指标名称（英文）"),
        col("name_zh", "Indicator name (Chinese)", "指标名称（中文）"),
        col("unit", "Unit of the indicator", "指标单位"),
        col("direction", "+ if higher is better, - if lower is better", "+ 为正向指标，- 为负向指标"),
        col("formula", "How the indicator is derived from the raw series", "指标由原始序列计算的公式"),
        col("entropy", "Entropy e_j of the indicator", "指标的信息熵 e_j"),
        col("divergence", "Divergence d_j = 1 - e_j", "差异系数 d_j = 1 - e_j"),
        col("weight", "Entropy weight w_j (weights sum to 1)", "熵值法权重 w_j（权重之和为1）"),
      ],
      rows: r.study.indicators.map((i) => ({
        indicator: i.id,
        dimension: i.dimension,
        name: i.name.en,
        name_zh: i.name.zh,
        unit: i.unit.en,
        direction: i.direction,
        formula: i.formula,
        entropy: i.entropy,
        divergence: i.divergence,
        weight: i.weight,
      })),
    },
    {
      file: "statistics.csv",
      title: t("Descriptive statistics of the indicators by year", "各指标分年描述性统计"),
      columns: [
        col("indicator", "Indicator id", "指标代码"),
        col("year", "Year", "年份"),
        col("min", "Smallest value in the sample", "样本最小值"),
        col("max", "Largest value in the sample", "样本最大值"),
        col("mean", "Mean of the sample", "样本均值"),
        col("sd", "Sample standard deviation (n - 1)", "样本标准差（n - 1）"),
      ],
      rows: r.study.indicators.flatMap((i) => i.stats.map((s) => ({ indicator: i.id, year: s.year, min: s.min, max: s.max, mean: s.mean, sd: s.sd }))),
    },
    {
      file: "correlation.csv",
      title: t(`Pearson correlation of the indicators over all ${w.en}-years`, `指标间皮尔逊相关系数（全部${w.zh}-年份观测）`),
      columns: [
        col("indicator", "Indicator id (row)", "指标代码（行）"),
        ...r.study.indicators.map((i) => col(i.id, `Correlation with ${i.name.en}`, `与${i.name.zh}的相关系数`)),
      ],
      rows: r.study.indicators.map((i, a) => ({
        indicator: i.id,
        ...Object.fromEntries(r.study.indicators.map((j, b) => [j.id, r.correlation[a]?.[b] ?? null])),
      })),
    },
    {
      file: "regions.csv",
      title: t("Regional mean scores by year", "各区域分年平均得分"),
      columns: [
        col("region", "Region id (sample = the whole sample)", "区域代码（sample 为全部样本）"),
        col("region_name", "Region name (English)", "区域名称（英文）"),
        col("region_name_zh", "Region name (Chinese)", "区域名称（中文）"),
        col("year", "Year", "年份"),
        col("members", `Number of member ${w.en === "county" ? "counties" : w.en === "city" ? "cities" : `${w.en}s`}`, `成员${w.zh}数`),
        col("score", "Mean composite score of the members", "成员综合得分的均值"),
        ...dimCols.map((c) => col(c.name, `Mean ${c.description.en}`, `${c.description.zh}的均值`)),
      ],
      rows: r.means.map((m) => ({
        region: m.group,
        region_name: nameOf(m.group).en,
        region_name_zh: nameOf(m.group).zh,
        year: m.year,
        members: m.group === "sample" ? r.study.units.length : r.study.regions.find((g) => g.id === m.group)?.members.length ?? 0,
        score: m.score,
        ...Object.fromEntries(dimIds.map((d) => [d, m.dims[d]])),
      })),
    },
    {
      file: "growth.csv",
      title: t("Average annual growth of the scores", "得分的年均增长率"),
      columns: [
        col("kind", `region, sample or ${w.en}`, `region（区域）、sample（全部样本）或 ${w.en}（${w.zh}）`),
        col("id", `Region id or ${w.en} code`, `区域代码或${w.zh}代码`),
        col("name", "Name (English)", "名称（英文）"),
        col("name_zh", "Name (Chinese)", "名称（中文）"),
        col("first", `Score in ${first}`, `${first}年得分`),
        col("last", `Score in ${last}`, `${last}年得分`),
        col("total", "Total growth, last / first - 1", "总增长率，末年 / 首年 - 1"),
        col("cagr", "Average annual growth rate, (last / first)^(1/(T-1)) - 1", "年均增长率，(末年 / 首年)^(1/(T-1)) - 1"),
        col("mean_yoy", "Mean of the year-on-year growth rates (a different number)", "逐年同比增长率的均值（与年均增长率不同）"),
        ...dimCols.map((c) => col(`${c.name}_cagr`, `Average annual growth of the ${c.name} sub-index`, `${c.name} 分项指数的年均增长率`)),
      ],
      rows: r.growth.map((g) => ({
        kind: g.kind === "unit" ? w.en : g.kind,
        id: g.group,
        name: g.kind === "unit" ? unit.get(g.group)?.nameEn ?? g.group : nameOf(g.group).en,
        name_zh: g.kind === "unit" ? unit.get(g.group)?.nameZh ?? g.group : nameOf(g.group).zh,
        first: g.first,
        last: g.last,
        total: g.total,
        cagr: g.cagr,
        mean_yoy: g.meanYoy,
        ...Object.fromEntries(dimIds.map((d) => [`${d}_cagr`, g.dims[d]])),
      })),
    },
    {
      file: "gini.csv",
      title: t(`Gini coefficient of the sample ${w.en}s by year (each once)`, `样本${w.zh}分年基尼系数（每个${w.zh}计一次）`),
      columns: [col("year", "Year", "年份"), col("G", `Gini coefficient of the composite scores of the ${r.study.units.length} ${w.en}s`, `${r.study.units.length}个${w.zh}综合得分的基尼系数`)],
      rows: r.gini.map((g) => ({ year: g.year, G: g.G })),
    },
    {
      file: "dagum.csv",
      title: t("Dagum Gini decomposition by year", "Dagum基尼系数分年分解"),
      columns: [
        col("year", "Year", "年份"),
        r.stacked && r.study.units.some((u) => u.regions.length !== 1)
          ? col("n", "Observations in the stacked sample (each region membership counts once)", "叠加样本的观测数（每个区域成员身份计一次）")
          : col("n", "Observations", "观测数"),
        col("G", "Overall Gini coefficient", "总体基尼系数"),
        col("Gw", "Within-region contribution", "区域内差异贡献"),
        col("Gnb", "Net between-region contribution", "区域间净差异贡献"),
        col("Gt", "Transvariation (overlap) contribution", "超变密度贡献"),
        col("share_w", "Gw / G", "Gw / G"),
        col("share_nb", "Gnb / G", "Gnb / G"),
        col("share_t", "Gt / G", "Gt / G"),
      ],
      rows: r.dagum.map((d) => ({ year: d.year, n: d.n, G: d.G, Gw: d.Gw, Gnb: d.Gnb, Gt: d.Gt, share_w: d.share_w, share_nb: d.share_nb, share_t: d.share_t })),
    },
    {
      file: "dagum_regions.csv",
      title: t("Within-region Gini coefficients by year", "分年区域内基尼系数"),
      columns: [
        col("year", "Year", "年份"),
        col("region", "Region id", "区域代码"),
        col("region_name", "Region name (English)", "区域名称（英文）"),
        col("region_name_zh", "Region name (Chinese)", "区域名称（中文）"),
        col("n", "Members", "成员数"),
        col("mean", "Mean score of the members", "成员得分均值"),
        col("Gjj", "Within-region Gini coefficient (0 for a one-member region)", "区域内基尼系数（单成员区域为0）"),
        col("Gw_contrib", "Contribution to Gw: Gjj p_j s_j", "对 Gw 的贡献：Gjj p_j s_j"),
      ],
      rows: r.dagum.flatMap((d) =>
        Object.entries(d.groups).map(([id, g]) => ({ year: d.year, region: id, region_name: nameOf(id).en, region_name_zh: nameOf(id).zh, n: g.n, mean: g.mean, Gjj: g.Gjj, Gw_contrib: g.Gw_contrib })),
      ),
    },
    {
      file: "dagum_pairs.csv",
      title: t("Between-region Gini coefficients by year", "分年区域间基尼系数"),
      columns: [
        col("year", "Year", "年份"),
        col("high", "Id of the region with the higher mean", "均值较高区域的代码"),
        col("high_name", "Name of the region with the higher mean", "均值较高区域的名称"),
        col("low", "Id of the region with the lower mean", "均值较低区域的代码"),
        col("low_name", "Name of the region with the lower mean", "均值较低区域的名称"),
        col("Gjh", "Between-region Gini coefficient", "区域间基尼系数"),
        col("d_jh", "Mean positive difference of the higher region's scores over the lower region's, over all pairs of members", "所有成员对中，均值较高区域得分高于较低区域得分之差的均值"),
        col("p_jh", "Mean positive difference the other way (the lower region's members above the higher region's): transvariation", "反方向的正差均值（较低区域成员高于较高区域成员）：超变一阶矩"),
        col("D_jh", "Relative economic affluence D_jh = (d_jh - p_jh) / (d_jh + p_jh)", "相对影响 D_jh = (d_jh - p_jh) / (d_jh + p_jh)"),
        col("Gnb_contrib", "Contribution to Gnb", "对 Gnb 的贡献"),
        col("Gt_contrib", "Contribution to Gt", "对 Gt 的贡献"),
      ],
      rows: r.dagum.flatMap((d) =>
        d.pairs.map((p) => ({ year: d.year, high: p.high, high_name: nameOf(p.high).en, low: p.low, low_name: nameOf(p.low).en, Gjh: p.Gjh, d_jh: p.d_jh, p_jh: p.p_jh, D_jh: p.D_jh, Gnb_contrib: p.Gnb_contrib, Gt_contrib: p.Gt_contrib })),
      ),
    },
    {
      file: "theil.csv",
      title: t("Theil index and its decomposition by year", "泰尔指数及其分年分解"),
      columns: [
        col("year", "Year", "年份"),
        col("T", "Theil T index", "泰尔T指数"),
        col("Tw", "Within-region part", "区域内部分"),
        col("Tb", "Between-region part", "区域间部分"),
        col("share_w", "Tw / T", "Tw / T"),
        col("share_b", "Tb / T", "Tb / T"),
      ],
      rows: r.theil.map((x) => ({ year: x.year, T: x.T, Tw: x.Tw, Tb: x.Tb, share_w: x.share_w, share_b: x.share_b })),
    },
    {
      file: "density.csv",
      title: t("Kernel density of the composite scores by year", "综合得分分年核密度估计"),
      columns: [
        col("year", "Year", "年份"),
        col("bandwidth", "Bandwidth h of the kernel", "核函数带宽 h"),
        col("x", "Score at which the density is evaluated", "估计密度的得分点"),
        col("density", "Estimated density f(x)", "估计密度 f(x)"),
      ],
      rows: r.density.flatMap((d) => d.x.map((x, i) => ({ year: d.year, bandwidth: d.bandwidth, x, density: d.y[i] }))),
    },
    {
      file: "panel.csv",
      title: t("Raw series used, as published (sources in sources.csv)", "所用原始序列（按公布值，来源见 sources.csv）"),
      columns: [
        ...unitCols,
        col("year", "Year", "年份"),
        col("series", "Raw series id (see sources.csv)", "原始序列代码（见 sources.csv）"),
        col("value", "Value as published, in the unit given in sources.csv", "公布值，单位见 sources.csv"),
      ],
      rows: r.panel.map((p) => ({ ...unitCells(p.unit), year: p.year, series: p.series, value: p.value })),
    },
    {
      file: "sources.csv",
      title: t("Sources of the raw series", "原始序列的来源"),
      columns: sourceColumns(r),
      rows: r.sources.map((s) => ({ ...s })),
    },
    {
      file: "imputed.csv",
      title: t("Every filled cell", "全部补缺单元格"),
      columns: [
        col("indicator", "Indicator id", "指标代码"),
        ...unitCols.slice(0, 2),
        col("year", "Year of the filled cell", "补缺单元格的年份"),
        col("value", "Filled value of the indicator", "补缺后的指标值"),
        col("method", "linear (interpolation), nearest, linear_trend or growth_trend (extrapolation)", "linear（线性插值）、nearest（最近年份值）、linear_trend 或 growth_trend（外推）"),
        col("basis", "Observed years the value was derived from, separated by ;", "据以推算的观测年份，以 ; 分隔"),
      ],
      rows: r.filled.map((f) => ({
        indicator: f.indicator,
        [code]: f.unit,
        [w.en]: unit.get(f.unit)?.nameEn ?? f.unit,
        year: f.year,
        value: f.value,
        method: f.method,
        basis: f.basis.join(";"),
      })),
    },
  ];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const sourceDescriptions: Record<string, LocalText> = {
  series: t("Raw series id", "原始序列代码"),
  name_en: t("Name of the series (English)", "序列名称（英文）"),
  name_zh: t("Name of the series (Chinese)", "序列名称（中文）"),
  unit: t("Unit of the values", "数值单位"),
  source: t("Yearbook or database", "年鉴或数据库"),
  table: t("Table of the source", "来源表"),
  vintage: t("Edition or revision of the figures", "数据版本或修订"),
  raw_file: t("The raw file the importer read", "导入程序读取的原始文件"),
  years: t("Years found in the raw file", "原始文件包含的年份"),
  notes: t("Caveats", "注意事项"),
};

/** The sources table's columns, as the study's sources file has them. */
function sourceColumns(r: Results): Column[] {
  const names = r.sources.length > 0 ? Object.keys(r.sources[0]) : ["series"];
  return names.map((name) => ({ name, description: sourceDescriptions[name] ?? t(name, name) }));
}
