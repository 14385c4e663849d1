// Checks run inside a loaded page: an axe-core scan, and the contrast of every chart's text with
// what is drawn behind it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import type { AxeResults } from "axe-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * The serious and critical violations axe-core finds on the page (all its rules, or those
 * named), one line per element. axe is
 * evaluated through the DevTools protocol, which the page's content security policy does not
 * govern; the page itself still runs only its own scripts.
 */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  await page.evaluate(axeSource);
  type Axe = { run(options: object): Promise<AxeResults> };
  // Only the violations are collected, and only the lines leave the page.
  return page.evaluate(async (values) => {
    const options = { resultTypes: ["violations"], ...(values ? { runOnly: { type: "rule", values } } : {}) };
    const result = await (window as unknown as { axe: Axe }).axe.run(options);
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help}: ${n.target.join(" ")}`));
  }, rules ? [...rules] : null);
}

export interface TextContrast {
  chart: string;
  text: string;
  ratio: number;
  fg: string;
  bg: string;
}

/**
 * Runs in the page: the contrast ratio (WCAG 2) of every visible text of every chart with the
 * colour behind its centre, that is the shapes drawn under it (a heat-map cell, a map) over the
 * page's background, blended by their opacity.
 */
export function chartTextContrast(): TextContrast[] {
  const parse = (c: string): number[] | null => {
    const m = c.match(/^rgba?\(([^)]+)\)$/);
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p[3] ?? 1];
  };
  const over = (top: number[], alpha: number, under: number[]) => [0, 1, 2].map((i) => top[i] * alpha + under[i] * (1 - alpha));
  const luminance = (rgb: number[]) => {
    const [r, g, b] = rgb.map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const shapes = new Set(["rect", "path", "use", "circle", "ellipse", "polygon"]);
  // The layers behind a point, top first, as [colour, alpha]; the canvas is white.
  const behind = (x: number, y: number): number[] => {
    const layers: [number[], number][] = [];
    for (const el of document.elementsFromPoint(x, y)) {
      if (el.closest("text")) continue;
      const style = getComputedStyle(el);
      const opacity = Number(style.opacity);
      if (el instanceof SVGElement && shapes.has(el.tagName)) {
        const fill = parse(style.fill);
        if (fill) layers.push([fill, fill[3] * Number(style.fillOpacity) * opacity]);
      }
      const background = parse(style.backgroundColor);
      if (background && background[3] > 0) layers.push([background, background[3] * opacity]);
      if (layers.some(([, a]) => a >= 1)) break;
    }
    let colour = [255, 255, 255];
    for (const [c, a] of layers.reverse()) colour = over(c, a, colour);
    return colour;
  };
  const out: TextContrast[] = [];
  for (const text of document.querySelectorAll<SVGTextElement>("figure.chart svg text")) {
    if (!text.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || !text.textContent?.trim()) continue;
    let box = text.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    // Inside the window is not enough: a chart in a scrolling box clips what lies outside the
    // box, and the point would then be sampled on the page behind it. "nearest" scrolls every
    // scrolling ancestor, and does nothing when the text is already in view.
    text.scrollIntoView({ block: "nearest", inline: "nearest" });
    box = text.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
    const bg = behind(x, y);
    const style = getComputedStyle(text);
    const fill = parse(style.fill);
    if (!fill) continue;
    const fg = over(fill, fill[3] * Number(style.fillOpacity) * Number(style.opacity), bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const hex = (c: number[]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
    out.push({ chart: text.closest("figure")?.id ?? "", text: text.textContent.trim(), ratio: (hi + 0.05) / (lo + 0.05), fg: hex(fg), bg: hex(bg) });
  }
  return out;
}
