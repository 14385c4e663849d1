// Float comparison for the reference vectors: |actual - expected| <= abs + rel·|expected|.

/** A tolerance as stated by each vector file. */
export interface Tolerance {
  rel: number;
  abs: number;
}

/** The tolerance of the reference vectors: relative 1e-12, absolute 1e-14. */
export const REFERENCE: Tolerance = { rel: 1e-12, abs: 1e-14 };

/** True when `|actual - expected| <= abs + rel·|expected|`; NaN is close to nothing. */
export function isClose(actual: number, expected: number, tol: Tolerance): boolean {
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= tol.abs + tol.rel * Math.abs(expected);
}

/** Throws, printing both values, unless `actual` is close to `expected`. */
export function expectClose(actual: number, expected: number, tol: Tolerance, label: string): void {
  if (typeof actual !== "number" || !isClose(actual, expected, tol)) {
    const diff = typeof actual === "number" ? Math.abs(actual - expected) : NaN;
    throw new Error(
      `${label}: got ${String(actual)}, expected ${expected} ` +
        `(|diff| ${diff} > ${tol.abs} + ${tol.rel}·|expected|)`,
    );
  }
}

/** Element-wise {@link expectClose}, after checking the lengths. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: Tolerance,
  label: string,
): void {
  if (actual.length !== expected.length) {
    throw new Error(`${label}: got ${actual.length} values, expected ${expected.length}`);
  }
  for (let i = 0; i < expected.length; ++i) {
    expectClose(actual[i], expected[i], tol, `${label}[${i}]`);
  }
}

/**
 * Compares a result with an expected JSON layout: numbers within `tol`, strings, booleans and
 * null exactly, arrays element-wise (typed arrays accepted), objects with the same set of keys.
 * Keys listed in `ignore` are skipped on the expected side.
 */
export function expectLayout(
  actual: unknown,
  expected: unknown,
  tol: Tolerance,
  label: string,
  ignore: readonly string[] = [],
): void {
  if (typeof expected === "number") {
    expectClose(actual as number, expected, tol, label);
  } else if (expected === null || typeof expected !== "object") {
    if (actual !== expected) {
      throw new Error(`${label}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    }
  } else if (Array.isArray(expected)) {
    const list = actual as ArrayLike<unknown>;
    if (list === null || typeof list !== "object" || list.length !== expected.length) {
      throw new Error(`${label}: got ${JSON.stringify(actual)}, expected ${expected.length} items`);
    }
    for (let i = 0; i < expected.length; ++i) {
      expectLayout(list[i], expected[i], tol, `${label}[${i}]`, ignore);
    }
  } else {
    if (actual === null || typeof actual !== "object") {
      throw new Error(`${label}: got ${JSON.stringify(actual)}, expected an object`);
    }
    const record = actual as Record<string, unknown>;
    const wanted = Object.keys(expected).filter((key) => !ignore.includes(key)).sort();
    const got = Object.keys(record).sort();
    if (wanted.join() !== got.join()) {
      throw new Error(`${label}: keys ${got.join(", ")}, expected ${wanted.join(", ")}`);
    }
    const reference = expected as Record<string, unknown>;
    for (const key of wanted) {
      expectLayout(record[key], reference[key], tol, `${label}.${key}`, ignore);
    }
  }
}

/** The float64 nearest to an exact fraction "p/q" (p and q exact integers in float64). */
export function fraction(text: string): number {
  const [p, q] = text.split("/");
  return q === undefined ? Number(p) : Number(p) / Number(q);
}
