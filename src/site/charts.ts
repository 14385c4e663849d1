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

function render(options: Plot.PlotOptions, text: ChartText): string {
  const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
  const svg = Plot.plot({
    ...options,
    document: document as unknown as Document,
    ariaLabel: text.label,
    ariaDescription: text.description,
    style: { fontSize: "12px", background: "transparent", overflow: "visible" },
  }) as unknown as { outerHTML: string; setAttribute(name: string, value: string): void };
  svg.setAttribute("role", "img");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return svg.outerHTML;
}

export interface LinePoint {
  x: number;
  y: number;
  series: string;
}

/** Lines over years, one per series, labelled at their right end. */
export function lineChart(
  data: LinePoint[],
  options: { yLabel: string; colors: Record<string, string>; percent?: boolean; height?: number },
  text: ChartText,
): string {
  const series = Object.keys(options.colors);
  const last = new Map<string, LinePoint>();
  for (const d of data) if (!last.has(d.series) || (last.get(d.series) as LinePoint).x < d.x) last.set(d.series, d);
  return render(
    {
      width: 720,
      height: options.height ?? 360,
      marginRight: 170,
      x: { label: null, tickFormat: "d", ticks: uniqueYears(data) },
      y: { label: options.yLabel, grid: true, percent: options.percent, nice: true },
      color: { domain: series, range: series.map((s) => options.colors[s]) },
      marks: [
        Plot.line(data, { x: "x", y: "y", stroke: "series", strokeWidth: 2 }),
        Plot.dot(data, { x: "x", y: "y", fill: "series", r: 2.5 }),
        Plot.text([...last.values()], { x: "x", y: "y", text: "series", fill: "series", textAnchor: "start", dx: 6 }),
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
      width: 720,
      height: 40 + data.length * 24,
      marginLeft: 330,
      x: { label: options.xLabel, grid: true, percent: options.percent },
      y: { label: null, domain: data.map((d) => d.label) },
      color: { domain: groups, range: groups.map((g) => options.colors[g]), legend: true },
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
      x: { label: null, type: "band" },
      y: { label: "Share of the overall Gini (%)", percent: true, domain: [0, 1], grid: true },
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
      color: { type: "ordinal", domain: years, scheme: "viridis", legend: true },
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
      width: 640,
      height: 80 + options.order.length * 52,
      marginLeft: 260,
      marginBottom: 90,
      x: { label: null, domain: options.order, tickRotate: -30 },
      y: { label: null, domain: options.order },
      color: { scheme: "blues", label: options.label, legend: true, zero: true },
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

/** A sequential colour scale (for levels) as a function, with its legend as SVG. */
export function sequentialScale(domain: [number, number], label: string): { color: (v: number) => string; legend: string } {
  const options = { type: "linear" as const, scheme: "YlGnBu", domain, label };
  const scale = Plot.scale({ color: options });
  const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
  const legend = Plot.legend({ color: options, document: document as unknown as Document, width: 320 }) as unknown as {
    outerHTML: string;
    setAttribute(name: string, value: string): void;
  };
  legend.setAttribute("role", "img");
  legend.setAttribute("aria-label", `Colour legend: ${label}, from ${domain[0].toFixed(2)} to ${domain[1].toFixed(2)}`);
  return { color: (v: number) => String(scale.apply(v)), legend: legend.outerHTML };
}

/** Colours for k ordered tiers, tier 1 (highest) darkest. */
export function tierColors(k: number): string[] {
  const scale = Plot.scale({ color: { type: "ordinal", scheme: "YlGnBu", domain: Array.from({ length: k }, (_, i) => i) } });
  return Array.from({ length: k }, (_, i) => String(scale.apply(k - 1 - i)));
}
