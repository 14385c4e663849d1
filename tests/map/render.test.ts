import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { geoPath } from "../../src/lib/map-geo.ts";
import { collides, loadProvinces, mapLayout, renderChoropleth, type ChoroplethOptions } from "../../src/lib/map.ts";

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

  it("rounds coordinates to one decimal", () => {
    for (const p of root.querySelectorAll("path")) {
      const numbers = p.getAttribute("d")!.match(/-?\d+(\.\d+)?/g)!;
      for (const n of numbers) expect(n).toMatch(/^-?\d+(\.\d)?$/);
    }
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
});
