import { expect } from "vitest";

export interface Tolerance {
  rel: number;
  abs: number;
}

/** The reference vectors' tolerance: relative 1e-12, absolute 1e-14. */
export const reference: Tolerance = { rel: 1e-12, abs: 1e-14 };

/** Asserts |actual - expected| <= abs + rel |expected| for numbers and arrays of numbers. */
export function expectClose(actual: unknown, expected: unknown, tol: Tolerance, where = "value"): void {
  if (Array.isArray(expected) || ArrayBuffer.isView(expected)) {
    const a = Array.from(actual as ArrayLike<number>);
    const e = Array.from(expected as ArrayLike<number>);
    expect(a.length, `${where}: length`).toBe(e.length);
    e.forEach((x, i) => expectClose(a[i], x, tol, `${where}[${i}]`));
    return;
  }
  const a = actual as number;
  const e = expected as number;
  const ok = Math.abs(a - e) <= tol.abs + tol.rel * Math.abs(e);
  if (!ok) expect.fail(`${where}: got ${a}, expected ${e} (difference ${a - e})`);
}
