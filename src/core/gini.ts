// Gini coefficient.

import { checkNonNegative } from "./check.ts";
import { MethodError } from "./errors.ts";
import { ExactSum, fsum } from "./sum.ts";

export interface GiniOptions {
  /**
   * "plain" (default): `G = Σ_i Σ_r |y_i - y_r| / (2 n² μ)`, the one Dagum's decomposition adds
   * up to. "sample": `G · n/(n-1)`, a different number that breaks the decomposition.
   */
  variant?: "plain" | "sample";
}

/**
 * Gini coefficient of non-negative values, in O(n log n).
 *
 * Definition: `G = Σ_i Σ_r |y_i - y_r| / (2 n² μ)` (plain), or `G · n/(n-1)` (variant
 * "sample"). Computed on the sorted values as `Σ_k g_k k (n - k) / (n Σ y)` with the gaps
 * `g_k = y_(k+1) - y_(k)`: every term is non-negative, so no digits cancel.
 * Reference: Gini (1912), Variabilità e mutabilità; Dagum (1997), Empirical Economics 22:515-531
 * for the plain form used in the decomposition.
 *
 * Throws MethodError on empty input, a value that is negative or not finite (naming it), a mean
 * of 0 (every value 0: G is 0/0), and one value with the "sample" variant (n - 1 = 0).
 * One positive value gives G = 0 (plain).
 *
 * Example: `gini([1, 2, 3, 4])` is 0.25; `gini([1, 2, 3, 4], { variant: "sample" })` is 1/3.
 */
export function gini(values: ArrayLike<number>, options: GiniOptions = {}): number {
  const method = "gini";
  const variant = options.variant ?? "plain";
  if (variant !== "plain" && variant !== "sample") {
    const message = `${method}: variant must be "plain" or "sample", got ${String(variant)}`;
    throw new MethodError(message, {
      method,
      value: variant,
    });
  }
  checkNonNegative(values, method);
  const n = values.length;
  const total = fsum(values);
  if (!(total > 0)) {
    throw new MethodError(`${method}: the mean is 0 (every value is 0), so the gini is undefined`, {
      method,
      value: 0,
    });
  }
  if (variant === "sample" && n < 2) {
    throw new MethodError(`${method}: the n/(n-1) variant needs at least 2 values, got ${n}`, {
      method,
      value: n,
    });
  }
  const sorted = Float64Array.from(values).sort();
  const g = absDiffSum(sorted) / (2 * n * total);
  return variant === "plain" ? g : (g * n) / (n - 1);
}

/**
 * `Σ_i Σ_r |y_i - y_r|` over all ordered pairs of a sorted sample, in O(n).
 *
 * Definition: `2 Σ_{k=1}^{n-1} (y_(k+1) - y_(k)) k (n - k)`: each gap between neighbours is
 * crossed by the k (n - k) pairs it separates. Non-negative terms only, summed exactly rounded.
 * Degenerate input: fewer than 2 values give 0. The input must be sorted ascending (not
 * checked). Example: `absDiffSum(Float64Array.of(1, 2, 4))` is 12 (pairs: 1, 3, 2, twice).
 */
export function absDiffSum(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  const acc = new ExactSum();
  for (let k = 1; k < n; ++k) {
    const gap = sorted[k] - sorted[k - 1];
    if (gap > 0) acc.add(gap * (k * (n - k)));
  }
  return 2 * acc.value();
}
