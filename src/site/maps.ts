/**
 * Choropleth maps for the pages, drawn from the study's map file with the projection and layout
 * of src/lib/map.ts. The outlines are written once per page, as a hidden sprite of <path>
 * elements, and every map on the page colours them through <use>: ten years of maps then cost
 * little more than one. A downloadable map is the same drawing with its outlines inside.
 */
import { loadProvinces, mapLayout, pathData, type ProvinceFeature } from "../lib/map.ts";

export const WIDTH = 800;
export const HEIGHT = 600;

export interface MapGeometry {
  /** Outlines by key ("m-110000" main map, "i-110000" inset, "n-0" South China Sea islands). */
  paths: Map<string, string>;
  codes: string[];
  inset: { x: number; y: number; width: number; height: number };
  nanhai: string[];
}

const cache = new Map<string, MapGeometry>();

/** The outlines of the map file, projected once. */
export function mapGeometry(file: string): MapGeometry {
  const hit = cache.get(file);
  if (hit) return hit;
  const features = loadProvinces(file);
  const layout = mapLayout(features, WIDTH, HEIGHT);
  const paths = new Map<string, string>();
  const codes: string[] = [];
  const provinces = features.filter((f): f is ProvinceFeature & { properties: { code: string } } => f.properties.kind === "province" && f.properties.code !== null);
  for (const f of provinces) {
    const main = pathData(layout.main, f);
    if (main) {
      paths.set(`m-${f.properties.code}`, main);
      codes.push(f.properties.code);
    }
    const inset = pathData(layout.insetProjection, f);
    if (inset) paths.set(`i-${f.properties.code}`, inset);
  }
  const nanhai: string[] = [];
  features
    .filter((f) => f.properties.kind === "nanhai")
    .forEach((f, i) => {
      const d = pathData(layout.insetProjection, f);
      if (d) {
        paths.set(`n-${i}`, d);
        nanhai.push(`n-${i}`);
      }
    });
  const geometry = { paths, codes, inset: layout.inset, nanhai };
  cache.set(file, geometry);
  return geometry;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The id of an outline in the page's sprite. */
const geoId = (key: string) => `geo-${key}`;

/** The hidden sprite with every outline, once per page that has maps. */
export function mapSprite(geometry: MapGeometry): string {
  const defs = [...geometry.paths].map(([key, d]) => `<path id="${geoId(key)}" d="${d}"/>`).join("");
  return `<svg class="map-sprite" aria-hidden="true" focusable="false" width="0" height="0"><defs>${defs}</defs></svg>`;
}

export interface ChoroplethOptions {
  /** Fill per unit code; a code without a fill is drawn as "no data". */
  fills: ReadonlyMap<string, string>;
  /** Tooltip text per code (name and value). */
  tips: ReadonlyMap<string, string>;
  /** Fill and tooltip of the units without data. */
  noData: { fill: string; tip: (code: string) => string };
  title: string;
  description: string;
  /** Prefix of the ids inside the SVG, unique on the page. */
  idPrefix: string;
  /** Outline colour; white between filled areas, grey when many areas are left empty. */
  stroke?: string;
  insetLabel?: string;
}

/** One map, drawing the outlines of the page's sprite (`standalone` false) or its own. */
export function choropleth(geometry: MapGeometry, options: ChoroplethOptions, standalone = false): string {
  const stroke = options.stroke ?? "#ffffff";
  const ref = (key: string) => (standalone ? `#${options.idPrefix}-${key}` : `#${geoId(key)}`);
  const fill = (code: string) => options.fills.get(code) ?? options.noData.fill;
  const tip = (code: string) => options.tips.get(code) ?? options.noData.tip(code);
  const out: string[] = [];
  out.push(
    `<svg ${standalone ? `xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" ` : ""}viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" ` +
      `aria-labelledby="${options.idPrefix}-title ${options.idPrefix}-desc" class="map">`,
  );
  out.push(`<title id="${options.idPrefix}-title">${esc(options.title)}</title>`);
  out.push(`<desc id="${options.idPrefix}-desc">${esc(options.description)}</desc>`);
  if (standalone) {
    out.push(`<defs>${[...geometry.paths].map(([key, d]) => `<path id="${options.idPrefix}-${key}" d="${d}"/>`).join("")}</defs>`);
  }
  out.push(`<g class="map-main" stroke="${esc(stroke)}" stroke-width="0.6" stroke-linejoin="round">`);
  for (const code of geometry.codes) {
    const nodata = !options.fills.has(code);
    out.push(
      `<use href="${ref(`m-${code}`)}" class="map-province${nodata ? " map-nodata" : ""}" data-code="${esc(code)}" fill="${esc(fill(code))}"><title>${esc(tip(code))}</title></use>`,
    );
  }
  out.push(`</g>`);
  const r = geometry.inset;
  out.push(`<g class="map-inset" aria-hidden="true">`);
  out.push(`<rect class="map-inset-frame" x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="#ffffff" stroke="#666666" stroke-width="0.8"/>`);
  out.push(`<g stroke="${esc(stroke)}" stroke-width="0.4">`);
  for (const code of geometry.codes) {
    if (geometry.paths.has(`i-${code}`)) out.push(`<use href="${ref(`i-${code}`)}" class="map-inset-land" data-code="${esc(code)}" fill="${esc(fill(code))}"/>`);
  }
  out.push(`</g>`);
  for (const key of geometry.nanhai) out.push(`<use href="${ref(key)}" class="map-nanhai" fill="#555555"/>`);
  const label = options.insetLabel ?? "南海诸岛";
  if (label) {
    const size = Math.round(r.width) / 10;
    out.push(
      `<text x="${(r.x + r.width - size * 0.4).toFixed(1)}" y="${(r.y + r.height - size * 0.5).toFixed(1)}" text-anchor="end" font-size="${size.toFixed(1)}" fill="#444444">${esc(label)}</text>`,
    );
  }
  out.push(`</g></svg>`);
  return out.join("");
}
