/**
 * Chart-ready views of the results shared by several pages.
 */
import type { Results } from "../pipeline/results.ts";
import { categorical } from "./charts.ts";
import { regionName } from "./results.ts";

/** Colours per region (and the whole sample in black), stable across pages. */
export function regionColors(r: Results): Record<string, string> {
  const colors: Record<string, string> = {};
  r.study.regions.forEach((g, i) => (colors[regionName(r, g.id)] = categorical[i % (categorical.length - 1)]));
  colors["All sample"] = "#000000";
  return colors;
}

export function regionLines(r: Results, pick: (m: Results["means"][number]) => number) {
  return r.means.map((m) => ({ x: m.year, y: pick(m), series: regionName(r, m.group) }));
}

export function dimensionColors(r: Results): Record<string, string> {
  const colors: Record<string, string> = {};
  r.study.dimensions.forEach((d, i) => (colors[d.name.en] = categorical[i]));
  return colors;
}
