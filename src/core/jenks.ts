// Natural breaks: Fisher's exact optimal partition of sorted values into k classes.

import { MethodError } from "./errors.ts";
import { ExactSum, fsum } from "./sum.ts";

export interface JenksResult {
  k: number;
  /** `[min, max of class 1, …, max of class k-1, max]` (k + 1 data values). */
  breaks: number[];
  /** Class of each input value, 1…k, in input order. */
  classes: Int32Array;
  /** Sum of squared deviations from the array mean. */
  SDAM: number;
  /** Sum of squared deviations from the class means. */
  SDCM: number;
  /** Goodness of variance fit `1 - SDCM/SDAM`. */
  GVF: number;
}

/**
 * Jenks natural breaks by Fisher's exact dynamic programme.
 *
 * Definition: sort the values and split them into k contiguous classes minimising the
 * within-class sum of squared deviations SDCM; `breaks = [min, max of class 1, …, max]`;
 * class c is `(b_{c-1}, b_c]`, the first class includes the minimum; `GVF = 1 - SDCM/SDAM`.
 * Equal values never fall in two classes (an optimum that keeps them together always exists,
 * as the cost is concave in how many copies sit on either side), so the programme runs over
 * the distinct values weighted by their counts, in O(k m²) for m distinct values, with class
 * sums of squares updated by Welford's recurrence rather than by differences of raw sums.
 * Among partitions whose costs compare equal in floating point, the first found is kept (the
 * one whose last class is shortest).
 * Reference: Fisher (1958), "On grouping for maximum homogeneity", JASA 53:789-798;
 * Jenks (1967), "The data model concept in statistical mapping", Int. Yearbook of Cartography 7.
 *
 * Throws MethodError on a value that is not finite (naming it), k not an integer ≥ 2, and fewer
 * distinct values than classes.
 *
 * Example: `jenks([1, 2, 3, 10, 11, 12, 30, 31], 3)` has breaks [1, 3, 12, 31], classes
 * [1, 1, 1, 2, 2, 2, 3, 3] and GVF = 219/220.
 */
export function jenks(values: ArrayLike<number>, k: number): JenksResult {
  const method = "jenks";
  if (!(Number.isInteger(k) && k >= 2)) {
    throw new MethodError(`${method}: the number of classes must be an integer >= 2, got ${k}`, {
      method,
      value: k,
    });
  }
  for (let i = 0; i < values.length; ++i) {
    if (!Number.isFinite(values[i])) {
      throw new MethodError(`${method}: value ${i} is not a finite number: ${values[i]}`, {
        method,
        unit: i,
        value: values[i],
      });
    }
  }
  const sorted = Float64Array.from(values).sort();

  // Distinct values and their counts.
  const x: number[] = [];
  const count: number[] = [];
  for (let i = 0; i < sorted.length; ++i) {
    if (i > 0 && sorted[i] === sorted[i - 1]) ++count[count.length - 1];
    else {
      x.push(sorted[i]);
      count.push(1);
    }
  }
  const m = x.length;
  if (m < k) {
    throw new MethodError(`${method}: ${k} classes need at least ${k} distinct values, got ${m}`, {
      method,
      value: m,
    });
  }

  // cost[c*m + j]: least SDCM of distinct values 0…j in c + 1 classes; start[c*m + j]: first
  // value of the last of those classes.
  const cost = new Float64Array(k * m).fill(Infinity);
  const start = new Int32Array(k * m);
  for (let j = 0; j < m; ++j) {
    let weight = 0;
    let mean = 0;
    let ss = 0;
    for (let i = j; i >= 0; --i) {
      const w = count[i];
      weight += w;
      const delta = x[i] - mean;
      mean += (delta * w) / weight;
      ss += w * delta * (x[i] - mean);
      if (i === 0) {
        cost[j] = ss;
        start[j] = 0;
      }
      const top = Math.min(k - 1, i);
      for (let c = 1; c <= top; ++c) {
        const candidate = cost[(c - 1) * m + i - 1] + ss;
        if (candidate < cost[c * m + j]) {
          cost[c * m + j] = candidate;
          start[c * m + j] = i;
        }
      }
    }
  }

  // Class upper bounds, from the last class back.
  const breaks = new Array<number>(k + 1);
  breaks[0] = x[0];
  breaks[k] = x[m - 1];
  let end = m - 1;
  for (let c = k - 1; c >= 1; --c) {
    const first = start[c * m + end];
    breaks[c] = x[first - 1];
    end = first - 1;
  }

  const classes = new Int32Array(values.length);
  for (let i = 0; i < values.length; ++i) classes[i] = jenksClass(values[i], breaks);
  const SDAM = squaredDeviations(sorted, 0, sorted.length);
  const parts: number[] = [];
  let from = 0;
  for (let c = 1; c <= k; ++c) {
    let to = from;
    while (to < sorted.length && sorted[to] <= breaks[c]) ++to;
    parts.push(squaredDeviations(sorted, from, to));
    from = to;
  }
  const SDCM = fsum(parts);
  return { k, breaks, classes, SDAM, SDCM, GVF: 1 - SDCM / SDAM };
}

/**
 * Class (1…k) of a value under natural breaks `[b_0, …, b_k]`: the c with
 * `b_{c-1} < value ≤ b_c`, class 1 including `b_0`.
 *
 * Throws MethodError when the value is not finite or lies outside `[b_0, b_k]`.
 * Example: `jenksClass(3, [1, 3, 12, 31])` is 1; `jenksClass(3.5, [1, 3, 12, 31])` is 2.
 */
export function jenksClass(value: number, breaks: readonly number[]): number {
  const k = breaks.length - 1;
  if (!(value >= breaks[0] && value <= breaks[k])) {
    const message = `jenks: value ${value} lies outside the breaks [${breaks[0]}, ${breaks[k]}]`;
    throw new MethodError(message, {
      method: "jenks",
      value,
    });
  }
  let lo = 1;
  let hi = k;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value <= breaks[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `Σ (x_i - mean)²` over sorted[from…to-1], two passes with exactly rounded sums. */
function squaredDeviations(sorted: Float64Array, from: number, to: number): number {
  const part = sorted.subarray(from, to);
  const mean = fsum(part) / part.length;
  const acc = new ExactSum();
  for (let i = 0; i < part.length; ++i) acc.add((part[i] - mean) * (part[i] - mean));
  return acc.value();
}
