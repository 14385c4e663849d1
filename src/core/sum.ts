// Exactly rounded floating-point summation.
//
// Every long sum in the numeric core goes through this module, so that a result does not depend
// on the order of the rows and matches an independent exact computation to the last bit or two.

/**
 * A running sum whose value is the float64 nearest to the exact sum of everything added.
 *
 * Definition: keeps the exact sum as a list of non-overlapping partials (error-free
 * transformation `hi + lo = x + y`), and rounds them once, half to even, when read.
 * Reference: Shewchuk (1997), "Adaptive precision floating-point arithmetic and fast robust
 * geometric predicates", Discrete Comput. Geom. 18; the same algorithm as Python's `math.fsum`.
 *
 * Degenerate input: an empty sum is 0. A non-finite addend makes the value the ordinary float sum
 * of the non-finite addends (NaN, or ±Infinity); a sum of finite addends that overflows is not
 * detected and reads as NaN or ±Infinity.
 *
 * Example: adding 0.1 ten times reads 1 (plain `+=` gives 0.9999999999999999).
 *
 * The accumulator is meant to be created once and `reset()` inside loops: `add` allocates
 * nothing once the partial list has reached its working size (usually two or three entries).
 */
export class ExactSum {
  #partials: number[] = [];
  #count = 0;
  #special = 0;

  /** Adds `x` exactly; returns the accumulator for chaining. */
  add(x: number): this {
    if (!Number.isFinite(x)) {
      this.#special += x;
      return this;
    }
    const partials = this.#partials;
    let kept = 0;
    for (let i = 0; i < this.#count; ++i) {
      let y = partials[i];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[kept++] = lo;
      x = hi;
    }
    partials[kept] = x;
    this.#count = kept + 1;
    return this;
  }

  /** The float64 nearest to the exact sum (ties to even). */
  value(): number {
    if (this.#special !== 0) return this.#special;
    const p = this.#partials;
    let n = this.#count;
    if (n === 0) return 0;

    // Add the partials from the largest down until the addition stops being exact.
    let hi = p[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }

    // Round half to even correctly when the remainder sits exactly half-way and the partials
    // below it push it past the half.
    if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }

  /** Empties the accumulator so that it can be reused without allocating. */
  reset(): this {
    this.#count = 0;
    this.#special = 0;
    return this;
  }
}

/**
 * Exactly rounded sum `Σ x_i`.
 *
 * Definition and reference: see {@link ExactSum} (Shewchuk 1997; Python's `math.fsum`).
 * Degenerate input: the sum of no values is 0; NaN or ±Infinity among the values propagate.
 * Example: `fsum([1e16, 1, -1e16])` is 1 (the plain loop gives 0).
 */
export function fsum(values: ArrayLike<number>): number {
  const acc = new ExactSum();
  for (let i = 0; i < values.length; ++i) acc.add(values[i]);
  return acc.value();
}

/**
 * Arithmetic mean `μ = (1/n) Σ x_i` with an exactly rounded sum.
 *
 * Degenerate input: the mean of no values is NaN (callers check for empty input where it
 * enters). Example: `fmean([1, 2, 4])` is 2.3333333333333335.
 */
export function fmean(values: ArrayLike<number>): number {
  return fsum(values) / values.length;
}
