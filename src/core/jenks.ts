// Natural breaks: Fisher's exact optimal partition of sorted values into k classes.

import { checkFinite } from "./check.ts";
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
 * Jenks natural breaks by Fisher's exact dynamic programme, each layer found by divide and
 * conquer in O(m log m), O(k m log m) in all for m distinct values.
 *
 * Definition: sort the values and split them into k contiguous classes minimising the
 * within-class sum of squared deviations SDCM; `breaks = [min, max of class 1, …, max]`;
 * class c is `(b_{c-1}, b_c]`, the first class includes the minimum; `GVF = 1 - SDCM/SDAM`.
 * Equal values never fall in two classes (an optimum that keeps them together always exists,
 * as the cost is concave in how many copies sit on either side), so the programme runs over
 * the distinct values weighted by their counts.
 *
 * Method: `D_c(j) = min_i D_{c-1}(i-1) + SS(i…j)`. The within-class sum of squares of sorted
 * data satisfies the quadrangle inequality, so the last optimal start of class c is
 * non-decreasing in j: solving the middle j first bounds the search on either side of it
 * (Wang & Song 2011; Grønlund et al. 2017). SS(i…j) takes O(1) from prefix sums of counts,
 * values and squares, kept in double-double precision after shifting the values by their
 * median, so that the class costs keep their digits when the spread is small beside the level.
 * Candidates are compared in double precision and, when two lie within the rounding bound of
 * that comparison, again in double-double.
 *
 * Ties: among partitions of equal SDCM the one whose last class is shortest is kept, then,
 * among those, the one whose next-to-last class is shortest, and so on (the breaks are as high
 * as possible, from the top down). Costs closer than 2^-72 (Q + max|y|·Σ|y|) count as equal,
 * where y = x - median and Q = Σ y² (a margin under 2^-72 (1 + √n) Q, some 21 digits below
 * the costs); two different costs of real data lie much further apart.
 *
 * Reference: Fisher (1958), "On grouping for maximum homogeneity", JASA 53:789-798;
 * Jenks (1967), "The data model concept in statistical mapping", Int. Yearbook of Cartography 7;
 * Wang & Song (2011), "Ckmeans.1d.dp: optimal k-means clustering in one dimension by dynamic
 * programming", The R Journal 3(2):29-33; Grønlund, Larsen, Mathiasen, Nielsen, Schneider &
 * Song (2017), "Fast exact k-means, k-medians and Bregman divergence clustering in 1D",
 * arXiv:1701.07204.
 *
 * Throws MethodError on a value that is not finite (naming it), k not an integer ≥ 2, and fewer
 * distinct values than classes.
 *
 * Example: `jenks([1, 2, 3, 10, 11, 12, 30, 31], 3)` has breaks [1, 3, 12, 31], classes
 * [1, 1, 1, 2, 2, 2, 3, 3] and GVF = 219/220. On a tie, `jenks([1, 2, 3, 4, 5], 2)` has
 * breaks [1, 3, 5].
 */
export function jenks(values: ArrayLike<number>, k: number): JenksResult {
  return naturalBreaks(values, k, true);
}

/**
 * {@link jenks} by the full O(k m²) programme, every start of the last class tried for every
 * right end: same definition, tie rule, errors and result. For tests and benchmarks.
 *
 * Example: `jenksQuadratic([1, 2, 3, 4, 5], 3).breaks` is [1, 2, 4, 5].
 */
export function jenksQuadratic(values: ArrayLike<number>, k: number): JenksResult {
  return naturalBreaks(values, k, false);
}

function naturalBreaks(values: ArrayLike<number>, k: number, divide: boolean): JenksResult {
  const method = "jenks";
  if (!(Number.isInteger(k) && k >= 2)) {
    throw new MethodError(`${method}: the number of classes must be an integer >= 2, got ${k}`, {
      method,
      value: k,
    });
  }
  checkFinite(values, method);
  const sorted = Float64Array.from(values).sort();

  // Distinct values; first[t] is where distinct value t starts in the sorted values.
  const firstOf: number[] = [];
  for (let i = 0; i < sorted.length; ++i) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) firstOf.push(i);
  }
  const m = firstOf.length;
  if (m < k) {
    throw new MethodError(`${method}: ${k} classes need at least ${k} distinct values, got ${m}`, {
      method,
      value: m,
    });
  }
  firstOf.push(sorted.length);

  const programme = new Programme(new ClassCosts(sorted, Int32Array.from(firstOf)), k);
  if (divide) programme.divideAndConquer();
  else programme.quadratic();

  // Class upper bounds, from the last class back.
  const breaks = new Array<number>(k + 1);
  breaks[0] = sorted[0];
  breaks[k] = sorted[sorted.length - 1];
  let end = m - 1;
  for (let c = k - 1; c >= 1; --c) {
    const start = programme.start[c * m + end];
    breaks[c] = sorted[firstOf[start] - 1];
    end = start - 1;
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

/** Unit roundoff of float64. */
const EPSILON = 2 ** -53;
/** Dekker's constant 2^27 + 1, which splits a float64 into two halves of 26 bits. */
const SPLITTER = 134217729;

/**
 * The dynamic programme over distinct values 0…m-1: `cost` (double-double, `costHi + costLo`)
 * of the best c + 1 classes of values 0…j at `c*m + j`, and `start` of the last of them.
 */
class Programme {
  readonly costs: ClassCosts;
  readonly k: number;
  readonly m: number;
  readonly costHi: Float64Array;
  readonly costLo: Float64Array;
  readonly start: Int32Array;

  constructor(costs: ClassCosts, k: number) {
    const m = costs.m;
    this.costs = costs;
    this.k = k;
    this.m = m;
    this.costHi = new Float64Array(k * m);
    this.costLo = new Float64Array(k * m);
    this.start = new Int32Array(k * m);

    // One class: values 0…j together. Only the ends that leave a value for each later class.
    for (let j = 0; j <= m - k; ++j) {
      costs.exact(0, j);
      this.costHi[j] = costs.hi;
      this.costLo[j] = costs.lo;
    }
  }

  /** Every start tried for every end: O(k m²). */
  quadratic(): void {
    const { k, m } = this;
    for (let c = 1; c < k; ++c) {
      for (let j = c; j <= m - k + c; ++j) this.best(c, j, c, j);
    }
  }

  /** Each layer by divide and conquer on the monotone last start: O(k m log m). */
  divideAndConquer(): void {
    const { k, m } = this;
    for (let c = 1; c < k; ++c) this.layer(c, c, m - k + c, c, m - k + c);
  }

  /** Ends jLo…jHi of layer c, whose last starts are known to lie in iLo…iHi. */
  layer(c: number, jLo: number, jHi: number, iLo: number, iHi: number): void {
    if (jLo > jHi) return;
    const j = (jLo + jHi) >>> 1;
    const i = this.best(c, j, iLo, Math.min(j, iHi));
    this.layer(c, jLo, j - 1, iLo, i);
    this.layer(c, j + 1, jHi, i, iHi);
  }

  /**
   * Best start i in iLo…iHi of the last of c + 1 classes ending at j: records its cost and
   * returns it. Tried from the highest start down; a later one wins only when it is lower by
   * more than the tie margin, so the last class is the shortest among equal costs.
   */
  best(c: number, j: number, iLo: number, iHi: number): number {
    const { costs, costHi, costLo, m } = this;
    const row = (c - 1) * m - 1;
    const band = costs.band;
    let best = -1;
    let bestApprox = Infinity;
    let bestHi = NaN;
    let bestLo = NaN;
    for (let i = iHi; i >= iLo; --i) {
      const approx = costHi[row + i] + costs.approx(i, j);
      if (approx < bestApprox - band) {
        best = i;
        bestApprox = approx;
        bestHi = NaN;
      } else if (approx <= bestApprox + band) {
        // Too close to call in double precision.
        if (Number.isNaN(bestHi)) {
          costs.candidate(costHi[row + best], costLo[row + best], best, j);
          bestHi = costs.hi;
          bestLo = costs.lo;
        }
        costs.candidate(costHi[row + i], costLo[row + i], i, j);
        if (costs.hi - bestHi + (costs.lo - bestLo) < -costs.tie) {
          best = i;
          bestApprox = approx;
          bestHi = costs.hi;
          bestLo = costs.lo;
        }
      }
    }
    if (Number.isNaN(bestHi)) {
      costs.candidate(costHi[row + best], costLo[row + best], best, j);
      bestHi = costs.hi;
      bestLo = costs.lo;
    }
    costHi[c * m + j] = bestHi;
    costLo[c * m + j] = bestLo;
    this.start[c * m + j] = best;
    return best;
  }
}

/**
 * Within-class sums of squares `SS(i…j) = Q - S²/W` of distinct values i…j from prefix sums
 * over the sorted values of W (count), S (Σ y) and Q (Σ y²), where `y = (x - median)·2^-e`
 * is exact in double-double (the shift by Knuth's two-sum, the scale a power of two chosen so
 * that |y| ≤ 2 and squares neither overflow nor underflow).
 */
class ClassCosts {
  readonly m: number;
  readonly count: Float64Array;
  readonly sumHi: Float64Array;
  readonly sumLo: Float64Array;
  readonly squareHi: Float64Array;
  readonly squareLo: Float64Array;
  /** Bound on the error of the difference of two candidate costs computed by `approx`. */
  readonly band: number;
  /** Candidate costs from `exact` closer than this are equal. */
  readonly tie: number;
  /** Result of the last `exact`, `candidate` or `sum`. */
  hi = 0;
  lo = 0;

  constructor(sorted: Float64Array, firstOf: Int32Array) {
    const m = firstOf.length - 1;
    const n = sorted.length;
    const median = sorted[n >>> 1];
    let largest = 0;
    for (let i = 0; i < n; ++i) largest = Math.max(largest, Math.abs(sorted[i] - median));
    const scale = 2 ** -Math.max(Math.ceil(Math.log2(largest)), -1000);

    this.m = m;
    this.count = new Float64Array(m + 1);
    this.sumHi = new Float64Array(m + 1);
    this.sumLo = new Float64Array(m + 1);
    this.squareHi = new Float64Array(m + 1);
    this.squareLo = new Float64Array(m + 1);
    let sHi = 0;
    let sLo = 0;
    let qHi = 0;
    let qLo = 0;
    let absolute = 0;
    let t = 0;
    for (let i = 0; i <= n; ++i) {
      if (i === firstOf[t]) {
        this.count[t] = i;
        this.sumHi[t] = sHi;
        this.sumLo[t] = sLo;
        this.squareHi[t] = qHi;
        this.squareLo[t] = qLo;
        ++t;
      }
      if (i === n) break;

      // y = yHi + yLo exactly; y² = pHi + pLo to about 2^-104.
      const x = sorted[i];
      const d = x - median;
      const v = d - x;
      const yHi = d * scale;
      const yLo = (x - (d - v) + (-median - v)) * scale;
      absolute += Math.abs(yHi);
      this.sum(sHi, yHi, sLo + yLo);
      sHi = this.hi;
      sLo = this.lo;
      const p = yHi * yHi;
      this.sum(qHi, p, qLo + productError(yHi, yHi, p) + 2 * yHi * yLo);
      qHi = this.hi;
      qLo = this.lo;
    }

    // approx(i, j) is within 8u·Q + 6u·max|y|·Σ|y| of the exact cost (u = 2^-53): the prefix
    // sums are each rounded once, then a difference, a square, a quotient, a difference and
    // the sum with the previous layer's cost. Twice that bounds a difference of two candidates.
    // Twice that again for margin. The double-double costs are within about n·2^-104 of it.
    const reach = qHi + largest * scale * absolute;
    this.band = 32 * EPSILON * reach;
    this.tie = 2 ** -72 * reach;
  }

  /** SS(i…j) in double precision from the high parts of the prefix sums. */
  approx(i: number, j: number): number {
    const w = this.count[j + 1] - this.count[i];
    const s = this.sumHi[j + 1] - this.sumHi[i];
    return this.squareHi[j + 1] - this.squareHi[i] - (s * s) / w;
  }

  /** SS(i…j) in double-double precision, left in `hi + lo`. */
  exact(i: number, j: number): void {
    const w = this.count[j + 1] - this.count[i];
    this.sum(this.sumHi[j + 1], -this.sumHi[i], this.sumLo[j + 1] - this.sumLo[i]);
    const sHi = this.hi;
    const sLo = this.lo;
    this.sum(this.squareHi[j + 1], -this.squareHi[i], this.squareLo[j + 1] - this.squareLo[i]);
    const qHi = this.hi;
    const qLo = this.lo;

    // S² = p + e; S²/W = h + l, where p + e - h·W is exact to about 2^-104.
    const p = sHi * sHi;
    const e = productError(sHi, sHi, p) + 2 * sHi * sLo;
    const h = p / w;
    const t = h * w;
    const l = (p - t - productError(h, w, t) + e) / w;
    this.sum(qHi, -h, qLo - l);
  }

  /** `previous + SS(i…j)` in double-double precision, left in `hi + lo`. */
  candidate(previousHi: number, previousLo: number, i: number, j: number): void {
    this.exact(i, j);
    this.sum(previousHi, this.hi, previousLo + this.lo);
  }

  /** `a + b + c` renormalised into `hi + lo`: Knuth's two-sum of a and b, c added to its error. */
  sum(a: number, b: number, c: number): void {
    const s = a + b;
    const v = s - a;
    const e = a - (s - v) + (b - v) + c;
    this.hi = s + e;
    this.lo = e - (this.hi - s);
  }
}

/** `a·b - p` exactly, for `p = a·b` rounded: Dekker's (1971) product by halves. */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}
