import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  HAINAN_CENTRE,
  NANHAI_NAME,
  OBJECT_NAME,
  PROVINCE_CODES,
  SNAP_TOLERANCE,
  SOURCE_FILE,
  buildProvinceTopology,
  convertEcharts,
  decodeRing,
  fitAffine,
  nanhaiFeature,
  placeNanhai,
  readNanhaiSchematic,
  removeSpikes,
  simplifyTopology,
  snapBorders,
  NANHAI_SOURCE_FILE,
  toTopology,
  verifyTopology,
} from "../../scripts/import-map.ts";
import { geoArea, geoBounds, geoCentroid, topoFeatures, type Ring, type Topology } from "../../src/lib/map-geo.ts";
import { INSET_EXTENT, loadProvinces, type ProvinceFeature } from "../../src/lib/map.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const TOPO_PATH = join(ROOT, "data/geo/china-provinces.topo.json");
const require = createRequire(import.meta.url);
const ECHARTS = dirname(require.resolve("echarts/package.json"));

const REQUIRED_CODES = [
  "110000", "120000", "130000", "140000", "150000", "310000", "320000", "330000", "340000", "360000", "370000", "410000",
  "420000", "430000", "440000", "500000", "510000", "520000", "530000", "610000", "620000", "630000", "640000",
];

function byCode(features: readonly ProvinceFeature[], code: string): ProvinceFeature {
  const f = features.find((x) => x.properties.code === code);
  if (!f) throw new Error(`no feature ${code}`);
  return f;
}

function polygonsOf(f: ProvinceFeature): Ring[][] {
  if (f.geometry.type === "Polygon") return [f.geometry.coordinates];
  if (f.geometry.type === "MultiPolygon") return f.geometry.coordinates;
  throw new Error(`unexpected geometry ${f.geometry.type}`);
}

describe("decoder", () => {
  it("decodes zigzag deltas relative to the ring offset, scale 1/1024 degree", () => {
    // '@' = 64 → 0; 'A' = 65 → zigzag 1 → -1; 'B' = 66 → zigzag 2 → +1; 'D' = 68 → +2
    const ring = decodeRing("@@BADB", [100 * 1024, 30 * 1024]);
    expect(ring).toEqual([
      [100, 30],
      [100 + 1 / 1024, 30 - 1 / 1024],
      [100 + 3 / 1024, 30],
    ]);
  });

  it("rejects a string with an odd number of code units", () => {
    expect(() => decodeRing("@@A", [0, 0])).toThrow(/odd/);
  });

  it("fits an exact affine transform when one exists", () => {
    const from: [number, number][] = [[0, 0], [10, 0], [0, 10], [5, 7]];
    const to = from.map(([x, y]): [number, number] => [2 * x - y + 100, 0.5 * y + 20]);
    const [a, b, c, d, e, f] = fitAffine(from, to);
    [a, b, c, d, e, f].forEach((v, i) => expect(v).toBeCloseTo([2, -1, 100, 0, 0.5, 20][i], 9));
  });
});

describe("china-provinces.topo.json", () => {
  const topo = JSON.parse(readFileSync(TOPO_PATH, "utf8"));
  const features = loadProvinces(TOPO_PATH);

  it("is a quantized, simplified topology with one object, provinces: under 50 KB and 3,500 arc points", () => {
    expect(topo.type).toBe("Topology");
    expect(Object.keys(topo.objects)).toEqual([OBJECT_NAME]);
    expect(topo.transform).toBeDefined();
    expect(readFileSync(TOPO_PATH).length).toBeLessThan(50 * 1024);
    expect(topo.arcs.reduce((s: number, a: unknown[]) => s + a.length, 0)).toBeLessThan(3500);
  });

  it("keeps every ring at least a triangle", () => {
    for (const f of features) {
      for (const polygon of polygonsOf(f)) {
        for (const ring of polygon) expect(new Set(ring.map((p) => p.join())).size, f.properties.name).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("keeps the small features and islands: Macao, Hong Kong, Hainan, Taiwan with 钓鱼岛 and 赤尾屿, the nine dashes", () => {
    expect(polygonsOf(byCode(features, "820000"))).toHaveLength(1);
    expect(polygonsOf(byCode(features, "810000"))).toHaveLength(2);
    expect(polygonsOf(byCode(features, "460000"))).toHaveLength(1);
    expect(polygonsOf(byCode(features, "460000"))[0][0].length).toBeGreaterThan(20);
    const taiwan = polygonsOf(byCode(features, "710000"));
    expect(taiwan).toHaveLength(6);
    const centres = taiwan.map((p) => geoCentroid({ type: "Polygon", coordinates: p }));
    for (const [lon, lat] of [[123.5, 25.75], [124.7, 25.97]]) {
      expect(centres.some((c) => Math.hypot(c[0] - lon, c[1] - lat) < 0.1), `${lon} ${lat}`).toBe(true);
    }
    const dashes = polygonsOf(features.find((f) => f.properties.kind === "nanhai")!);
    expect(dashes).toHaveLength(9);
    for (const d of dashes) expect(d[0]).toHaveLength(5);
  });

  // Borders shared point for point leave no gap between neighbours, however
  // the outlines are simplified: every vertex of these inland provinces is
  // also a vertex of a neighbour.
  it("shares the borders between neighbours: every vertex of an inland province belongs to a neighbour too", () => {
    const arcs = (topo as Topology).arcs.map((a) => {
      let x = 0;
      let y = 0;
      return a.map(([dx, dy]) => `${(x += dx)},${(y += dy)}`);
    });
    const vertices = new Map<string, Set<string>>();
    for (const g of topo.objects[OBJECT_NAME].geometries) {
      const refs: number[] = (g.type === "Polygon" ? [g.arcs] : g.arcs).flat(2);
      vertices.set(g.properties.code, new Set(refs.flatMap((a) => arcs[a < 0 ? ~a : a])));
    }
    // Beijing, Shanxi, Henan, Hubei, Jiangxi, Chongqing, Sichuan, Guizhou, Ningxia
    for (const code of ["110000", "140000", "410000", "420000", "360000", "500000", "510000", "520000", "640000"]) {
      const others = [...vertices].filter(([c]) => c !== code).map(([, v]) => v);
      const lone = [...vertices.get(code)!].filter((p) => !others.some((v) => v.has(p)));
      expect(lone, code).toEqual([]);
    }
  });

  it("has the 34 province-level features of the source plus the South China Sea islands: 35", () => {
    expect(features).toHaveLength(35);
    const provinces = features.filter((f) => f.properties.kind === "province");
    expect(provinces).toHaveLength(34);
    const codes = provinces.map((f) => f.properties.code);
    expect(new Set(codes).size).toBe(34);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.sort()).toEqual(Object.values(PROVINCE_CODES).sort());
    const nanhai = features.filter((f) => f.properties.kind === "nanhai");
    expect(nanhai).toHaveLength(1);
    expect(nanhai[0].properties).toEqual({ code: null, name: NANHAI_NAME, kind: "nanhai" });
  });

  it("contains every one of the 23 required codes", () => {
    const codes = new Set(features.map((f) => f.properties.code));
    for (const code of REQUIRED_CODES) expect(codes.has(code), code).toBe(true);
  });

  it("includes Hong Kong, Macao and Taiwan as in the source, with their names", () => {
    expect(byCode(features, "810000").properties.name).toBe("香港");
    expect(byCode(features, "820000").properties.name).toBe("澳门");
    expect(byCode(features, "710000").properties.name).toBe("台湾");
    expect(byCode(features, "440000").properties.name).toBe("广东");
  });

  it("is wound for d3: no feature and no exterior ring covers more than a hemisphere", () => {
    for (const f of features) {
      expect(geoArea(f), f.properties.name).toBeLessThan(2 * Math.PI);
      for (const polygon of polygonsOf(f)) {
        expect(geoArea({ type: "Polygon", coordinates: [polygon[0]] }), f.properties.name).toBeLessThan(2 * Math.PI);
      }
    }
  });

  // Tolerance 0.1° (about 10 km): the reference points are given to 0.1°, and
  // outline simplification and quantization move an area centroid by far less
  // (hundredths of a degree). A decoding mistake moves it by much more: a scale
  // of 1000 instead of 1024 puts Beijing near 119° E, an offset or sign error
  // by whole degrees, and Beijing itself is only about 2° across.
  it("puts Beijing's centroid near 116.4° E, 40.2° N and Hainan's near 109.8° E, 19.2° N", () => {
    const beijing = geoCentroid(byCode(features, "110000"));
    expect(Math.abs(beijing[0] - 116.4)).toBeLessThan(0.1);
    expect(Math.abs(beijing[1] - 40.2)).toBeLessThan(0.1);
    const hainan = geoCentroid(byCode(features, "460000"));
    expect(Math.abs(hainan[0] - 109.8)).toBeLessThan(0.1);
    expect(Math.abs(hainan[1] - 19.2)).toBeLessThan(0.1);
  });

  it("keeps the provinces inside the mainland extent and the dashes inside the inset window", () => {
    for (const f of features.filter((x) => x.properties.kind === "province")) {
      const [[w, s], [e, n]] = geoBounds(f);
      expect(w).toBeGreaterThan(73);
      expect(e).toBeLessThan(135.5);
      expect(s).toBeGreaterThan(18);
      expect(n).toBeLessThan(54);
    }
    const nanhai = features.find((x) => x.properties.kind === "nanhai")!;
    const [[w, s], [e, n]] = geoBounds(nanhai);
    expect(w).toBeGreaterThan(INSET_EXTENT.west);
    expect(e).toBeLessThan(INSET_EXTENT.east);
    expect(s).toBeGreaterThan(INSET_EXTENT.south);
    expect(n).toBeLessThan(INSET_EXTENT.north);
  });
});

describe("import from echarts 4.9.0", () => {
  const source = JSON.parse(readFileSync(join(ECHARTS, SOURCE_FILE), "utf8"));
  const schematic = readNanhaiSchematic(readFileSync(join(ECHARTS, NANHAI_SOURCE_FILE), "utf8"));

  it("reverses exactly the two islet rings north-east of Taiwan that the source winds the wrong way", () => {
    const { rewound } = convertEcharts(JSON.parse(JSON.stringify(source)));
    expect(rewound.map((r) => [r.name, r.polygon, r.ring])).toEqual([
      ["台湾", 6, 0],
      ["台湾", 7, 0],
    ]);
    for (const r of rewound) {
      expect(r.areaBefore).toBeGreaterThan(2 * Math.PI);
      expect(r.areaAfter).toBeLessThan(1e-3);
      expect(r.near[0]).toBeGreaterThan(123);
      expect(r.near[1]).toBeGreaterThan(25);
    }
  });

  it("maps the file's names to codes that agree with the file's ids", () => {
    for (const f of source.features) expect(PROVINCE_CODES[f.properties.name]).toBe(f.properties.id);
  });

  it("places the nine dashes of the pictogram within about a degree of their targets, clear of Hainan", () => {
    expect(schematic.dashes).toHaveLength(9);
    const { residuals } = placeNanhai(schematic);
    expect(Math.max(...residuals)).toBeLessThan(1.2);
    const dashes = nanhaiFeature(schematic);
    for (const polygon of polygonsOf(dashes)) {
      const c = geoCentroid({ type: "Polygon", coordinates: polygon });
      expect(Math.hypot(c[0] - HAINAN_CENTRE[0], c[1] - HAINAN_CENTRE[1])).toBeGreaterThan(2);
    }
  });

  it("regenerates the committed TopoJSON byte for byte", () => {
    const { topology } = buildProvinceTopology(JSON.parse(JSON.stringify(source)), readFileSync(join(ECHARTS, NANHAI_SOURCE_FILE), "utf8"));
    expect(JSON.stringify(topology) + "\n").toBe(readFileSync(TOPO_PATH, "utf8"));
  });
});

describe("snapping and simplification", () => {
  const source = JSON.parse(readFileSync(join(ECHARTS, SOURCE_FILE), "utf8"));
  const schematic = readNanhaiSchematic(readFileSync(join(ECHARTS, NANHAI_SOURCE_FILE), "utf8"));
  const fresh = () => [...convertEcharts(JSON.parse(JSON.stringify(source))).features, nanhaiFeature(schematic)];

  it("removes spikes x → q → x from a ring", () => {
    const ring: Ring = [[0, 0], [1, 0], [2, 0], [1, 0], [1, 1], [0, 0]];
    expect(removeSpikes(ring)).toEqual({ ring: [[0, 0], [1, 0], [1, 1], [0, 0]], removed: 1 });
  });

  it("moves no point of a province farther than the snapping tolerance from its source outline", () => {
    const before = fresh();
    const after = fresh();
    snapBorders(after);
    const dist = (p: number[], a: number[], b: number[]) => {
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const l2 = dx * dx + dy * dy;
      const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
      return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
    };
    for (const code of ["110000", "120000", "640000", "820000"]) {
      const edges = polygonsOf(byCode(before, code)).flat().flatMap((r) => r.slice(1).map((b, i) => [r[i], b]));
      for (const p of polygonsOf(byCode(after, code)).flat(2)) {
        expect(Math.min(...edges.map(([a, b]) => dist(p, a, b))), code).toBeLessThanOrEqual(SNAP_TOLERANCE + 1e-12);
      }
    }
    // the dashes are not touched
    expect(after.at(-1)).toEqual(before.at(-1));
  });

  it("never drops a feature, Taiwan's, Hong Kong's or Macao's islands or a dash, even at an extreme threshold", () => {
    const features = fresh();
    snapBorders(features);
    const { topology, report } = simplifyTopology(toTopology(features), 1, 1e9);
    verifyTopology(topology, 35);
    const out = topoFeatures(topology, OBJECT_NAME) as ProvinceFeature[];
    expect(out).toHaveLength(35);
    expect(polygonsOf(byCode(out, "710000"))).toHaveLength(6);
    expect(polygonsOf(byCode(out, "810000"))).toHaveLength(2);
    expect(polygonsOf(byCode(out, "820000"))).toHaveLength(1);
    const dashes = polygonsOf(out.find((f) => f.properties.kind === "nanhai")!);
    expect(dashes).toHaveLength(9);
    for (const d of dashes) expect(d[0]).toHaveLength(5);
    for (const f of out) expect(polygonsOf(f).length, f.properties.name).toBeGreaterThanOrEqual(1);
    expect(report.protectedRings.length).toBeGreaterThan(0);
  });
});
