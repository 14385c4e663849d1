/**
 * Strict parsing of numbers written in data files. A cell is either empty (missing) or a plain
 * decimal number; anything else is reported with the reason, so that "1,234", "12%", "—" or
 * full-width digits are never guessed at.
 */

const plainNumber = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export type ParsedCell = { ok: true; value: number | null } | { ok: false; reason: string };

/**
 * A cell's number. `markers` are the texts a file uses for a missing value (such as "—" or
 * ".."), declared in the study file; without them those texts are errors.
 */
export function parseCell(text: string, markers: readonly string[] = []): ParsedCell {
  const s = text.trim();
  if (s === "" || markers.includes(s)) return { ok: true, value: null };
  if (plainNumber.test(s)) return { ok: true, value: Number(s) };
  return { ok: false, reason: whyNotANumber(s) };
}

function whyNotANumber(s: string): string {
  if (/^[-+]?\d{1,3}([, \u00a0\u202f]\d{3})+(\.\d+)?$/.test(s)) {
    return "is not a number: remove the thousands separators";
  }
  if (/%$/.test(s)) return "is not a number: write percentages without the % sign";
  if (/[\uFF10-\uFF19\uFF0E]/.test(s)) return `is not a number: it uses full-width digits; write ${JSON.stringify(s.normalize("NFKC"))}`;
  if (/^(—|–|-|\.\.|…|NA|N\/A|n\/a|null|NaN)$/.test(s)) {
    return `is not a number: leave the cell empty for a missing value, or declare "${s}" in this file's "missingMarkers" in study.json`;
  }
  return "is not a number";
}

/**
 * A year as written in a data file: `2021`, `2021年`, or `2021.0` (a year stored as a number in
 * a worksheet). Anything else is not a year.
 */
export function parseYear(text: string): number | null {
  const m = text.trim().match(/^(\d{4})(年|\.0+)?$/);
  return m === null ? null : Number(m[1]);
}
