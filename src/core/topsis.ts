// TOPSIS: closeness to the ideal solution.

import { checkColumns, checkGroups, checkIndicators, checkWeights } from "./check.ts";
import { MethodError } from "./errors.ts";
import { type Direction, checkDirections } from "./standardise.ts";
import { ExactSum } from "./sum.ts";

export interface TopsisOptions {
  /**
   * "weighted" (default): `v = w z`, `D± = sqrt(Σ_j (v_ij - V±_j)²)`.
   * "inside": `D± = sqrt(Σ_j w_j (z_ij - z±_j)²)`.
   */
  distance?: "weighted" | "inside";
  /** "panel" (default): ideal points over all rows; "year": within each group of `groups`. */
  idealScope?: "panel" | "year";
  /** Group index per row (integers 0…G-1, e.g. the year); needed by idealScope "year" and by
   * one weight vector per group. */
  groups?: ArrayLike<number>;
  /** Indicators to use (a dimension's sub-index); all by default. */
  indicators?: readonly number[];
}

export interface TopsisResult {
  /** Distance to the positive ideal point, per row. */
  dPlus: Float64Array;
  /** Distance to the negative ideal point, per row. */
  dMinus: Float64Array;
  /** Closeness `C = D- / (D+ + D-)`, per row, in [0, 1]. */
  closeness: Float64Array;
}

/**
 * TOPSIS closeness of each row to the ideal point, on standardised benefit-oriented values.
 *
 * Definition: weighted matrix `v_ij = w_j z_ij`; ideal points `V+_j = max_i v_ij`,
 * `V-_j = min_i v_ij` over all rows (panel) or within the row's group (year); distances
 * `D±_i = sqrt(Σ_j (v_ij - V±_j)²)` ("weighted") or `D±_i = sqrt(Σ_j w_j (z_ij - z±_j)²)` with
 * `z±` the column max/min ("inside"); closeness `C_i = D-_i / (D+_i + D-_i)`.
 * Reference: Hwang & Yoon (1981), Multiple Attribute Decision Making, Springer, ch. 3.
 *
 * Input: `z[j][i]` = standardised indicator j of row i, larger is better (the entropy step's
 * z). `weights`: one vector (length m), or one vector per group of `groups` (e.g. per-year
 * entropy weights). An indicator whose weight is 0 contributes nothing and its z is not read.
 *
 * Sub-index: with `indicators` set to a dimension's indicators and the global weights, the
 * result is the dimension's TOPSIS sub-index. Multiplying every weight by one constant scales
 * D+ and D- alike, so C is the same as with the subset's weights renormalised to sum 1.
 * C does not depend on the shift `a` of the standardisation for fixed weights (the shift cancels
 * in every difference).
 *
 * Throws MethodError when there is no indicator or row, a used z value is not finite (naming
 * indicator and row), a weight is negative or not finite, the groups are missing or malformed,
 * or a row has D+ + D- = 0, i.e. it is both ideal points at once (every used indicator is
 * constant in its scope, e.g. a single row), so C is undefined (naming the row).
 *
 * Example: z = `[[1, 0.75, 0], [0, 0.5, 1]]`, weights [0.5, 0.5]: D+ = [0.5, 0.27951, 0.5],
 * D- = [0.5, 0.45069, 0.5], C = [0.5, 0.61722, 0.5].
 */
export function topsis(
  z: readonly ArrayLike<number>[],
  weights: ArrayLike<number> | readonly ArrayLike<number>[],
  options: TopsisOptions = {},
): TopsisResult {
  const method = "topsis";
  const m = z.length;
  if (!(m > 0)) throw new MethodError(`${method}: no indicators were given`, { method });
  const n = z[0].length;
  if (!(n > 0)) throw new MethodError(`${method}: no rows were given`, { method });
  const used = checkIndicators(options.indicators, m, method);
  const distance = options.distance ?? "weighted";
  const idealScope = options.idealScope ?? "panel";
  if (distance !== "weighted" && distance !== "inside") {
    const message = `${method}: distance must be "weighted" or "inside", got ${String(distance)}`;
    throw new MethodError(message, { method, value: distance });
  }
  if (idealScope !== "panel" && idealScope !== "year") {
    const message = `${method}: ideal scope must be "panel" or "year", got ${String(idealScope)}`;
    throw new MethodError(message, { method, value: idealScope });
  }

  const perGroup = isWeightList(weights);
  const groups = options.groups;
  if ((idealScope === "year" || perGroup) && groups === undefined) {
    const message = `${method}: an ideal point or weights per group need a group index per row`;
    throw new MethodError(message, {
      method,
    });
  }
  const groupCount = groups === undefined ? 1 : checkGroups(groups, n, method, 1).count;
  const weightList: readonly ArrayLike<number>[] = perGroup ? weights : [weights];
  if (perGroup && weightList.length !== groupCount) {
    const message = `${method}: ${weightList.length} weight vectors for ${groupCount} groups`;
    throw new MethodError(message, {
      method,
      value: weightList.length,
    });
  }
  for (let g = 0; g < weightList.length; ++g) {
    checkWeights(weightList[g], m, method, perGroup ? g : undefined);
  }
  const weightOf = (i: number): ArrayLike<number> =>
    perGroup ? weightList[groups![i]] : weightList[0];
  const scopeOf = (i: number): number => (idealScope === "year" ? groups![i] : 0);

  // Ideal points per scope, on v (weighted) or on z (inside), reading z only where w > 0.
  const weighted = distance === "weighted";
  const scopes = idealScope === "year" ? groupCount : 1;
  const plus = new Float64Array(scopes * m).fill(-Infinity);
  const minus = new Float64Array(scopes * m).fill(Infinity);
  for (let u = 0; u < used.length; ++u) {
    const j = used[u];
    const zj = z[j];
    if (zj.length !== n) {
      throw new MethodError(`${method}: indicator ${j} has ${zj.length} rows, expected ${n}`, {
        method,
        indicator: j,
        value: zj.length,
      });
    }
    for (let i = 0; i < n; ++i) {
      const w = weightOf(i)[j];
      if (w === 0 && !weighted) continue;
      const zij = zj[i];
      if (w !== 0 && !Number.isFinite(zij)) {
        throw new MethodError(`${method}: indicator ${j} row ${i} is not a finite number: ${zij}`, {
          method,
          indicator: j,
          unit: i,
          value: zij,
        });
      }
      const x = weighted ? (w === 0 ? 0 : w * zij) : zij;
      const k = scopeOf(i) * m + j;
      if (x > plus[k]) plus[k] = x;
      if (x < minus[k]) minus[k] = x;
    }
  }

  const dPlus = new Float64Array(n);
  const dMinus = new Float64Array(n);
  const closeness = new Float64Array(n);
  const sumPlus = new ExactSum();
  const sumMinus = new ExactSum();
  for (let i = 0; i < n; ++i) {
    const w = weightOf(i);
    const base = scopeOf(i) * m;
    sumPlus.reset();
    sumMinus.reset();
    for (let u = 0; u < used.length; ++u) {
      const j = used[u];
      if (weighted) {
        const v = w[j] === 0 ? 0 : w[j] * z[j][i];
        const a = v - plus[base + j];
        const b = v - minus[base + j];
        sumPlus.add(a * a);
        sumMinus.add(b * b);
      } else if (w[j] > 0) {
        const a = z[j][i] - plus[base + j];
        const b = z[j][i] - minus[base + j];
        sumPlus.add(w[j] * a * a);
        sumMinus.add(w[j] * b * b);
      }
    }
    dPlus[i] = Math.sqrt(sumPlus.value());
    dMinus[i] = Math.sqrt(sumMinus.value());
    const total = dPlus[i] + dMinus[i];
    if (!(total > 0)) {
      throw new MethodError(
        `${method}: row ${i} is both the positive and the negative ideal point (every used ` +
          `indicator is constant in its scope), so its closeness is undefined`,
        { method, unit: i, year: groups === undefined ? undefined : groups[i], value: total },
      );
    }
    closeness[i] = dMinus[i] / total;
  }
  return { dPlus, dMinus, closeness };
}

function isWeightList(
  weights: ArrayLike<number> | readonly ArrayLike<number>[],
): weights is readonly ArrayLike<number>[] {
  return weights.length > 0 && typeof weights[0] === "object" && weights[0] !== null;
}

/** Result of {@link topsisVector}: every intermediate of the classical method. */
export interface VectorTopsisResult {
  /** Vector-normalised values `r_ij = x_ij / sqrt(Σ_i x_ij²)`, one Float64Array per indicator. */
  r: Float64Array[];
  /** Weighted values `v_ij = w_j r_ij`, one Float64Array per indicator. */
  v: Float64Array[];
  /** Positive ideal per indicator: max of v for a benefit, min for a cost indicator. */
  vPlus: Float64Array;
  /** Negative ideal per indicator: min of v for a benefit, max for a cost indicator. */
  vMinus: Float64Array;
  dPlus: Float64Array;
  dMinus: Float64Array;
  closeness: Float64Array;
}

/**
 * Classical TOPSIS on raw data with vector normalisation.
 *
 * Definition: `r_ij = x_ij / sqrt(Σ_i x_ij²)`; `v_ij = w_j r_ij`; for a benefit indicator
 * (direction +1) `V+_j = max_i v_ij`, `V-_j = min_i v_ij`, for a cost indicator (-1) the
 * reverse; `D±_i = sqrt(Σ_j (v_ij - V±_j)²)`; `C_i = D-_i / (D+_i + D-_i)`.
 * Reference: Hwang & Yoon (1981), Multiple Attribute Decision Making, Springer, ch. 3.
 *
 * Throws MethodError when there is no indicator or row, a value is not finite (naming indicator
 * and row), an indicator is all zeros (its norm is 0), a weight is negative or not finite, a
 * direction is not ±1, or a row is both ideal points (C undefined; naming the row).
 *
 * Example: x = `[[1, 2, 5], [3000, 3750, 4500]]`, weights [0.5, 0.5], directions [-1, 1]:
 * C ≈ [0.76214, 0.72218, 0.23786].
 */
export function topsisVector(
  columns: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  directions: readonly Direction[],
): VectorTopsisResult {
  const method = "topsis";
  const n = checkColumns(columns, method, 1);
  const m = columns.length;
  checkWeights(weights, m, method);
  checkDirections(directions, m, method);

  const r: Float64Array[] = [];
  const v: Float64Array[] = [];
  const vPlus = new Float64Array(m);
  const vMinus = new Float64Array(m);
  const acc = new ExactSum();
  for (let j = 0; j < m; ++j) {
    const x = columns[j];
    acc.reset();
    for (let i = 0; i < n; ++i) acc.add(x[i] * x[i]);
    const norm = Math.sqrt(acc.value());
    if (!(norm > 0)) {
      throw new MethodError(`${method}: indicator ${j} is all zeros, so it cannot be normalised`, {
        method,
        indicator: j,
        value: 0,
      });
    }
    const rj = new Float64Array(n);
    const vj = new Float64Array(n);
    let hi = -Infinity;
    let lo = Infinity;
    for (let i = 0; i < n; ++i) {
      rj[i] = x[i] / norm;
      vj[i] = weights[j] * rj[i];
      if (vj[i] > hi) hi = vj[i];
      if (vj[i] < lo) lo = vj[i];
    }
    vPlus[j] = directions[j] === 1 ? hi : lo;
    vMinus[j] = directions[j] === 1 ? lo : hi;
    r.push(rj);
    v.push(vj);
  }

  const dPlus = new Float64Array(n);
  const dMinus = new Float64Array(n);
  const closeness = new Float64Array(n);
  const sumMinus = new ExactSum();
  for (let i = 0; i < n; ++i) {
    acc.reset();
    sumMinus.reset();
    for (let j = 0; j < m; ++j) {
      const a = v[j][i] - vPlus[j];
      const b = v[j][i] - vMinus[j];
      acc.add(a * a);
      sumMinus.add(b * b);
    }
    dPlus[i] = Math.sqrt(acc.value());
    dMinus[i] = Math.sqrt(sumMinus.value());
    const total = dPlus[i] + dMinus[i];
    if (!(total > 0)) {
      const message = `${method}: row ${i} is both ideal points, so its closeness is undefined`;
      throw new MethodError(message, {
        method,
        unit: i,
        value: total,
      });
    }
    closeness[i] = dMinus[i] / total;
  }
  return { r, v, vPlus, vMinus, dPlus, dMinus, closeness };
}
