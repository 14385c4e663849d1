/**
 * The kinds of reference a narrative may bind a number (or a name) to, each with its valid
 * parameters, resolved against the computed results. `:score{region=bth year=2021}` is the
 * kind `score` with two parameters; docs/narrative.md lists every kind.
 *
 * A parameter that is missing, unknown or names nothing in the results throws a BindingError
 * saying what was expected and listing the valid names close to the one given; the renderer
 * adds the file, line and column.
 */
import * as core from "../core/index.ts";
import type { Results } from "../pipeline/results.ts";
import type { Lang } from "../i18n/lang.ts";
import { joinList } from "../site/format.ts";
import { dimensionName, indicatorName, regionName, sampleName, unitName } from "../site/results.ts";
import type { Value } from "./formats.ts";
import { closeNames, unknownName } from "./names.ts";

/** A reference or claim that cannot be resolved; the message says why and what is valid. */
export class BindingError extends Error {}

export interface Context {
  r: Results;
  lang: Lang;
}

/** What a score, growth or rank is of: a region (or the whole sample), or one unit. */
export type Group = { kind: "region"; id: string } | { kind: "unit"; code: string };

type Parse<T> = (ctx: Context, raw: string, name: string) => T;

/** The parameters of one reference, read by name; each is parsed and checked on first use. */
export class Args {
  readonly ctx: Context;
  readonly raw: Readonly<Record<string, string>>;
  readonly kind: string;

  constructor(kind: string, raw: Readonly<Record<string, string>>, ctx: Context, allowed: readonly string[]) {
    this.kind = kind;
    this.raw = raw;
    this.ctx = ctx;
    for (const name of Object.keys(raw)) {
      if (allowed.includes(name)) continue;
      if (allowed.length === 0) throw new BindingError(`${kind} takes no parameters (got ${name}=)`);
      const valid = kinds[kind] ? [...allowed, "format"] : allowed;
      throw new BindingError(`unknown parameter "${name}" of ${kind}; valid names close to it: ${closeNames(name, valid).join(", ")}`);
    }
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined;
  }

  need<T>(name: string, parse: Parse<T>): T {
    const raw = this.raw[name];
    if (raw === undefined) throw new BindingError(`${this.kind} needs ${name}=${expected[name] ? ` (${expected[name](this.ctx)})` : ""}`);
    return parse(this.ctx, raw, name);
  }

  maybe<T>(name: string, parse: Parse<T>): T | undefined {
    const raw = this.raw[name];
    return raw === undefined ? undefined : parse(this.ctx, raw, name);
  }

  /** The one of `names` that is given; an error when none or several are. */
  oneOf<T extends string>(names: readonly T[]): T {
    const given = names.filter((n) => this.has(n));
    const list = names.map((n) => `${n}=`).join(" or ");
    if (given.length === 0) throw new BindingError(`${this.kind} needs ${list}`);
    if (given.length > 1) throw new BindingError(`${this.kind} takes ${list}, not ${given.map((n) => `${n}=`).join(" and ")} together`);
    return given[0];
  }

  /** A region (region=) or a unit (unit=), exactly one of them. */
  subject(): Group {
    return this.oneOf(["region", "unit"]) === "region"
      ? { kind: "region", id: this.need("region", regionOrSample) }
      : { kind: "unit", code: this.need("unit", unitParam) };
  }

  forbid(name: string, why: string): void {
    if (this.has(name)) throw new BindingError(`${this.kind} takes no ${name}= ${why}`);
  }
}

const expected: Record<string, (ctx: Context) => string> = {
  year: (ctx) => yearsText(ctx),
  from: (ctx) => yearsText(ctx),
  to: (ctx) => yearsText(ctx),
  region: (ctx) => `a region: ${ctx.r.study.regions.map((g) => g.id).join(", ")}, or sample`,
  unit: () => "a unit's code or name",
  indicator: (ctx) => `an indicator: ${ctx.r.study.indicators.map((i) => i.id).join(", ")}`,
  dimension: (ctx) => `a dimension: ${ctx.r.study.dimensions.map((d) => d.id).join(", ")}`,
  a: () => "a region, sample, or a unit",
  b: () => "a region, sample, or a unit",
  at: () => "first or last",
  of: () => countables.join(", "),
};

const yearsText = (ctx: Context) => {
  const y = ctx.r.study.years;
  return `a year from ${y[0]} to ${y[y.length - 1]}, first or last`;
};

// Parameters ------------------------------------------------------------------------------

export const yearParam: Parse<number> = (ctx, raw, name) => {
  const years = ctx.r.study.years;
  if (raw === "first") return years[0];
  if (raw === "last") return years[years.length - 1];
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (years.includes(year)) return year;
  if (Number.isInteger(year)) throw new BindingError(`${name}=${raw}: the study has no year ${raw}; write ${yearsText(ctx)}`);
  throw new BindingError(`${name}=${raw} is not a year; write ${yearsText(ctx)}`);
};

export const regionParam: Parse<string> = (ctx, raw) => {
  if (ctx.r.study.regions.some((g) => g.id === raw)) return raw;
  throw new BindingError(unknownName("region", raw, ctx.r.study.regions.map((g) => g.id)));
};

export const regionOrSample: Parse<string> = (ctx, raw, name) => {
  if (raw === "sample") return raw;
  if (ctx.r.study.regions.some((g) => g.id === raw)) return raw;
  throw new BindingError(unknownName(name === "region" ? "region" : `${name} region`, raw, [...ctx.r.study.regions.map((g) => g.id), "sample"]));
};

const squash = (s: string) => s.toLowerCase().replace(/[\s\p{P}]/gu, "");

export const unitParam: Parse<string> = (ctx, raw) => {
  const units = ctx.r.study.units;
  const hit = units.find((u) => u.code === raw || u.nameZh === raw || (u.nameEn !== "" && squash(u.nameEn) === squash(raw)));
  if (hit) return hit.code;
  const names = units.flatMap((u) => [u.code, u.nameEn]).filter((n) => n !== "");
  throw new BindingError(unknownName("unit", raw, names));
};

/** A region id, "sample", or a unit (code or name). */
export const groupParam: Parse<Group> = (ctx, raw, name) => {
  if (raw === "sample" || ctx.r.study.regions.some((g) => g.id === raw)) return { kind: "region", id: raw };
  try {
    return { kind: "unit", code: unitParam(ctx, raw, name) };
  } catch {
    const names = [...ctx.r.study.regions.map((g) => g.id), "sample", ...ctx.r.study.units.flatMap((u) => [u.code, u.nameEn])];
    throw new BindingError(unknownName(`region or unit (${name}=)`, raw, names));
  }
};

export const dimensionParam: Parse<string> = (ctx, raw) => {
  if (ctx.r.study.dimensions.some((d) => d.id === raw)) return raw;
  throw new BindingError(unknownName("dimension", raw, ctx.r.study.dimensions.map((d) => d.id)));
};

export const indicatorParam: Parse<string> = (ctx, raw) => {
  if (ctx.r.study.indicators.some((i) => i.id === raw)) return raw;
  throw new BindingError(unknownName("indicator", raw, ctx.r.study.indicators.map((i) => i.id)));
};

export function choice<T extends string>(options: readonly T[]): Parse<T> {
  return (_ctx, raw, name) => {
    if ((options as readonly string[]).includes(raw)) return raw as T;
    throw new BindingError(unknownName(`${name}`, raw, options).replace(/^unknown (\S+)/, `unknown $1 value`));
  };
}

export const numberParam: Parse<number> = (_ctx, raw, name) => {
  const n = /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(raw) ? Number(raw) : NaN;
  if (Number.isFinite(n)) return n;
  throw new BindingError(`${name}=${raw} is not a number`);
};

export const wholeParam: Parse<number> = (_ctx, raw, name) => {
  if (/^\d+$/.test(raw)) return Number(raw);
  throw new BindingError(`${name}=${raw} is not a whole number`);
};

// Quantities shared by the references and the claims -------------------------------------

export function groupText(g: Group): string {
  return g.kind === "region" ? g.id : g.code;
}

/** The composite score (or a dimension's sub-index) of a region's mean or of a unit, in a year. */
export function scoreOf(r: Results, g: Group, year: number, dimension?: string): number {
  if (g.kind === "region") {
    const m = r.means.find((x) => x.group === g.id && x.year === year);
    if (!m) throw new BindingError(`no mean score of ${g.id} in ${year}`);
    return dimension === undefined ? m.score : m.dims[dimension];
  }
  const s = r.scores.find((x) => x.unit === g.code && x.year === year);
  if (!s) throw new BindingError(`no score of ${g.code} in ${year}`);
  return dimension === undefined ? s.score : s.dims[dimension];
}

export type Measure = "cagr" | "total" | "yoy";

/**
 * Growth of a score from one year to a later one: average annual (cagr), total, or the mean of
 * the year-on-year rates (yoy), by the same function as the site's growth tables.
 */
export function growthOf(r: Results, g: Group, measure: Measure, from: number, to: number, dimension?: string): number {
  if (!(to > from)) throw new BindingError(`growth needs from= before to= (got from=${from} to=${to})`);
  const series: number[] = [];
  for (let y = from; y <= to; y++) series.push(scoreOf(r, g, y, dimension));
  let result: core.GrowthResult;
  try {
    result = core.growth(series);
  } catch (error) {
    if (error instanceof core.MethodError) throw new BindingError(`growth of ${groupText(g)} from ${from} to ${to} is not defined: a score before the last year is 0`);
    throw error;
  }
  return measure === "cagr" ? result.cagr : measure === "total" ? result.total : result.mean_yoy;
}

export type RankBy = "score" | "growth" | "gini-within" | "weight";

export interface RankQuery {
  of: { kind: "region" | "unit" | "indicator" | "dimension"; id: string };
  by: RankBy;
  year?: number;
  dimension?: string;
}

/**
 * A rank, 1 the highest, and how many were ranked. Units by score use the ranks of the results
 * (ties by code); everything else is ordered here, ties in the study's order.
 */
export function rankOf(r: Results, q: RankQuery): { rank: number; count: number } {
  const { first, last } = span(r);
  let entries: [string, number | null][];
  const { kind, id } = q.of;
  if (kind === "indicator") entries = r.study.indicators.map((i) => [i.id, i.weight]);
  else if (kind === "dimension") entries = r.study.dimensions.map((d) => [d.id, d.weight]);
  else if (q.by === "gini-within") {
    const d = r.dagum.find((x) => x.year === q.year);
    const multi = r.study.regions.filter((g) => g.members.length > 1);
    if (!multi.some((g) => g.id === id)) throw new BindingError(`region ${id} has one member: it has no within-region inequality to rank`);
    entries = multi.map((g) => [g.id, d?.groups[g.id]?.Gjj ?? null]);
  } else {
    const ids = kind === "region" ? r.study.regions.map((g) => g.id) : r.study.units.map((u) => u.code);
    const group = (x: string): Group => (kind === "region" ? { kind: "region", id: x } : { kind: "unit", code: x });
    if (q.by === "score" && kind === "unit" && q.dimension === undefined) {
      const row = r.scores.find((s) => s.unit === id && s.year === q.year);
      if (!row) throw new BindingError(`no score of ${id} in ${q.year}`);
      return { rank: row.rank, count: ids.length };
    }
    entries = ids.map((x) => [x, q.by === "score" ? scoreOf(r, group(x), q.year as number, q.dimension) : definedGrowth(r, group(x), first, last, q.dimension)]);
    if (kind === "unit") entries.sort((a, b) => a[0].localeCompare(b[0]));
  }
  const order = entries.map((e, i) => [e, i] as const).sort((a, b) => (b[0][1] ?? -Infinity) - (a[0][1] ?? -Infinity) || a[1] - b[1]);
  const at = order.findIndex(([e]) => e[0] === id);
  if (at < 0) throw new BindingError(`${id} is not among the ${kind}s ranked`);
  if (order[at][0][1] === null) throw new BindingError(`${id} has no ${q.by} to rank${q.year ? ` in ${q.year}` : ""}`);
  return { rank: at + 1, count: order.length };
}

function definedGrowth(r: Results, g: Group, from: number, to: number, dimension?: string): number | null {
  try {
    return growthOf(r, g, "cagr", from, to, dimension);
  } catch (error) {
    if (error instanceof BindingError) return null;
    throw error;
  }
}

function span(r: Results): { first: number; last: number } {
  return { first: r.study.years[0], last: r.study.years[r.study.years.length - 1] };
}

function dagumOf(r: Results, year: number) {
  const d = r.dagum.find((x) => x.year === year);
  if (!d) throw new BindingError(`no Dagum decomposition for ${year}`);
  return d;
}

function defined(v: number | null | undefined, what: string): number {
  if (v === null || v === undefined || !Number.isFinite(v)) throw new BindingError(`${what} is not defined`);
  return v;
}

// The kinds -------------------------------------------------------------------------------

export interface Kind {
  /** Its parameters, besides format=. */
  params: readonly string[];
  /** What it gives, for docs/narrative.md and messages. */
  summary: string;
  resolve(a: Args): Value;
}

const real = (value: number, format: string): Value => ({ type: "real", value, format });
const integer = (value: number, format = "d"): Value => ({ type: "integer", value, format });

const dagumComponents = ["G", "Gw", "Gnb", "Gt", "Gb", "share_w", "share_nb", "share_t"] as const;
const theilParts = ["T", "Tw", "Tb", "share_w", "share_b"] as const;
const countables = ["units", "regions", "indicators", "dimensions", "years", "memberships", "members", "tier"] as const;
const rankBys = ["score", "growth", "gini-within", "weight"] as const;

export const kinds: Record<string, Kind> = {
  score: {
    params: ["region", "unit", "year", "dimension"],
    summary: "composite score (or a dimension's sub-index) of a region's mean, the sample's mean or a unit, in a year",
    resolve(a) {
      const g = a.subject();
      return real(scoreOf(a.ctx.r, g, a.need("year", yearParam), a.maybe("dimension", dimensionParam)), ".3f");
    },
  },
  growth: {
    params: ["region", "unit", "measure", "dimension", "from", "to"],
    summary: "growth of a score: average annual (measure=cagr, the default), total, or the mean of the year-on-year rates (yoy); from the first to the last year unless from= and to= say",
    resolve(a) {
      const g = a.subject();
      const { first, last } = span(a.ctx.r);
      const measure = a.maybe("measure", choice(["cagr", "total", "yoy"] as const)) ?? "cagr";
      return real(growthOf(a.ctx.r, g, measure, a.maybe("from", yearParam) ?? first, a.maybe("to", yearParam) ?? last, a.maybe("dimension", dimensionParam)), ".1%");
    },
  },
  rank: {
    params: ["region", "unit", "indicator", "dimension", "year", "by"],
    summary: "rank (1 = highest) of a region or unit by score (in a year), growth or within-region inequality (regions), or of an indicator or dimension by weight",
    resolve(a) {
      const { rank } = rankOf(a.ctx.r, rankQuery(a));
      return integer(rank, "ordinal");
    },
  },
  tier: {
    params: ["unit", "year"],
    summary: "a unit's tier in a year (1 = the highest, Jenks natural breaks)",
    resolve(a) {
      const code = a.need("unit", unitParam);
      const year = a.need("year", yearParam);
      const row = a.ctx.r.scores.find((s) => s.unit === code && s.year === year);
      if (!row) throw new BindingError(`no tier of ${code} in ${year}`);
      return integer(row.tier);
    },
  },
  dagum: {
    params: ["component", "year"],
    summary: "Dagum's decomposition in a year: G, Gw (within), Gnb (net between), Gt (transvariation), Gb (gross between) or their shares share_w, share_nb, share_t",
    resolve(a) {
      const c = a.maybe("component", choice(dagumComponents)) ?? "G";
      const d = dagumOf(a.ctx.r, a.need("year", yearParam));
      const v = c === "Gb" ? d.Gb_gross : d[c];
      return real(defined(v, `${c} in ${d.year} (G is 0)`), c.startsWith("share") ? ".1%" : ".3f");
    },
  },
  "gini-within": {
    params: ["region", "year"],
    summary: "within-region Gini coefficient G_jj of a region in a year",
    resolve(a) {
      const id = a.need("region", regionParam);
      const d = dagumOf(a.ctx.r, a.need("year", yearParam));
      return real(defined(d.groups[id]?.Gjj, `the within-region Gini of ${id} in ${d.year} (its mean is 0)`), ".3f");
    },
  },
  "gini-between": {
    params: ["a", "b", "year", "part"],
    summary: "between-region Gini G_jh of two regions in a year (part=G), or their relative economic affluence D_jh (part=D)",
    resolve(a) {
      const x = a.need("a", regionParam);
      const y = a.need("b", regionParam);
      if (x === y) throw new BindingError(`gini-between needs two different regions (a=${x} b=${y})`);
      const d = dagumOf(a.ctx.r, a.need("year", yearParam));
      const pair = d.pairs.find((p) => p.key === `${x}|${y}` || p.key === `${y}|${x}`);
      if (!pair) throw new BindingError(`no pair ${x}, ${y} in ${d.year}`);
      const part = a.maybe("part", choice(["G", "D"] as const)) ?? "G";
      return real(part === "D" ? pair.D_jh : defined(pair.Gjh, `the between-region Gini of ${x} and ${y} in ${d.year}`), ".3f");
    },
  },
  gini: {
    params: ["year"],
    summary: "plain Gini coefficient of the sample's units (each unit once) in a year",
    resolve(a) {
      const year = a.need("year", yearParam);
      const g = a.ctx.r.gini.find((x) => x.year === year);
      if (!g) throw new BindingError(`no Gini coefficient for ${year}`);
      return real(g.G, ".3f");
    },
  },
  theil: {
    params: ["part", "year"],
    summary: "Theil index in a year: T, Tw (within), Tb (between) or the shares share_w, share_b",
    resolve(a) {
      const part = a.maybe("part", choice(theilParts)) ?? "T";
      const year = a.need("year", yearParam);
      const t = a.ctx.r.theil.find((x) => x.year === year);
      if (!t) throw new BindingError(`no Theil index for ${year}`);
      return real(defined(t[part], `${part} in ${year} (T is 0)`), part.startsWith("share") ? ".1%" : ".3f");
    },
  },
  weight: {
    params: ["indicator", "dimension", "year"],
    summary: "entropy weight of an indicator, or the summed weight of a dimension's indicators (year= with per-year weights)",
    resolve(a) {
      const r = a.ctx.r;
      const which = a.oneOf(["indicator", "dimension"]);
      const year = a.maybe("year", yearParam);
      const id = which === "indicator" ? a.need("indicator", indicatorParam) : a.need("dimension", dimensionParam);
      const indicators = r.study.indicators.filter((i) => (which === "indicator" ? i.id === id : i.dimension === id));
      if (year === undefined) {
        const dim = r.study.dimensions.find((d) => d.id === id);
        return real(which === "indicator" ? indicators[0].weight : (dim?.weight ?? NaN), ".1%");
      }
      const t = r.study.years.indexOf(year);
      let sum = 0;
      for (const ind of indicators) {
        if (!ind.weightByYear) throw new BindingError("the weights are the same in every year (entropy scope panel): leave out year=");
        sum += ind.weightByYear[t];
      }
      return real(sum, ".1%");
    },
  },
  value: {
    params: ["indicator", "unit", "stat", "year"],
    summary: "an indicator's value for a unit in a year, or a statistic of it over the sample (stat=mean, min, max or sd)",
    resolve(a) {
      const r = a.ctx.r;
      const id = a.need("indicator", indicatorParam);
      const year = a.need("year", yearParam);
      if (a.oneOf(["unit", "stat"]) === "unit") {
        const code = a.need("unit", unitParam);
        const v = r.values.find((x) => x.unit === code && x.year === year)?.values[id];
        return real(defined(v, `the value of ${id} for ${code} in ${year}`), "auto");
      }
      const stat = a.need("stat", choice(["mean", "min", "max", "sd"] as const));
      const row = r.study.indicators.find((i) => i.id === id)?.stats.find((s) => s.year === year);
      return real(defined(row?.[stat], `the ${stat} of ${id} in ${year}`), "auto");
    },
  },
  ratio: {
    params: ["a", "b", "year", "dimension"],
    summary: "the score of a divided by the score of b in a year (regions, sample or units)",
    resolve(a) {
      const year = a.need("year", yearParam);
      const dim = a.maybe("dimension", dimensionParam);
      const x = scoreOf(a.ctx.r, a.need("a", groupParam), year, dim);
      const y = scoreOf(a.ctx.r, a.need("b", groupParam), year, dim);
      return real(defined(y === 0 ? null : x / y, "a ratio to a score of 0"), ".2f");
    },
  },
  count: {
    params: ["of", "region", "tier", "year", "dimension"],
    summary: "how many units, regions, indicators (of a dimension), dimensions, years, memberships (observations of the decomposition), members (of a region) or units in a tier in a year",
    resolve(a) {
      const r = a.ctx.r;
      const of = a.need("of", choice(countables));
      if (of !== "members") a.forbid("region", "(only with of=members)");
      if (of !== "tier") {
        a.forbid("tier", "(only with of=tier)");
        a.forbid("year", "(only with of=tier)");
      }
      if (of !== "indicators") a.forbid("dimension", "(only with of=indicators)");
      if (of === "units") return integer(r.study.units.length);
      if (of === "regions") return integer(r.study.regions.length);
      if (of === "indicators") {
        const dim = a.maybe("dimension", dimensionParam);
        return integer(r.study.indicators.filter((i) => dim === undefined || i.dimension === dim).length);
      }
      if (of === "dimensions") return integer(r.study.dimensions.length);
      if (of === "years") return integer(r.study.years.length);
      if (of === "memberships") return integer(r.dagum[0]?.n ?? 0);
      if (of === "members") {
        const id = a.need("region", regionParam);
        return integer(r.study.regions.find((g) => g.id === id)?.members.length ?? 0);
      }
      const tier = a.need("tier", wholeParam);
      const year = a.need("year", yearParam);
      checkTier(r, tier);
      return integer(r.scores.filter((s) => s.year === year && s.tier === tier).length);
    },
  },
  members: {
    params: ["region", "tier", "year"],
    summary: "the names of a region's members (in the study's order), or of the units in a tier in a year (by rank)",
    resolve(a) {
      const { r, lang } = a.ctx;
      let codes: string[];
      if (a.oneOf(["region", "tier"]) === "region") {
        a.forbid("year", "(only with tier=)");
        const id = a.need("region", regionParam);
        codes = r.study.regions.find((g) => g.id === id)?.members ?? [];
      } else {
        const tier = a.need("tier", wholeParam);
        const year = a.need("year", yearParam);
        checkTier(r, tier);
        codes = r.scores.filter((s) => s.year === year && s.tier === tier).sort((x, y) => x.rank - y.rank).map((s) => s.unit);
        if (codes.length === 0) throw new BindingError(`no unit is in tier ${tier} in ${year}`);
      }
      return { type: "text", text: joinList(codes.map((c) => unitName(r, c, lang)), lang) };
    },
  },
  name: {
    params: ["region", "unit", "dimension", "indicator"],
    summary: "the name of a region, unit, dimension or indicator in the page's language",
    resolve(a) {
      const { r, lang } = a.ctx;
      const which = a.oneOf(["region", "unit", "dimension", "indicator"]);
      if (which === "region") {
        const id = a.need("region", regionOrSample);
        const own = id === "sample" ? sampleName(r, lang) : (r.study.regions.find((g) => g.id === id)?.name[lang] ?? id);
        return { type: "name", name: regionName(r, id, lang), short: own };
      }
      const name =
        which === "unit" ? unitName(r, a.need("unit", unitParam), lang)
        : which === "dimension" ? dimensionName(r, a.need("dimension", dimensionParam), lang)
        : indicatorName(r, a.need("indicator", indicatorParam), lang);
      return { type: "name", name, short: name };
    },
  },
  "indicator-unit": {
    params: ["indicator"],
    summary: "the unit an indicator is measured in, in the page's language",
    resolve(a) {
      const id = a.need("indicator", indicatorParam);
      const ind = a.ctx.r.study.indicators.find((i) => i.id === id);
      return { type: "text", text: ind?.unit[a.ctx.lang] ?? "" };
    },
  },
  year: {
    params: ["at"],
    summary: "the first or the last year of the study (at=first, at=last)",
    resolve(a) {
      const years = a.ctx.r.study.years;
      const at = a.need("at", choice(["first", "last"] as const));
      return { type: "text", text: String(at === "first" ? years[0] : years[years.length - 1]) };
    },
  },
  period: {
    params: [],
    summary: "the study period, 2012–2021 (2012—2021 in Chinese)",
    resolve(a) {
      const { first, last } = span(a.ctx.r);
      return { type: "text", text: `${first}${a.ctx.lang === "zh" ? "—" : "–"}${last}` };
    },
  },
};

function checkTier(r: Results, tier: number): void {
  if (!(tier >= 1 && tier <= r.tiers.classes)) throw new BindingError(`tier=${tier}: the tiers are 1 to ${r.tiers.classes}`);
}

/** The rank a reference or a claim asks for, from its parameters. */
export function rankQuery(a: Args): RankQuery {
  // With region= or unit=, dimension= names the sub-index to rank by; alone, the dimension ranked.
  const subject = a.has("region") || a.has("unit");
  const which = a.oneOf<"region" | "unit" | "indicator" | "dimension">(subject ? ["region", "unit", "indicator"] : ["region", "unit", "indicator", "dimension"]);
  if (which === "indicator" || which === "dimension") {
    const by = a.maybe("by", choice(rankBys)) ?? "weight";
    if (by !== "weight") throw new BindingError(`${which}s are ranked by weight only (by=weight)`);
    a.forbid("year", "(weights are ranked over the whole panel)");
    const id = which === "indicator" ? a.need("indicator", indicatorParam) : a.need("dimension", dimensionParam);
    return { of: { kind: which, id }, by };
  }
  const id = which === "region" ? a.need("region", regionParam) : a.need("unit", unitParam);
  const by = a.maybe("by", choice(rankBys)) ?? "score";
  if (by === "weight") throw new BindingError(`${which}s are ranked by=score, growth${which === "region" ? " or gini-within" : ""}`);
  if (by === "gini-within" && which !== "region") throw new BindingError("only regions are ranked by=gini-within");
  const dimension = a.maybe("dimension", dimensionParam);
  if (by === "growth") {
    a.forbid("year", "(growth is ranked from the first to the last year)");
    return { of: { kind: which, id }, by, dimension };
  }
  if (by === "gini-within" && dimension !== undefined) throw new BindingError("within-region inequality is of the composite score: leave out dimension=");
  return { of: { kind: which, id }, by, year: a.need("year", yearParam), dimension };
}

/** Resolves a reference of a kind; throws BindingError with the reason. */
export function resolveReference(kind: string, raw: Readonly<Record<string, string>>, ctx: Context): Value {
  const spec = kinds[kind];
  if (!spec) throw new BindingError(unknownName("reference", kind, Object.keys(kinds)));
  const { format: _format, ...params } = raw;
  return spec.resolve(new Args(kind, params, ctx, spec.params));
}
