/**
 * Checked claims: a sentence of the narrative with a predicate the build verifies against the
 * results, `:claim[sentence]{leads a=bth b=yrd year=2021}`. The first word without a value is
 * the predicate; the predicates that compare a quantity (rose, fell, widened, narrowed, above,
 * below) take the kind of that quantity as their second such word, followed by its parameters:
 * `{narrowed gini-within region=yrd from=first to=last}`, `{above dagum component=share_nb
 * year=last than=0.5}`. docs/narrative.md lists every predicate.
 *
 * Comparisons are strict: equal values make "leads", "rose" or "above" false.
 */
import { unknownName } from "./names.ts";
import {
  Args,
  BindingError,
  choice,
  groupParam,
  groupText,
  growthOf,
  kinds,
  numberParam,
  rankOf,
  rankQuery,
  resolveReference,
  scoreOf,
  unitParam,
  wholeParam,
  yearParam,
  dimensionParam,
  type Context,
} from "./references.ts";

export interface Verdict {
  holds: boolean;
  /** The values the verdict rests on, for the message when it does not hold. */
  detail: string;
}

interface Predicate {
  params: readonly string[];
  /** Whether the second bare word names the kind of the quantity compared. */
  quantity: boolean;
  summary: string;
  check(a: Args, quantity: Quantity | null): Verdict;
}

/** The quantity a rose/fell/above/below claim compares: a reference kind and its parameters. */
interface Quantity {
  kind: string;
  params: Record<string, string>;
}

const show = (v: number) => String(Number(v.toPrecision(4)));

const inequalityKinds = ["dagum", "gini", "gini-within", "gini-between", "theil"];

function compareScores(sign: 1 | -1): Predicate["check"] {
  return (a) => {
    const year = a.need("year", yearParam);
    const dim = a.maybe("dimension", dimensionParam);
    const x = scoreOf(a.ctx.r, a.need("a", groupParam), year, dim);
    const y = scoreOf(a.ctx.r, a.need("b", groupParam), year, dim);
    const what = dim ? `the ${dim} sub-index` : "the score";
    return { holds: sign * (x - y) > 0, detail: `${what} of ${a.raw.a} in ${year} is ${show(x)}, of ${a.raw.b} ${show(y)}` };
  };
}

function compareGrowth(sign: 1 | -1): Predicate["check"] {
  return (a) => {
    const r = a.ctx.r;
    const years = r.study.years;
    const measure = a.maybe("measure", choice(["cagr", "total", "yoy"] as const)) ?? "cagr";
    const from = a.maybe("from", yearParam) ?? years[0];
    const to = a.maybe("to", yearParam) ?? years[years.length - 1];
    const dim = a.maybe("dimension", dimensionParam);
    const ga = a.need("a", groupParam);
    const gb = a.need("b", groupParam);
    const x = growthOf(r, ga, measure, from, to, dim);
    const y = growthOf(r, gb, measure, from, to, dim);
    return { holds: sign * (x - y) > 0, detail: `growth (${measure}, ${from}–${to}) of ${groupText(ga)} is ${show(x)}, of ${groupText(gb)} ${show(y)}` };
  };
}

/** A quantity's value in one year (or as it is, when `year` is undefined). */
function valueOf(q: Quantity, ctx: Context, year?: number): number {
  const v = resolveReference(q.kind, year === undefined ? q.params : { ...q.params, year: String(year) }, ctx);
  if (v.type !== "real" && v.type !== "integer") throw new BindingError(`${q.kind} is not a number: a claim compares numbers`);
  return v.value;
}

const describe = (q: Quantity) => [q.kind, ...Object.entries(q.params).map(([k, v]) => `${k}=${v}`)].join(" ");

function change(sign: 1 | -1, inequality: boolean): Predicate["check"] {
  return (a, q) => {
    if (!q) throw new BindingError("needs the kind of the quantity");
    if (inequality && !inequalityKinds.includes(q.kind)) {
      throw new BindingError(`widened and narrowed are said of inequality (${inequalityKinds.join(", ")}); for ${q.kind} write rose or fell`);
    }
    if (!kinds[q.kind].params.includes("year")) throw new BindingError(`${q.kind} has no year: it cannot rise or fall from one year to another`);
    if (q.params.year !== undefined) throw new BindingError("give the two years as from= and to=, not year=");
    const from = a.need("from", yearParam);
    const to = a.need("to", yearParam);
    if (!(to > from)) throw new BindingError(`from= must come before to= (got from=${a.raw.from} to=${a.raw.to})`);
    const x = valueOf(q, a.ctx, from);
    const y = valueOf(q, a.ctx, to);
    const moved = y > x ? "rose" : y < x ? "fell" : "did not change";
    return { holds: sign * (y - x) > 0, detail: `${describe(q)} was ${show(x)} in ${from} and ${show(y)} in ${to} (it ${moved})` };
  };
}

function threshold(sign: 1 | -1): Predicate["check"] {
  return (a, q) => {
    if (!q) throw new BindingError("needs the kind of the quantity");
    const than = a.need("than", numberParam);
    const v = valueOf(q, a.ctx);
    return { holds: sign * (v - than) > 0, detail: `${describe(q)} is ${show(v)}` };
  };
}

export const predicates: Record<string, Predicate> = {
  leads: { params: ["a", "b", "year", "dimension"], quantity: false, summary: "a's score (or sub-index) is higher than b's in a year", check: compareScores(1) },
  trails: { params: ["a", "b", "year", "dimension"], quantity: false, summary: "a's score (or sub-index) is lower than b's in a year", check: compareScores(-1) },
  faster: { params: ["a", "b", "measure", "dimension", "from", "to"], quantity: false, summary: "a's score grew faster than b's", check: compareGrowth(1) },
  slower: { params: ["a", "b", "measure", "dimension", "from", "to"], quantity: false, summary: "a's score grew more slowly than b's", check: compareGrowth(-1) },
  rank: {
    params: ["region", "unit", "indicator", "dimension", "year", "by", "is", "top"],
    quantity: false,
    summary: "a rank is is=N (or is=last), or within the top=N",
    check(a) {
      const q = rankQuery(a);
      const { rank, count } = rankOf(a.ctx.r, q);
      const which = a.oneOf(["is", "top"]);
      const by = q.by + (q.dimension ? ` of ${q.dimension}` : "") + (q.year ? ` in ${q.year}` : "");
      const detail = `${q.of.id} ranks ${rank} of ${count} ${q.of.kind}s by ${by}`;
      if (which === "top") return { holds: rank <= a.need("top", wholeParam), detail };
      const is = a.raw.is === "last" ? count : a.need("is", wholeParam);
      return { holds: rank === is, detail };
    },
  },
  tier: {
    params: ["unit", "year", "is"],
    quantity: false,
    summary: "a unit is in tier is=N in a year",
    check(a) {
      const unit = a.need("unit", unitParam);
      const year = a.need("year", yearParam);
      const tier = a.ctx.r.scores.find((s) => s.unit === unit && s.year === year)?.tier;
      if (tier === undefined) throw new BindingError(`no tier of ${unit} in ${year}`);
      return { holds: tier === a.need("is", wholeParam), detail: `the tier of ${unit} in ${year} is ${tier}` };
    },
  },
  method: {
    params: ["option", "is"],
    quantity: false,
    summary: "a method option of the build has a value, e.g. option=topsis.ideal is=panel",
    check(a) {
      const options = methodOptions(a.ctx.r.method as unknown as Record<string, unknown>);
      const option = a.need("option", (_ctx, raw) => {
        if (raw in options) return raw;
        throw new BindingError(unknownName("method option", raw, Object.keys(options)));
      });
      const is = a.need("is", (_ctx, raw) => raw);
      return { holds: options[option] === is, detail: `the study's method has ${option} = ${options[option]}` };
    },
  },
  rose: { params: ["from", "to"], quantity: true, summary: "a quantity is larger in to= than in from=", check: change(1, false) },
  fell: { params: ["from", "to"], quantity: true, summary: "a quantity is smaller in to= than in from=", check: change(-1, false) },
  widened: { params: ["from", "to"], quantity: true, summary: "an inequality measure is larger in to= than in from=", check: change(1, true) },
  narrowed: { params: ["from", "to"], quantity: true, summary: "an inequality measure is smaller in to= than in from=", check: change(-1, true) },
  above: { params: ["than"], quantity: true, summary: "a quantity is larger than than=", check: threshold(1) },
  below: { params: ["than"], quantity: true, summary: "a quantity is smaller than than=", check: threshold(-1) },
};

/** The method options as dotted paths ("topsis.ideal") with their values as text. */
function methodOptions(method: Record<string, unknown>, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(method)) {
    if (prefix === "" && (key === "entropyK" || key === "rows")) continue;
    if (value !== null && typeof value === "object") Object.assign(out, methodOptions(value as Record<string, unknown>, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = String(value);
  }
  return out;
}

/**
 * Checks a claim given by its directive attributes, in their written order. Throws
 * BindingError when the claim cannot be read; returns the verdict otherwise.
 */
export function checkClaim(attributes: Readonly<Record<string, string>>, ctx: Context): Verdict {
  const entries = Object.entries(attributes);
  const bare = entries.filter(([, v]) => v === "").map(([k]) => k);
  if (bare.length === 0) throw new BindingError(`a claim starts with its predicate, e.g. {leads a=… b=… year=…}; the predicates are ${Object.keys(predicates).join(", ")}`);
  const name = bare[0];
  const predicate = predicates[name];
  if (!predicate) throw new BindingError(unknownName("predicate", name, Object.keys(predicates)));
  if (entries[0][0] !== name) throw new BindingError(`write the predicate ${name} first`);

  const own: Record<string, string> = {};
  let quantity: Quantity | null = null;
  if (predicate.quantity) {
    const kind = bare[1];
    if (kind === undefined) throw new BindingError(`${name} needs the kind of quantity after it, e.g. {${name} gini-within region=… ${predicate.params.map((p) => `${p}=…`).join(" ")}}`);
    if (!kinds[kind]) throw new BindingError(unknownName("reference", kind, Object.keys(kinds)));
    if (bare.length > 2) throw new BindingError(`a claim has one predicate and one quantity; "${bare[2]}" has no value`);
    quantity = { kind, params: {} };
    for (const [k, v] of entries) {
      if (v === "") continue;
      if (predicate.params.includes(k)) own[k] = v;
      else quantity.params[k] = v;
    }
  } else {
    if (bare.length > 1) throw new BindingError(`a claim has one predicate; "${bare[1]}" has no value`);
    for (const [k, v] of entries) if (v !== "") own[k] = v;
  }
  return predicate.check(new Args(name, own, ctx, predicate.params), quantity);
}
