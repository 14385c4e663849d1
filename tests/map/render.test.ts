import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { geoPath } from "../../src/lib/map-geo.ts";
import { CompactPathContext, collides, loadProvinces, mapLayout, renderChoropleth, type ChoroplethOptions } from "../../src/lib/map.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const OUT = join(ROOT, "test-output");
const CHROMIUM = "/usr/bin/chromium";

const features = loadProvinces();
const provinceCodes = features.filter((f) => f.properties.kind === "province").map((f) => f.properties.code!);

/** Deterministic sample values in [0, 1]; Hong Kong, Macao, Taiwan and Shanxi without data. */
function sampleValues(): Map<string, number | null> {
  const values = new Map<string, number | null>();
  provinceCodes.forEach((code, i) => {
    values.set(code, ["810000", "820000", "710000", "140000"].includes(code) ? null : ((i * 37) % 31) / 30);
  });
  return values;
}

function color(v: number): string {
  // light to dark blue
  const t = Math.max(0, Math.min(1, v));
  const r = Math.round(222 - t * (222 - 8));
  const g = Math.round(235 - t * (235 - 69));
  const b = Math.round(247 - t * (247 - 148));
  return `rgb(${r},${g},${b})`;
}

function options(extra: Partial<ChoroplethOptions> = {}): ChoroplethOptions {
  return { values: sampleValues(), color, title: "Composite index by province, 2022", idPrefix: "map-test", ...extra };
}

/** Absolute vertices of each subpath of compact path data ("M x y l dx dy … z"). */
function rings(d: string): string[][] {
  const out: string[][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MLlz])([^MLlz]*)/g)) {
    const n = (args.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    if (command === "M") {
      [x, y] = n;
      out.push([`${x},${y}`]);
    } else if (command === "l") {
      for (let i = 0; i < n.length; i += 2) out[out.length - 1].push(`${(x = Math.round((x + n[i]) * 10) / 10)},${(y = Math.round((y + n[i + 1]) * 10) / 10)}`);
    } else if (command === "L") {
      for (let i = 0; i < n.length; i += 2) out[out.length - 1].push(`${(x = n[i])},${(y = n[i + 1])}`);
    }
  }
  return out;
}

function parse(svg: string) {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = doc.querySelector("svg");
  if (!root) throw new Error("no svg element");
  return root;
}

describe("renderChoropleth", () => {
  const svg = renderChoropleth(options());
  const root = parse(svg);

  it("is byte-identical across calls", () => {
    expect(renderChoropleth(options())).toBe(svg);
  });

  it("is an accessible, scalable image: viewBox, no fixed size, role=img, labelled by <title> and <desc>", () => {
    expect(root.getAttribute("viewBox")).toBe("0 0 800 600");
    expect(root.hasAttribute("width")).toBe(false);
    expect(root.hasAttribute("height")).toBe(false);
    expect(root.getAttribute("role")).toBe("img");
    const ids = root.getAttribute("aria-labelledby")!.split(" ");
    expect(ids).toEqual(["map-test-title", "map-test-desc"]);
    const title = root.querySelector("title");
    expect(title?.getAttribute("id")).toBe("map-test-title");
    expect(title?.textContent).toBe("Composite index by province, 2022");
    expect(root.querySelector("desc")?.getAttribute("id")).toBe("map-test-desc");
    expect(root.querySelector("desc")?.textContent).toMatch(/30 of 34 provinces with data/);
  });

  it("draws one map-province path per feature with data and grey map-nodata paths for the rest", () => {
    const values = sampleValues();
    const withData = [...values].filter(([, v]) => v !== null).map(([c]) => c);
    const paths = [...root.querySelectorAll("path.map-province")];
    expect(paths).toHaveLength(34);
    const filled = paths.filter((p) => p.getAttribute("class") === "map-province");
    expect(filled.map((p) => p.getAttribute("data-code")).sort()).toEqual(withData.sort());
    expect(svg.match(/class="map-province"/g)).toHaveLength(withData.length);
    for (const p of filled) expect(p.getAttribute("fill")).toBe(color(values.get(p.getAttribute("data-code")!)!));

    const shanxi = root.querySelector('path[data-code="140000"].map-province');
    expect(shanxi?.getAttribute("class")).toBe("map-province map-nodata");
    expect(shanxi?.getAttribute("fill")).toBe("#d0d0d0");
    expect(root.querySelectorAll("path.map-nodata")).toHaveLength(4);
  });

  it("gives each province a <title> tooltip with its name and value", () => {
    const guangdong = root.querySelector('path.map-province[data-code="440000"]');
    const v = sampleValues().get("440000")!;
    expect(guangdong?.querySelector("title")?.textContent).toBe(`广东: ${Math.round(v * 1000) / 1000}`);
    expect(root.querySelector('path.map-province[data-code="140000"] title')?.textContent).toBe("山西: no data");
  });

  it("sets fills as attributes and borders through a stroke attribute", () => {
    expect(root.querySelector("g.map-main")?.getAttribute("stroke")).toBe("#ffffff");
    expect(svg).not.toMatch(/style=/);
  });

  it("writes whole units in the main map and at most one decimal in the inset", () => {
    for (const p of root.querySelectorAll("g.map-main path")) {
      for (const n of p.getAttribute("d")!.match(/-?\d+(\.\d+)?/g)!) expect(n).toMatch(/^-?\d+$/);
    }
    for (const p of root.querySelectorAll("g.map-inset path")) {
      for (const n of p.getAttribute("d")!.match(/-?\d+(\.\d+)?/g)!) expect(n).toMatch(/^-?\d+(\.\d)?$/);
    }
  });

  it("draws the points d3's own path would draw at whole units, without repeats", () => {
    const layout = mapLayout(features, 800, 600);
    const d3path = geoPath(layout.main).digits(0);
    for (const f of features.filter((x) => x.properties.kind === "province")) {
      const expected = rings((d3path(f) ?? "").replace(/Z/g, "")).map((ring) => {
        const out = ring.filter((p, i) => i === 0 || p !== ring[i - 1]);
        while (out.length > 1 && out[out.length - 1] === out[0]) out.pop();
        return out;
      });
      const drawn = root.querySelector(`path.map-province[data-code="${f.properties.code}"]`)!.getAttribute("d")!;
      expect(rings(drawn), f.properties.name).toEqual(expected);
    }
  });

  // Neighbours hold the same border points, so their outlines meet exactly:
  // every vertex of Beijing, which is surrounded by Hebei and Tianjin, is a
  // vertex of one of them.
  it("leaves no gap between neighbours: Beijing's vertices are Hebei's or Tianjin's", () => {
    const vertices = (code: string) => rings(root.querySelector(`path.map-province[data-code="${code}"]`)!.getAttribute("d")!).flat();
    const around = new Set([...vertices("130000"), ...vertices("120000")]);
    const beijing = vertices("110000");
    expect(beijing.length).toBeGreaterThan(10);
    expect(beijing.filter((p) => !around.has(p))).toEqual([]);
  });

  it("is under 30,000 bytes with values for all 31 mainland provinces", () => {
    const mainland = provinceCodes.filter((c) => !["710000", "810000", "820000"].includes(c));
    expect(mainland).toHaveLength(31);
    const values = new Map(mainland.map((c, i) => [c, ((i * 37) % 31) / 30]));
    const out = renderChoropleth(options({ values, title: "Composite score by province, 2022", idPrefix: "map-2022" }));
    expect(out.match(/class="map-province"/g)).toHaveLength(31);
    expect(Buffer.byteLength(out)).toBeLessThan(30_000);
  });

  it("has the South China Sea inset: a framed group with the islands, coasts and caption", () => {
    const inset = root.querySelector("g.map-inset");
    expect(inset).not.toBeNull();
    const frame = inset!.querySelector("rect.map-inset-frame")!;
    expect(frame.getAttribute("stroke")).toBeTruthy();
    expect(inset!.querySelectorAll("path.map-nanhai")).toHaveLength(1);
    const coasts = [...inset!.querySelectorAll("path.map-inset-land")].map((p) => p.getAttribute("data-code"));
    for (const code of ["440000", "450000", "460000", "710000"]) expect(coasts).toContain(code);
    expect(coasts).not.toContain("110000");
    expect(inset!.querySelector("text")?.textContent).toBe("南海诸岛");
    // the frame is in the bottom-right corner
    const x = Number(frame.getAttribute("x"));
    const y = Number(frame.getAttribute("y"));
    expect(x + Number(frame.getAttribute("width"))).toBeGreaterThan(760);
    expect(y + Number(frame.getAttribute("height"))).toBeGreaterThan(560);
  });

  it("keeps every island and coast of the main map clear of the inset frame", () => {
    for (const [w, h] of [
      [800, 600],
      [960, 720],
      [640, 560],
      [1000, 600],
    ]) {
      const layout = mapLayout(features, w, h);
      const parts = features
        .filter((f) => f.properties.kind === "province")
        .flatMap((f) => (f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : f.geometry.type === "Polygon" ? [f.geometry.coordinates] : []))
        .map((coordinates) => ({ type: "Feature" as const, properties: {}, geometry: { type: "Polygon" as const, coordinates } }));
      expect(collides(geoPath(layout.main), parts, layout.inset, 0), `${w}x${h}`).toBe(false);
      const [[x0, y0], [x1, y1]] = geoPath(layout.main).bounds({ type: "FeatureCollection", features: parts });
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(y0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(w);
      expect(y1).toBeLessThanOrEqual(h);
    }
  });

  it("uses the labels, highlight and idPrefix options", () => {
    const labels = new Map([["440000", "Guangdong"]]);
    const out = parse(
      renderChoropleth(options({ labels, highlight: new Set(["440000", "450000"]), idPrefix: "second-map", title: "A <b> & \"c\"" })),
    );
    expect(out.querySelector('path.map-province[data-code="440000"] title')?.textContent).toMatch(/^Guangdong: /);
    expect(out.querySelector('path.map-province[data-code="440000"]')?.getAttribute("class")).toContain("map-highlight");
    expect(out.querySelector('path.map-province[data-code="110000"]')?.getAttribute("fill-opacity")).toBe("0.3");
    expect(out.querySelector("title")?.getAttribute("id")).toBe("second-map-title");
    expect(out.querySelector("title")?.textContent).toBe('A <b> & "c"');
    expect(() => renderChoropleth(options({ idPrefix: "1 bad id" }))).toThrow(/idPrefix/);
  });

  it("treats a missing code and a non-finite value as no data", () => {
    const values = sampleValues();
    values.delete("330000");
    values.set("320000", Number.NaN);
    const out = parse(renderChoropleth(options({ values, noDataColor: "#cccccc" })));
    for (const code of ["330000", "320000"]) {
      const p = out.querySelector(`path.map-province[data-code="${code}"]`);
      expect(p?.getAttribute("class")).toBe("map-province map-nodata");
      expect(p?.getAttribute("fill")).toBe("#cccccc");
    }
  });
});

describe("CompactPathContext", () => {
  it("writes an absolute moveto, then relative linetos between snapped points, dropping repeats", () => {
    const c = new CompactPathContext(0);
    c.moveTo(10.4, 20.6);
    c.lineTo(13.2, 18.3); // (13, 18)
    c.lineTo(13.4, 17.6); // snaps onto (13, 18): dropped
    c.lineTo(8.6, 25.1); // (9, 25)
    c.lineTo(10.2, 21.2); // snaps onto the start: the closepath draws it
    c.closePath();
    c.moveTo(-0.2, 5);
    c.lineTo(3, 5);
    c.lineTo(3, 9);
    c.closePath();
    expect(c.take()).toBe("M10 21l3-3-4 7zM0 5l3 0 0 4z");
    expect(c.take()).toBe("");
  });

  it("keeps one decimal when asked, with a leading zero and no negative zero", () => {
    const c = new CompactPathContext(1);
    c.moveTo(1.04, -0.04);
    c.lineTo(0.54, 2.25);
    c.lineTo(2, 2.26);
    c.closePath();
    expect(c.take()).toBe("M1 0l-0.5 2.3 1.5 0z");
  });
});

describe("sample", () => {
  const svgPath = join(OUT, "map-sample.svg");
  const pngPath = join(OUT, "map-sample.png");

  it("writes test-output/map-sample.svg", () => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(svgPath, renderChoropleth(options({ idPrefix: "sample" })));
    expect(readFileSync(svgPath, "utf8")).toMatch(/^<svg /);
  });

  it.skipIf(!existsSync(CHROMIUM))("converts it to PNG with headless Chromium", () => {
    rmSync(pngPath, { force: true });
    const page = join(OUT, "map-sample.html");
    writeFileSync(page, `<!doctype html><html><body style="margin:0;background:#fff"><img src="map-sample.svg" style="display:block;width:1600px;height:1200px"></body></html>\n`);
    execFileSync(
      CHROMIUM,
      ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1600,1200", `--screenshot=${pngPath}`, `file://${page}`],
      { stdio: "ignore", timeout: 60_000 },
    );
    const png = readFileSync(pngPath);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(10_000);
  }, 90_000);

  it.skipIf(!existsSync(CHROMIUM))("and at the size of a small multiple, 250 px wide", () => {
    const small = join(OUT, "map-sample-small.png");
    rmSync(small, { force: true });
    const page = join(OUT, "map-sample-small.html");
    writeFileSync(page, `<!doctype html><html><body style="margin:0;background:#fff"><img src="map-sample.svg" style="display:block;width:250px;height:188px"></body></html>\n`);
    execFileSync(
      CHROMIUM,
      ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=250,188", `--screenshot=${small}`, `file://${page}`],
      { stdio: "ignore", timeout: 60_000 },
    );
    expect(readFileSync(small).subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  }, 90_000);
});
