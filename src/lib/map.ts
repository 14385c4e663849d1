/**
 * China province choropleth rendered to an SVG string at build time.
 *
 * Pure functions over the TopoJSON written by scripts/import-map.ts: no DOM,
 * no network. The main map shows the mainland extent; the South China Sea
 * islands (南海诸岛) are drawn in a framed inset at the bottom right, as maps of
 * China in Chinese journals do. Same input gives the same bytes.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  geoConicEqualArea,
  geoPath,
  topoFeatures,
  type Extent,
  type Feature,
  type GeoObject,
  type GeoPath,
  type PathContext,
  type Position,
  type Projection,
  type Topology,
} from "./map-geo.ts";

export interface ProvinceProperties {
  /** GB/T 2260 six-digit code ("440000"); null for the South China Sea islands. */
  code: string | null;
  /** Chinese short name as in the source data ("广东"). */
  name: string;
  kind: "province" | "nanhai";
}

export type ProvinceFeature = Feature<ProvinceProperties>;

export const TOPOJSON_RELATIVE_PATH = "data/geo/china-provinces.topo.json";
export const TOPOJSON_OBJECT = "provinces";

/** Mainland extent drawn in the main map, degrees. */
export const MAINLAND_EXTENT = { west: 73, east: 135, south: 18, north: 54 } as const;
/** Window of the South China Sea inset, degrees. */
export const INSET_EXTENT = { west: 105, east: 125, south: 2, north: 24 } as const;

/** Albers-type equal-area conic for China: standard parallels 25° N and 47° N, central meridian 105° E. */
export const PARALLELS: [number, number] = [25, 47];
export const ROTATE: [number, number] = [-105, 0];
/** The inset uses the same projection centred on its own middle meridian, 115° E. */
export const INSET_ROTATE: [number, number] = [-115, 0];

// ---------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------

const cache = new Map<string, readonly ProvinceFeature[]>();

function findTopojson(): string {
  const candidates: string[] = [];
  try {
    // src/lib/map.ts → repository root (works when run from the source tree)
    candidates.push(join(dirname(fileURLToPath(import.meta.url)), "..", "..", TOPOJSON_RELATIVE_PATH));
  } catch {
    // import.meta.url is not a file: URL in some bundles
  }
  // From the working directory upwards (a bundled build runs from the repo root)
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    candidates.push(join(dir, TOPOJSON_RELATIVE_PATH));
    if (dirname(dir) === dir) break;
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`${TOPOJSON_RELATIVE_PATH} not found (run: npx node scripts/import-map.ts)`);
  return found;
}

/**
 * Reads the province TopoJSON (from `path`, or from the repository's
 * data/geo/china-provinces.topo.json) and returns its GeoJSON features: 34
 * provinces plus the South China Sea islands. Cached per file.
 */
export function loadProvinces(path?: string): readonly ProvinceFeature[] {
  const file = resolve(path ?? findTopojson());
  const hit = cache.get(file);
  if (hit) return hit;
  const topology = JSON.parse(readFileSync(file, "utf8")) as Topology;
  const features = Object.freeze(topoFeatures<ProvinceProperties>(topology, TOPOJSON_OBJECT));
  cache.set(file, features);
  return features;
}

// ---------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapLayout {
  width: number;
  height: number;
  /** Projection of the main map, clipped to the mainland extent. */
  main: Projection;
  /** Frame of the South China Sea inset in SVG units. */
  inset: Rect;
  /** Projection of the inset, clipped to the inset frame. */
  insetProjection: Projection;
}

/** Outline of a longitude/latitude box, sampled every degree so parallels stay curved. */
function boxOutline(box: { west: number; east: number; south: number; north: number }): Feature {
  const pts: Position[] = [];
  for (let x = box.west; x < box.east; x++) pts.push([x, box.south]);
  for (let y = box.south; y < box.north; y++) pts.push([box.east, y]);
  for (let x = box.east; x > box.west; x--) pts.push([x, box.north]);
  for (let y = box.north; y >= box.south; y--) pts.push([box.west, y]);
  return { type: "Feature", properties: {}, geometry: { type: "MultiPoint", coordinates: pts } };
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Share of the viewBox width taken by the inset frame. */
export const INSET_WIDTH_SHARE = 0.15;

/** Every polygon of every province, one feature each (for fitting and collision tests). */
function provincePolygons(features: readonly ProvinceFeature[]): Feature[] {
  return features
    .filter((f) => f.properties.kind === "province")
    .flatMap((f) => (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : []))
    .map((coordinates): Feature => ({ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates } }));
}

function fitMain(polygons: Feature[], extent: Extent): Projection {
  return geoConicEqualArea()
    .parallels(PARALLELS)
    .rotate(ROTATE)
    .fitExtent(extent, { type: "FeatureCollection", features: polygons });
}

/** Whether the projected bounds of any polygon come within `gap` of the rectangle. */
export function collides(path: GeoPath, polygons: readonly Feature[], r: Rect, gap: number): boolean {
  return polygons.some((p) => {
    const [[x0, y0], [x1, y1]] = path.bounds(p);
    return x1 > r.x - gap && x0 < r.x + r.width + gap && y1 > r.y - gap && y0 < r.y + r.height + gap;
  });
}

/**
 * Places the main map and the inset in a width × height viewBox: the inset
 * frame sits in the bottom-right corner; the main map is fitted to the 34
 * provinces (the mainland extent) and kept clear of the frame.
 */
export function mapLayout(features: readonly ProvinceFeature[], width: number, height: number): MapLayout {
  if (!(width > 0 && height > 0)) throw new Error("width and height must be positive");
  const pad = round1(Math.min(width, height) * 0.02);
  // Inset frame: bottom-right corner; its aspect follows the inset window.
  const insetWidth = round1(width * INSET_WIDTH_SHARE);
  const probe = geoConicEqualArea().parallels(PARALLELS).rotate(INSET_ROTATE).fitSize([insetWidth, 1000], boxOutline(INSET_EXTENT));
  const [[px0, py0], [px1, py1]] = geoPath(probe).bounds(boxOutline(INSET_EXTENT));
  const insetHeight = round1(insetWidth * ((py1 - py0) / (px1 - px0)));
  const inset: Rect = {
    x: round1(width - pad - insetWidth),
    y: round1(height - pad - insetHeight),
    width: insetWidth,
    height: insetHeight,
  };

  // Main map: fitted to the provinces; if any island or coast would fall under
  // the inset frame (Taiwan usually does), narrow the fitting box step by step.
  const polygons = provincePolygons(features);
  const gap = pad;
  let right = width - pad;
  let main = fitMain(polygons, [
    [pad, pad],
    [right, height - pad],
  ]);
  for (let step = 0; step < 50 && collides(geoPath(main), polygons, inset, gap); step++) {
    right -= width * 0.005;
    main = fitMain(polygons, [
      [pad, pad],
      [right, height - pad],
    ]);
  }
  // Clip the main map to the projected mainland box (and the viewBox).
  const [[bx0, by0], [bx1, by1]] = geoPath(main).bounds(boxOutline(MAINLAND_EXTENT));
  main.clipExtent([
    [Math.max(0, bx0), Math.max(0, by0)],
    [Math.min(width, bx1), Math.min(height, by1)],
  ]);

  const insetProjection = geoConicEqualArea()
    .parallels(PARALLELS)
    .rotate(INSET_ROTATE)
    .fitExtent(
      [
        [inset.x, inset.y],
        [inset.x + inset.width, inset.y + inset.height],
      ],
      boxOutline(INSET_EXTENT),
    )
    .clipExtent([
      [inset.x, inset.y],
      [inset.x + inset.width, inset.y + inset.height],
    ]);
  return { width, height, main, inset, insetProjection };
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

export interface ChoroplethOptions {
  /** Values by six-digit code; null or a missing code means no data. */
  values: ReadonlyMap<string, number | null>;
  /** Fill colour for a value. */
  color: (value: number) => string;
  /** Accessible name of the map (the svg's <title>). */
  title: string;
  /** Prefix for the ids inside the SVG; unique per page ("map-gini-2022"). */
  idPrefix: string;
  /** Longer text for the svg's <desc>; a summary is generated when omitted. */
  description?: string;
  /** Fill for provinces without data. Default "#d0d0d0". */
  noDataColor?: string;
  /** viewBox size. Default 800 × 600. */
  width?: number;
  height?: number;
  /** Tooltip label per code; the Chinese short name when absent. */
  labels?: ReadonlyMap<string, string>;
  /** When given, provinces outside the set are drawn with reduced emphasis. */
  highlight?: ReadonlySet<string>;
  /** Value text in tooltips. Default: up to 3 decimals. */
  formatValue?: (value: number) => string;
  /** Tooltip text for a province without data. Default "no data". */
  noDataText?: string;
  /** Border colour between provinces. Default "#ffffff". */
  stroke?: string;
  /** Caption inside the inset frame; null for none. Default "南海诸岛". */
  insetLabel?: string | null;
  /** Features to draw; loadProvinces() when absent. */
  features?: readonly ProvinceFeature[];
}

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function defaultFormat(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function num(v: number): string {
  return String(round1(v));
}

/**
 * Decimal places of path coordinates. The main map uses whole viewBox units:
 * it is drawn at most about 800 px wide, so a vertex moves by at most half a
 * pixel, and neighbouring provinces still meet exactly (shared vertices round
 * alike). The inset is drawn about six times smaller, so it keeps one decimal
 * (its dashes are about one unit wide).
 */
export const PATH_DIGITS = 0;
export const INSET_PATH_DIGITS = 1;

/**
 * A d3-geo path context that writes compact SVG path data. Every vertex is
 * first snapped to the grid of 10^-digits units; each ring is then written as
 * an absolute moveto followed by relative linetos between snapped vertices,
 * so rounding never accumulates and neighbours that share a border share
 * their snapped vertices. Vertices that snap onto the previous one are
 * dropped, as is a last vertex that snaps onto the ring's start (the
 * closepath draws that edge).
 */
export class CompactPathContext implements PathContext {
  private readonly scale: number;
  private readonly digits: number;
  private out = "";
  private ring: [number, number][] = [];
  private closed = false;

  constructor(digits = PATH_DIGITS) {
    if (!(Number.isInteger(digits) && digits >= 0 && digits <= 3)) throw new Error(`digits must be 0 to 3: ${digits}`);
    this.digits = digits;
    this.scale = 10 ** digits;
  }

  private snap(v: number): number {
    const n = Math.round(v * this.scale);
    return n === 0 ? 0 : n; // no "-0"
  }

  private format(n: number): string {
    if (this.digits === 0) return String(n);
    const sign = n < 0 ? "-" : "";
    const a = Math.abs(n);
    const int = Math.floor(a / this.scale);
    const frac = String(a % this.scale).padStart(this.digits, "0").replace(/0+$/, "");
    return frac ? `${sign}${int}.${frac}` : `${sign}${int}`;
  }

  /** A number preceded by a separator unless its minus sign separates it. */
  private next(n: number): string {
    return n < 0 ? this.format(n) : ` ${this.format(n)}`;
  }

  private flush(): void {
    const r = this.ring;
    if (r.length === 0) return;
    if (this.closed) while (r.length > 1 && r[r.length - 1][0] === r[0][0] && r[r.length - 1][1] === r[0][1]) r.pop();
    let s = `M${this.format(r[0][0])}${this.next(r[0][1])}`;
    for (let i = 1; i < r.length; i++) {
      const dx = r[i][0] - r[i - 1][0];
      const dy = r[i][1] - r[i - 1][1];
      s += (i === 1 ? `l${this.format(dx)}` : this.next(dx)) + this.next(dy);
    }
    this.out += this.closed ? `${s}z` : s;
    this.ring = [];
    this.closed = false;
  }

  moveTo(x: number, y: number): void {
    this.flush();
    this.ring.push([this.snap(x), this.snap(y)]);
  }

  lineTo(x: number, y: number): void {
    const p: [number, number] = [this.snap(x), this.snap(y)];
    const last = this.ring[this.ring.length - 1];
    if (!last) this.ring.push(p);
    else if (p[0] !== last[0] || p[1] !== last[1]) this.ring.push(p);
  }

  closePath(): void {
    this.closed = true;
    this.flush();
  }

  arc(): void {
    // Point geometries are not drawn.
  }

  /** The path data written so far, and a fresh start. */
  take(): string {
    this.flush();
    const s = this.out;
    this.out = "";
    return s;
  }
}

/**
 * Compact SVG path data for an object under a projection ("" when nothing is
 * visible). Use INSET_PATH_DIGITS for the inset projection.
 */
export function pathData(projection: Projection, object: GeoObject, digits = PATH_DIGITS): string {
  const context = new CompactPathContext(digits);
  geoPath(projection, context)(object);
  return context.take();
}

/**
 * Renders a choropleth of China's provinces as a standalone SVG string with a
 * viewBox (no fixed size), role="img" and a <title>/<desc> pair, one
 * <path class="map-province"> per province (plus "map-nodata" where there is
 * no value) with a <title> tooltip, and a South China Sea inset
 * (<g class="map-inset">) at the bottom right.
 */
export function renderChoropleth(options: ChoroplethOptions): string {
  const {
    values,
    color,
    title,
    idPrefix,
    noDataColor = "#d0d0d0",
    width = 800,
    height = 600,
    labels,
    highlight,
    formatValue = defaultFormat,
    noDataText = "no data",
    stroke = "#ffffff",
    insetLabel = "南海诸岛",
  } = options;
  if (!ID_PATTERN.test(idPrefix)) throw new Error(`idPrefix must match ${ID_PATTERN}: ${JSON.stringify(idPrefix)}`);
  const features = options.features ?? loadProvinces();
  const provinces = features.filter((f) => f.properties.kind === "province" && f.properties.code !== null);
  const nanhai = features.filter((f) => f.properties.kind === "nanhai");
  const layout = mapLayout(features, width, height);
  const mainContext = new CompactPathContext();
  const insetContext = new CompactPathContext(INSET_PATH_DIGITS);
  const mainGeoPath = geoPath(layout.main, mainContext);
  const insetGeoPath = geoPath(layout.insetProjection, insetContext);
  const mainPath = (f: ProvinceFeature) => (mainGeoPath(f), mainContext.take());
  const insetPath = (f: ProvinceFeature) => (insetGeoPath(f), insetContext.take());

  const valueOf = (code: string): number | null => {
    const v = values.get(code);
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const muted = (code: string) => highlight !== undefined && !highlight.has(code);
  const fillOf = (code: string) => {
    const v = valueOf(code);
    return v === null ? noDataColor : color(v);
  };
  // Muted provinces first so highlighted borders are drawn on top.
  const ordered = highlight ? [...provinces.filter((f) => muted(f.properties.code!)), ...provinces.filter((f) => !muted(f.properties.code!))] : provinces;

  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const withData = provinces.filter((f) => valueOf(f.properties.code!) !== null).length;
  const description =
    options.description ??
    `Map of China by province: ${withData} of ${provinces.length} provinces with data, provinces without data in grey. The South China Sea islands are shown in an inset at the bottom right.`;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" role="img" aria-labelledby="${titleId} ${descId}" class="map">`,
  );
  out.push(`<title id="${titleId}">${escapeXml(title)}</title>`);
  out.push(`<desc id="${descId}">${escapeXml(description)}</desc>`);

  // Main map
  out.push(`<g class="map-main" stroke="${escapeXml(stroke)}" stroke-width="0.6" stroke-linejoin="round">`);
  for (const f of ordered) {
    const code = f.properties.code!;
    const d = mainPath(f);
    if (!d) continue;
    const v = valueOf(code);
    const classes = ["map-province"];
    if (v === null) classes.push("map-nodata");
    const label = labels?.get(code) ?? f.properties.name;
    const tip = `${label}: ${v === null ? noDataText : formatValue(v)}`;
    const extra = highlight === undefined ? "" : muted(code) ? ` fill-opacity="0.3"` : ` stroke="#333333" stroke-width="1"`;
    if (highlight !== undefined && !muted(code)) classes.push("map-highlight");
    out.push(
      `<path class="${classes.join(" ")}" data-code="${code}" fill="${escapeXml(fillOf(code))}"${extra} d="${d}"><title>${escapeXml(tip)}</title></path>`,
    );
  }
  out.push(`</g>`);

  // South China Sea inset: opaque frame on top of the main map, own projection and clip.
  const r = layout.inset;
  out.push(`<g class="map-inset" aria-hidden="true">`);
  out.push(
    `<rect class="map-inset-frame" x="${num(r.x)}" y="${num(r.y)}" width="${num(r.width)}" height="${num(r.height)}" fill="#ffffff" stroke="#666666" stroke-width="0.8"/>`,
  );
  out.push(`<g stroke="${escapeXml(stroke)}" stroke-width="0.4" stroke-linejoin="round">`);
  for (const f of provinces) {
    const d = insetPath(f);
    if (!d) continue;
    const code = f.properties.code!;
    const extra = muted(code) ? ` fill-opacity="0.3"` : "";
    out.push(`<path class="map-inset-land" data-code="${code}" fill="${escapeXml(fillOf(code))}"${extra} d="${d}"/>`);
  }
  out.push(`</g>`);
  for (const f of nanhai) {
    const d = insetPath(f);
    if (d) out.push(`<path class="map-nanhai" fill="#555555" d="${d}"/>`);
  }
  if (insetLabel) {
    const size = round1(r.width / 10);
    out.push(
      `<text x="${num(r.x + r.width - size * 0.4)}" y="${num(r.y + r.height - size * 0.5)}" text-anchor="end" font-size="${num(size)}" font-family="sans-serif" fill="#444444">${escapeXml(insetLabel)}</text>`,
    );
  }
  out.push(`</g>`);
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
