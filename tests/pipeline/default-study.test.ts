// The default study computed from the committed panel, checked against an independent
// straightforward re-computation written out here from the definitions in the reference README
// (plain loops and sorted sums, no code shared with src/core), and against figures from the
// panel read by hand.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadStudy, type Study } from "../../src/study/load.ts";
import { computeResults } from "../../src/pipeline/compute.ts";
import type { Results } from "../../src/pipeline/results.ts";
import { expectClose } from "../helpers/close.ts";

const tight = { rel: 1e-11, abs: 1e-13 };
let study: Study;
let r: Results;

beforeAll(() => {
  study = loadStudy("data/nqp");
  r = computeResults(study);
});

/** Sum of small-to-large sorted absolute values with signs kept: accurate enough at 1e-11. */
const sum = (xs: number[]) => {
  let s = 0;
  let c = 0;
  for (const x of xs) {
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
};

const panel = new Map(
  readFileSync("data/nqp/panel.csv", "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => {
      const [code, year, series, value] = l.split(",");
      return [`${code},${year},${series}`, Number(value)] as const;
    }),
);

function panelValue(code: string, year: number, series: string): number {
  const v = panel.get(`${code},${year},${series}`);
  if (v === undefined) throw new Error(`no panel row ${code} ${year} ${series}`);
  return v;
}

describe("default study", () => {
  it("has the sample, years and regions of the study design", () => {
    expect(r.study.units).toHaveLength(23);
    expect(r.study.years).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021]);
    expect(r.study.regions.map((g) => [g.id, g.members.length])).toEqual([
      ["bth", 3], ["yrd", 4], ["gba", 1], ["yreb", 11], ["yrb", 9],
    ]);
    expect(r.study.units.find((u) => u.code === "510000")?.regions).toEqual(["yreb", "yrb"]);
    expect(r.dagum[0].n).toBe(28);
  });

  it("reads the published figures into the series the formulas use", () => {
    // Guangdong 2021: R&D expenditure 4002.2 (100 million yuan, NBS R&D bulletin) and GDP
    // 127577.4 (revised after the fifth economic census).
    const u = study.sample.findIndex((x) => x.code === "440000");
    const at = u * study.years.length + (2021 - 2012);
    expect((study.series.get("rd_expenditure") as Float64Array)[at]).toBe(4002.2);
    expect((study.series.get("gdp") as Float64Array)[at]).toBe(127577.4);
    expect((study.series.get("rd_fte") as Float64Array)[at]).toBe(885248);
    // Beijing 2021 (u = 0): 2629.3.
    expect((study.series.get("rd_expenditure") as Float64Array)[2021 - 2012]).toBe(2629.3);
  });

  it("fills exactly the documented gaps", () => {
    const kinds = new Map<string, number>();
    for (const f of r.filled) kinds.set(`${f.indicator} ${f.year} ${f.method}`, (kinds.get(`${f.indicator} ${f.year} ${f.method}`) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({
      "hitech_revenue_gdp 2017 linear": 23,
      "software_revenue_gdp 2021 nearest": 1,
      "ecommerce_gdp 2012 nearest": 23,
    });
    // Beijing's 2017 high-tech ratio is the mean of its 2016 and 2018 ratios.
    const ratio = (y: number) => (panelValue("110000", y, "hitech_revenue") / panelValue("110000", y, "gdp")) * 100;
    const filled = r.filled.find((f) => f.unit === "110000" && f.indicator === "hitech_revenue_gdp");
    expectClose(filled?.value, (ratio(2016) + ratio(2018)) / 2, tight, "Beijing 2017");
    const qinghai = r.filled.find((f) => f.unit === "630000" && f.indicator === "software_revenue_gdp");
    expect(qinghai?.basis).toEqual([2020]);
    expectClose(qinghai?.value, (panelValue("630000", 2020, "software_revenue") / panelValue("630000", 2020, "gdp")) * 100, tight, "Qinghai 2021");
  });

  it("matches an independent entropy-TOPSIS computation on the whole panel", () => {
    const years = r.study.years;
    const codes = r.study.units.map((u) => u.code);
    // Indicator matrix rebuilt from the panel file, gaps filled as listed.
    const filled = new Map(r.filled.map((f) => [`${f.indicator}|${f.unit}|${f.year}`, f.value]));
    const value = (ind: Results["study"]["indicators"][number], code: string, year: number) => {
      const f = filled.get(`${ind.id}|${code}|${year}`);
      if (f !== undefined) return f;
      const def = JSON.parse(readFileSync("data/nqp/study.json", "utf8")).indicators.find((i: { id: string }) => i.id === ind.id);
      const expr = def.formula.replace(/[a-z][a-z0-9_]*/g, (s: string) => String(panelValue(code, year, s)));
      return Function(`return (${expr})`)() as number;
    };
    const rows = years.flatMap((y) => codes.map((c) => ({ code: c, year: y })));
    const X = r.study.indicators.map((ind) => rows.map((row) => value(ind, row.code, row.year)));
    const N = rows.length;
    const k = 1 / Math.log(N);
    const Z = X.map((col, j) => {
      const min = Math.min(...col);
      const max = Math.max(...col);
      const dir = r.study.indicators[j].direction;
      return col.map((x) => (dir === "+" ? (x - min) / (max - min) : (max - x) / (max - min)) + 0.0001);
    });
    const e = Z.map((col) => {
      const total = sum(col);
      return -k * sum(col.map((z) => (z / total) * Math.log(z / total)));
    });
    const d = e.map((x) => 1 - x);
    const w = d.map((x) => x / sum(d));
    expectClose(r.study.indicators.map((i) => i.weight), w, tight, "weights");
    expectClose(r.method.entropyK, k, tight, "k");

    const V = Z.map((col, j) => col.map((z) => w[j] * z));
    const best = V.map((col) => Math.max(...col));
    const worst = V.map((col) => Math.min(...col));
    const C = rows.map((_, i) => {
      const dp = Math.sqrt(sum(V.map((col, j) => (col[i] - best[j]) ** 2)));
      const dm = Math.sqrt(sum(V.map((col, j) => (col[i] - worst[j]) ** 2)));
      return dm / (dp + dm);
    });
    const mine = rows.map((row) => (r.scores.find((s) => s.unit === row.code && s.year === row.year) as Results["scores"][number]).score);
    expectClose(mine, C, tight, "composite scores");
  });

  it("matches a direct pairwise Dagum decomposition of the stacked sample in 2021", () => {
    const last = r.scores.filter((s) => s.year === 2021);
    const score = new Map(last.map((s) => [s.unit, s.score]));
    const groups = r.study.regions.map((g) => g.members.map((c) => score.get(c) as number));
    const all = groups.flat();
    const n = all.length;
    const mu = sum(all) / n;
    const G = sum(all.flatMap((a) => all.map((b) => Math.abs(a - b)))) / (2 * n * n * mu);
    const got = r.dagum[r.dagum.length - 1];
    expectClose(got.G, G, tight, "G 2021");
    expectClose(got.Gw + got.Gnb + got.Gt, got.G, tight, "G = Gw + Gnb + Gt");
    const gba = got.groups.gba;
    expect(gba.n).toBe(1);
    expect(gba.Gjj).toBe(0);
    const bth = groups[0];
    const mb = sum(bth) / bth.length;
    expectClose(got.groups.bth.Gjj, sum(bth.flatMap((a) => bth.map((b) => Math.abs(a - b)))) / (2 * bth.length ** 2 * mb), tight, "G_bth");
  });

  it("ranks and tiers agree with the scores", () => {
    for (const year of r.study.years) {
      const s = r.scores.filter((x) => x.year === year).sort((a, b) => a.rank - b.rank);
      for (let i = 1; i < s.length; i++) expect(s[i - 1].score).toBeGreaterThanOrEqual(s[i].score);
      for (let i = 1; i < s.length; i++) expect(s[i - 1].tier).toBeLessThanOrEqual(s[i].tier);
    }
    const b = r.tiers.breaks;
    for (const s of r.scores) {
      const cls = s.tier === r.tiers.classes ? 0 : r.tiers.classes - s.tier;
      expect(s.score).toBeGreaterThanOrEqual(cls === 0 ? b[0] : b[cls]);
      expect(s.score).toBeLessThanOrEqual(b[cls + 1]);
    }
  });

  it("regional means and growth follow from the scores", () => {
    for (const g of r.study.regions) {
      const series = r.study.years.map((y) => sum(g.members.map((c) => (r.scores.find((s) => s.unit === c && s.year === y) as Results["scores"][number]).score)) / g.members.length);
      expectClose(r.means.filter((m) => m.group === g.id).map((m) => m.score), series, tight, `means ${g.id}`);
      const growth = r.growth.find((x) => x.group === g.id) as Results["growth"][number];
      expectClose(growth.cagr, (series[9] / series[0]) ** (1 / 9) - 1, tight, `cagr ${g.id}`);
    }
  });
});

describe("default study, Theil", () => {
  it("decomposes T into within and between parts on the stacked sample", () => {
    const last = r.theil[r.theil.length - 1];
    expectClose(last.Tw + last.Tb, last.T, tight, "T = Tw + Tb");
    const score = new Map(r.scores.filter((s) => s.year === 2021).map((s) => [s.unit, s.score]));
    const all = r.study.regions.flatMap((g) => g.members.map((c) => score.get(c) as number));
    const mu = sum(all) / all.length;
    expectClose(last.T, sum(all.map((y) => (y / mu) * Math.log(y / mu))) / all.length, tight, "T 2021");
  });
});
