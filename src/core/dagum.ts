// Dagum's (1997) decomposition of the Gini coefficient by groups.

import { type LabelIndex, checkNonNegative, indexLabels } from "./check.ts";
import { MethodError } from "./errors.ts";
import { absDiffSum } from "./gini.ts";
import { ExactSum, fsum } from "./sum.ts";

/** One group (region) of the decomposition. */
export interface DagumGroup {
  n: number;
  mean: number;
  /** Population share `p_j = n_j / n`. */
  p: number;
  /** Income share `s_j = n_j μ_j / (n μ)`. */
  s: number;
  /** Within-group Gini `G_jj`; null when the group's mean is 0 (0/0). */
  Gjj: number | null;
  /** `G_jj p_j s_j` (0 when the group's mean is 0, since then s_j = 0). */
  Gw_contrib: number;
}

/** One pair of groups, `high` being the one with the larger mean. */
export interface DagumPair {
  high: string;
  low: string;
  /** `high + "|" + low`. */
  key: string;
  /** Between-group Gini `G_jh`; null when both means are 0 (0/0). */
  Gjh: number | null;
  /** `d_jh = (1/(n_j n_h)) Σ_i Σ_r max(y_ji - y_hr, 0)`. */
  d_jh: number;
  /** `p_jh = (1/(n_j n_h)) Σ_i Σ_r max(y_hr - y_ji, 0)`. */
  p_jh: number;
  /** Relative economic affluence `D_jh = (d_jh - p_jh)/(d_jh + p_jh)`; 0 for equal means. */
  D_jh: number;
  /** `p_j s_h + p_h s_j`. */
  weight: number;
  /** `G_jh (p_j s_h + p_h s_j) D_jh`. */
  Gnb_contrib: number;
  /** `G_jh (p_j s_h + p_h s_j) (1 - D_jh)`. */
  Gt_contrib: number;
}

/** Dagum decomposition `G = Gw + Gnb + Gt`, in the layout of the reference vectors. */
export interface DagumResult {
  n: number;
  mean: number;
  G: number;
  /** Within-group contribution `Σ_j G_jj p_j s_j`. */
  Gw: number;
  /** Net between-group contribution. */
  Gnb: number;
  /** Transvariation (overlap) contribution. */
  Gt: number;
  /** Gross between-group contribution `Gnb + Gt`. */
  Gb_gross: number;
  /** `Gw / G`; null when G = 0 (every value equal). */
  share_w: number | null;
  share_nb: number | null;
  share_t: number | null;
  /** Group labels by increasing mean; equal means by label (string order). */
  order_by_mean: string[];
  /**
   * Per group, keyed by label. Keys that look like integers enumerate in numeric order in
   * JavaScript objects: iterate with `order_by_mean` for a stable order.
   */
  groups: Record<string, DagumGroup>;
  /** Pairs in the order (o1,o0), (o2,o0), (o2,o1), (o3,o0), … of `order_by_mean`. */
  pairs: DagumPair[];
}

/**
 * Pairwise sums the decomposition needs: `within[j] = Σ_{i,r in j} |y_i - y_r|`,
 * `above[j*k + h] = Σ_{i in j} Σ_{r in h} max(y_i - y_r, 0)`, `total = Σ_{i,r} |y_i - y_r|`.
 */
interface PairSums {
  within: Float64Array;
  above: Float64Array;
  total: number;
}

/**
 * Dagum's decomposition of the Gini coefficient into within-group, net between-group and
 * transvariation parts, in O(n log n + k n).
 *
 * Definition (k groups; group j has n_j values with mean μ_j; n, μ overall):
 * `G = Σ_i Σ_r |y_i - y_r| / (2 n² μ)`;
 * `G_jj = Σ_i Σ_r |y_ji - y_jr| / (2 n_j² μ_j)`;
 * `G_jh = Σ_i Σ_r |y_ji - y_hr| / (n_j n_h (μ_j + μ_h))`;
 * `p_j = n_j/n`, `s_j = n_j μ_j/(n μ)`; with μ_j > μ_h,
 * `d_jh = (1/(n_j n_h)) Σ Σ max(y_ji - y_hr, 0)`, `p_jh = (1/(n_j n_h)) Σ Σ max(y_hr - y_ji, 0)`,
 * `D_jh = (d_jh - p_jh)/(d_jh + p_jh)`, and `1 - D_jh` computed as `2 p_jh/(d_jh + p_jh)`;
 * `Gw = Σ_j G_jj p_j s_j`; `Gnb = Σ_{j>h} G_jh (p_j s_h + p_h s_j) D_jh`;
 * `Gt = Σ_{j>h} G_jh (p_j s_h + p_h s_j) (1 - D_jh)`; `G = Gw + Gnb + Gt`.
 * Ties add to neither d nor p; groups with equal means get D = 0.
 * Reference: Dagum (1997), "A new approach to the decomposition of the Gini income inequality
 * ratio", Empirical Economics 22:515-531.
 *
 * Method: each group is sorted once; every pairwise sum is a sum over the gaps between
 * neighbouring sorted values, weighted by the number of pairs each gap separates (a merge of
 * the two sorted groups for a pair). All terms are non-negative and summed exactly rounded, so
 * d_jh and p_jh keep their digits even when groups barely overlap.
 *
 * Input: `values[i]` and `labels[i]` per observation. Overlapping regions are not a partition:
 * the caller stacks one observation per membership and says so where the numbers are shown.
 *
 * Degenerate input: a one-member group has G_jj = 0; a group whose mean is 0 (all its values
 * 0) has G_jj = null and contributes 0; a pair of two such groups has G_jh = null; a single
 * group gives G_jj = Gw = G and no pairs; every value equal gives G = 0 and null shares.
 * Throws MethodError on empty input, labels not matching the values, a value that is negative
 * or not finite (naming it), and an overall mean of 0 (the shares s_j are 0/0).
 *
 * Example: values [1, 2, 3, 6], labels [A, A, B, B]: G = 1/3, Gw = 1/12, Gnb = 1/4, Gt = 0,
 * pair "B|A" with G_jh = 1/2, d = 3, p = 0, D = 1.
 */
export function dagum(values: ArrayLike<number>, labels: readonly string[]): DagumResult {
  const { index, total } = prepare(values, labels);
  const k = index.names.length;

  // Each group's values, sorted.
  const sorted: Float64Array[] = [];
  const fill = new Int32Array(k);
  for (let g = 0; g < k; ++g) sorted.push(new Float64Array(index.sizes[g]));
  for (let i = 0; i < values.length; ++i) {
    const g = index.index[i];
    sorted[g][fill[g]++] = values[i];
  }
  for (const s of sorted) s.sort();

  const within = new Float64Array(k);
  for (let g = 0; g < k; ++g) within[g] = absDiffSum(sorted[g]);
  const above = new Float64Array(k * k);
  const up = new ExactSum();
  const down = new ExactSum();
  for (let j = 0; j < k; ++j) {
    for (let h = j + 1; h < k; ++h) {
      crossSums(sorted[j], sorted[h], up, down);
      above[j * k + h] = up.value();
      above[h * k + j] = down.value();
    }
  }
  const all = Float64Array.from(values).sort();
  return assemble(index, sorted.map(fsum), total, { within, above, total: absDiffSum(all) });
}

/**
 * Sums over all pairs (a_i, b_r) of two sorted groups by one merge:
 * `up = Σ max(a_i - b_r, 0)`, `down = Σ max(b_r - a_i, 0)`. Every gap between neighbours of the
 * merged order counts once for each (a above, b below) pair it separates, and once for each
 * (b above, a below) pair.
 */
function crossSums(a: Float64Array, b: Float64Array, up: ExactSum, down: ExactSum): void {
  const na = a.length;
  const nb = b.length;
  up.reset();
  down.reset();
  let ia = 0;
  let ib = 0;
  let previous = 0;
  while (ia < na || ib < nb) {
    const fromA = ib >= nb || (ia < na && a[ia] <= b[ib]);
    const x = fromA ? a[ia] : b[ib];
    if (ia + ib > 0) {
      const gap = x - previous;
      if (gap > 0) {
        if (ib > 0 && ia < na) up.add(gap * ((na - ia) * ib));
        if (ia > 0 && ib < nb) down.add(gap * ((nb - ib) * ia));
      }
    }
    previous = x;
    if (fromA) ++ia;
    else ++ib;
  }
}

/**
 * Dagum's decomposition by the direct O(n²) double sums over all pairs, for tests and
 * benchmarks. Same definition, degenerate cases, errors and result as {@link dagum}.
 *
 * Example: values [1, 4, 2, 3, 7], labels [A, A, B, B, B]: G = 28/85, Gw = 13/85,
 * Gnb = 9/85, Gt = 6/85.
 */
export function dagumNaive(values: ArrayLike<number>, labels: readonly string[]): DagumResult {
  const { index, total } = prepare(values, labels);
  const k = index.names.length;
  const n = values.length;
  const g = index.index;
  const cells: ExactSum[] = [];
  for (let c = 0; c < k * k; ++c) cells.push(new ExactSum());
  const all = new ExactSum();

  for (let i = 0; i < n; ++i) {
    for (let r = 0; r < n; ++r) {
      const diff = values[i] - values[r];
      all.add(Math.abs(diff));
      if (g[i] === g[r]) cells[g[i] * k + g[i]].add(Math.abs(diff));
      else if (diff > 0) cells[g[i] * k + g[r]].add(diff);
    }
  }

  const within = new Float64Array(k);
  const above = new Float64Array(k * k);
  for (let j = 0; j < k; ++j) {
    for (let h = 0; h < k; ++h) {
      if (j === h) within[j] = cells[j * k + j].value();
      else above[j * k + h] = cells[j * k + h].value();
    }
  }
  const sums = new Float64Array(k);
  const acc = new ExactSum();
  for (let j = 0; j < k; ++j) {
    acc.reset();
    for (let i = 0; i < n; ++i) if (g[i] === j) acc.add(values[i]);
    sums[j] = acc.value();
  }
  return assemble(index, Array.from(sums), total, { within, above, total: all.value() });
}

function prepare(
  values: ArrayLike<number>,
  labels: readonly string[],
): { index: LabelIndex; total: number } {
  const method = "dagum";
  checkNonNegative(values, method);
  const index = indexLabels(labels, values.length, method);
  const total = fsum(values);
  if (!(total > 0)) {
    const message = `${method}: the overall mean is 0 (every value is 0), so it is undefined`;
    throw new MethodError(message, { method, value: 0 });
  }
  return { index, total };
}

/** The decomposition from group sizes, group sums and the pairwise sums. */
function assemble(index: LabelIndex, sums: number[], total: number, pairs: PairSums): DagumResult {
  const { names, sizes } = index;
  const k = names.length;
  let n = 0;
  for (let j = 0; j < k; ++j) n += sizes[j];
  const mean = new Float64Array(k);
  const p = new Float64Array(k);
  const s = new Float64Array(k);
  for (let j = 0; j < k; ++j) {
    mean[j] = sums[j] / sizes[j];
    p[j] = sizes[j] / n;
    s[j] = sums[j] / total;
  }

  const order = Array.from({ length: k }, (_, j) => j).sort(
    (a, b) => mean[a] - mean[b] || (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0),
  );

  const groupEntries: [string, DagumGroup][] = [];
  const gw = new Float64Array(k);
  for (let j = 0; j < k; ++j) {
    const Gjj = sums[j] > 0 ? pairs.within[j] / (2 * sizes[j] * sums[j]) : null;
    gw[j] = Gjj === null ? 0 : Gjj * p[j] * s[j];
    const group = { n: sizes[j], mean: mean[j], p: p[j], s: s[j], Gjj, Gw_contrib: gw[j] };
    groupEntries.push([names[j], group]);
  }

  const pairList: DagumPair[] = [];
  const gnb: number[] = [];
  const gt: number[] = [];
  for (let a = 1; a < k; ++a) {
    for (let b = 0; b < a; ++b) {
      const j = order[a];
      const h = order[b];
      const nn = sizes[j] * sizes[h];
      const up = pairs.above[j * k + h];
      const down = pairs.above[h * k + j];
      const d = up / nn;
      const q = down / nn;
      const meanSum = mean[j] + mean[h];
      const Gjh = meanSum > 0 ? (up + down) / nn / meanSum : null;
      const equal = mean[j] === mean[h];
      const D = equal ? 0 : (d - q) / (d + q);
      const oneMinusD = equal ? 1 : (2 * q) / (d + q);
      const weight = p[j] * s[h] + p[h] * s[j];
      const Gnb_contrib = Gjh === null ? 0 : Gjh * weight * D;
      const Gt_contrib = Gjh === null ? 0 : Gjh * weight * oneMinusD;
      gnb.push(Gnb_contrib);
      gt.push(Gt_contrib);
      pairList.push({
        high: names[j],
        low: names[h],
        key: `${names[j]}|${names[h]}`,
        Gjh,
        d_jh: d,
        p_jh: q,
        D_jh: D,
        weight,
        Gnb_contrib,
        Gt_contrib,
      });
    }
  }

  const G = pairs.total / (2 * n * total);
  const Gw = fsum(gw);
  const Gnb = fsum(gnb);
  const Gt = fsum(gt);
  return {
    n,
    mean: total / n,
    G,
    Gw,
    Gnb,
    Gt,
    Gb_gross: Gnb + Gt,
    share_w: G > 0 ? Gw / G : null,
    share_nb: G > 0 ? Gnb / G : null,
    share_t: G > 0 ? Gt / G : null,
    order_by_mean: order.map((j) => names[j]),
    groups: Object.fromEntries(groupEntries),
    pairs: pairList,
  };
}
