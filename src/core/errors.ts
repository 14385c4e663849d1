// The one error type of the numeric core.

/** Where a method failed, in indices the caller can map back to names. */
export interface MethodErrorDetail {
  /** Method that failed: "entropy", "topsis", "gini", "dagum", "theil", "kde", "jenks", … */
  method: string;
  /** Indicator (column) index, when one indicator is at fault. */
  indicator?: number;
  /** Row or observation index, when one unit is at fault. */
  unit?: number;
  /** Group index (a year, for per-year scopes), when one group is at fault. */
  year?: number;
  /** The offending value, as given. */
  value?: unknown;
}

/**
 * A method cannot produce a defined result for its input: empty or too short input, a missing
 * value, a constant indicator, a negative value where only non-negative ones make sense, …
 *
 * The message is a lowercase sentence that names what failed and the offending value, written
 * with indices (`indicator 3`, `row 17`); the structured fields carry the same indices so that a
 * caller can rewrite the message with indicator, province and year names.
 *
 * Example: `new MethodError("entropy: indicator 2 is constant (every value is 5)",
 * { method: "entropy", indicator: 2, value: 5 })`.
 */
export class MethodError extends Error {
  readonly method: string;
  readonly indicator: number | undefined;
  readonly unit: number | undefined;
  readonly year: number | undefined;
  readonly value: unknown;

  constructor(message: string, detail: MethodErrorDetail) {
    super(message);
    this.name = "MethodError";
    this.method = detail.method;
    this.indicator = detail.indicator;
    this.unit = detail.unit;
    this.year = detail.year;
    this.value = detail.value;
  }
}
