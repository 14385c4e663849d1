/**
 * Charts rendered to static SVG at build time with Observable Plot, on a server-side DOM
 * (linkedom). The SVG is the baseline: pages show it without JavaScript, and every mark carries
 * a <title> that browsers show as a tooltip. Legends are drawn here, not by Plot, so that the
 * page can show them as HTML and the downloadable SVG can carry them too.
 *
 * Palettes: Okabe-Ito for categories, YlGnBu for levels, PuOr (diverging, centred on 0) for
 * changes (purple above 0, orange below), all distinguishable with the common colour-vision deficiencies; grey means no data.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
export const categorical = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

/** The colour of "no data", and only of that. */
export const noDataGrey = "#d9d9d9";

export interface ChartText {
  /** Accessible name of the SVG. */
  label: string;
  /** Text description for screen readers. */
  description: string;
}

export type Legend =
  | { kind: "swatches"; items: { label: string; color: string }[] }
  | { kind: "ramp"; svg: string; width: number; height: number };

export interface Rendered {
  svg: string;
  width: number;
  height: number;
  legend: Legend | null;
}

interface DomNode {
  outerHTML: string;
  tagName: string;
  setAttribute(name: string, value: string): void;
  prepend(node: unknown): void;
  removeAttribute(name: string): void;
  querySelectorAll(selector: string): Iterable<DomNode>;
}

/**
 * A chart is one image (role="img") with one accessible name. The names Plot gives its marks'
 * groups (aria-label="line") are dropped: ARIA does not allow a name on a <g> without a role
 * (axe's aria-prohibited-attr), and screen readers do not read inside an image anyway.
 */
function unnameParts(node: DomNode): void {
  for (const part of node.querySelectorAll("[aria-label], [aria-description]")) {
    part.removeAttribute("aria-label");
    part.removeAttribute("aria-description");
  }
}

function dom() {
  return parseHTML("<!DOCTYPE html><html><body></body></html>").document;
}

/** Renders a Plot (without Plot's own legends) to SVG markup with its accessible name. */
function render(options: Plot.PlotOptions, text: ChartText, legend: Legend | null): Rendered {
  const document = dom();
  const width = options.width ?? 640;
  const height = options.height ?? 400;
  const node = Plot.plot({
    ...options,
    width,
    height,
    document: document as unknown as Document,
    style: { fontSize: "12px", background: "transparent" },
  }) as unknown as DomNode;
  if (node.tagName.toLowerCase() !== "svg") throw new Error(`chart "${text.label}" rendered no SVG`);
  unnameParts(node);
  node.setAttribute("role", "img");
  node.setAttribute("aria-label", text.label);
  node.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const desc = document.createElement("desc");
  desc.textContent = text.description;
  node.prepend(desc);
  return { svg: node.outerHTML, width, height, legend };
}

/** Approximate drawn width of a label at 12 px: CJK characters are about twice as wide. */
export function textWidth(label: string): number {
  let w = 0;
  for (const ch of label) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 12 : /[A-Z]/.test(ch) ? 8.2 : 6.8;
  return w;
}

/** A left margin wide enough for the longest label, within limits. */
function marginFor(labels: readonly string[], max = 420): number {
  return Math.min(max, Math.max(60, Math.ceil(Math.max(0, ...labels.map(textWidth)) + 14)));
}

function swatches(domain: readonly string[], colors: Record<string, string>): Legend | null {
  if (domain.length < 2) return null;
  return { kind: "swatches", items: domain.map((label) => ({ label, color: colors[label] })) };
}

/**
 * A colour legend as SVG with an accessible name: Plot's own for classed (quantile) scales, and
 * for continuous scales a ramp of thin rectangles drawn here (Plot draws those on a canvas,
 * which the server-side DOM lacks).
 */
function ramp(options: Plot.ScaleOptions, label: string, percent = false): Legend {
  const width = 320;
  if (options.type === "quantile" || options.type === "threshold") {
    const document = dom();
    const node = Plot.legend({ color: options, document, width } as never) as unknown as DomNode;
    unnameParts(node);
    node.setAttribute("role", "img");
    node.setAttribute("aria-label", label);
    node.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    return { kind: "ramp", svg: node.outerHTML, width, height: 50 };
  }
  const scale = Plot.scale({ color: options });
  const domain = (scale.domain ?? [0, 1]) as number[];
  const lo = domain[0];
  const hi = domain[domain.length - 1];
  const steps = 64;
  const left = 16;
  const inner = width - 2 * left;
  const format = (v: number) => (percent ? `${(v * 100).toFixed(1)}%` : Math.abs(hi - lo) >= 10 ? v.toFixed(0) : v.toFixed(2));
  const rects = Array.from({ length: steps }, (_, i) => {
    const v = lo + ((i + 0.5) / steps) * (hi - lo);
    return `<rect x="${(left + (i * inner) / steps).toFixed(2)}" y="18" width="${(inner / steps + 0.3).toFixed(2)}" height="10" fill="${String(scale.apply(v))}"/>`;
  }).join("");
  const ticks = Array.from({ length: 5 }, (_, i) => {
    const v = lo + (i / 4) * (hi - lo);
    const x = (left + (i * inner) / 4).toFixed(1);
    return `<line x1="${x}" x2="${x}" y1="18" y2="32" stroke="currentColor"/><text x="${x}" y="44" text-anchor="middle">${format(v)}</text>`;
  }).join("");
  const title = escapeXml(String((options as { label?: string }).label ?? ""));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(label)}" width="${width}" height="50" viewBox="0 0 ${width} 50" ` +
    `font-size="10" fill="currentColor" class="ramp">` +
    `<text x="${left}" y="12" font-weight="bold">${title}</text>${rects}${ticks}</svg>`;
  return { kind: "ramp", svg, width, height: 50 };
}

/**
 * Black or white, whichever contrasts more with `background` ("#rrggbb" or "rgb(r, g, b)"), by
 * the relative luminance of WCAG 2: the better of the two always reaches 4.58:1, beyond the 4.5:1
 * that small text needs.
 */
function inkOn(background: string): "black" | "white" {
  const hex = background.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  const rgb = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : (background.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  if (rgb.length !== 3) throw new Error(`inkOn: cannot read the colour "${background}"`);
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 ? "white" : "black";
}

const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : "–");
const pct1 = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : "–");

export interface LinePoint {
  x: number;
  y: number;
  series: string;
}

/** Lines over years, one colour per series, in the order of `colors`. */
export function lineChart(
  data: LinePoint[],
  options: { yLabel: string; colors: Record<string, string>; percent?: boolean; height?: number; width?: number },
  text: ChartText,
): Rendered {
  const series = Object.keys(options.colors).filter((s) => data.some((d) => d.series === s));
  const fmt = options.percent ? pct1 : f3;
  const defined = data.filter((d) => Number.isFinite(d.y));
  return render(
    {
      width: options.width ?? 720,
      height: options.height ?? 360,
      marginLeft: 56,
      x: { label: null, tickFormat: "d", ticks: uniqueYears(data) },
      y: { label: options.yLabel, grid: true, percent: options.percent, nice: true },
      color: { domain: series, range: series.map((s) => options.colors[s]) },
      marks: [
        Plot.line(defined, { x: "x", y: "y", stroke: "series", strokeWidth: 2 }),
        Plot.dot(defined, { x: "x", y: "y", fill: "series", r: 3, title: (d: LinePoint) => `${d.series}, ${d.x}: ${fmt(d.y)}` }),
      ],
    },
    text,
    swatches(series, options.colors),
  );
}

function uniqueYears(data: { x: number }[]): number[] {
  return [...new Set(data.map((d) => d.x))].sort((a, b) => a - b);
}

/** Horizontal bars, sorted as given, coloured by group. */
export function barChart(
  data: { label: string; value: number; group: string }[],
  options: { xLabel: string; colors: Record<string, string>; percent?: boolean },
  text: ChartText,
): Rendered {
  const groups = Object.keys(options.colors).filter((g) => data.some((d) => d.group === g));
  const fmt = options.percent ? (v: number) => `${(v * 100).toFixed(2)}%` : f3;
  return render(
    {
      width: 860,
      height: 50 + data.length * 22,
      marginLeft: marginFor(data.map((d) => d.label)),
      marginBottom: 44,
      x: { label: options.xLabel, labelAnchor: "center", labelOffset: 34, grid: true, percent: options.percent },
      y: { label: null, domain: data.map((d) => d.label) },
      color: { domain: groups, range: groups.map((g) => options.colors[g]) },
      marks: [
        Plot.barX(data, { x: "value", y: "label", fill: "group", title: (d: { label: string; value: number }) => `${d.label}: ${fmt(d.value)}` }),
        Plot.ruleX([0]),
      ],
    },
    text,
    swatches(groups, options.colors),
  );
}

/** Horizontal bars of a change (a growth rate), coloured on a diverging scale centred on 0. */
export function changeBars(
  data: { label: string; value: number }[],
  options: { xLabel: string; legendLabel: string },
  text: ChartText,
): Rendered {
  const extent = Math.max(1e-9, ...data.map((d) => Math.abs(d.value)));
  // No `percent` on the colour scale: Plot would multiply the values by 100 and every bar would
  // take the end colour. The legend writes its ticks as percentages instead.
  const color = { type: "diverging" as const, scheme: "PuOr" as const, domain: [-extent, extent], pivot: 0, reverse: true, label: options.legendLabel };
  return render(
    {
      width: 860,
      height: 50 + data.length * 22,
      marginLeft: marginFor(data.map((d) => d.label)),
      marginBottom: 44,
      x: { label: options.xLabel, labelAnchor: "center", labelOffset: 34, grid: true, percent: true },
      y: { label: null, domain: data.map((d) => d.label) },
      color,
      marks: [
        Plot.barX(data, { x: "value", y: "label", fill: "value", title: (d: { label: string; value: number }) => `${d.label}: ${(d.value * 100).toFixed(2)}%` }),
        Plot.ruleX([0]),
      ],
    },
    text,
    ramp(color, options.legendLabel, true),
  );
}

/** Grouped horizontal bars: for each group (a facet row), one bar per series. */
export function groupedBars(
  data: { group: string; series: string; value: number }[],
  options: { xLabel: string; colors: Record<string, string>; percent?: boolean; groups: string[] },
  text: ChartText,
): Rendered {
  const series = Object.keys(options.colors);
  const fmt = options.percent ? (v: number) => `${(v * 100).toFixed(2)}%` : f3;
  return render(
    {
      width: 860,
      height: 40 + options.groups.length * (series.length * 16 + 14),
      marginLeft: marginFor(options.groups),
      marginBottom: 44,
      x: { label: options.xLabel, labelAnchor: "center", labelOffset: 34, grid: true, percent: options.percent },
      fy: { label: null, domain: options.groups },
      y: { label: null, domain: series, axis: null },
      color: { domain: series, range: series.map((s) => options.colors[s]) },
      marks: [
        Plot.barX(data, {
          x: "value",
          y: "series",
          fy: "group",
          fill: "series",
          title: (d: { group: string; series: string; value: number }) => `${d.group}, ${d.series}: ${fmt(d.value)}`,
        }),
        Plot.ruleX([0]),
      ],
    },
    text,
    swatches(series, options.colors),
  );
}

/** Stacked bars over years (shares that add to 1). */
export function stackedShares(
  data: { year: number; part: string; share: number }[],
  options: { colors: Record<string, string>; yLabel: string },
  text: ChartText,
): Rendered {
  const parts = Object.keys(options.colors);
  return render(
    {
      width: 720,
      height: 320,
      x: { label: null, type: "band", tickFormat: (d: number) => String(d) },
      y: { label: options.yLabel, percent: true, grid: true },
      color: { domain: parts, range: parts.map((p) => options.colors[p]) },
      marks: [
        Plot.barY(data, { x: "year", y: "share", fill: "part", order: parts, title: (d: { year: number; part: string; share: number }) => `${d.year}, ${d.part}: ${pct1(d.share)}` }),
        Plot.ruleY([0]),
      ],
    },
    text,
    swatches(parts, options.colors),
  );
}

/** Density curves, one per year, in a sequential colour ramp from the first to the last year. */
export function densityChart(
  data: { year: number; x: number; y: number }[],
  years: number[],
  options: { xLabel: string; yLabel: string },
  text: ChartText,
): Rendered {
  const scale = Plot.scale({ color: { type: "ordinal", domain: years, scheme: "viridis" } });
  const colors = Object.fromEntries(years.map((y) => [String(y), String(scale.apply(y))]));
  return render(
    {
      width: 720,
      height: 340,
      marginBottom: 44,
      x: { label: options.xLabel, labelAnchor: "center", labelOffset: 34, grid: true },
      y: { label: options.yLabel, grid: true },
      color: { type: "ordinal", domain: years, scheme: "viridis" },
      marks: [Plot.line(data, { x: "x", y: "y", stroke: "year", z: "year", strokeWidth: 1.5 }), Plot.ruleY([0])],
    },
    text,
    swatches(years.map(String), colors),
  );
}

/**
 * A square matrix of values, each cell coloured and labelled. Rows carry the names, numbered;
 * columns carry the numbers only, so that long names need not be written twice.
 */
export function matrixChart(
  data: { row: string; column: string; value: number | null }[],
  options: { order: string[]; legendLabel: string; diverging?: boolean; digits?: number },
  text: ChartText,
): Rendered {
  const values = data.map((d) => d.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const max = Math.max(1e-9, ...values);
  const color: Plot.ScaleOptions = options.diverging
    ? { type: "diverging", scheme: "PuOr", domain: [-1, 1], pivot: 0, reverse: true, label: options.legendLabel }
    : { type: "linear", scheme: "YlGnBu", domain: [0, max], label: options.legendLabel };
  const index = new Map(options.order.map((name, i) => [name, i + 1]));
  const rowLabel = (name: string) => `${index.get(name)}. ${name}`;
  const rows = options.order.map(rowLabel);
  const columns = options.order.map((name) => String(index.get(name)));
  const cells = data.map((d) => ({ ...d, y: rowLabel(d.row), x: String(index.get(d.column)) }));
  const margin = marginFor(rows, 480);
  const cell = Math.max(30, Math.min(56, Math.floor(520 / Math.max(1, options.order.length))));
  const digits = options.digits ?? 3;
  const label = (v: number | null) => (v === null ? "–" : v.toFixed(digits));
  // Each label in black or white, whichever stands out more from its cell's colour.
  const scale = Plot.scale({ color });
  const ink = (v: number | null) => (v === null ? "black" : inkOn(String(scale.apply(v))));
  return render(
    {
      width: margin + cell * options.order.length + 20,
      height: 40 + cell * options.order.length,
      marginLeft: margin,
      marginTop: 30,
      marginBottom: 10,
      x: { label: null, domain: columns, axis: "top" },
      y: { label: null, domain: rows },
      color,
      marks: [
        Plot.cell(cells.filter((d) => d.value !== null), { x: "x", y: "y", fill: "value", inset: 0.5, title: (d: { row: string; column: string; value: number }) => `${d.row} × ${d.column}: ${label(d.value)}` }),
        Plot.cell(cells.filter((d) => d.value === null), { x: "x", y: "y", fill: noDataGrey, inset: 0.5 }),
        Plot.text(cells, {
          x: "x",
          y: "y",
          text: (d: { value: number | null }) => label(d.value),
          fill: (d: { value: number | null }) => ink(d.value),
          fontSize: cell < 40 ? 10 : 11,
        }),
      ],
    },
    text,
    ramp(color, options.legendLabel),
  );
}

/** A heat map of a level: rows (units) by years, on a sequential colour scale. */
export function heatmapChart(
  data: { row: string; year: number; value: number }[],
  options: { rows: string[]; legendLabel: string },
  text: ChartText,
): Rendered {
  const color = { type: "linear" as const, scheme: "YlGnBu" as const, label: options.legendLabel, zero: true };
  return render(
    {
      width: 860,
      height: 40 + options.rows.length * 20,
      marginLeft: marginFor(options.rows),
      marginTop: 24,
      x: { label: null, type: "band", tickFormat: (d: number) => String(d), axis: "top" },
      y: { label: null, domain: options.rows },
      color,
      marks: [
        Plot.cell(data, { x: "year", y: "row", fill: "value", inset: 0.5, title: (d: { row: string; year: number; value: number }) => `${d.row}, ${d.year}: ${f3(d.value)}` }),
      ],
    },
    text,
    ramp(color, options.legendLabel),
  );
}

/**
 * Ranks over years (1 at the top), one line per unit, coloured by the direction of its change of
 * rank from the first to the last year (gained, unchanged, lost); names and ranks at both ends.
 */
export function rankChart(
  data: { unit: string; year: number; rank: number }[],
  options: { years: number[]; labels: { gained: string; unchanged: string; lost: string } },
  text: ChartText,
): Rendered {
  const first = options.years[0];
  const last = options.years[options.years.length - 1];
  const rankAt = new Map(data.map((d) => [`${d.unit}|${d.year}`, d.rank]));
  const change = (unit: string) => (rankAt.get(`${unit}|${first}`) ?? 0) - (rankAt.get(`${unit}|${last}`) ?? 0);
  const { gained, unchanged, lost } = options.labels;
  const colors = { [gained]: "#5e3c99", [unchanged]: "currentColor", [lost]: "#e66101" };
  const direction = (unit: string) => (change(unit) > 0 ? gained : change(unit) < 0 ? lost : unchanged);
  const rows = data.map((d) => ({ ...d, direction: direction(d.unit) }));
  const units = [...new Set(data.map((d) => d.unit))];
  const n = units.length;
  const margin = marginFor(units.map((u) => `${u} 00`), 240);
  const ends = rows.filter((d) => d.year === first || d.year === last);
  const domain = Object.keys(colors);
  return render(
    {
      width: 860,
      height: 50 + n * 22,
      marginLeft: margin,
      marginRight: margin,
      marginTop: 30,
      marginBottom: 14,
      x: { label: null, tickFormat: "d", ticks: options.years, axis: "top" },
      y: { label: null, domain: [1, n], reverse: true, axis: null, inset: 6 },
      color: { domain, range: domain.map((d) => colors[d]) },
      marks: [
        Plot.line(rows, { x: "year", y: "rank", z: "unit", stroke: "direction", strokeWidth: 1.8, strokeOpacity: 0.85 }),
        Plot.dot(rows, { x: "year", y: "rank", fill: "direction", r: 2.8, title: (d: { unit: string; year: number; rank: number }) => `${d.unit}, ${d.year}: ${d.rank}` }),
        Plot.text(ends.filter((d) => d.year === first), { x: "year", y: "rank", text: (d: { unit: string; rank: number }) => `${d.unit} ${d.rank}`, textAnchor: "end", dx: -8, fill: "currentColor" }),
        Plot.text(ends.filter((d) => d.year === last), { x: "year", y: "rank", text: (d: { unit: string; rank: number }) => `${d.rank} ${d.unit}`, textAnchor: "start", dx: 8, fill: "currentColor" }),
      ],
    },
    text,
    swatches(domain, colors),
  );
}

/**
 * A unit's value against a reference per category (a dimension): a dot for the unit, a tick for
 * the reference, and a bar for the range of the sample.
 */
export function standingChart(
  data: { category: string; value: number; reference: number; min: number; max: number }[],
  options: { xLabel: string; valueLabel: string; referenceLabel: string; rangeLabel: string },
  text: ChartText,
): Rendered {
  const colors = { [options.valueLabel]: categorical[0], [options.referenceLabel]: categorical[1] };
  return render(
    {
      width: 720,
      height: 50 + data.length * 40,
      marginLeft: marginFor(data.map((d) => d.category)),
      marginBottom: 44,
      x: { label: options.xLabel, labelAnchor: "center", labelOffset: 34, grid: true, nice: true },
      y: { label: null, domain: data.map((d) => d.category) },
      marks: [
        Plot.barX(data, { x1: "min", x2: "max", y: "category", fill: noDataGrey, fillOpacity: 0.0, stroke: "currentColor", strokeOpacity: 0.35, insetTop: 12, insetBottom: 12, title: (d: { category: string; min: number; max: number }) => `${d.category}, ${options.rangeLabel}: ${f3(d.min)}–${f3(d.max)}` }),
        Plot.tickX(data, { x: "reference", y: "category", stroke: categorical[1], strokeWidth: 3, title: (d: { category: string; reference: number }) => `${d.category}, ${options.referenceLabel}: ${f3(d.reference)}` }),
        Plot.dot(data, { x: "value", y: "category", fill: categorical[0], r: 6, title: (d: { category: string; value: number }) => `${d.category}, ${options.valueLabel}: ${f3(d.value)}` }),
      ],
    },
    text,
    { kind: "swatches", items: Object.entries(colors).map(([label, color]) => ({ label, color })) },
  );
}

/**
 * A sequential colour scale for levels in seven quantile classes of the given values (scores
 * are skewed: one leading unit would leave every other in the lowest class of an
 * equal-interval scale), with its legend as SVG.
 */
export function sequentialScale(values: readonly number[], label: string, ariaLabel: string): { color: (v: number) => string; legend: Legend } {
  const options = { type: "quantile" as const, n: 7, scheme: "YlGnBu" as const, domain: [...values], label, tickFormat: ".2f" };
  const scale = Plot.scale({ color: options });
  return { color: (v: number) => String(scale.apply(v)), legend: ramp(options, ariaLabel) };
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

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * A self-contained SVG file of a chart: title, subtitle, legend, the chart and its source line,
 * on a white background, for download.
 */
export function standaloneSvg(chart: Rendered, text: { title: string; subtitle: string; source: string }): string {
  const width = Math.max(chart.width, 480);
  const out: string[] = [];
  let y = 22;
  out.push(`<text x="8" y="${y}" font-size="16" font-weight="bold">${escapeXml(text.title)}</text>`);
  y += 20;
  out.push(`<text x="8" y="${y}" font-size="12" fill="#555555">${escapeXml(text.subtitle)}</text>`);
  y += 12;
  const legend = chart.legend;
  if (legend?.kind === "swatches") {
    let x = 8;
    y += 14;
    for (const item of legend.items) {
      const w = 18 + textWidth(item.label) + 14;
      if (x + w > width && x > 8) {
        x = 8;
        y += 18;
      }
      out.push(`<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${escapeXml(item.color)}"/>`);
      out.push(`<text x="${x + 16}" y="${y}" font-size="12">${escapeXml(item.label)}</text>`);
      x += w;
    }
    y += 10;
  } else if (legend?.kind === "ramp") {
    out.push(legend.svg.replace(/^<svg/, `<svg x="8" y="${y}"`));
    y += legend.height + 4;
  }
  out.push(chart.svg.replace(/^<svg/, `<svg x="0" y="${y}"`));
  y += chart.height + 18;
  out.push(`<text x="8" y="${y}" font-size="11" fill="#555555">${escapeXml(text.source)}</text>`);
  y += 10;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" ` +
    `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif" fill="#1b1e23" color="#1b1e23">\n` +
    `<rect width="100%" height="100%" fill="#ffffff"/>\n${out.join("\n")}\n</svg>\n`
  );
}
