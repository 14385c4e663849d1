/**
 * Access to the computed results from the pages, and the names of things in either language.
 * The build writes `results.json` and passes its path in REPORT_RESULTS; it is read once per
 * build.
 */
import { readFileSync } from "node:fs";
import { OPTIONAL_PAGES, type OptionalPage, type Results, type UnitInfo } from "../pipeline/results.ts";
import { langPaths, localPath, type Lang } from "../i18n/lang.ts";

let cached: { path: string; results: Results } | null = null;

export function results(): Results {
  const path = process.env.REPORT_RESULTS;
  if (!path) throw new Error("REPORT_RESULTS is not set: build the site with `npm run build`, which computes the results first");
  if (cached?.path !== path) cached = { path, results: JSON.parse(readFileSync(path, "utf8")) as Results };
  return cached.results;
}

export function unitOf(r: Results, code: string): UnitInfo {
  const u = r.study.units.find((x) => x.code === code);
  if (!u) throw new Error(`unknown unit ${code}`);
  return u;
}

/** A unit's name in a language (the code when the unit is unknown). */
export function unitName(r: Results, code: string, lang: Lang = "en"): string {
  const u = r.study.units.find((x) => x.code === code);
  if (!u) return code;
  return lang === "zh" ? u.nameZh || u.nameEn : u.nameEn || u.nameZh;
}

/** The whole sample as a group, e.g. "All sample provinces" / "全部样本省份". */
export function sampleName(r: Results, lang: Lang): string {
  return lang === "zh" ? `全部样本${kindWord(r, "zh")}` : `All sample ${kindWord(r, "en", true)}`;
}

const kinds: Record<string, { en: [string, string]; zh: string }> = {
  province: { en: ["province", "provinces"], zh: "省份" },
  city: { en: ["city", "cities"], zh: "城市" },
  county: { en: ["county", "counties"], zh: "县" },
  region: { en: ["unit", "units"], zh: "单元" },
};

/** The word for the study's units ("province"/"provinces", "省份"). */
export function kindWord(r: Results, lang: Lang, plural = false): string {
  const k = kinds[r.study.unitKind] ?? kinds.region;
  return lang === "zh" ? k.zh : k.en[plural ? 1 : 0];
}

/** The word for one unit as a column heading ("Province", "省份"). */
export function kindTitle(r: Results, lang: Lang): string {
  const word = kindWord(r, lang);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A region's name for charts and sentences; a one-member region says so, e.g. "Guangdong-Hong
 * Kong-Macao Greater Bay Area (Guangdong only)", so that it is not read as a group mean.
 */
export function regionName(r: Results, id: string, lang: Lang = "en"): string {
  if (id === "sample") return sampleName(r, lang);
  const g = r.study.regions.find((x) => x.id === id);
  if (!g) return id;
  const name = g.name[lang];
  if (g.members.length !== 1) return name;
  const only = unitName(r, g.members[0], lang);
  return lang === "zh" ? `${name}（仅${only}）` : `${name} (${only} only)`;
}

export function dimensionName(r: Results, id: string, lang: Lang): string {
  return r.study.dimensions.find((d) => d.id === id)?.name[lang] ?? id;
}

export function indicatorName(r: Results, id: string, lang: Lang): string {
  return r.study.indicators.find((i) => i.id === id)?.name[lang] ?? id;
}

/**
 * True when Dagum's and Theil's decompositions counted some unit other than once: regions overlap
 * (or leave units out) and were stacked, each membership one observation. Only then do the pages
 * need to say so, and only then does the plain Gini of the units differ from Dagum's G.
 */
export function stackedOverlap(r: Results): boolean {
  return r.stacked && r.study.units.some((u) => u.regions.length !== 1);
}

/** The first and last year of the study. */
export function span(r: Results): { first: number; last: number } {
  const years = r.study.years;
  return { first: years[0], last: years[years.length - 1] };
}

/** A URL path segment for a unit code: letters, digits, - and _ kept, anything else escaped. */
export function unitSlug(code: string): string {
  return Array.from(code, (ch) => (/[A-Za-z0-9_-]/.test(ch) ? ch : `~${ch.codePointAt(0)?.toString(16)}`)).join("");
}

/**
 * The base path the site is hosted under ("/" or "/supplement/"), from the build's REPORT_BASE
 * option, which astro.config.mjs gives Astro too. (Not import.meta.env.BASE_URL: a BASE_URL
 * variable in the environment of the build overrides that one.)
 */
export function siteBase(): string {
  const raw = (process.env.REPORT_BASE || "/").replace(/^\/+|\/+$/g, "");
  return raw === "" ? "/" : `/${raw}/`;
}

/** The site's address with its base path when REPORT_SITE gives it, else null. */
export function siteUrl(site: URL | undefined): string | null {
  return site ? new URL(siteBase(), site).href : null;
}

/** Joins the site's base path and a path inside the site. */
export function href(path: string): string {
  return `${siteBase()}${path.replace(/^\//, "")}`;
}

/**
 * The optional page a slug belongs to ("units/110000/" → "regions", "map/" → "spatial"), or
 * null for a page every site has.
 */
function optionalPageOf(slug: string): OptionalPage | null {
  const first = slug.replace(/^\//, "").split("/")[0];
  if (first === "units") return "regions";
  if (first === "map") return "spatial";
  return (OPTIONAL_PAGES as readonly string[]).includes(first) ? (first as OptionalPage) : null;
}

/** Whether the site has the page of a slug (study.json report.pages leaves some out). */
export function pageEnabled(slug: string): boolean {
  const page = optionalPageOf(slug);
  return page === null || results().study.pages.includes(page);
}

/**
 * getStaticPaths for a page in both languages, or no paths at all when the study leaves the
 * page out.
 */
export function pagePaths(slug: string): ReturnType<typeof langPaths> {
  return pageEnabled(slug) ? langPaths() : [];
}

/** The link to a page in a language, or undefined when the study leaves the page out. */
export function pageHref(lang: Lang, slug: string): string | undefined {
  return pageEnabled(slug) ? hrefIn(lang, slug) : undefined;
}

/** The link to a page of the site in a language: hrefIn("zh", "levels/") → "/base/zh/levels/". */
export function hrefIn(lang: Lang, slug: string): string {
  return href(localPath(lang, slug));
}
