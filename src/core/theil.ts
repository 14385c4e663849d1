// Theil's T index and its decomposition by groups.

import { checkNonNegative, indexLabels } from "./check.ts";
import { MethodError } from "./errors.ts";
import { ExactSum, fsum } from "./sum.ts";

/** One group of the Theil decomposition. */
export interface TheilGroup {
  n: number;
  mean: number;
  /** Income share `s_g = n_g μ_g / (n μ)`. */
  s: number;
  /** Theil T within the group; null when the group's mean is 0 (every y/μ_g is 0/0). */
  T: number | null;
  /** `s_g T_g` (0 for a group with mean 0). */
  Tw_contrib: number;
  /** `s_g ln(μ_g/μ)` (0 for a group with mean 0, as `0 ln 0 = 0`). */
  Tb_contrib: number;
}

/** Theil decomposition `T = Tw + Tb`, in the layout of the reference vectors. */
export interface TheilResult {
  T: number;
  /** Within-group part `Σ_g s_g T_g`. */
  Tw: number;
  /** Between-group part `Σ_g s_g ln(μ_g/μ)`. */
  Tb: number;
  /** `Tw / T`; null when T = 0 (every value equal). */
  share_w: number | null;
  share_b: number | null;
  /**
   * Per group, keyed by label. Keys that look like integers enumerate in numeric order in
   * JavaScript objects, not in order of appearance.
   */
  groups: Record<string, TheilGroup>;
}

/**
 * Theil's T index of non-negative values with its within/between decomposition.
 *
 * Definition: `T = (1/n) Σ_i (y_i/μ) ln(y_i/μ)` with `0 ln 0 = 0`; for groups g with n_g
 * values, mean μ_g and share `s_g = n_g μ_g/(n μ)`: `T_g` the same formula within g,
 * `Tw = Σ_g s_g T_g`, `Tb = Σ_g s_g ln(μ_g/μ)`, and `T = Tw + Tb`. Near the mean the logarithm
 * is taken as `log1p((y - μ)/μ)` so that small terms keep their digits.
 * Reference: Theil (1967), Economics and Information Theory, North-Holland; Shorrocks (1980),
 * Econometrica 48(3):613-625, for the decomposition.
 *
 * Degenerate input: a group whose values are all 0 has T_g = null and contributes 0 to both
 * parts; one group gives Tb = 0; every value equal gives T = 0 and null shares.
 * Throws MethodError on empty input, labels not matching the values, a value that is negative
 * or not finite (naming it), and an overall mean of 0.
 *
 * Example: values [0, 0, 0, 10, 10, 10], labels [a, a, a, b, b, b]: T = Tb = ln 2, Tw = 0,
 * group a has T = null.
 */
export function theil(values: ArrayLike<number>, labels: readonly string[]): TheilResult {
  const method = "theil";
  checkNonNegative(values, method);
  const n = values.length;
  const { names, index, sizes } = indexLabels(labels, n, method);
  const k = names.length;
  const total = fsum(values);
  if (!(total > 0)) {
    const message = `${method}: the overall mean is 0 (every value is 0), so theil is undefined`;
    throw new MethodError(message, {
      method,
      value: 0,
    });
  }
  const mu = total / n;

  const groupSums: ExactSum[] = [];
  for (let g = 0; g < k; ++g) groupSums.push(new ExactSum());
  for (let i = 0; i < n; ++i) groupSums[index[i]].add(values[i]);
  const groupTotals = new Float64Array(k);
  const means = new Float64Array(k);
  for (let g = 0; g < k; ++g) {
    groupTotals[g] = groupSums[g].value();
    means[g] = groupTotals[g] / sizes[g];
  }

  // Σ (y/μ) ln(y/μ) over all values and within each group, in one pass.
  const whole = new ExactSum();
  for (const s of groupSums) s.reset();
  for (let i = 0; i < n; ++i) {
    const y = values[i];
    whole.add(entropyTerm(y, mu));
    const m = means[index[i]];
    if (m > 0) groupSums[index[i]].add(entropyTerm(y, m));
  }
  const T = whole.value() / n;

  const entries: [string, TheilGroup][] = [];
  const tw = new Float64Array(k);
  const tb = new Float64Array(k);
  for (let g = 0; g < k; ++g) {
    const m = means[g];
    const s = groupTotals[g] / total;
    const Tg = m > 0 ? groupSums[g].value() / sizes[g] : null;
    tw[g] = Tg === null ? 0 : s * Tg;
    tb[g] = m > 0 ? s * logRatio(m, mu) : 0;
    const group = { n: sizes[g], mean: m, s, T: Tg, Tw_contrib: tw[g], Tb_contrib: tb[g] };
    entries.push([names[g], group]);
  }
  const Tw = fsum(tw);
  const Tb = fsum(tb);
  return {
    T,
    Tw,
    Tb,
    share_w: T > 0 ? Tw / T : null,
    share_b: T > 0 ? Tb / T : null,
    groups: Object.fromEntries(entries),
  };
}

/** `(y/μ) ln(y/μ)`, 0 for y = 0. */
function entropyTerm(y: number, mu: number): number {
  return y === 0 ? 0 : (y / mu) * logRatio(y, mu);
}

/**
 * `ln(y/μ)`. Near 1 the ratio is rounded before the logarithm, which would cost digits of a
 * small result; there `y - μ` is exact (Sterbenz) and `log1p((y - μ)/μ)` keeps them.
 */
function logRatio(y: number, mu: number): number {
  const r = y / mu;
  return r > 0.5 && r < 2 ? Math.log1p((y - mu) / mu) : Math.log(r);
}
