/**
 * The downloadable tables: each a CSV (UTF-8 with a byte-order mark, so that spreadsheet
 * programs show Chinese names correctly) with a description of every column.
 */
import { from, toCSV } from "arquero";
import type { Results } from "./results.ts";

export interface Column {
  name: string;
  description: string;
}

export interface DownloadTable {
  file: string;
  title: string;
  columns: Column[];
  rows: Record<string, string | number | null>[];
}

export function toCsvText(table: DownloadTable): string {
  const names = table.columns.map((c) => c.name);
  const data = table.rows.length > 0 ? from(table.rows).select(names) : from(Object.fromEntries(names.map((c) => [c, []])));
  return "\uFEFF" + toCSV(data);
}

export function downloadTables(r: Results): DownloadTable[] {
  const unit = new Map(r.study.units.map((u) => [u.code, u]));
  const dimIds = r.study.dimensions.map((d) => d.id);
  const dimCols = r.study.dimensions.map((d) => ({ name: d.id, description: `${d.name.en} sub-index (TOPSIS closeness over the dimension's indicators, 0 to 1)` }));
  const regionName = new Map(r.study.regions.map((g) => [g.id, g.name]));
  const source = new Map(r.sources.map((s) => [s.series, s]));

  return [
    {
      file: "scores.csv",
      title: "Composite and dimension scores by province and year",
      columns: [
        { name: "province_code", description: "GB/T 2260 code of the province" },
        { name: "province", description: "Province name (English)" },
        { name: "province_zh", description: "Province name (Chinese)" },
        { name: "year", description: "Year" },
        { name: "score", description: "Composite index: TOPSIS closeness to the ideal, 0 to 1" },
        ...dimCols,
        { name: "rank", description: "Rank of the composite score among the sample in that year (1 = highest)" },
        { name: "tier", description: "Tier by Jenks natural breaks (1 = highest)" },
      ],
      rows: r.scores.map((s) => ({
        province_code: s.unit,
        province: unit.get(s.unit)?.nameEn ?? s.unit,
        province_zh: unit.get(s.unit)?.nameZh ?? "",
        year: s.year,
        score: s.score,
        ...Object.fromEntries(dimIds.map((d) => [d, s.dims[d]])),
        rank: s.rank,
        tier: s.tier,
      })),
    },
    {
      file: "weights.csv",
      title: "Index system with entropy weights",
      columns: [
        { name: "indicator", description: "Indicator id" },
        { name: "dimension", description: "Dimension id" },
        { name: "name", description: "Indicator name (English)" },
        { name: "name_zh", description: "Indicator name (Chinese)" },
        { name: "unit", description: "Unit of the indicator" },
        { name: "direction", description: "+ if higher is better, - if lower is better" },
        { name: "formula", description: "How the indicator is derived from the raw series" },
        { name: "entropy", description: "Entropy e_j of the indicator" },
        { name: "divergence", description: "Divergence d_j = 1 - e_j" },
        { name: "weight", description: "Entropy weight w_j (weights sum to 1)" },
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
      file: "regions.csv",
      title: "Regional mean scores by year",
      columns: [
        { name: "region", description: "Region id (sample = all sample provinces)" },
        { name: "region_name", description: "Region name (English)" },
        { name: "region_name_zh", description: "Region name (Chinese)" },
        { name: "year", description: "Year" },
        { name: "members", description: "Number of member provinces" },
        { name: "score", description: "Mean composite score of the members" },
        ...dimCols.map((c) => ({ name: c.name, description: `Mean ${c.description}` })),
      ],
      rows: r.means.map((m) => ({
        region: m.group,
        region_name: m.group === "sample" ? "All sample provinces" : regionName.get(m.group)?.en ?? m.group,
        region_name_zh: m.group === "sample" ? "全部样本省份" : regionName.get(m.group)?.zh ?? m.group,
        year: m.year,
        members: m.group === "sample" ? r.study.units.length : r.study.regions.find((g) => g.id === m.group)?.members.length ?? 0,
        score: m.score,
        ...Object.fromEntries(dimIds.map((d) => [d, m.dims[d]])),
      })),
    },
    {
      file: "growth.csv",
      title: "Average annual growth of the scores",
      columns: [
        { name: "kind", description: "region, sample or province" },
        { name: "id", description: "Region id or province code" },
        { name: "name", description: "Name (English)" },
        { name: "first", description: `Score in ${r.study.years[0]}` },
        { name: "last", description: `Score in ${r.study.years[r.study.years.length - 1]}` },
        { name: "total", description: "Total growth, last / first - 1" },
        { name: "cagr", description: "Average annual growth rate, (last / first)^(1/(T-1)) - 1" },
        { name: "mean_yoy", description: "Mean of the year-on-year growth rates (a different number)" },
        ...dimCols.map((c) => ({ name: `${c.name}_cagr`, description: `Average annual growth of the ${c.name} sub-index` })),
      ],
      rows: r.growth.map((g) => ({
        kind: g.kind === "unit" ? "province" : g.kind,
        id: g.group,
        name: g.kind === "unit" ? unit.get(g.group)?.nameEn ?? g.group : g.group === "sample" ? "All sample provinces" : regionName.get(g.group)?.en ?? g.group,
        first: g.first,
        last: g.last,
        total: g.total,
        cagr: g.cagr,
        mean_yoy: g.meanYoy,
        ...Object.fromEntries(dimIds.map((d) => [`${d}_cagr`, g.dims[d]])),
      })),
    },
    {
      file: "dagum.csv",
      title: "Dagum Gini decomposition by year",
      columns: [
        { name: "year", description: "Year" },
        { name: "n", description: r.stacked ? "Observations in the stacked sample (each region membership counts once)" : "Observations" },
        { name: "G", description: "Overall Gini coefficient" },
        { name: "Gw", description: "Within-region contribution" },
        { name: "Gnb", description: "Net between-region contribution" },
        { name: "Gt", description: "Transvariation (overlap) contribution" },
        { name: "share_w", description: "Gw / G" },
        { name: "share_nb", description: "Gnb / G" },
        { name: "share_t", description: "Gt / G" },
      ],
      rows: r.dagum.map((d) => ({ year: d.year, n: d.n, G: d.G, Gw: d.Gw, Gnb: d.Gnb, Gt: d.Gt, share_w: d.share_w, share_nb: d.share_nb, share_t: d.share_t })),
    },
    {
      file: "dagum_regions.csv",
      title: "Within-region Gini coefficients by year",
      columns: [
        { name: "year", description: "Year" },
        { name: "region", description: "Region id" },
        { name: "region_name", description: "Region name (English)" },
        { name: "n", description: "Members" },
        { name: "mean", description: "Mean score of the members" },
        { name: "Gjj", description: "Within-region Gini coefficient (0 for a one-member region)" },
        { name: "Gw_contrib", description: "Contribution to Gw: Gjj p_j s_j" },
      ],
      rows: r.dagum.flatMap((d) =>
        Object.entries(d.groups).map(([id, g]) => ({ year: d.year, region: id, region_name: regionName.get(id)?.en ?? id, n: g.n, mean: g.mean, Gjj: g.Gjj, Gw_contrib: g.Gw_contrib })),
      ),
    },
    {
      file: "dagum_pairs.csv",
      title: "Between-region Gini coefficients by year",
      columns: [
        { name: "year", description: "Year" },
        { name: "high", description: "Id of the region with the higher mean" },
        { name: "high_name", description: "Name of the region with the higher mean" },
        { name: "low", description: "Id of the region with the lower mean" },
        { name: "low_name", description: "Name of the region with the lower mean" },
        { name: "Gjh", description: "Between-region Gini coefficient" },
        { name: "d_jh", description: "Mean positive difference of the higher region's scores over the lower region's, over all pairs of members" },
        { name: "p_jh", description: "Mean positive difference the other way (the lower region's members above the higher region's): transvariation" },
        { name: "D_jh", description: "Relative economic affluence D_jh = (d_jh - p_jh) / (d_jh + p_jh)" },
        { name: "Gnb_contrib", description: "Contribution to Gnb" },
        { name: "Gt_contrib", description: "Contribution to Gt" },
      ],
      rows: r.dagum.flatMap((d) =>
        d.pairs.map((p) => ({ year: d.year, high: p.high, high_name: regionName.get(p.high)?.en ?? p.high, low: p.low, low_name: regionName.get(p.low)?.en ?? p.low, Gjh: p.Gjh, d_jh: p.d_jh, p_jh: p.p_jh, D_jh: p.D_jh, Gnb_contrib: p.Gnb_contrib, Gt_contrib: p.Gt_contrib })),
      ),
    },
    {
      file: "theil.csv",
      title: "Theil index and its decomposition by year",
      columns: [
        { name: "year", description: "Year" },
        { name: "T", description: "Theil T index" },
        { name: "Tw", description: "Within-region part" },
        { name: "Tb", description: "Between-region part" },
        { name: "share_w", description: "Tw / T" },
        { name: "share_b", description: "Tb / T" },
      ],
      rows: r.theil.map((t) => ({ year: t.year, T: t.T, Tw: t.Tw, Tb: t.Tb, share_w: t.share_w, share_b: t.share_b })),
    },
    {
      file: "panel.csv",
      title: "Raw series used, as published (sources in sources.csv)",
      columns: [
        { name: "province_code", description: "GB/T 2260 code of the province" },
        { name: "province", description: "Province name (English)" },
        { name: "province_zh", description: "Province name (Chinese)" },
        { name: "year", description: "Year" },
        { name: "series", description: "Raw series id (see sources.csv)" },
        { name: "value", description: "Value as published, in the unit given in sources.csv" },
      ],
      rows: r.panel.map((p) => ({
        province_code: p.unit,
        province: unit.get(p.unit)?.nameEn ?? p.unit,
        province_zh: unit.get(p.unit)?.nameZh ?? "",
        year: p.year,
        series: p.series,
        value: p.value,
      })),
    },
    {
      file: "sources.csv",
      title: "Sources of the raw series",
      columns: sourceColumns(r),
      rows: r.sources.map((s) => ({ ...s })),
    },
    {
      file: "imputed.csv",
      title: "Every filled cell",
      columns: [
        { name: "indicator", description: "Indicator id" },
        { name: "province_code", description: "GB/T 2260 code of the province" },
        { name: "province", description: "Province name (English)" },
        { name: "year", description: "Year of the filled cell" },
        { name: "value", description: "Filled value of the indicator" },
        { name: "method", description: "linear (interpolation), nearest, linear_trend or growth_trend (extrapolation)" },
        { name: "basis", description: "Observed years the value was derived from, separated by ;" },
      ],
      rows: r.filled.map((f) => ({
        indicator: f.indicator,
        province_code: f.unit,
        province: unit.get(f.unit)?.nameEn ?? f.unit,
        year: f.year,
        value: f.value,
        method: f.method,
        basis: f.basis.join(";"),
      })),
    },
  ];
}

const sourceDescriptions: Record<string, string> = {
  series: "Raw series id",
  name_en: "Name of the series (English)",
  name_zh: "Name of the series (Chinese)",
  unit: "Unit of the values",
  source: "Yearbook or database",
  table: "Table of the source",
  vintage: "Edition or revision of the figures",
  raw_file: "The raw file the importer read",
  years: "Years found in the raw file",
  notes: "Caveats",
};

/** The sources table's columns, as the study's sources file has them. */
function sourceColumns(r: Results): Column[] {
  const names = r.sources.length > 0 ? Object.keys(r.sources[0]) : ["series"];
  return names.map((name) => ({ name, description: sourceDescriptions[name] ?? name }));
}
