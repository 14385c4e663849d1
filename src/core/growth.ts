// Growth rates of a yearly series.

import { MethodError } from "./errors.ts";
import { fsum } from "./sum.ts";

/** Growth of a series, in the layout of the reference vectors. */
export interface GrowthResult {
  /** Year-on-year rates `x_t / x_{t-1} - 1`, T - 1 of them. */
  yoy: number[];
  /** `x_T / x_1 - 1`. */
  total: number;
  /** Compound average annual growth `(x_T / x_1)^(1/(T-1)) - 1`. */
  cagr: number;
  /** Arithmetic mean of the year-on-year rates (a different number from cagr). */
  mean_yoy: number;
}

/** The average annual growth rates a study can report; "cagr" is the default. */
export type AverageGrowth = "cagr" | "mean_yoy";

/**
 * Growth rates of a series of consecutive yearly values.
 *
 * Definition: `yoy_t = x_t / x_{t-1} - 1`; `total = x_T / x_1 - 1`;
 * `cagr = (x_T / x_1)^(1/(T-1)) - 1` (2012 to 2021: T = 10, exponent 1/9);
 * `mean_yoy = (1/(T-1)) Σ_t yoy_t`. The series is taken as one value per consecutive year.
 * Reference: standard compound annual growth rate; e.g. OECD Glossary of Statistical Terms.
 *
 * Throws MethodError on fewer than two values, a value that is negative or not finite, and a
 * value that is 0 where it divides (every value but the last): the message names the position
 * and the value. The last value may be 0 (a fall of 100%).
 *
 * Example: `growth([100, 110, 121])` is `{ yoy: [0.1, 0.1], total: 0.21, cagr: 0.1,
 * mean_yoy: 0.1 }` (up to rounding).
 */
export function growth(series: ArrayLike<number>): GrowthResult {
  const method = "growth";
  const T = series.length;
  if (!(T >= 2)) {
    throw new MethodError(`${method}: needs at least two years, got ${T}`, { method, value: T });
  }
  for (let t = 0; t < T; ++t) {
    const x = series[t];
    const base = t < T - 1;
    if (!(base ? x > 0 : x >= 0) || x === Infinity) {
      const need = base ? "a finite number > 0 (it divides a later year)" : "a finite number >= 0";
      throw new MethodError(`${method}: year ${t} must be ${need}, got ${x}`, {
        method,
        year: t,
        value: x,
      });
    }
  }

  // x_t / x_{t-1} - 1 written as (x_t - x_{t-1}) / x_{t-1}, and the root through
  // log1p/expm1: the difference is exact for neighbouring values, so small rates keep their digits.
  const yoy: number[] = [];
  for (let t = 1; t < T; ++t) yoy.push((series[t] - series[t - 1]) / series[t - 1]);
  const total = (series[T - 1] - series[0]) / series[0];
  return {
    yoy,
    total,
    cagr: Math.expm1(Math.log1p(total) / (T - 1)),
    mean_yoy: fsum(yoy) / (T - 1),
  };
}

/**
 * Average annual growth by the chosen rule: "cagr" (default) or "mean_yoy" (see
 * {@link growth}). Throws as {@link growth} does.
 * Example: `averageGrowth([2, 3, 2.5, 5])` is 0.35721; with "mean_yoy" it is 0.44444.
 */
export function averageGrowth(series: ArrayLike<number>, rule: AverageGrowth = "cagr"): number {
  if (rule !== "cagr" && rule !== "mean_yoy") {
    const message = `growth: the average rule must be "cagr" or "mean_yoy", got ${String(rule)}`;
    throw new MethodError(message, {
      method: "growth",
      value: rule,
    });
  }
  const result = growth(series);
  return rule === "cagr" ? result.cagr : result.mean_yoy;
}
