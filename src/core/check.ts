// Input checks shared by the methods. Each check is written so that NaN fails it, and each
// failure is a MethodError naming the index and the value.

import { MethodError } from "./errors.ts";

/**
 * Checks a matrix given as one column per indicator: at least one column, equal lengths, at
 * least `minRows` rows, every value finite. Returns the number of rows N.
 * Throws MethodError naming the indicator and row of the first bad value.
 */
export function checkColumns(
  columns: readonly ArrayLike<number>[],
  method: string,
  minRows: number,
): number {
  if (!(columns.length > 0)) {
    throw new MethodError(`${method}: no indicators were given`, { method });
  }
  const n = columns[0].length;
  for (let j = 0; j < columns.length; ++j) {
    const column = columns[j];
    if (column.length !== n) {
      throw new MethodError(
        `${method}: indicator ${j} has ${column.length} rows, expected ${n} like indicator 0`,
        { method, indicator: j, value: column.length },
      );
    }
    for (let i = 0; i < n; ++i) {
      const x = column[i];
      if (!Number.isFinite(x)) {
        throw new MethodError(`${method}: indicator ${j} row ${i} is not a finite number: ${x}`, {
          method,
          indicator: j,
          unit: i,
          value: x,
        });
      }
    }
  }
  if (!(n >= minRows)) {
    throw new MethodError(`${method}: needs at least ${minRows} rows, got ${n}`, {
      method,
      value: n,
    });
  }
  return n;
}

/**
 * Checks that every entry of a list is a finite number. Throws MethodError naming the entry
 * (`${what} ${i}`, e.g. "value 3" or "point 3") and its value.
 */
export function checkFinite(values: ArrayLike<number>, method: string, what = "value"): void {
  for (let i = 0; i < values.length; ++i) {
    if (!Number.isFinite(values[i])) {
      throw new MethodError(`${method}: ${what} ${i} is not a finite number: ${values[i]}`, {
        method,
        unit: i,
        value: values[i],
      });
    }
  }
}

/**
 * Checks a sample for measures of inequality: at least one value, every value finite and
 * non-negative. Throws MethodError naming the observation index and value.
 */
export function checkNonNegative(values: ArrayLike<number>, method: string): void {
  if (!(values.length > 0)) {
    throw new MethodError(`${method}: no values were given`, { method });
  }
  for (let i = 0; i < values.length; ++i) {
    const y = values[i];
    if (!(y >= 0) || y === Infinity) {
      throw new MethodError(
        `${method}: value ${i} must be a finite non-negative number, got ${y}`,
        { method, unit: i, value: y },
      );
    }
  }
}

/**
 * Checks a weight vector: `m` entries, each finite and non-negative, not all zero.
 * Throws MethodError naming the indicator (and the group, when `year` is given).
 */
export function checkWeights(
  weights: ArrayLike<number>,
  m: number,
  method: string,
  year?: number,
): void {
  const where = year === undefined ? "" : ` of group ${year}`;
  if (weights.length !== m) {
    const message = `${method}: the weights${where} have ${weights.length} entries, expected ${m}`;
    throw new MethodError(message, { method, year, value: weights.length });
  }
  let any = false;
  for (let j = 0; j < m; ++j) {
    const w = weights[j];
    if (!(w >= 0) || w === Infinity) {
      throw new MethodError(
        `${method}: weight${where} of indicator ${j} must be finite and non-negative, got ${w}`,
        { method, indicator: j, year, value: w },
      );
    }
    if (w > 0) any = true;
  }
  if (!any) {
    throw new MethodError(`${method}: every weight${where} is 0`, { method, year });
  }
}

/** Rows of each group: `count` groups numbered 0…count-1, `sizes[g]` rows in group g. */
export interface GroupIndex {
  count: number;
  sizes: Int32Array;
}

/**
 * Checks a group index per row (`groups[i]` = group of row i, e.g. a year index): length `n`,
 * integers 0…G-1, every group non-empty and with at least `minSize` rows.
 * Throws MethodError naming the row or group at fault.
 */
export function checkGroups(
  groups: ArrayLike<number>,
  n: number,
  method: string,
  minSize: number,
): GroupIndex {
  if (groups.length !== n) {
    const message = `${method}: the group index has ${groups.length} entries, expected ${n}`;
    throw new MethodError(message, {
      method,
      value: groups.length,
    });
  }
  let count = 0;
  for (let i = 0; i < n; ++i) {
    const g = groups[i];
    if (!(Number.isInteger(g) && g >= 0)) {
      throw new MethodError(`${method}: row ${i} has group ${g}, expected an integer >= 0`, {
        method,
        unit: i,
        value: g,
      });
    }
    if (g >= count) count = g + 1;
  }
  const sizes = new Int32Array(count);
  for (let i = 0; i < n; ++i) ++sizes[groups[i]];
  for (let g = 0; g < count; ++g) {
    if (!(sizes[g] >= minSize)) {
      throw new MethodError(
        `${method}: group ${g} has ${sizes[g]} rows, needs at least ${minSize}`,
        { method, year: g, value: sizes[g] },
      );
    }
  }
  return { count, sizes };
}

/** Labels turned into indices: `names` in order of first appearance, `index[i]` into names. */
export interface LabelIndex {
  names: string[];
  index: Int32Array;
  sizes: Int32Array;
}

/**
 * Numbers the distinct labels in order of first appearance. Throws MethodError when the
 * number of labels differs from the number of values `n`.
 */
export function indexLabels(labels: readonly string[], n: number, method: string): LabelIndex {
  if (labels.length !== n) {
    throw new MethodError(`${method}: ${labels.length} labels for ${n} values`, {
      method,
      value: labels.length,
    });
  }
  const position = new Map<string, number>();
  const names: string[] = [];
  const index = new Int32Array(n);
  for (let i = 0; i < n; ++i) {
    const label = String(labels[i]);
    let g = position.get(label);
    if (g === undefined) {
      g = names.length;
      position.set(label, g);
      names.push(label);
    }
    index[i] = g;
  }
  const sizes = new Int32Array(names.length);
  for (let i = 0; i < n; ++i) ++sizes[index[i]];
  return { names, index, sizes };
}

/**
 * The indicator subset to use: `indicators` checked (integers 0…m-1, no repeats), or all.
 * Throws MethodError naming a bad index.
 */
export function checkIndicators(
  indicators: readonly number[] | undefined,
  m: number,
  method: string,
): number[] {
  if (indicators === undefined) return Array.from({ length: m }, (_, j) => j);
  const seen = new Set<number>();
  for (const j of indicators) {
    if (!(Number.isInteger(j) && j >= 0 && j < m) || seen.has(j)) {
      throw new MethodError(`${method}: indicator index ${j} is not one of 0…${m - 1} or repeats`, {
        method,
        indicator: j,
        value: j,
      });
    }
    seen.add(j);
  }
  if (seen.size === 0) {
    throw new MethodError(`${method}: the indicator subset is empty`, { method });
  }
  return [...indicators];
}
