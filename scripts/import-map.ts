/**
 * Builds data/geo/china-provinces.topo.json from the China map that ships with
 * the npm package echarts@4.9.0 (Apache-2.0): map/json/china.json.
 *
 * Steps:
 *  1. decode echarts' "UTF8Encoding" coordinate strings (own decoder, see
 *     decodeRing below);
 *  2. close open rings, drop degenerate rings (fewer than 3 distinct points);
 *  3. rewind every ring so that d3-geo sees exterior rings clockwise (spherical
 *     area < 2π) and holes counter-clockwise;
 *  4. attach { code, name, kind } properties; code is the GB/T 2260 province code
 *     from our own name table (cross-checked against the file's ids);
 *  5. add the South China Sea islands (南海诸岛) feature: china.json has none;
 *     echarts draws it at run time from lib/coord/geo/fix/nanhai.js, a schematic
 *     in box units. Its nine dash segments are placed into longitude/latitude
 *     with a fitted affine transform (see placeNanhai; approximate, schematic);
 *  6. snap the borders between provinces onto each other (see snapBorders),
 *     so that neighbours hold identical lines that TopoJSON can share;
 *  7. convert to TopoJSON with topojson-server (object "provinces", quantized);
 *  8. simplify with topojson-simplify (see simplifyTopology): Visvalingam
 *     weights by spherical triangle area, arcs shared by neighbours simplified
 *     once so borders stay gap-free, islets below an area threshold dropped,
 *     but never a feature's main polygon, nor Taiwan's, Hong Kong's or Macao's
 *     islands, nor the South China Sea dashes (left unsimplified);
 *  9. check the winding again and write the file together with
 *     data/geo/ATTRIBUTION.md.
 *
 * Run: npx node scripts/import-map.ts
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  filterAttached,
  filterRings,
  geoArea,
  geoCentroid,
  presimplify,
  quantize,
  simplify,
  sphericalRingArea,
  toTopology as buildTopology,
  topoFeatures,
  type Position,
  type Ring,
  type TopoGeometry,
  type Topology,
  type WeightedTopology,
} from "../src/lib/map-geo.ts";

export type { Position, Ring };

export interface ProvinceProperties {
  /** GB/T 2260 six-digit code as a string, null for the South China Sea islands. */
  code: string | null;
  /** Chinese short name as in the source file, e.g. "广东". */
  name: string;
  kind: "province" | "nanhai";
}

export interface ProvinceFeature {
  type: "Feature";
  properties: ProvinceProperties;
  geometry:
    | { type: "Polygon"; coordinates: Ring[] }
    | { type: "MultiPolygon"; coordinates: Ring[][] };
}

export const SOURCE_PACKAGE = "echarts";
export const SOURCE_VERSION = "4.9.0";
export const SOURCE_FILE = "map/json/china.json";
export const NANHAI_SOURCE_FILE = "lib/coord/geo/fix/nanhai.js";
export const OBJECT_NAME = "provinces";
export const QUANTIZATION = 1e5;
export const NANHAI_NAME = "南海诸岛";

/** Short name (as spelled in china.json) → GB/T 2260 province-level code. */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  北京: "110000",
  天津: "120000",
  河北: "130000",
  山西: "140000",
  内蒙古: "150000",
  辽宁: "210000",
  吉林: "220000",
  黑龙江: "230000",
  上海: "310000",
  江苏: "320000",
  浙江: "330000",
  安徽: "340000",
  福建: "350000",
  江西: "360000",
  山东: "370000",
  河南: "410000",
  湖北: "420000",
  湖南: "430000",
  广东: "440000",
  广西: "450000",
  海南: "460000",
  重庆: "500000",
  四川: "510000",
  贵州: "520000",
  云南: "530000",
  西藏: "540000",
  陕西: "610000",
  甘肃: "620000",
  青海: "630000",
  宁夏: "640000",
  新疆: "650000",
  台湾: "710000",
  香港: "810000",
  澳门: "820000",
};

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

/**
 * Decodes one ring of echarts' UTF8Encoding.
 *
 * The string holds pairs of characters (x, y). For each character, c - 64 is a
 * zigzag-encoded integer (0 → 0, 1 → -1, 2 → 1, 3 → -2, …), i.e. value =
 * (n >> 1) ^ -(n & 1). Values are deltas from the previous point; the first
 * point is relative to the ring's encodeOffsets pair. Integer coordinates are
 * divided by the scale (UTF8Scale, default 1024) to give degrees.
 */
export function decodeRing(encoded: string, offset: readonly [number, number], scale = 1024): Ring {
  if (encoded.length % 2 !== 0) throw new Error(`odd-length encoded ring (${encoded.length})`);
  const ring: Ring = [];
  let x = offset[0];
  let y = offset[1];
  for (let i = 0; i < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    if (dx < 0 || dy < 0) throw new Error(`invalid code unit at ${i}`);
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

interface EchartsFeature {
  id?: string;
  properties: { id?: string; name: string };
  geometry:
    | { type: "Polygon"; coordinates: string[]; encodeOffsets: [number, number][] }
    | { type: "MultiPolygon"; coordinates: string[][]; encodeOffsets: [number, number][][] };
}

export interface EchartsMap {
  type: "FeatureCollection";
  features: EchartsFeature[];
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
}

/** Decoded polygons (each a list of rings) of one echarts feature. */
export function decodeGeometry(feature: EchartsFeature, scale: number): Ring[][] {
  const g = feature.geometry;
  if (g.type === "Polygon") {
    return [g.coordinates.map((s, i) => decodeRing(s, g.encodeOffsets[i], scale))];
  }
  if (g.type === "MultiPolygon") {
    return g.coordinates.map((polygon, i) =>
      polygon.map((s, k) => decodeRing(s, g.encodeOffsets[i][k], scale)),
    );
  }
  throw new Error(`unsupported geometry type ${(g as { type: string }).type}`);
}

// ---------------------------------------------------------------------------
// Cleaning and winding
// ---------------------------------------------------------------------------

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Closes the ring and removes consecutive duplicate points. */
export function closeRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) if (out.length === 0 || !samePoint(out[out.length - 1], p)) out.push(p);
  if (out.length > 0 && !samePoint(out[0], out[out.length - 1])) out.push(out[0]);
  return out;
}

/** A ring needs at least three distinct points to enclose anything. */
export function isDegenerate(ring: Ring): boolean {
  const distinct = new Set(ring.map((p) => `${p[0]},${p[1]}`));
  return distinct.size < 3;
}

/** Spherical area of a single ring read as a d3 polygon (clockwise = small). */
export function ringArea(ring: Ring): number {
  return geoArea({ type: "Polygon", coordinates: [ring] });
}

export interface RewindRecord {
  name: string;
  /** Index of the polygon and ring in the source file (before any clean-up). */
  polygon: number;
  ring: number;
  points: number;
  /** Mean of the ring's vertices, to say where it is. */
  near: Position;
  /** Spherical area (steradians) as found, before reversing. */
  areaBefore: number;
  areaAfter: number;
}

/**
 * Makes exterior rings clockwise (d3: spherical area < 2π) and holes
 * counter-clockwise. Returns the reversed rings for the record.
 */
export function rewindPolygons(
  name: string,
  polygons: Ring[][],
  sourceIndex: (polygon: number, ring: number) => [number, number] = (p, r) => [p, r],
): RewindRecord[] {
  const records: RewindRecord[] = [];
  polygons.forEach((polygon, pi) => {
    polygon.forEach((ring, ri) => {
      const area = ringArea(ring);
      const exterior = ri === 0;
      const wrong = exterior ? area > 2 * Math.PI : area < 2 * Math.PI;
      if (wrong) {
        ring.reverse();
        const [sp, sr] = sourceIndex(pi, ri);
        const n = ring.length - 1;
        const near: Position = [0, 1].map((k) => ring.slice(0, n).reduce((s, p) => s + p[k], 0) / n) as Position;
        records.push({ name, polygon: sp, ring: sr, points: ring.length, near, areaBefore: area, areaAfter: ringArea(ring) });
      }
    });
  });
  return records;
}

// ---------------------------------------------------------------------------
// South China Sea islands (南海诸岛)
// ---------------------------------------------------------------------------

/**
 * echarts' nanhai.js schematic, in its own box units (x to the right, 0–64;
 * y downwards, 0–93.1). Its twelve polygons are, in order: a sketch of the
 * mainland coast along the top edge (Leizhou peninsula as a bump at x ≈ 7–15,
 * the southern tip of Taiwan as a spike at (56, 7.7)); a sketch of Hainan
 * island just below the bump; nine dash segments forming the U-shaped line,
 * from the one south-west of Hainan round to the one south-east of Taiwan; and
 * the frame of the box.
 */
export interface NanhaiSchematic {
  coast: Ring;
  hainan: Ring;
  dashes: Ring[];
  frame: Ring;
}

export function readNanhaiSchematic(source: string): NanhaiSchematic {
  const match = /var points = (\[\[\[[\s\S]*?\]\]\]);/.exec(source);
  if (!match) throw new Error(`${NANHAI_SOURCE_FILE}: points array not found`);
  const polygons = JSON.parse(match[1]) as Ring[];
  if (polygons.length !== 12) throw new Error(`${NANHAI_SOURCE_FILE}: expected 12 polygons, got ${polygons.length}`);
  return { coast: polygons[0], hainan: polygons[1], dashes: polygons.slice(2, 11), frame: polygons[11] };
}

/** The spike of the coast sketch that stands for the southern tip of Taiwan. */
export const SCHEMATIC_TAIWAN_TIP: Position = [56, 7.7];

/**
 * Box units → degrees: lon = a·x + b·y + c, lat = d·x + e·y + f.
 *
 * The schematic is a pictogram, not a survey. It is placed by the
 * least-squares affine transform through eleven correspondences: the centre of
 * its Hainan sketch → Hainan's centre (109.8° E, 19.2° N); its Taiwan spike →
 * Taiwan's southern tip (120.85° E, 21.9° N); and its nine dash centres, in
 * order, → approximate positions at sea chosen by hand for this project (off
 * central and southern Vietnam, north-east of the Natuna islands, south of
 * James Shoal 曾母暗沙, off Sabah, west of Palawan, west and north-west of
 * Luzon, the Bashi Channel). The fit leaves residuals of about 1° at most:
 * the result is a locator for a small inset, not a line to measure against.
 */
export const NANHAI_DASH_TARGETS: ReadonlyArray<Position> = [
  [109.5, 16.0],
  [110.2, 12.0],
  [108.5, 6.5],
  [112.0, 3.7],
  [115.5, 7.5],
  [117.7, 11.0],
  [119.0, 15.0],
  [119.7, 18.5],
  [121.2, 21.2],
];
export const HAINAN_CENTRE: Position = [109.8, 19.2];
export const TAIWAN_SOUTH_TIP: Position = [120.85, 21.9];

/** Mean of a ring's distinct vertices. */
function ringCentre(ring: Ring): Position {
  const closedRing = samePoint(ring[0], ring[ring.length - 1]);
  const pts = closedRing ? ring.slice(0, -1) : ring;
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
}

function det3(q: number[][]): number {
  return (
    q[0][0] * (q[1][1] * q[2][2] - q[1][2] * q[2][1]) -
    q[0][1] * (q[1][0] * q[2][2] - q[1][2] * q[2][0]) +
    q[0][2] * (q[1][0] * q[2][1] - q[1][1] * q[2][0])
  );
}

/** Least-squares affine transform from `from` to `to` (at least three points, not collinear). */
export function fitAffine(from: ReadonlyArray<Position>, to: ReadonlyArray<Position>): [number, number, number, number, number, number] {
  if (from.length !== to.length || from.length < 3) throw new Error("need matching point lists of three or more");
  // Normal equations (AᵀA) p = Aᵀb with rows A = [x y 1], solved by Cramer's rule.
  const ata = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const atLon = [0, 0, 0];
  const atLat = [0, 0, 0];
  from.forEach(([x, y], i) => {
    const row = [x, y, 1];
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) ata[r][c] += row[r] * row[c];
      atLon[r] += row[r] * to[i][0];
      atLat[r] += row[r] * to[i][1];
    }
  });
  const d0 = det3(ata);
  if (Math.abs(d0) < 1e-9) throw new Error("degenerate anchor points");
  const solve = (rhs: number[]) => [0, 1, 2].map((col) => det3(ata.map((row, r) => row.map((v, c) => (c === col ? rhs[r] : v)))) / d0);
  const [a, b, c] = solve(atLon);
  const [d, e, f] = solve(atLat);
  return [a, b, c, d, e, f];
}

/** Rounds to 1/1024 degree, the resolution of the province data. */
function snap(v: number): number {
  return Math.round(v * 1024) / 1024;
}

export interface NanhaiPlacement {
  transform: [number, number, number, number, number, number];
  /** Distance in degrees between each placed anchor and its target (dashes, then Hainan, Taiwan). */
  residuals: number[];
}

export function placeNanhai(schematic: NanhaiSchematic): NanhaiPlacement {
  if (schematic.dashes.length !== NANHAI_DASH_TARGETS.length) {
    throw new Error(`expected ${NANHAI_DASH_TARGETS.length} dashes, got ${schematic.dashes.length}`);
  }
  if (!schematic.coast.some((p) => samePoint(p, SCHEMATIC_TAIWAN_TIP))) throw new Error("Taiwan spike not found in the coast sketch");
  const from = [...schematic.dashes.map(ringCentre), ringCentre(schematic.hainan), SCHEMATIC_TAIWAN_TIP];
  const to = [...NANHAI_DASH_TARGETS, HAINAN_CENTRE, TAIWAN_SOUTH_TIP];
  const transform = fitAffine(from, to);
  const [a, b, c, d, e, f] = transform;
  const residuals = from.map(([x, y], i) => Math.hypot(a * x + b * y + c - to[i][0], d * x + e * y + f - to[i][1]));
  return { transform, residuals };
}

export function nanhaiFeature(schematic: NanhaiSchematic): ProvinceFeature {
  const [a, b, c, d, e, f] = placeNanhai(schematic).transform;
  const polygons: Ring[][] = schematic.dashes.map((ring) => [
    closeRing(ring.map(([x, y]): Position => [snap(a * x + b * y + c), snap(d * x + e * y + f)])),
  ]);
  rewindPolygons(NANHAI_NAME, polygons);
  return {
    type: "Feature",
    properties: { code: null, name: NANHAI_NAME, kind: "nanhai" },
    geometry: { type: "MultiPolygon", coordinates: polygons },
  };
}

// ---------------------------------------------------------------------------
// Conversion
// ---------------------------------------------------------------------------

export interface ImportReport {
  features: ProvinceFeature[];
  rewound: RewindRecord[];
  droppedDegenerate: { name: string; polygon: number; ring: number; points: number }[];
  closed: { name: string; polygon: number; ring: number }[];
}

export function convertEcharts(map: EchartsMap): ImportReport {
  if (map.type !== "FeatureCollection") throw new Error("not a FeatureCollection");
  const scale = map.UTF8Scale ?? 1024;
  const rewound: RewindRecord[] = [];
  const droppedDegenerate: ImportReport["droppedDegenerate"] = [];
  const closed: ImportReport["closed"] = [];
  const features: ProvinceFeature[] = [];
  const seen = new Set<string>();

  for (const src of map.features) {
    const name = src.properties.name;
    const code = PROVINCE_CODES[name];
    if (!code) throw new Error(`no code for feature name ${JSON.stringify(name)}`);
    const fileId = src.properties.id ?? src.id;
    if (fileId !== undefined && fileId !== code) throw new Error(`${name}: table code ${code} ≠ file id ${fileId}`);
    if (seen.has(code)) throw new Error(`duplicate feature ${code}`);
    seen.add(code);

    const raw = map.UTF8Encoding === false ? (src.geometry.coordinates as unknown as Ring[][]) : decodeGeometry(src, scale);
    const polygons: Ring[][] = [];
    const origin: [number, number][][] = []; // source [polygon, ring] of each kept ring
    raw.forEach((polygon, pi) => {
      const rings: Ring[] = [];
      const from: [number, number][] = [];
      for (const [ri, ring] of polygon.entries()) {
        if (ring.length > 0 && !samePoint(ring[0], ring[ring.length - 1])) closed.push({ name, polygon: pi, ring: ri });
        const c = closeRing(ring);
        if (isDegenerate(c)) {
          // A degenerate exterior takes its (non-existent) holes with it.
          droppedDegenerate.push({ name, polygon: pi, ring: ri, points: ring.length });
          if (ri === 0) return;
          continue;
        }
        rings.push(c);
        from.push([pi, ri]);
      }
      polygons.push(rings);
      origin.push(from);
    });
    if (polygons.length === 0) throw new Error(`${name}: no polygon left`);
    rewound.push(...rewindPolygons(name, polygons, (p, r) => origin[p][r]));
    features.push({
      type: "Feature",
      properties: { code, name, kind: "province" },
      geometry: polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0] } : { type: "MultiPolygon", coordinates: polygons },
    });
  }
  const missing = Object.entries(PROVINCE_CODES).filter(([, code]) => !seen.has(code));
  if (missing.length > 0) throw new Error(`features missing from source: ${missing.map(([n]) => n).join(", ")}`);

  features.sort((p, q) => (p.properties.code! < q.properties.code! ? -1 : 1));
  return { features, rewound, droppedDegenerate, closed };
}

export function toTopology(features: ProvinceFeature[], quantization = QUANTIZATION): Topology {
  // topojson-server mutates coordinates while quantizing: hand it a copy.
  const copy = JSON.parse(JSON.stringify({ type: "FeatureCollection", features }));
  return buildTopology({ [OBJECT_NAME]: copy }, quantization);
}

// ---------------------------------------------------------------------------
// Shared borders
// ---------------------------------------------------------------------------

/**
 * In china.json about a third of the length of the borders between provinces
 * is stored twice, as two slightly different lines (each province was
 * simplified on its own; the lines lie up to about a kilometre apart and cross
 * each other). TopoJSON can only share a border whose points are identical,
 * and two such lines, simplified separately, open slivers between the
 * provinces. snapBorders makes them identical: points of different provinces
 * closer than SNAP_TOLERANCE are merged, then every point of another
 * province lying within SNAP_TOLERANCE of an edge is inserted into that edge.
 * No point moves by more than the tolerance.
 */
export const SNAP_TOLERANCE = 16 / 1024; // degrees: 16 steps of the source grid, under 1.8 km

export interface SnapReport {
  /** Points moved onto a point of another province. */
  merged: number;
  /** Points of another province inserted into an edge. */
  inserted: number;
  /** Spikes (x → q → x) removed after merging. */
  spikes: number;
}

function key(p: Position): string {
  return `${p[0]},${p[1]}`;
}

function ringsOf(f: ProvinceFeature): Ring[] {
  return f.geometry.type === "Polygon" ? f.geometry.coordinates : f.geometry.coordinates.flat();
}

/** Distance from p to segment ab and the position of the foot along it (0 at a, 1 at b); planar in degrees. */
function segmentFoot(p: Position, a: Position, b: Position): { d: number; t: number } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2;
  const c = Math.max(0, Math.min(1, t));
  return { d: Math.hypot(p[0] - a[0] - c * dx, p[1] - a[1] - c * dy), t };
}

/**
 * Removes spikes, x → q → x, which merging can leave where two points of a
 * ring land on the same point: they enclose nothing and would draw as a
 * stroke sticking out of the outline.
 */
export function removeSpikes(ring: Ring): { ring: Ring; removed: number } {
  let pts = closeRing(ring).slice(0, -1);
  let removed = 0;
  for (let changed = true; changed && pts.length >= 3; ) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length >= 3; i++) {
      const n = pts.length;
      const prev = pts[(i + n - 1) % n];
      const next = pts[(i + 1) % n];
      if (samePoint(prev, next)) {
        const j = (i + 1) % n;
        pts = pts.filter((_, k) => k !== i && k !== j);
        removed++;
        changed = true;
      }
    }
    // drop consecutive repeats the removal may have joined
    pts = closeRing(pts).slice(0, -1);
  }
  return { ring: closeRing(pts), removed };
}

/** Snaps the borders of the provinces (kind "province") onto each other, in place. */
export function snapBorders(features: ProvinceFeature[], tolerance = SNAP_TOLERANCE): SnapReport {
  if (!(tolerance > 0)) return { merged: 0, inserted: 0, spikes: 0 };
  const provinces = features.filter((f) => f.properties.kind === "province");
  const cell = tolerance;
  const cellOf = (p: Position) => `${Math.floor(p[0] / cell)},${Math.floor(p[1] / cell)}`;

  // Distinct points and the provinces they belong to.
  const owners = new Map<string, { p: Position; of: Set<number> }>();
  provinces.forEach((f, fi) => {
    for (const ring of ringsOf(f)) for (const p of ring) {
      const k = key(p);
      const o = owners.get(k);
      if (o) o.of.add(fi);
      else owners.set(k, { p, of: new Set([fi]) });
    }
  });
  const sameOwners = (a: Set<number>, b: Set<number>) => a.size === b.size && [...a].every((x) => b.has(x));

  // 1. Merge points of different provinces closer than the tolerance, in a
  //    fixed order (by longitude, then latitude), onto the first of them.
  const points = [...owners.values()].sort((u, v) => u.p[0] - v.p[0] || u.p[1] - v.p[1]);
  const grid = new Map<string, typeof points>();
  for (const o of points) {
    const c = cellOf(o.p);
    const list = grid.get(c);
    if (list) list.push(o);
    else grid.set(c, [o]);
  }
  const near = (p: Position) => {
    const [cx, cy] = [Math.floor(p[0] / cell), Math.floor(p[1] / cell)];
    const out: typeof points = [];
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) out.push(...(grid.get(`${cx + dx},${cy + dy}`) ?? []));
    return out;
  };
  const target = new Map<string, Position>();
  for (const o of points) {
    if (target.has(key(o.p))) continue;
    for (const v of near(o.p)) {
      const k = key(v.p);
      if (v === o || target.has(k) || sameOwners(o.of, v.of)) continue;
      if (Math.hypot(v.p[0] - o.p[0], v.p[1] - o.p[1]) <= tolerance) target.set(k, o.p);
    }
  }
  const moved = (p: Position): Position => target.get(key(p)) ?? p;
  let merged = 0;
  for (const f of provinces) {
    const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) {
      polygon.forEach((ring, i) => {
        merged += ring.filter((p) => target.has(key(p))).length;
        const snapped = closeRing(ring.map(moved));
        if (isDegenerate(snapped)) throw new Error(`${f.properties.name}: a ring collapsed while snapping`);
        polygon[i] = snapped;
      });
    }
  }

  // 2. Insert into each edge the points of other provinces that lie within
  //    the tolerance of it, in order along the edge.
  const after = new Map<string, { p: Position; of: Set<number> }>();
  provinces.forEach((f, fi) => {
    for (const ring of ringsOf(f)) for (const p of ring) {
      const o = after.get(key(p));
      if (o) o.of.add(fi);
      else after.set(key(p), { p, of: new Set([fi]) });
    }
  });
  grid.clear();
  for (const o of [...after.values()].sort((u, v) => u.p[0] - v.p[0] || u.p[1] - v.p[1])) {
    const c = cellOf(o.p);
    const list = grid.get(c);
    if (list) list.push(o);
    else grid.set(c, [o]);
  }
  let inserted = 0;
  let spikes = 0;
  provinces.forEach((f, fi) => {
    const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) {
      polygon.forEach((ring, ri) => {
        const out: Ring = [ring[0]];
        for (let i = 1; i < ring.length; i++) {
          const a = ring[i - 1];
          const b = ring[i];
          const seen = new Set<string>();
          const extra: { p: Position; t: number }[] = [];
          // candidate cells along the edge's bounding box, widened by one cell
          const [x0, x1] = [Math.floor(Math.min(a[0], b[0]) / cell) - 1, Math.floor(Math.max(a[0], b[0]) / cell) + 1];
          const [y0, y1] = [Math.floor(Math.min(a[1], b[1]) / cell) - 1, Math.floor(Math.max(a[1], b[1]) / cell) + 1];
          for (let cx = x0; cx <= x1; cx++) {
            for (let cy = y0; cy <= y1; cy++) {
              for (const o of grid.get(`${cx},${cy}`) ?? []) {
                const k = key(o.p);
                if (o.of.has(fi) || seen.has(k)) continue;
                seen.add(k);
                const { d, t } = segmentFoot(o.p, a, b);
                if (d <= tolerance && t > 0 && t < 1) extra.push({ p: o.p, t });
              }
            }
          }
          extra.sort((u, v) => u.t - v.t || u.p[0] - v.p[0] || u.p[1] - v.p[1]);
          for (const e of extra) out.push(e.p);
          out.push(b);
          inserted += extra.length;
        }
        const cleaned = removeSpikes(out);
        if (isDegenerate(cleaned.ring)) throw new Error(`${f.properties.name}: a ring collapsed while snapping`);
        spikes += cleaned.removed;
        polygon[ri] = cleaned.ring;
      });
    }
  });
  return { merged, inserted, spikes };
}

// ---------------------------------------------------------------------------
// Simplification
// ---------------------------------------------------------------------------

/** Mean Earth radius (IUGG), km: converts steradians to km² for the record. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Visvalingam threshold: a point goes when the triangle it forms with its
 * neighbours covers less than this many km² of the sphere (weights are
 * topojson-simplify's sphericalTriangleArea, in steradians: km² / R²).
 */
export const SIMPLIFY_MIN_AREA_KM2 = 100;
export const SIMPLIFY_MIN_WEIGHT = SIMPLIFY_MIN_AREA_KM2 / EARTH_RADIUS_KM ** 2;

/**
 * Detached islets (rings that share no arc with another ring) smaller than
 * this, measured at full resolution, are dropped: under about half a pixel at
 * the 800-unit map.
 */
export const ISLET_MIN_AREA_KM2 = 30;

/** Features whose every ring is kept, however small: Taiwan (with 钓鱼岛 and 赤尾屿), Hong Kong, Macao. */
export const KEEP_ALL_RINGS: ReadonlySet<string> = new Set(["710000", "810000", "820000"]);

export interface DroppedIslet {
  name: string;
  near: Position;
  areaKm2: number;
}

export interface SimplifyReport {
  /** Points in the arcs of the topology before and after. */
  pointsBefore: number;
  pointsAfter: number;
  droppedIslets: DroppedIslet[];
  /** Rings that would have collapsed below a triangle or turned inside out, and how many points were kept for them. */
  protectedRings: { name: string; near: Position; pointsKept: number }[];
}

function arcPoints(topology: { arcs: unknown[][] }): number {
  return topology.arcs.reduce((s, a) => s + a.length, 0);
}

/** Polygons (each a list of rings, each a list of arc indexes) of a topology geometry. */
function topoPolygons(g: TopoGeometry): number[][][] {
  if (g.type === "Polygon") return [g.arcs as number[][]];
  if (g.type === "MultiPolygon") return g.arcs as number[][][];
  return [];
}

/** Coordinates of a ring of arc indexes (closed), from a presimplified topology. */
function ringCoordinates(topology: WeightedTopology, ring: number[]): Position[] {
  const out: Position[] = [];
  for (const index of ring) {
    const arc = index < 0 ? [...topology.arcs[~index]].reverse() : topology.arcs[index];
    arc.forEach((p, k) => {
      if (k > 0 || out.length === 0) out.push([p[0], p[1]]);
    });
  }
  return out;
}

function ringNear(coordinates: Position[]): Position {
  return geoCentroid({ type: "Polygon", coordinates: [coordinates] });
}

/**
 * Simplifies the quantized topology made by toTopology and re-quantizes it on
 * the same grid. Each arc is simplified once, so two provinces sharing a
 * border keep sharing exactly the same points: no gaps or overlaps appear
 * between neighbours. Detached islets smaller than ISLET_MIN_AREA_KM2 are
 * dropped, except the largest polygon of every feature and every ring of the
 * KEEP_ALL_RINGS features; the points of their islets and of the South China
 * Sea dashes are all kept. A kept ring that would shrink below a triangle, or
 * turn inside out, keeps its highest-weighted points until it is sound again.
 * Deterministic: same input, same output.
 */
export function simplifyTopology(topology: Topology, minWeight = SIMPLIFY_MIN_WEIGHT, isletMinAreaKm2 = ISLET_MIN_AREA_KM2): { topology: Topology; report: SimplifyReport } {
  const transform = topology.transform;
  if (!transform) throw new Error("expected a quantized topology");
  const pointsBefore = arcPoints(topology);
  const weighted = presimplify(topology);
  const geometries = (weighted.objects[OBJECT_NAME]?.geometries ?? []) as TopoGeometry<ProvinceProperties>[];
  const attached = filterAttached(weighted);
  const isletMinArea = isletMinAreaKm2 / EARTH_RADIUS_KM ** 2;

  // Which exterior rings stay (rings are matched by identity: filterRings
  // hands the filter the same arrays).
  const keep = new Set<number[]>();
  const droppedIslets: DroppedIslet[] = [];
  for (const g of geometries) {
    const props = g.properties!;
    const polygons = topoPolygons(g);
    const areas = polygons.map((p) => sphericalRingArea(ringCoordinates(weighted, p[0]), false));
    const largest = areas.indexOf(Math.max(...areas));
    const all = props.kind === "nanhai" || (props.code !== null && KEEP_ALL_RINGS.has(props.code));
    const unsimplified = (ring: number[]) => {
      for (const index of ring) for (const p of weighted.arcs[index < 0 ? ~index : index]) p[2] = Infinity;
    };
    polygons.forEach((polygon, i) => {
      const exterior = polygon[0];
      if (all || i === largest || attached(exterior, false) || areas[i] >= isletMinArea) keep.add(exterior);
      else droppedIslets.push({ name: props.name, near: ringNear(ringCoordinates(weighted, exterior)), areaKm2: areas[i] * EARTH_RADIUS_KM ** 2 });
      // The dashes are a schematic of five points each, and the islets of
      // Taiwan and Hong Kong (钓鱼岛, 赤尾屿, 澎湖, 兰屿, Hong Kong Island)
      // are a few pixels across: their points are all kept.
      if (props.kind === "nanhai" || (all && i !== largest && !attached(exterior, false))) polygon.forEach(unsimplified);
    });
  }
  const filtered = filterRings(weighted, (ring, interior) => interior || keep.has(ring));

  // No kept ring may collapse or turn inside out: while fewer than three
  // distinct points would survive, or the survivors would wind the wrong way
  // (an exterior ring must stay clockwise for d3, a hole counter-clockwise),
  // lift the weight of the ring's best remaining point. Lifting only adds
  // points to shared arcs, so repeat until a whole pass changes nothing.
  const kept = new Map<number[], { name: string; ring: number[]; points: number }>();
  const survivors = (ring: number[]): Position[] => {
    const out: Position[] = [];
    for (const index of ring) {
      const arc = filtered.arcs[index < 0 ? ~index : index].filter((p) => p[2] >= minWeight);
      if (index < 0) arc.reverse();
      arc.forEach((p, k) => {
        if (k > 0 || out.length === 0) out.push([p[0], p[1]]);
      });
    }
    return out;
  };
  const sound = (coordinates: Position[], exterior: boolean) => {
    if (new Set(coordinates.map(key)).size < 3) return false;
    const area = geoArea({ type: "Polygon", coordinates: [coordinates] });
    return exterior ? area < 2 * Math.PI : area > 2 * Math.PI;
  };
  for (let pass = 0, changed = true; changed; pass++) {
    if (pass === 10) throw new Error("simplification: rings still unsound after 10 passes");
    changed = false;
    for (const g of filtered.objects[OBJECT_NAME].geometries as TopoGeometry<ProvinceProperties>[]) {
      for (const polygon of topoPolygons(g)) {
        polygon.forEach((ring, ri) => {
          if (sound(survivors(ring), ri === 0)) return;
          const candidates = ring
            .flatMap((index, a) => filtered.arcs[index < 0 ? ~index : index].map((p, k) => ({ p, a, k })))
            .filter(({ p }) => p[2] < minWeight)
            .sort((x, y) => y.p[2] - x.p[2] || x.a - y.a || x.k - y.k);
          const record = kept.get(ring) ?? { name: g.properties!.name, ring, points: 0 };
          for (const { p } of candidates) {
            p[2] = Infinity;
            record.points++;
            if (sound(survivors(ring), ri === 0)) break;
          }
          if (!sound(survivors(ring), ri === 0)) throw new Error(`${g.properties!.name}: a ring cannot be kept sound`);
          kept.set(ring, record);
          changed = true;
        });
      }
    }
  }
  const protectedRings: SimplifyReport["protectedRings"] = [...kept.values()].map((r) => ({
    name: r.name,
    near: ringNear(ringCoordinates(filtered, r.ring)),
    pointsKept: r.points,
  }));

  const simplified = quantize(mergeIdenticalArcs(simplify(filtered, minWeight)), transform);
  return { topology: simplified, report: { pointsBefore, pointsAfter: arcPoints(simplified), droppedIslets, protectedRings } };
}

/**
 * Arcs that differed at full resolution can become the same line once
 * simplified (two near-identical stretches of border reduced to the same two
 * end points). Makes the geometries use one of them, so that the neighbours
 * share it, drops the other, and removes the spikes (an arc and then the same
 * arc backwards) this can leave.
 */
export function mergeIdenticalArcs(topology: Topology): Topology {
  const first = new Map<string, number>();
  const target = topology.arcs.map((arc, i) => {
    const forward = JSON.stringify(arc);
    const seen = first.get(forward) ?? first.get(JSON.stringify([...arc].reverse()));
    if (seen === undefined) {
      first.set(forward, i);
      return i;
    }
    return first.has(forward) ? seen : ~seen;
  });
  const remap = (a: number) => (a >= 0 ? target[a] : ~target[~a]);
  // An arc followed by itself reversed is a spike: it encloses nothing.
  const ringOf = (ring: number[]) => {
    let out = ring.map(remap);
    for (let changed = true; changed && out.length > 2; ) {
      changed = false;
      for (let i = 0; i < out.length && out.length > 2; i++) {
        const j = (i + 1) % out.length;
        if (out[i] === ~out[j]) {
          out = out.filter((_, k) => k !== i && k !== j);
          changed = true;
        }
      }
    }
    return out;
  };
  for (const g of (topology.objects[OBJECT_NAME]?.geometries ?? []) as TopoGeometry[]) {
    if (g.type === "Polygon") g.arcs = (g.arcs as number[][]).map(ringOf);
    else if (g.type === "MultiPolygon") g.arcs = (g.arcs as number[][][]).map((polygon) => polygon.map(ringOf));
  }
  return filterRings(topology, () => true); // drops the arcs no longer used
}

/** The full pipeline from the echarts sources to the committed topology. */
export interface BuiltTopology {
  topology: Topology;
  /** The features before conversion (snapped, not simplified). */
  features: ProvinceFeature[];
  report: ImportReport;
  snap: SnapReport;
  simplification: SimplifyReport;
  placement: NanhaiPlacement;
  dashes: number;
  /** Size of the topology before simplification, bytes (with the final newline). */
  fullBytes: number;
  simplifierVersion: string;
}

export function buildProvinceTopology(map: EchartsMap, nanhaiSource: string, snapTolerance = SNAP_TOLERANCE): BuiltTopology {
  const report = convertEcharts(map);
  const schematic = readNanhaiSchematic(nanhaiSource);
  const placement = placeNanhai(schematic);
  const features = [...report.features, nanhaiFeature(schematic)];
  const snap = snapBorders(features, snapTolerance);
  const full = toTopology(features);
  verifyTopology(full, features.length);
  const { topology, report: simplification } = simplifyTopology(full);
  verifyTopology(topology, features.length);
  const require = createRequire(import.meta.url);
  const simplifierVersion = (JSON.parse(readFileSync(require.resolve("topojson-simplify/package.json"), "utf8")) as { version: string }).version;
  return { topology, features, report, snap, simplification, placement, dashes: schematic.dashes.length, fullBytes: Buffer.byteLength(JSON.stringify(full) + "\n"), simplifierVersion };
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = join(here, "..");
export const OUTPUT_TOPOJSON = join(REPO_ROOT, "data/geo/china-provinces.topo.json");
export const OUTPUT_ATTRIBUTION = join(REPO_ROOT, "data/geo/ATTRIBUTION.md");

/**
 * Reads the topology back and checks what d3 will see after quantization (and
 * simplification): every feature present with at least one polygon, no ring
 * below three distinct points, every exterior ring clockwise (area < 2π).
 */
export function verifyTopology(topo: Topology, expected: number): void {
  const features = topoFeatures<ProvinceProperties>(topo, OBJECT_NAME) as ProvinceFeature[];
  if (features.length !== expected) throw new Error(`topology has ${features.length} features, expected ${expected}`);
  for (const f of features) {
    if (f.geometry === null || (f.geometry.type !== "Polygon" && f.geometry.type !== "MultiPolygon")) throw new Error(`${f.properties.name}: no polygon left`);
    const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    if (polygons.length === 0) throw new Error(`${f.properties.name}: no polygon left`);
    polygons.forEach((polygon, pi) => {
      for (const ring of polygon) if (isDegenerate(ring)) throw new Error(`${f.properties.name} polygon ${pi}: a ring has fewer than three distinct points`);
      const area = geoArea({ type: "Polygon", coordinates: [polygon[0]] });
      if (!(area < 2 * Math.PI)) throw new Error(`${f.properties.name} polygon ${pi}: exterior wound the wrong way after quantization`);
    });
    if (geoArea(f) > 2 * Math.PI) throw new Error(`${f.properties.name}: area > 2π`);
  }
}

function attribution(built: BuiltTopology, bytes: number): string {
  const { report, placement: nanhai, dashes: nanhaiDashes, snap, simplification: simp } = built;
  const stepDegrees = built.topology.transform!.scale[0];
  const isletsBy = new Map<string, number>();
  for (const d of simp.droppedIslets) isletsBy.set(d.name, (isletsBy.get(d.name) ?? 0) + 1);
  const isletList = [...isletsBy].map(([n, k]) => `${n} ${k}`).join(", ");
  const largestDropped = Math.max(0, ...simp.droppedIslets.map((d) => d.areaKm2));
  const protectedBy = new Map<string, number>();
  for (const r of simp.protectedRings) protectedBy.set(r.name, (protectedBy.get(r.name) ?? 0) + 1);
  const protectedList = [...protectedBy].map(([n, k]) => `${n} ${k}`).join(", ");
  const rewound = report.rewound
    .map((r) => `- ${r.name}, source polygon ${r.polygon} ring ${r.ring} (${r.points} points, near ${r.near[0].toFixed(2)}° E ${r.near[1].toFixed(2)}° N): spherical area ${r.areaBefore.toFixed(4)} sr before, ${r.areaAfter.toExponential(3)} sr after`)
    .join("\n");
  const dropped = report.droppedDegenerate.length;
  const droppedBy = new Map<string, number>();
  for (const d of report.droppedDegenerate) droppedBy.set(d.name, (droppedBy.get(d.name) ?? 0) + 1);
  const droppedList = [...droppedBy].map(([n, k]) => `${n} ${k}`).join(", ");
  const closedList = report.closed.map((c) => `${c.name} polygon ${c.polygon} ring ${c.ring}`).join(", ");
  return `# China province outlines: source and changes

\`china-provinces.topo.json\` is generated by \`scripts/import-map.ts\`
(\`npx node scripts/import-map.ts\`); do not edit it by hand.

## Source

- Package: \`${SOURCE_PACKAGE}\` version ${SOURCE_VERSION}, from the npm registry
  (a devDependency of this project).
- File: \`${SOURCE_FILE}\` (province outlines of China, 34 features) and, for
  the South China Sea islands, \`${NANHAI_SOURCE_FILE}\`.
- Licence: Apache License 2.0 (Copyright The Apache Software Foundation;
  see \`node_modules/echarts/LICENSE\` and \`NOTICE\`).

## What was changed

1. **Decoded.** The source stores coordinates in echarts' compact
   "UTF8Encoding" (zigzag, delta-coded character pairs per ring, with
   \`encodeOffsets\`, scale 1/1024 degree). They were decoded to plain
   longitude/latitude GeoJSON by this project's own decoder.
2. **Cleaned.** ${report.closed.length} open ring(s) were closed (${closedList || "none"}).
   ${dropped} degenerate ring(s) with fewer than three distinct points (zero
   area) were dropped (${droppedList || "none"}).
3. **Rewound.** Every ring was oriented the way d3-geo expects (exterior rings
   clockwise, spherical area < 2π). Reversed:
${rewound || "- none"}
4. **Properties.** Each feature carries \`code\` (GB/T 2260 six-digit
   province code as a string, from this project's own name table and checked
   against the file's \`id\`), \`name\` (the Chinese short name as in the file)
   and \`kind\` ("province").
5. **South China Sea islands added.** \`china.json\` has no 南海诸岛 feature;
   echarts adds it at run time from \`${NANHAI_SOURCE_FILE}\`, a pictogram
   in box units (coast sketch, Hainan sketch, ${nanhaiDashes} dash segments, frame).
   The ${nanhaiDashes} dash segments were placed into longitude/latitude by the
   least-squares affine transform that sends the Hainan sketch to Hainan,
   the coast sketch's Taiwan spike to Taiwan's southern tip and the dash
   centres to approximate positions at sea chosen for this project (see
   \`NANHAI_DASH_TARGETS\` in the script; largest residual
   ${Math.max(...nanhai.residuals).toFixed(2)}°). The sketches and the frame were left out (the
   inset draws real coasts and its own frame). The result is a schematic
   locator, good to about a degree, as feature
   \`{ code: null, name: "南海诸岛", kind: "nanhai" }\`.
6. **Borders snapped.** In the source about a third of the length of the
   borders between provinces is stored twice, as two slightly different
   lines (up to about a kilometre apart, crossing each other), which TopoJSON
   cannot share and which open slivers once simplified. Points of different
   provinces closer than ${SNAP_TOLERANCE * 1024}/1024° (${(SNAP_TOLERANCE * 111.32).toFixed(1)} km or less) were
   merged (${snap.merged} points moved onto another province's point), then every
   point of another province within that distance of an edge was inserted
   into the edge (${snap.inserted} points), so both provinces hold the same
   line; ${snap.spikes} zero-area spikes (x → q → x) that merging left were removed.
   No point moved by more than the tolerance. The South China Sea dashes
   were not touched.
7. **Converted to TopoJSON** with topojson-server, object \`${OBJECT_NAME}\`,
   quantization ${QUANTIZATION} (one step is ${stepDegrees.toExponential(2)}° of longitude,
   about ${Math.round(stepDegrees * 111_320)} m at the equator), features sorted by code
   (南海诸岛 last); ${built.fullBytes} bytes and ${simp.pointsBefore} arc points at this stage.
8. **Simplified** with topojson-simplify ${built.simplifierVersion} (Visvalingam): every
   point was weighted by the spherical area of the triangle it forms with its
   neighbours (\`sphericalTriangleArea\`), and points under
   ${SIMPLIFY_MIN_AREA_KM2} km² (${SIMPLIFY_MIN_WEIGHT.toExponential(3)} sr on a sphere of
   radius ${EARTH_RADIUS_KM} km) were removed. Each arc is simplified once, so
   provinces that share a border keep sharing exactly the same points; arcs
   that became the same line were merged into one.
   Detached islets under ${ISLET_MIN_AREA_KM2} km² (measured before simplifying)
   were dropped: ${simp.droppedIslets.length} rings (${isletList || "none"};
   the largest ${(Math.floor(largestDropped * 100) / 100).toFixed(2)} km²).
   Never dropped: the largest polygon of every feature, every ring of Taiwan
   (with 钓鱼岛 and 赤尾屿), Hong Kong and Macao, and the South China Sea
   dashes; the islets of Taiwan and Hong Kong and the dashes were not
   simplified at all. ${simp.protectedRings.length} kept rings that would
   have shrunk below a triangle (or turned inside out) kept their
   highest-weighted points until they had three (${protectedList || "none"}).
   The result was quantized again on the same grid and the winding checked
   again (every exterior ring clockwise, no feature larger than a
   hemisphere): ${simp.pointsAfter} arc points, ${bytes} bytes.

Hong Kong (香港, 810000), Macao (澳门, 820000) and Taiwan (台湾, 710000) are
included as in the source.

The outlines are simplified (in the source, and again here) and not
authoritative. A map of China published in China needs a map review number
(审图号) and a standard base map; this file is not one.
`;
}

export function main(): void {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve(`${SOURCE_PACKAGE}/package.json`));
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version: string };
  if (pkg.version !== SOURCE_VERSION) throw new Error(`expected ${SOURCE_PACKAGE}@${SOURCE_VERSION}, found ${pkg.version}`);

  const map = JSON.parse(readFileSync(join(pkgDir, SOURCE_FILE), "utf8")) as EchartsMap;
  const built = buildProvinceTopology(map, readFileSync(join(pkgDir, NANHAI_SOURCE_FILE), "utf8"));
  const json = JSON.stringify(built.topology) + "\n";
  mkdirSync(dirname(OUTPUT_TOPOJSON), { recursive: true });
  writeFileSync(OUTPUT_TOPOJSON, json);
  const bytes = Buffer.byteLength(json);
  writeFileSync(OUTPUT_ATTRIBUTION, attribution(built, bytes));

  const { report, simplification: simp, snap } = built;
  console.log(`${relative(REPO_ROOT, OUTPUT_TOPOJSON)}: ${built.features.length} features, ${bytes} bytes`);
  for (const r of report.rewound) console.log(`rewound: ${r.name} source polygon ${r.polygon} ring ${r.ring} (${r.points} points near ${r.near.map((v) => v.toFixed(2)).join(", ")}, area ${r.areaBefore.toFixed(3)} sr)`);
  console.log(`closed ${report.closed.length} open ring(s), dropped ${report.droppedDegenerate.length} degenerate ring(s)`);
  console.log(`snapped borders: ${snap.merged} point(s) merged, ${snap.inserted} inserted, ${snap.spikes} spike(s) removed`);
  console.log(`simplified: ${simp.pointsBefore} → ${simp.pointsAfter} points, ${simp.droppedIslets.length} islet(s) dropped, ${simp.protectedRings.length} small ring(s) kept at three points or more`);
}

if (import.meta.main) main();
