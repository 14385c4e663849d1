// Range (min-max) standardisation of indicators with a direction and a shift.

import { checkColumns, checkGroups } from "./check.ts";
import { MethodError } from "./errors.ts";

/** +1: larger is better (positive indicator); -1: smaller is better (negative, cost). */
export type Direction = 1 | -1;

export interface StandardiseOptions {
  /** Shift `a` added to every standardised value; default 0.0001. */
  shift?: number;
  /**
   * Group index per row (integers 0…G-1, e.g. the year). When given, min and max are taken
   * within each group ("per year"); otherwise over all rows stacked ("panel").
   */
  groups?: ArrayLike<number>;
  /**
   * When true, an indicator that is constant within a scope is dropped there (its `z` is NaN
   * and it is listed in `dropped`) instead of throwing.
   */
  dropConstant?: boolean;
}

export interface Standardised {
  /** One Float64Array per indicator, N rows, in the input row order. */
  z: Float64Array[];
  /** Indicators dropped as constant, per scope (one list for the panel, one per group). */
  dropped: number[][];
  /** Rows in each scope (one entry, N, for the panel; one per group). */
  sizes: Int32Array;
}

/** The default shift `a` of the product's convention. */
export const DEFAULT_SHIFT = 0.0001;

/**
 * Range standardisation.
 *
 * Definition: positive indicator `z = (x - min)/(max - min) + a`, negative indicator
 * `z = (max - x)/(max - min) + a`, with min and max over all rows stacked (panel), or within
 * each group when `groups` is given. Reference: the entropy-weight method as used in regional
 * composite-index studies (e.g. Zou, Yun & Sun 2006, J. Environ. Sci. 18(5)).
 *
 * Throws MethodError when there is no indicator or row, a direction is not ±1, the shift is not
 * a finite number ≥ 0, a value is not finite (naming indicator and row), or an indicator is
 * constant within a scope (max = min: no defined `z`; naming the indicator and the group) unless
 * `dropConstant` is set.
 *
 * Example: `rangeStandardise([[1, 2, 4], [10, 30, 20]], [1, -1], { shift: 0 }).z` is
 * `[[0, 1/3, 1], [1, 0, 0.5]]`.
 */
export function rangeStandardise(
  columns: readonly ArrayLike<number>[],
  directions: readonly Direction[],
  options: StandardiseOptions = {},
): Standardised {
  return standardiseFor("standardise", columns, directions, options, 1);
}

/**
 * {@link rangeStandardise} with errors attributed to `method` and at least `minRows` rows in
 * every scope (used by entropy weighting, which needs two).
 */
export function standardiseFor(
  method: string,
  columns: readonly ArrayLike<number>[],
  directions: readonly Direction[],
  options: StandardiseOptions,
  minRows: number,
): Standardised {
  const groups = options.groups;
  const n = checkColumns(columns, method, groups === undefined ? minRows : 1);
  const m = columns.length;
  checkDirections(directions, m, method);
  const a = options.shift ?? DEFAULT_SHIFT;
  if (!(a >= 0) || a === Infinity) {
    throw new MethodError(`${method}: the shift must be a finite number >= 0, got ${a}`, {
      method,
      value: a,
    });
  }

  const sizes =
    groups === undefined ? Int32Array.of(n) : checkGroups(groups, n, method, minRows).sizes;
  const scopes = sizes.length;
  const lo = new Float64Array(scopes);
  const hi = new Float64Array(scopes);
  const z: Float64Array[] = [];
  const dropped: number[][] = [];
  for (let g = 0; g < scopes; ++g) dropped.push([]);

  for (let j = 0; j < m; ++j) {
    const x = columns[j];
    lo.fill(Infinity);
    hi.fill(-Infinity);
    for (let i = 0; i < n; ++i) {
      const g = groups === undefined ? 0 : groups[i];
      if (x[i] < lo[g]) lo[g] = x[i];
      if (x[i] > hi[g]) hi[g] = x[i];
    }

    for (let g = 0; g < scopes; ++g) {
      if (hi[g] > lo[g]) continue;
      if (!options.dropConstant) {
        const where = groups === undefined ? "" : ` in group ${g}`;
        throw new MethodError(
          `${method}: indicator ${j} is constant${where} (every value is ${lo[g]}), so it has ` +
            `no weight; remove it or ask to drop constant indicators`,
          { method, indicator: j, year: groups === undefined ? undefined : g, value: lo[g] },
        );
      }
      dropped[g].push(j);
    }

    const zj = new Float64Array(n);
    const positive = directions[j] === 1;
    for (let i = 0; i < n; ++i) {
      const g = groups === undefined ? 0 : groups[i];
      const range = hi[g] - lo[g];
      if (!(range > 0)) zj[i] = NaN;
      else zj[i] = (positive ? x[i] - lo[g] : hi[g] - x[i]) / range + a;
    }
    z.push(zj);
  }
  return { z, dropped, sizes };
}

/** Throws MethodError unless there is one direction, +1 or -1, per indicator. */
export function checkDirections(directions: readonly number[], m: number, method: string): void {
  if (directions.length !== m) {
    throw new MethodError(`${method}: ${directions.length} directions for ${m} indicators`, {
      method,
      value: directions.length,
    });
  }
  for (let j = 0; j < m; ++j) {
    const s = directions[j];
    if (s !== 1 && s !== -1) {
      throw new MethodError(`${method}: direction of indicator ${j} must be 1 or -1, got ${s}`, {
        method,
        indicator: j,
        value: s,
      });
    }
  }
}
