// Entropy weights of indicators (Shannon entropy weighting).

import { checkColumns, checkIndicators, checkWeights } from "./check.ts";
import { MethodError } from "./errors.ts";
import { type Direction, standardiseFor } from "./standardise.ts";
import { ExactSum, fsum } from "./sum.ts";

export interface EntropyOptions {
  /** Shift `a` added after range standardisation; default 0.0001. With 0, `0 ln 0 = 0`. */
  shift?: number;
  /**
   * "panel" (default): min, max, p and e over all N rows stacked, `k = 1/ln N`, one weight
   * vector. "year": everything within each group of `groups`, `k = 1/ln n_g`, one weight vector
   * per group.
   */
  scope?: "panel" | "year";
  /** Group index per row (integers 0…G-1, e.g. the year); required by scope "year". */
  groups?: ArrayLike<number>;
  /** Drop an indicator that is constant (in its scope) with weight 0 instead of throwing. */
  dropConstant?: boolean;
}

/** Entropy, divergence and weights over one scope (the panel, or one group). */
export interface EntropyWeights {
  /** Rows in the scope. */
  n: number;
  /** `k = 1/ln n`. */
  k: number;
  /** Entropy `e_j` per indicator (1 for a dropped indicator). */
  e: Float64Array;
  /** Divergence `d_j = 1 - e_j` per indicator (0 for a dropped indicator). */
  d: Float64Array;
  /** `w_j = d_j / Σ d`. */
  weights: Float64Array;
  /** Indicators dropped as constant in this scope (weight 0). */
  dropped: number[];
}

interface EntropyColumns {
  /** Standardised values, one Float64Array per indicator (NaN where dropped). */
  z: Float64Array[];
  /** `p_ij = z_ij / Σ_i z_ij` within the scope, one Float64Array per indicator. */
  p: Float64Array[];
  /** Linear entropy score `S_i = Σ_j w_j z_ij` with the weights of the row's scope. */
  score: Float64Array;
}

/** Result of scope "panel": one weight vector. */
export interface EntropyPanel extends EntropyWeights, EntropyColumns {
  scope: "panel";
}

/** Result of scope "year": one weight vector per group (`groups[g]`). */
export interface EntropyByGroup extends EntropyColumns {
  scope: "year";
  groups: EntropyWeights[];
}

/**
 * Entropy weights of m indicators after range standardisation.
 *
 * Definition: `z` = range standardisation with direction and shift `a` (see rangeStandardise);
 * `p_ij = z_ij / Σ_i z_ij`; `e_j = -k Σ_i p_ij ln p_ij` with `0 ln 0 = 0` and `k = 1/ln N`
 * (N = all rows of the scope: T·n on a stacked panel); `d_j = 1 - e_j`;
 * `w_j = d_j / Σ_j d_j`; score `S_i = Σ_j w_j z_ij`.
 * Reference: Shannon (1948) entropy; the entropy-weight method of multi-criteria evaluation
 * (Zeleny 1982; Hwang & Yoon 1981, ch. 4). Using `1/ln n` (units per year) on a stacked panel
 * is a known mistake (e > 1); this function always uses the rows of the scope.
 *
 * Input: `columns[j][i]` = indicator j, row i (N rows; stacked years for a panel);
 * `directions[j]` = +1 positive, -1 negative.
 *
 * Throws MethodError when there is no indicator, fewer than 2 rows in a scope, a value is not
 * finite (naming indicator and row), a direction is not ±1, the shift is negative, an indicator
 * is constant in a scope (naming it; unless `dropConstant`, which gives it e = 1, d = 0,
 * weight 0 and NaN in z and p), or every indicator has d = 0.
 *
 * Example: columns `[[1, 2, 4], [10, 30, 20]]`, directions `[1, -1]`, shift 0:
 * z = `[[0, 1/3, 1], [1, 0, 1/2]]`, k = 1/ln 3, e ≈ [0.51186, 0.57938],
 * weights ≈ [0.53715, 0.46285].
 */
export function entropyWeights(
  columns: readonly ArrayLike<number>[],
  directions: readonly Direction[],
  options?: EntropyOptions & { scope?: "panel" },
): EntropyPanel;
export function entropyWeights(
  columns: readonly ArrayLike<number>[],
  directions: readonly Direction[],
  options: EntropyOptions & { scope: "year"; groups: ArrayLike<number> },
): EntropyByGroup;
export function entropyWeights(
  columns: readonly ArrayLike<number>[],
  directions: readonly Direction[],
  options?: EntropyOptions,
): EntropyPanel | EntropyByGroup;
export function entropyWeights(
  columns: readonly ArrayLike<number>[],
  directions: readonly Direction[],
  options: EntropyOptions = {},
): EntropyPanel | EntropyByGroup {
  const method = "entropy";
  const scope = options.scope ?? "panel";
  if (scope !== "panel" && scope !== "year") {
    throw new MethodError(`${method}: scope must be "panel" or "year", got ${String(scope)}`, {
      method,
      value: scope,
    });
  }
  const groups = scope === "year" ? options.groups : undefined;
  if (scope === "year" && groups === undefined) {
    throw new MethodError(`${method}: scope "year" needs a group index per row`, { method });
  }

  const { z, dropped, sizes } = standardiseFor(
    method,
    columns,
    directions,
    { shift: options.shift, groups, dropConstant: options.dropConstant },
    2,
  );
  const n = z[0].length;
  const m = z.length;
  const scopes = sizes.length;

  // Shares and entropies, every scope at once: one accumulator per scope.
  const sums: ExactSum[] = [];
  for (let g = 0; g < scopes; ++g) sums.push(new ExactSum());
  const entropy = new Float64Array(scopes * m);
  const p: Float64Array[] = [];
  for (let j = 0; j < m; ++j) {
    const zj = z[j];
    const pj = new Float64Array(n);
    for (const s of sums) s.reset();
    for (let i = 0; i < n; ++i) sums[groups === undefined ? 0 : groups[i]].add(zj[i]);
    const total = new Float64Array(scopes);
    for (let g = 0; g < scopes; ++g) total[g] = sums[g].value();

    for (const s of sums) s.reset();
    for (let i = 0; i < n; ++i) {
      const g = groups === undefined ? 0 : groups[i];
      const pij = zj[i] / total[g];
      pj[i] = pij;
      if (pij > 0) sums[g].add(pij * Math.log(pij));
    }
    for (let g = 0; g < scopes; ++g) {
      entropy[g * m + j] = dropped[g].includes(j) ? 1 : -sums[g].value() / Math.log(sizes[g]);
    }
    p.push(pj);
  }

  const weightsOf: EntropyWeights[] = [];
  for (let g = 0; g < scopes; ++g) {
    const eg = entropy.subarray(g * m, (g + 1) * m);
    weightsOf.push(weightsFromEntropy(eg, sizes[g], dropped[g], g, groups !== undefined));
  }

  const score = new Float64Array(n);
  const acc = new ExactSum();
  for (let i = 0; i < n; ++i) {
    const w = weightsOf[groups === undefined ? 0 : groups[i]].weights;
    acc.reset();
    for (let j = 0; j < m; ++j) if (w[j] > 0) acc.add(w[j] * z[j][i]);
    score[i] = acc.value();
  }

  if (groups === undefined) return { scope: "panel", ...weightsOf[0], z, p, score };
  return { scope: "year", groups: weightsOf, z, p, score };
}

function weightsFromEntropy(
  entropy: Float64Array,
  n: number,
  dropped: number[],
  g: number,
  grouped: boolean,
): EntropyWeights {
  const m = entropy.length;
  const e = Float64Array.from(entropy);
  const d = new Float64Array(m);
  for (let j = 0; j < m; ++j) d[j] = 1 - e[j];
  const total = fsum(d);
  if (!(total > 0)) {
    const where = grouped ? ` in group ${g}` : "";
    const message = `entropy: every indicator has entropy 1${where}, so no weight is defined`;
    throw new MethodError(message, {
      method: "entropy",
      year: grouped ? g : undefined,
      value: total,
    });
  }
  const weights = new Float64Array(m);
  for (let j = 0; j < m; ++j) weights[j] = d[j] / total;
  return { n, k: 1 / Math.log(n), e, d, weights, dropped };
}

/** Result of {@link entropyWeightsRaw}. */
export interface EntropyRaw {
  n: number;
  k: number;
  /** `p_ij = x_ij / Σ_i x_ij`, one Float64Array per indicator. */
  p: Float64Array[];
  e: Float64Array;
  d: Float64Array;
  weights: Float64Array;
}

/**
 * Entropy weights on raw non-negative data, without range standardisation.
 *
 * Definition: `p_ij = x_ij / Σ_i x_ij`; `e_j = -(1/ln N) Σ_i p_ij ln p_ij` (`0 ln 0 = 0`);
 * `d_j = 1 - e_j`; `w_j = d_j / Σ d`. All indicators are treated alike (no direction).
 * A constant indicator has e = 1 exactly and weight 0.
 * Reference: the variant in Elsayed, Dawood & Karthikeyan (2017), Int. J. Eng. Trends Technol.
 * 46(2):60-66.
 *
 * Throws MethodError when there is no indicator, fewer than 2 rows, a value is negative or not
 * finite (naming indicator and row), an indicator sums to 0, or every indicator is constant.
 *
 * Example: columns `[[1, 1], [1, 3]]`: p = `[[1/2, 1/2], [1/4, 3/4]]`, e = [1, 0.81128],
 * weights = [0, 1].
 */
export function entropyWeightsRaw(columns: readonly ArrayLike<number>[]): EntropyRaw {
  const method = "entropy";
  const n = checkColumns(columns, method, 2);
  const m = columns.length;
  const k = 1 / Math.log(n);
  const p: Float64Array[] = [];
  const e = new Float64Array(m);
  const acc = new ExactSum();

  for (let j = 0; j < m; ++j) {
    const x = columns[j];
    let constant = true;
    acc.reset();
    for (let i = 0; i < n; ++i) {
      if (!(x[i] >= 0)) {
        throw new MethodError(`${method}: indicator ${j} row ${i} is negative: ${x[i]}`, {
          method,
          indicator: j,
          unit: i,
          value: x[i],
        });
      }
      if (x[i] !== x[0]) constant = false;
      acc.add(x[i]);
    }
    const total = acc.value();
    if (!(total > 0)) {
      throw new MethodError(`${method}: indicator ${j} sums to 0, so its shares are undefined`, {
        method,
        indicator: j,
        value: total,
      });
    }

    const pj = new Float64Array(n);
    acc.reset();
    for (let i = 0; i < n; ++i) {
      pj[i] = x[i] / total;
      if (pj[i] > 0) acc.add(pj[i] * Math.log(pj[i]));
    }
    e[j] = constant ? 1 : -k * acc.value();
    p.push(pj);
  }

  const { d, weights } = weightsFromEntropy(e, n, [], 0, false);
  return { n, k, p, e, d, weights };
}

/**
 * Linear score `S_i = Σ_{j in J} w_j z_ij` over the indicators J (all by default).
 *
 * A dimension's linear sub-score is this sum over that dimension's indicators with their global
 * weights; the sub-scores of a partition of the indicators add up to the full score.
 * Indicators with weight 0 are skipped (their z may be NaN, as for dropped indicators).
 *
 * Throws MethodError on a weight that is negative or not finite, on a bad indicator index, or on
 * a z value that is not finite where its weight is positive.
 *
 * Example: z = `[[0, 1], [1, 0.5]]`, weights [0.25, 0.75]: scores [0.75, 0.625].
 */
export function linearScore(
  z: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  indicators?: readonly number[],
): Float64Array {
  const method = "score";
  const m = z.length;
  checkWeights(weights, m, method);
  const used = checkIndicators(indicators, m, method);
  const n = m > 0 ? z[0].length : 0;
  const score = new Float64Array(n);
  const acc = new ExactSum();
  for (let u = 0; u < used.length; ++u) {
    const j = used[u];
    if (z[j].length !== n) {
      throw new MethodError(`${method}: indicator ${j} has ${z[j].length} rows, expected ${n}`, {
        method,
        indicator: j,
        value: z[j].length,
      });
    }
  }
  for (let i = 0; i < n; ++i) {
    acc.reset();
    for (let u = 0; u < used.length; ++u) {
      const j = used[u];
      if (!(weights[j] > 0)) continue;
      const zij = z[j][i];
      if (!Number.isFinite(zij)) {
        throw new MethodError(`${method}: indicator ${j} row ${i} is not a finite number: ${zij}`, {
          method,
          indicator: j,
          unit: i,
          value: zij,
        });
      }
      acc.add(weights[j] * zij);
    }
    score[i] = acc.value();
  }
  return score;
}
