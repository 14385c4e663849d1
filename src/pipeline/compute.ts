/**
 * From a loaded study to its results: indicator values, entropy weights, TOPSIS scores for the
 * composite and each dimension, regional means and growth, Dagum's decomposition per year,
 * kernel densities and tiers. Pure: no file, clock or randomness; the same study gives the
 * same results.
 */
import { relative, resolve } from "node:path";
import * as core from "../core/index.ts";
import type { Study } from "../study/load.ts";
import { buildIndicators } from "./indicators.ts";
import { StudyInputError } from "../study/problems.ts";
import { OPTIONAL_PAGES } from "./results.ts";
import type { DagumYear, GrowthRow, GroupMean, IndicatorInfo, Results, ScoreRow, TheilYear } from "./results.ts";

export function computeResults(study: Study): Results {
  try {
    return computeUnchecked(study);
  } catch (error) {
    if (error instanceof core.MethodError) throw describeMethodError(error, study);
    throw error;
  }
}

function computeUnchecked(study: Study): Results {
  const def = study.definition;
  const { years, sample } = study;
  const n = sample.length;
  const T = years.length;
  const N = n * T;
  const matrix = buildIndicators(study);

  const groups = new Int32Array(N);
  for (let t = 0; t < T; t++) groups.fill(t, t * n, (t + 1) * n);
  const directions = def.indicators.map((ind) => (ind.direction === "+" ? 1 : -1) as 1 | -1);

  const { entropy, weights, composite, dims } = scoreAll(def, matrix.columns, directions, groups);

  // Scores and ranks (rank 1 = highest score in that year).
  const scores: ScoreRow[] = [];
  for (let t = 0; t < T; t++) {
    const order = Array.from({ length: n }, (_, u) => u).sort(
      (a, b) => composite[t * n + b] - composite[t * n + a] || sample[a].code.localeCompare(sample[b].code),
    );
    const rank = new Int32Array(n);
    order.forEach((u, i) => (rank[u] = i + 1));
    for (let u = 0; u < n; u++) {
      const r = t * n + u;
      const d: Record<string, number> = {};
      for (const dim of dims) d[dim.id] = dim.closeness[r];
      scores.push({ unit: sample[u].code, year: years[t], score: composite[r], dims: d, rank: rank[u], tier: 0 });
    }
  }

  // Tiers by Jenks natural breaks; tier 1 is the highest class.
  const k = def.method.tiers.classes;
  let tiers: Results["tiers"];
  if (def.method.tiers.scope === "panel") {
    const j = core.jenks(Array.from(composite), k);
    for (const s of scores) s.tier = k + 1 - core.jenksClass(s.score, j.breaks);
    tiers = { breaks: j.breaks, gvf: j.GVF, classes: k, scope: "panel", byYear: [] };
  } else {
    const byYear = years.map((year, t) => {
      const j = core.jenks(Array.from(composite.subarray(t * n, (t + 1) * n)), k);
      for (const s of scores) if (s.year === year) s.tier = k + 1 - core.jenksClass(s.score, j.breaks);
      return { year, breaks: j.breaks, gvf: j.GVF };
    });
    tiers = { breaks: [], gvf: null, classes: k, scope: "year", byYear };
  }

  // Regional and sample means per year.
  const memberIdx = new Map(sample.map((u, i) => [u.code, i]));
  const groupsOfMeans = [
    { id: "sample", members: sample.map((_, i) => i) },
    ...def.regions.map((g) => ({ id: g.id, members: g.members.map((c) => memberIdx.get(c) as number) })),
  ];
  const means: GroupMean[] = [];
  for (const g of groupsOfMeans) {
    for (let t = 0; t < T; t++) {
      const at = g.members.map((u) => t * n + u);
      const d: Record<string, number> = {};
      for (const dim of dims) d[dim.id] = core.fmean(at.map((r) => dim.closeness[r]));
      means.push({ group: g.id, year: years[t], score: core.fmean(at.map((r) => composite[r])), dims: d });
    }
  }

  // Growth from the first to the last year.
  const growth: GrowthRow[] = [];
  const growthOf = (group: string, kind: GrowthRow["kind"], series: number[], dimSeries: Record<string, number[]>) => {
    const g = definedGrowth(series);
    const d: Record<string, number | null> = {};
    for (const [id, s] of Object.entries(dimSeries)) d[id] = definedGrowth(s)?.cagr ?? null;
    growth.push({
      group,
      kind,
      first: series[0],
      last: series[T - 1],
      total: g?.total ?? null,
      cagr: g?.cagr ?? null,
      meanYoy: g?.mean_yoy ?? null,
      dims: d,
    });
  };
  for (const g of groupsOfMeans) {
    const rows = means.filter((m) => m.group === g.id);
    const dimSeries: Record<string, number[]> = {};
    for (const dim of dims) dimSeries[dim.id] = rows.map((m) => m.dims[dim.id]);
    growthOf(g.id, g.id === "sample" ? "sample" : "region", rows.map((m) => m.score), dimSeries);
  }
  for (let u = 0; u < n; u++) {
    const dimSeries: Record<string, number[]> = {};
    for (const dim of dims) dimSeries[dim.id] = years.map((_, t) => dim.closeness[t * n + u]);
    growthOf(sample[u].code, "unit", years.map((_, t) => composite[t * n + u]), dimSeries);
  }

  // Dagum's decomposition per year: each membership one observation (stacked), or each unit
  // once in its assigned region.
  const stacked = def.method.overlap === "stacked";
  const obs: { u: number; label: string }[] = [];
  if (stacked) {
    for (const g of def.regions) for (const c of g.members) obs.push({ u: memberIdx.get(c) as number, label: g.id });
  } else {
    for (const u of sample) obs.push({ u: memberIdx.get(u.code) as number, label: (def.assignment as Record<string, string>)[u.code] });
  }
  const labels = obs.map((o) => o.label);
  const dagum: DagumYear[] = years.map((year, t) => {
    const values = Float64Array.from(obs, (o) => composite[t * n + o.u]);
    const d = core.dagum(values, labels);
    return { year, ...d };
  });

  // Theil T with its within/between decomposition on the same observations as Dagum's.
  const theil: TheilYear[] = years.map((year, t) => {
    const values = Float64Array.from(obs, (o) => composite[t * n + o.u]);
    const th = core.theil(values, labels);
    return { year, T: th.T, Tw: th.Tw, Tb: th.Tb, share_w: th.share_w, share_b: th.share_b };
  });

  // The plain Gini of the units themselves, each once: with overlapping regions the stacked
  // sample counts some units twice, so its G differs from this one.
  const gini = years.map((year, t) => ({ year, G: core.gini(composite.subarray(t * n, (t + 1) * n)) }));

  // Kernel density of the unit scores per year.
  const density = years.map((year, t) => {
    const values = Array.from(composite.subarray(t * n, (t + 1) * n));
    const f = core.kde(values, {
      kernel: def.method.kde.kernel,
      bandwidth: def.method.kde.bandwidth,
      nPoints: def.method.kde.points,
    });
    return { year, bandwidth: f.h, x: Array.from(f.grid), y: Array.from(f.density) };
  });

  const indicators: IndicatorInfo[] = def.indicators.map((ind, j) => {
    const col = matrix.columns[j];
    return {
      id: ind.id,
      dimension: ind.dimension,
      name: ind.name,
      unit: ind.unit,
      direction: ind.direction,
      formula: ind.formula,
      series: [...(study.formulas.get(ind.id)?.series ?? [])],
      entropy: entropy.scope === "panel" ? entropy.e[j] : null,
      divergence: entropy.scope === "panel" ? entropy.d[j] : null,
      weight: Array.isArray(weights) ? core.fmean(weights.map((w) => w[j])) : (weights as Float64Array)[j],
      weightByYear: Array.isArray(weights) ? weights.map((w) => w[j]) : null,
      stats: years.map((year, t) => {
        const v = Array.from(col.subarray(t * n, (t + 1) * n));
        return { year, min: Math.min(...v), max: Math.max(...v), mean: core.fmean(v), sd: sampleSd(v) };
      }),
    };
  });

  const values = scores.map((s, r) => ({
    unit: s.unit,
    year: s.year,
    values: Object.fromEntries(def.indicators.map((ind, j) => [ind.id, matrix.columns[j][r]])),
  }));
  const correlation = matrix.columns.map((a) => matrix.columns.map((b) => pearson(a, b)));

  const regionsOf = (code: string) => def.regions.filter((g) => g.members.includes(code)).map((g) => g.id);
  return {
    study: {
      id: def.id,
      title: def.title,
      abstract: def.abstract,
      authors: def.authors,
      licence: def.licence,
      unitKind: def.units.kind,
      years,
      units: sample.map((u) => ({ code: u.code, nameEn: u.nameEn, nameZh: u.nameZh, regions: regionsOf(u.code) })),
      regions: def.regions.map((g) => ({ id: g.id, name: g.name, members: g.members, note: g.note ?? null })),
      dimensions: def.dimensions.map((d) => ({
        id: d.id,
        name: d.name,
        description: d.description ?? null,
        weight: core.fsum(indicators.filter((i) => i.dimension === d.id).map((i) => i.weight)),
      })),
      indicators,
      map: def.map ? { file: relative(process.cwd(), resolve(study.dir, def.map.file)), object: def.map.object } : null,
      folder: insideWorkingFolder(study.dir),
      pages: def.report?.pages ? OPTIONAL_PAGES.filter((p) => def.report?.pages?.includes(p)) : [...OPTIONAL_PAGES],
    },
    method: { ...def.method, entropyK: entropy.scope === "panel" ? entropy.k : entropy.groups[0].k, rows: N },
    scores,
    values,
    correlation,
    means,
    growth,
    dagum,
    theil,
    gini,
    stacked,
    density,
    tiers,
    filled: matrix.filled,
    validation: {
      rowsRead: study.rowsRead,
      rowsUsed: study.rowsUsed,
      dropped: study.dropped,
      inputs: study.inputs.map((f) => ({ ...f, path: fromStudy(study, f.path) })),
    },
    sources: study.sources,
    panel: study.panelRows,
    files: study.files.map((f) => ({ ...f, path: fromStudy(study, f.path) })),
  };
}

/** Pearson's correlation coefficient of two columns; null when either does not vary. */
function pearson(a: Float64Array, b: Float64Array): number | null {
  const ma = core.fmean(a);
  const mb = core.fmean(b);
  const sab = core.fsum(Array.from(a, (x, i) => (x - ma) * (b[i] - mb)));
  const saa = core.fsum(Array.from(a, (x) => (x - ma) ** 2));
  const sbb = core.fsum(Array.from(b, (x) => (x - mb) ** 2));
  if (!(saa > 0 && sbb > 0)) return null;
  return sab / Math.sqrt(saa * sbb);
}

/** Sample standard deviation (n - 1), for the descriptive statistics. */
function sampleSd(values: readonly number[]): number {
  const m = core.fmean(values);
  return Math.sqrt(core.fsum(values.map((v) => (v - m) ** 2)) / (values.length - 1));
}

/** The linear entropy score over some indicators, with the weights of each row's year. */
function weightedSum(
  z: readonly Float64Array[],
  weights: Float64Array | Float64Array[],
  indicators: number[],
  n: number,
  T: number,
): Float64Array {
  if (!Array.isArray(weights)) return core.linearScore(z, weights as Float64Array, indicators);
  const out = new Float64Array(n * T);
  for (let t = 0; t < T; t++) {
    const part = z.map((column) => column.subarray(t * n, (t + 1) * n));
    out.set(core.linearScore(part, weights[t], indicators), t * n);
  }
  return out;
}

type Weights = Float64Array | Float64Array[];

/**
 * Entropy weights, the composite score and the dimension sub-indices under the study's method
 * options. Rows are year-major (row = year index * n + unit index).
 */
function scoreAll(def: Study["definition"], columns: Float64Array[], directions: (1 | -1)[], groups: Int32Array) {
  const m = def.method;
  const entropy = core.entropyWeights(columns, directions, {
    scope: m.entropy.scope,
    shift: m.entropy.shift,
    groups,
    dropConstant: m.entropy.dropConstant,
  });
  let weights: Weights = entropy.scope === "panel" ? entropy.weights : entropy.groups.map((g) => g.weights);
  if (m.entropy.standardise === "raw") weights = core.entropyWeightsRaw(columns).weights;

  const dimIndices = def.dimensions.map((d) => ({
    id: d.id,
    idx: def.indicators.flatMap((ind, j) => (ind.dimension === d.id ? [j] : [])),
  }));

  if (m.topsis.normalisation === "vector") {
    const w = weights as Float64Array;
    const composite = core.topsisVector(columns, w, directions).closeness;
    const dims = dimIndices.map(({ id, idx }) => ({
      id,
      idx,
      closeness:
        m.subindex === "topsis"
          ? core.topsisVector(idx.map((j) => columns[j]), idx.map((j) => w[j]), idx.map((j) => directions[j])).closeness
          : core.linearScore(entropy.z, w, idx),
    }));
    return { entropy, weights, composite, dims };
  }

  const options = { distance: m.topsis.distance, idealScope: m.topsis.ideal, groups };
  const composite = core.topsis(entropy.z, weights, options).closeness;
  const n = columns[0].length / (Math.max(...groups) + 1);
  const T = Math.max(...groups) + 1;
  const dims = dimIndices.map(({ id, idx }) => ({
    id,
    idx,
    closeness:
      m.subindex === "topsis"
        ? core.topsis(entropy.z, weights, { ...options, indicators: idx }).closeness
        : weightedSum(entropy.z, weights, idx, n, T),
  }));
  return { entropy, weights, composite, dims };
}

/**
 * A method error rewritten with the study's names: the indicator id, the unit and the year of
 * the row at fault (rows are year-major), as an input problem of the study.
 */
function describeMethodError(error: InstanceType<typeof core.MethodError>, study: Study): StudyInputError {
  const def = study.definition;
  const n = study.sample.length;
  const parts: string[] = [];
  if (error.indicator !== undefined && def.indicators[error.indicator]) {
    parts.push(`indicator ${def.indicators[error.indicator].id}`);
  }
  if (error.unit !== undefined && ["entropy", "topsis", "score", "standardise"].includes(error.method)) {
    const unit = study.sample[error.unit % n];
    const year = study.years[Math.floor(error.unit / n)];
    if (unit && year !== undefined) parts.push(`${unit.nameEn} (${unit.code}) in ${year}`);
  } else if (error.year !== undefined && study.years[error.year] !== undefined) {
    parts.push(`year ${study.years[error.year]}`);
  }
  const where = parts.length > 0 ? ` (${parts.join(", ")})` : "";
  const j = error.indicator;
  if (error.method === "entropy" && /constant/.test(error.message) && j !== undefined && def.indicators[j]) {
    // The commonest method error, said in the study's own terms first.
    const year = error.year !== undefined && study.years[error.year] !== undefined ? ` in ${study.years[error.year]}` : "";
    return new StudyInputError([{
      file: study.studyFile,
      column: `indicators[${j}]`,
      value: def.indicators[j].id,
      message:
        `is constant${year} (every value is ${String(error.value)}): an indicator that does not vary carries no ` +
        `information and has no entropy weight; remove it, or set method.entropy.dropConstant to true`,
    }]);
  }
  return new StudyInputError([{ file: study.studyFile, column: `method ${error.method}`, message: `${error.message}${where}` }]);
}

/** Growth rates, or null when a year before the last is 0 (growth from 0 is not defined). */
function definedGrowth(series: readonly number[]): ReturnType<typeof core.growth> | null {
  for (let t = 0; t < series.length - 1; t++) if (series[t] === 0) return null;
  return core.growth(series);
}

/**
 * A file's path as the site shows it: relative to the study folder ("panel.csv",
 * "../units/cn-provinces.csv"), so that a published site never carries the builder's own
 * folders.
 */
function fromStudy(study: Study, path: string): string {
  return relative(study.dir, resolve(process.cwd(), path)).split("\\").join("/");
}

/** The study folder relative to the working folder when it lies inside it, else null. */
function insideWorkingFolder(dir: string): string | null {
  const rel = relative(process.cwd(), dir);
  return rel === "" ? "." : rel.startsWith("..") || resolve(rel) !== dir || /^[a-zA-Z]:|^\//.test(rel) ? null : rel;
}
