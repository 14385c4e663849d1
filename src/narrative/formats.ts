/**
 * The formats of a bound number in the narrative: how a resolved value is written in the page's
 * language. Fixed decimals and percentages use the site's own formatters (src/site/format.ts),
 * so a number in the narrative reads exactly as the same number elsewhere on the site.
 *
 *   .3f            fixed decimals (0 to 6)              0.460
 *   .1%            percent with decimals (0 to 6)       5.6%
 *   auto           four significant digits, as the site's tables write measured values
 *   d              whole number                         23
 *   words          a whole number in words              five / 五 (两 for 2 before a measure word)
 *   ordinal        1st, 2nd, 3rd, 4th … / 第1、第2 …
 *   ordinal-words  first, second … / 第一、第二 …
 *   name, short, lower   names: as on the site; a region's own name without the "(… only)" of a
 *                        one-member region; English with a lowercase first letter
 */
import type { Lang } from "../i18n/lang.ts";
import { num, pct, value as measured } from "../site/format.ts";

/** What a reference resolves to, before it is written. */
export type Value =
  | { type: "real"; value: number; format: string }
  | { type: "integer"; value: number; format: string }
  | { type: "name"; name: string; short: string }
  | { type: "text"; text: string };

export const realFormats = [".Nf (N = 0 to 6)", ".N% (N = 0 to 6)", "auto"];
export const integerFormats = ["d", "words", "ordinal", "ordinal-words"];
export const nameFormats = ["name", "short", "lower"];

/** The formats a value accepts, for messages. */
export function formatsOf(v: Value): string[] {
  if (v.type === "real") return realFormats;
  if (v.type === "integer") return integerFormats;
  if (v.type === "name") return nameFormats;
  return [];
}

/** Thrown when a format does not fit a value; the caller adds the place. */
export class FormatError extends Error {}

/** Writes a value in a format (its default when `format` is undefined). */
export function formatValue(v: Value, format: string | undefined, lang: Lang): string {
  if (v.type === "text") {
    if (format !== undefined) throw new FormatError(`takes no format (got format=${format})`);
    return v.text;
  }
  const f = format ?? (v.type === "name" ? "name" : v.format);
  if (v.type === "name") {
    if (f === "name") return v.name;
    if (f === "short") return v.short;
    if (f === "lower") return lang === "en" ? lowerFirst(v.name) : v.name;
    throw badFormat(f, v);
  }
  if (v.type === "integer" && integerFormats.includes(f)) return wholeNumber(v.value, f, lang);

  const fixed = /^\.([0-6])f$/.exec(f);
  if (fixed) return num(v.value, Number(fixed[1]), lang);
  const percent = /^\.([0-6])%$/.exec(f);
  if (percent) return pct(v.value, Number(percent[1]), lang);
  if (f === "auto") return measured(v.value, lang);
  if (integerFormats.includes(f)) {
    throw new FormatError(`format ${f} needs a whole number, and this value is ${Number(v.value.toPrecision(4))}; the formats of a number are ${realFormats.join(", ")}`);
  }
  throw badFormat(f, v);
}

function badFormat(f: string, v: Value): FormatError {
  return new FormatError(`unknown format "${f}"; the formats of this value are ${formatsOf(v).join(", ")}`);
}

function wholeNumber(n: number, f: string, lang: Lang): string {
  if (f === "d") return String(n);
  if (f === "ordinal") return lang === "zh" ? `第${n}` : `${n}${ordinalSuffix(n)}`;
  if (f === "ordinal-words") return lang === "zh" ? `第${chineseNumber(n)}` : englishOrdinal(n);
  if (lang === "zh") return n === 2 ? "两" : chineseNumber(n);
  return englishWords(n);
}

/** "st", "nd", "rd" or "th": 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 112th. */
export function ordinalSuffix(n: number): string {
  const tens = Math.abs(n) % 100;
  if (tens >= 11 && tens <= 13) return "th";
  return ["th", "st", "nd", "rd"][Math.abs(n) % 10] ?? "th";
}

const ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const tensWords = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** 0 to 99 in English words ("twenty-three"); other numbers in digits. */
export function englishWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 20) return ones[n];
  return tensWords[Math.floor(n / 10)] + (n % 10 === 0 ? "" : `-${ones[n % 10]}`);
}

const irregular: Record<string, string> = { one: "first", two: "second", three: "third", five: "fifth", eight: "eighth", nine: "ninth", twelve: "twelfth" };

/** 1 to 99 as English ordinal words ("twenty-first"); other numbers as 100th. */
export function englishOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return `${n}${ordinalSuffix(n)}`;
  const words = englishWords(n).split("-");
  const lastWord = words[words.length - 1];
  words[words.length - 1] = irregular[lastWord] ?? (lastWord.endsWith("y") ? `${lastWord.slice(0, -1)}ieth` : `${lastWord}th`);
  return words.join("-");
}

const digitsZh = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 0 to 99 in Chinese numerals (十一, 二十三); other numbers in digits. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return digitsZh[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : digitsZh[tens]}十${n % 10 === 0 ? "" : digitsZh[n % 10]}`;
}

// "New kinetic energy" → "new kinetic energy", but "R&D expenditure" and "GDP" stay as they are.
function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
