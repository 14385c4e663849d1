/**
 * Building the tidy long panel `province_code,year,series,value`.
 *
 * Values are kept exactly: a number read from a spreadsheet cell is written as the shortest
 * decimal that reads back as the same double (what the cell stores), and a number read as
 * text must be a plain decimal whose digits survive that round trip unchanged apart from
 * trailing zeros ("885248.0" -> "885248", "7469.10" -> "7469.1"); a text with more digits
 * than a double holds is refused rather than silently rounded.
 *
 * Every observation carries the place it came from. A second observation for the same
 * (series, province, year) with the same value is collapsed and counted; with a different
 * value it is a DuplicateValueError naming both places.
 */

export interface Origin {
  /** Raw file, relative to the raw data folder. */
  file: string;
  /** Row, line or cell reference inside the file. */
  at: string;
}

export class DuplicateValueError extends Error {
  constructor(series: string, code: string, year: number, a: { value: string; origin: Origin }, b: { value: string; origin: Origin }) {
    super(
      `conflicting values for ${series} ${code} ${year}: ${a.value} from ${a.origin.file} (${a.origin.at}) ` +
        `vs ${b.value} from ${b.origin.file} (${b.origin.at})`,
    );
    this.name = "DuplicateValueError";
  }
}

const plainDecimal = /^-?\d+(\.\d+)?$/;

function stripTrailingZeros(s: string): string {
  if (!s.includes(".")) return s;
  return s.replace(/0+$/, "").replace(/\.$/, "");
}

function noLeadingZeros(s: string): string {
  const neg = s.startsWith("-");
  const body = (neg ? s.slice(1) : s).replace(/^0+(?=\d)/, "");
  return (neg ? "-" : "") + body;
}

/** Canonical text of a value read from a raw file; throws (with `where`) when it is not exact. */
export function exactNumber(raw: string | number, where: string): string {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw new Error(`${where}: value ${raw} is not finite`);
    const out = Object.is(raw, -0) ? "0" : String(raw);
    if (/e/i.test(out)) throw new Error(`${where}: value ${out} needs an exponent; refusing to write it`);
    return out;
  }
  const s = raw.trim();
  if (!plainDecimal.test(s)) throw new Error(`${where}: "${raw}" is not a plain decimal number`);
  const n = Number(s);
  const out = Object.is(n, -0) ? "0" : String(n);
  if (/e/i.test(out)) throw new Error(`${where}: value ${s} needs an exponent; refusing to write it`);
  const expected = noLeadingZeros(stripTrailingZeros(s));
  if (out !== expected && !(expected === "-0" && out === "0")) {
    throw new Error(`${where}: "${s}" has more digits than a double holds (reads back as ${out})`);
  }
  return out;
}

interface Cell {
  value: string;
  origin: Origin;
}

export interface PanelRow {
  province_code: string;
  year: number;
  series: string;
  value: string;
}

export class PanelBuilder {
  private cells = new Map<string, Cell>();
  /** Identical duplicates collapsed, per series. */
  readonly collapsed = new Map<string, number>();

  add(series: string, code: string, year: number, value: string, origin: Origin): void {
    const key = `${series}\u0000${code}\u0000${year}`;
    const prev = this.cells.get(key);
    if (prev === undefined) {
      this.cells.set(key, { value, origin });
      return;
    }
    if (Number(prev.value) !== Number(value)) {
      throw new DuplicateValueError(series, code, year, prev, { value, origin });
    }
    this.collapsed.set(series, (this.collapsed.get(series) ?? 0) + 1);
  }

  /** Rows sorted by series, province_code, year. */
  rows(): PanelRow[] {
    const out: PanelRow[] = [];
    for (const [key, cell] of this.cells) {
      const [series, code, year] = key.split("\u0000");
      out.push({ series, province_code: code, year: Number(year), value: cell.value });
    }
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    out.sort((a, b) => cmp(a.series, b.series) || cmp(a.province_code, b.province_code) || a.year - b.year);
    return out;
  }
}
