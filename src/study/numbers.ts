/**
 * Strict parsing of numbers written in data files. A cell is either empty (missing) or a plain
 * decimal number; anything else is reported with the reason, so that "1,234", "12%", "—" or
 * full-width digits are never guessed at.
 */

const plainNumber = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export type ParsedCell = { ok: true; value: number | null } | { ok: false; reason: string };

export function parseCell(text: string): ParsedCell {
  const s = text.trim();
  if (s === "") return { ok: true, value: null };
  if (plainNumber.test(s)) return { ok: true, value: Number(s) };
  return { ok: false, reason: whyNotANumber(s) };
}

function whyNotANumber(s: string): string {
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
    return "is not a number: remove the thousands separators";
  }
  if (/%$/.test(s)) return "is not a number: write percentages without the % sign";
  if (/[\uFF10-\uFF19\uFF0E]/.test(s)) return "is not a number: it uses full-width digits";
  if (/^(—|–|-|\.\.|…|NA|N\/A|n\/a|null|NaN)$/.test(s)) {
    return "is not a number: leave the cell empty for a missing value";
  }
  return "is not a number";
}
