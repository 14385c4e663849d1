/**
 * Charts rendered to static SVG at build time with Observable Plot, on a server-side DOM
 * (linkedom). The SVG is the baseline: pages show it without JavaScript.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
export const categorical = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

export interface ChartText {
  /** Accessible name of the SVG. */
  label: string;
  /** Text description for screen readers. */
  description: string;
}

interface Node {
  outerHTML: string;
  tagName: string;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): Node | null;
}

/**
 * Renders a Plot to markup. With a legend Plot returns a <figure> holding the legend and the
 * SVG; the accessible name goes on the SVG itself either way.
 */
function render(options: Plot.PlotOptions, text: ChartText): string {
  const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
  const node = Plot.plot({
    ...options,
    document: document as unknown as Document,
    style: { fontSize: "12px", background: "transparent" },
  }) as unknown as Node;
  const svg = node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg.plot-d6a7b5") ?? node.querySelector("svg:last-of-type");
  if (svg === null) throw new Error(`chart "${text.label}" rendered no SVG`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", text.label);
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const desc = document.createElement("desc");
  desc.textContent = text.description;
  (svg as unknown as { prepend(n: unknown): void }).prepend(desc);
  return node.outerHTML;
}

export interface LinePoint {
  x: number;
  y: number;
  series: string;
}

/** Lines over years, one per series, with a colour legend. */
export function lineChart(
  data: LinePoint[],
  options: { yLabel: string; colors: Record<string, string>; percent?: boolean; height?: number },
  text: ChartText,
): string {
  const series = Object.keys(options.colors).filter((s) => data.some((d) => d.series === s));
  return render(
    {
      width: 720,
      height: options.height ?? 360,
      x: { label: null, tickFormat: "d", ticks: uniqueYears(data) },
      y: { label: options.yLabel, grid: true, percent: options.percent, nice: true },
      color: { domain: series, range: series.map((s) => options.colors[s]), legend: true },
      marks: [
        Plot.line(data, { x: "x", y: "y", stroke: "series", strokeWidth: 2 }),
        Plot.dot(data, { x: "x", y: "y", fill: "series", r: 2.5 }),
      ],
    },
    text,
  );
}

function uniqueYears(data: { x: number }[]): number[] {
  return [...new Set(data.map((d) => d.x))].sort((a, b) => a - b);
}

/** Horizontal bars, sorted as given. */
export function barChart(
  data: { label: string; value: number; group: string }[],
  options: { xLabel: string; colors: Record<string, string>; percent?: boolean },
  text: ChartText,
): string {
  const groups = Object.keys(options.colors);
  return render(
    {
      width: 860,
      height: 50 + data.length * 24,
      marginLeft: 420,
      x: { label: options.xLabel, grid: true, percent: options.percent },
      y: { label: null, domain: data.map((d) => d.label) },
      color: { domain: groups, range: groups.map((g) => options.colors[g]), legend: groups.length > 1 },
      marks: [Plot.barX(data, { x: "value", y: "label", fill: "group" }), Plot.ruleX([0])],
    },
    text,
  );
}

/** Stacked bars over years (shares that add to 1). */
export function stackedShares(
  data: { year: number; part: string; share: number }[],
  options: { colors: Record<string, string> },
  text: ChartText,
): string {
  const parts = Object.keys(options.colors);
  return render(
    {
      width: 720,
      height: 320,
      x: { label: null, type: "band", tickFormat: (d: number) => String(d) },
      y: { label: "Share of the overall Gini (%)", percent: true, grid: true },
      color: { domain: parts, range: parts.map((p) => options.colors[p]), legend: true },
      marks: [
        Plot.barY(data, { x: "year", y: "share", fill: "part", order: parts }),
        Plot.ruleY([0]),
      ],
    },
    text,
  );
}

/** Density curves, one per year, in a sequential colour ramp. */
export function densityChart(
  data: { year: number; x: number; y: number }[],
  years: number[],
  text: ChartText,
): string {
  return render(
    {
      width: 720,
      height: 340,
      x: { label: "Composite score", grid: true },
      y: { label: "Density", grid: true },
      color: { type: "ordinal", domain: years, scheme: "viridis", legend: true, tickFormat: "d" },
      marks: [Plot.line(data, { x: "x", y: "y", stroke: "year", z: "year", strokeWidth: 1.5 }), Plot.ruleY([0])],
    },
    text,
  );
}

/** A matrix of values (rows by columns), each cell coloured and labelled. */
export function matrixChart(
  data: { row: string; column: string; value: number }[],
  options: { order: string[]; label: string },
  text: ChartText,
): string {
  return render(
    {
      width: 860,
      height: 300 + options.order.length * 50,
      marginLeft: 300,
      marginBottom: 300,
      x: { label: null, domain: options.order, tickRotate: -90 },
      y: { label: null, domain: options.order },
      color: { scheme: "blues", zero: true },
      marks: [
        Plot.cell(data, { x: "column", y: "row", fill: "value" }),
        Plot.text(data, {
          x: "column",
          y: "row",
          text: (d: { value: number }) => d.value.toFixed(3),
          fill: "black",
          stroke: "white",
          strokeWidth: 3,
          paintOrder: "stroke",
        }),
      ],
    },
    text,
  );
}

/**
 * A sequential colour scale for levels in seven quantile classes of the given values (scores
 * are skewed: one leading province would leave every other in the lowest class of an
 * equal-interval scale). The stepped legend is plain SVG.
 */
export function sequentialScale(values: readonly number[], label: string): { color: (v: number) => string; legend: string } {
  const options = { type: "quantile" as const, n: 7, scheme: "YlGnBu" as const, domain: [...values], label, tickFormat: ".2f" };
  const scale = Plot.scale({ color: options });
  const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
  const legend = Plot.legend({ color: options, document, width: 360 } as never) as unknown as {
    outerHTML: string;
    setAttribute(name: string, value: string): void;
  };
  legend.setAttribute("role", "img");
  legend.setAttribute("aria-label", `Colour legend: ${label} in seven classes with equal numbers of province-years`);
  return { color: (v: number) => String(scale.apply(v)), legend: legend.outerHTML };
}

/**
 * Colours for k ordered tiers, tier 1 (highest) darkest, in a palette distinct from the score
 * maps' so that a tier map is not read on the score legend.
 */
export function tierColors(k: number): string[] {
  const scale = Plot.scale({ color: { type: "ordinal", scheme: "Purples", domain: Array.from({ length: k + 1 }, (_, i) => i) } });
  // k + 1 steps, skipping the palest, so the lowest tier is still visibly coloured.
  return Array.from({ length: k }, (_, i) => String(scale.apply(k - i)));
}
