/**
 * Typed access to the parts of d3-geo, topojson-client, topojson-server and
 * topojson-simplify that the map code uses. None of these packages ships type
 * declarations, so the imports are untyped here and given narrow types once,
 * in this file.
 */
// @ts-ignore -- d3-geo has no bundled types
import * as d3geo from "d3-geo";
// @ts-ignore -- topojson-client has no bundled types
import * as topojsonClient from "topojson-client";
// @ts-ignore -- topojson-server has no bundled types
import * as topojsonServer from "topojson-server";
// @ts-ignore -- topojson-simplify has no bundled types
import * as topojsonSimplify from "topojson-simplify";

export type Position = [number, number];
export type Ring = Position[];

export type Geometry =
  | { type: "Polygon"; coordinates: Ring[] }
  | { type: "MultiPolygon"; coordinates: Ring[][] }
  | { type: "LineString"; coordinates: Position[] }
  | { type: "MultiPoint"; coordinates: Position[] }
  | { type: "Point"; coordinates: Position };

export interface Feature<P = Record<string, unknown>> {
  type: "Feature";
  id?: string | number;
  properties: P;
  geometry: Geometry;
}

export interface FeatureCollection<P = Record<string, unknown>> {
  type: "FeatureCollection";
  features: Feature<P>[];
}

export type GeoObject = Geometry | Feature<unknown> | FeatureCollection<unknown>;

export type Extent = [[number, number], [number, number]];

export interface Projection {
  (point: Position): Position | null;
  invert(point: Position): Position | null;
  parallels(p: [number, number]): Projection;
  rotate(r: [number, number] | [number, number, number]): Projection;
  center(c: Position): Projection;
  scale(): number;
  translate(): Position;
  clipExtent(e: Extent | null): Projection;
  fitExtent(e: Extent, object: GeoObject): Projection;
  fitSize(size: [number, number], object: GeoObject): Projection;
  precision(p: number): Projection;
}

/** What a d3-geo path draws into when given a context instead of returning a string. */
export interface PathContext {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
}

export interface GeoPath {
  (object: GeoObject): string | null;
  digits(d: number): GeoPath;
  context(context: PathContext | null): GeoPath;
  bounds(object: GeoObject): Extent;
  centroid(object: GeoObject): Position;
  area(object: GeoObject): number;
}

interface D3Geo {
  geoArea(object: GeoObject): number;
  geoBounds(object: GeoObject): Extent;
  geoCentroid(object: GeoObject): Position;
  geoConicEqualArea(): Projection;
  geoPath(projection?: Projection | null, context?: PathContext | null): GeoPath;
}

const geo = d3geo as unknown as D3Geo;

export const geoArea = geo.geoArea;
export const geoBounds = geo.geoBounds;
export const geoCentroid = geo.geoCentroid;
export const geoConicEqualArea = geo.geoConicEqualArea;
export const geoPath = geo.geoPath;

export interface Topology {
  type: "Topology";
  bbox?: number[];
  transform?: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { type: string; geometries?: unknown[] }>;
  arcs: number[][][];
}

/** topojson-client's feature() for a GeometryCollection object. */
export function topoFeatures<P>(topology: Topology, objectName: string): Feature<P>[] {
  const object = topology.objects[objectName];
  if (!object) throw new Error(`topology has no object ${JSON.stringify(objectName)}`);
  const fc = (topojsonClient as { feature(t: Topology, o: unknown): FeatureCollection<P> }).feature(topology, object);
  if (fc.type !== "FeatureCollection") throw new Error(`object ${objectName} is not a collection`);
  return fc.features;
}

/** topojson-server's topology(). */
export function toTopology(objects: Record<string, GeoObject>, quantization?: number): Topology {
  return (topojsonServer as { topology(o: unknown, q?: number): Topology }).topology(objects, quantization);
}

// ---------------------------------------------------------------------------
// Simplification (topojson-simplify; used by scripts/import-map.ts only)
// ---------------------------------------------------------------------------

/** A point carrying its Visvalingam weight: [longitude, latitude, weight]. */
export type WeightedPosition = [number, number, number];

/** Arc references of a geometry in a topology ("~i" = arc i reversed). */
export interface TopoGeometry<P = unknown> {
  type: "Polygon" | "MultiPolygon" | null;
  arcs?: number[][] | number[][][];
  properties?: P;
}

/** An unquantized topology whose points carry weights (presimplify's output). */
export interface WeightedTopology {
  type: "Topology";
  bbox?: number[];
  objects: Record<string, { type: string; geometries?: TopoGeometry[] }>;
  arcs: WeightedPosition[][];
}

/** A ring as a list of arc indexes, and whether it is a hole. */
export type RingFilter = (ring: number[], interior: boolean) => boolean;

interface TopojsonSimplify {
  presimplify(topology: Topology, weight?: (triangle: WeightedPosition[]) => number): WeightedTopology;
  simplify(topology: WeightedTopology, minWeight?: number): Topology;
  filter<T extends Topology | WeightedTopology>(topology: T, filter: RingFilter): T;
  filterAttached(topology: Topology | WeightedTopology): RingFilter;
  sphericalRingArea(ring: ReadonlyArray<readonly number[]>, interior: boolean): number;
  sphericalTriangleArea(triangle: ReadonlyArray<readonly number[]>): number;
}

const simplifier = topojsonSimplify as unknown as TopojsonSimplify;

/** Gives every point the spherical area (steradians) of the triangle it forms when last removed. */
export function presimplify(topology: Topology): WeightedTopology {
  return simplifier.presimplify(topology, simplifier.sphericalTriangleArea);
}
/** Drops the points whose weight is below minWeight (arc endpoints always stay). Unquantized result. */
export const simplify = simplifier.simplify;
/** Drops the rings the filter rejects (a rejected exterior takes its holes), then unused arcs. */
export const filterRings = simplifier.filter;
/** Accepts the rings that share an arc with another ring (land borders, not islands). */
export const filterAttached = simplifier.filterAttached;
/** Spherical area of a ring in steradians. */
export const sphericalRingArea = simplifier.sphericalRingArea;

/** topojson-client's quantize(): delta-encodes on the given grid, dropping repeated points. */
export function quantize(topology: Topology, transform: NonNullable<Topology["transform"]>): Topology {
  return (topojsonClient as { quantize(t: Topology, tr: unknown): Topology }).quantize(topology, transform);
}
