/**
 * Typed access to the parts of d3-geo, topojson-client and topojson-server that
 * the map code uses. None of these packages ships type declarations, so the
 * imports are untyped here and given narrow types once, in this file.
 */
// @ts-ignore -- d3-geo has no bundled types
import * as d3geo from "d3-geo";
// @ts-ignore -- topojson-client has no bundled types
import * as topojsonClient from "topojson-client";
// @ts-ignore -- topojson-server has no bundled types
import * as topojsonServer from "topojson-server";

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

export interface GeoPath {
  (object: GeoObject): string | null;
  digits(d: number): GeoPath;
  bounds(object: GeoObject): Extent;
  centroid(object: GeoObject): Position;
  area(object: GeoObject): number;
}

interface D3Geo {
  geoArea(object: GeoObject): number;
  geoBounds(object: GeoObject): Extent;
  geoCentroid(object: GeoObject): Position;
  geoConicEqualArea(): Projection;
  geoPath(projection?: Projection | null): GeoPath;
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
