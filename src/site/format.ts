/**
 * Number formats shared by the pages, the sentences and the tables. A value that is not defined
 * (null, NaN) is shown as "n/a" / "无", never as a number.
 */
import type { Lang } from "../i18n/lang.ts";

const undefinedText: Record<Lang, string> = { en: "n/a", zh: "无" };

const defined = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** A value with fixed decimals. */
export function num(v: number | null | undefined, digits = 3, lang: Lang = "en"): string {
  return defined(v) ? v.toFixed(digits) : undefinedText[lang];
}

/**
 * A measured value of any magnitude with at least four significant digits: 44350.7, 12.563,
 * 0.005425 (indicator values range from shares below 0.01 to sums in the tens of thousands).
 */
export function value(v: number | null | undefined, lang: Lang = "en"): string {
  if (!defined(v)) return undefinedText[lang];
  const a = Math.abs(v);
  if (a >= 1000) return v.toFixed(1);
  if (a >= 1 || a === 0) return v.toFixed(3);
  return v.toPrecision(4);
}

/** A rate as a percentage. */
export function pct(v: number | null | undefined, digits = 1, lang: Lang = "en"): string {
  return defined(v) ? `${(v * 100).toFixed(digits)}%` : undefinedText[lang];
}

/** A change of rank as an arrow and a count ("▲ 3", "▼ 2", "–"). */
export function rankChange(change: number): string {
  return change > 0 ? `▲ ${change}` : change < 0 ? `▼ ${-change}` : "–";
}

/** Orders by a value that may be null, largest first, nulls last. */
export const byDesc = <T>(key: (x: T) => number | null) => (a: T, b: T) => (key(b) ?? -Infinity) - (key(a) ?? -Infinity);

/** A list joined for a sentence: "a, b and c" / "a、b和c". */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  if (lang === "zh") return `${items.slice(0, -1).join("、")}和${items[items.length - 1]}`;
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Bytes as a readable size ("12.3 KB"). */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/**
 * An English possessive: "Beijing's", but "Northern lowlands'" for a name ending in s (a
 * plural, as region names often are); a name ending in ")" keeps "'s" after the bracket.
 */
export function possessive(name: string): string {
  return /s$/.test(name) ? `${name}'` : `${name}'s`;
}
