// Helpers for the tests of a built site: reading its files and listing the pages it should have.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Results } from "../../src/pipeline/results.ts";
import { unitSlug } from "../../src/site/results.ts";

export const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

/** Every HTML file of a built site, relative to its folder. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => join(e.parentPath, e.name).slice(dir.length).replace(/^\//, ""))
    .sort();
}

/** The report's pages for a study, in both languages ("" is the overview). */
export const mainPages = [
  "", "study/", "index-system/", "methods/", "levels/", "spatial/", "inequality/", "dimensions/", "regions/",
  "units/", "data/", "cite/", "reproduce/", "search/", "map/",
];

export function sitePages(r: Results): string[] {
  const pages = [
    ...mainPages,
    ...r.study.regions.map((g) => `regions/${g.id}/`),
    ...r.study.units.map((u) => `units/${unitSlug(u.code)}/`),
  ];
  return [...pages, ...pages.map((p) => `zh/${p}`)];
}
