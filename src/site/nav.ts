/**
 * The site's pages as data: slug, title in both languages and the languages a page exists in.
 * The navigation, the language switch, the search page's list of pages and the tests all read
 * this list; a new page is one more entry.
 */
import type { LocalText } from "../study/schema.ts";
import type { Lang } from "../i18n/lang.ts";
import { narrativeNav } from "../narrative/site.ts";
import { pageEnabled } from "./results.ts";

export interface NavPage {
  /** Path inside a language's part of the site, "" for the overview, else ending in "/". */
  slug: string;
  title: LocalText;
  langs: readonly Lang[];
  /** Shown in the main navigation (region and unit pages are reached from their lists). */
  main: boolean;
}

const both: readonly Lang[] = ["en", "zh"];

// Pages written elsewhere: a page file under src/pages/[...lang]/ exists in both languages, a
// file directly under src/pages/ in English only.
const external = import.meta.glob("../pages/**/data-quality.astro");
const dataQuality = Object.keys(external);
const dataQualityLangs: readonly Lang[] = dataQuality.some((p) => p.includes("[...lang]")) ? both : dataQuality.length > 0 ? ["en"] : [];

// The study's report.pages may leave optional pages out: they are neither built nor listed.
// (Outside a build, e.g. in tests that only need the list of slugs, every page is listed.)
export const pages: NavPage[] = [
  { slug: "", title: { en: "Overview", zh: "概览" }, langs: both, main: true },
  // The authors' narrative pages of the study (narrative/<slug>/), in their front matter's order.
  ...narrativeNav(),
  { slug: "study/", title: { en: "Study", zh: "研究设计" }, langs: both, main: true },
  { slug: "index-system/", title: { en: "Index system", zh: "指标体系" }, langs: both, main: true },
  { slug: "methods/", title: { en: "Methods", zh: "研究方法" }, langs: both, main: true },
  { slug: "levels/", title: { en: "Levels and growth", zh: "水平与增长" }, langs: both, main: true },
  { slug: "spatial/", title: { en: "Spatial evolution", zh: "空间演变" }, langs: both, main: true },
  { slug: "inequality/", title: { en: "Regional differences", zh: "区域差异" }, langs: both, main: true },
  { slug: "dimensions/", title: { en: "Dimensions", zh: "分维度" }, langs: both, main: true },
  { slug: "regions/", title: { en: "Regions and units", zh: "区域与单元" }, langs: both, main: true },
  { slug: "data/", title: { en: "Data and downloads", zh: "数据与下载" }, langs: both, main: true },
  ...(dataQualityLangs.length > 0 ? [{ slug: "data-quality/", title: { en: "Data quality", zh: "数据质量" }, langs: dataQualityLangs, main: true }] : []),
  { slug: "cite/", title: { en: "Cite", zh: "引用" }, langs: both, main: true },
  { slug: "reproduce/", title: { en: "Reproduce", zh: "复现" }, langs: both, main: true },
  { slug: "search/", title: { en: "Search", zh: "搜索" }, langs: both, main: false },
  // The earlier address of the spatial page, kept so that links to it still lead somewhere.
  { slug: "map/", title: { en: "Map and tiers", zh: "地图与梯队" }, langs: both, main: false },
].filter((p) => !process.env.REPORT_RESULTS || pageEnabled(p.slug));

/** The page of a slug, if it is one of the listed pages. */
export function pageOf(slug: string): NavPage | undefined {
  return pages.find((p) => p.slug === slug);
}
