/**
 * Access to the computed results from the pages. The build writes `results.json` and passes
 * its path in REPORT_RESULTS; it is read once per build.
 */
import { readFileSync } from "node:fs";
import type { Results, UnitInfo } from "../pipeline/results.ts";

let cached: { path: string; results: Results } | null = null;

export function results(): Results {
  const path = process.env.REPORT_RESULTS;
  if (!path) throw new Error("REPORT_RESULTS is not set: build the site with `npm run build`, which computes the results first");
  if (cached?.path !== path) cached = { path, results: JSON.parse(readFileSync(path, "utf8")) as Results };
  return cached.results;
}

export function unitName(r: Results, code: string): string {
  const u = r.study.units.find((x) => x.code === code);
  return u ? u.nameEn : code;
}

export function unitOf(r: Results, code: string): UnitInfo {
  const u = r.study.units.find((x) => x.code === code);
  if (!u) throw new Error(`unknown unit ${code}`);
  return u;
}

/**
 * A region's name for charts and sentences; a one-member region says so, e.g. "Guangdong-Hong
 * Kong-Macao Greater Bay Area (Guangdong only)", so that it is not read as a group mean.
 */
export function regionName(r: Results, id: string): string {
  if (id === "sample") return "All sample";
  const g = r.study.regions.find((x) => x.id === id);
  if (!g) return id;
  if (g.members.length !== 1) return g.name.en;
  const only = r.study.units.find((u) => u.code === g.members[0]);
  return `${g.name.en} (${only?.nameEn ?? g.members[0]} only)`;
}

/** Joins the site's base path and a path inside the site. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, "");
  return `${base}/${path.replace(/^\//, "")}`;
}
