/**
 * Checks of the COMMITTED tidy files data/nqp/panel.csv and data/nqp/sources.csv (no raw data
 * needed): layout, keys, published figures, and the coverage of the 23 sample provinces.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readCsvRecords } from "../../scripts/lib/csv.ts";
import { createProvinceResolver, loadProvinceTable } from "../../scripts/lib/provinces.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const panel = readCsvRecords(resolve(ROOT, "data/nqp/panel.csv"));
const sources = readCsvRecords(resolve(ROOT, "data/nqp/sources.csv"));
const provinces = createProvinceResolver(loadProvinceTable(resolve(ROOT, "data/units/cn-provinces.csv")));
const code = (name: string) => provinces.code(name, { file: "test", row: 0 });

const values = new Map<string, string>();
for (const r of panel.records) values.set(`${r.series}|${r.province_code}|${r.year}`, r.value);

/** The value as written in panel.csv (text), or undefined when the row is absent. */
function text(series: string, province: string, year: number): string | undefined {
  return values.get(`${series}|${code(province)}|${year}`);
}
function value(series: string, province: string, year: number): number {
  const t = text(series, province, year);
  if (t === undefined) throw new Error(`no row ${series} ${province} ${year}`);
  return Number(t);
}

const SAMPLE = [
  "北京", "天津", "河北", "上海", "江苏", "浙江", "安徽", "广东", "江西", "湖北", "湖南", "重庆",
  "四川", "贵州", "云南", "青海", "甘肃", "宁夏", "内蒙古", "陕西", "山西", "河南", "山东",
];

/** Cells of the sample (2012-2021) that are missing upstream, documented in sources.csv. */
const DOCUMENTED_GAPS = new Set([
  ...SAMPLE.map((p) => `hitech_revenue|${code(p)}|2017`),
  ...SAMPLE.map((p) => `ecommerce_sales|${code(p)}|2012`),
  `software_revenue|${code("青海")}|2021`,
]);

describe("panel.csv layout", () => {
  it("has the tidy long header", () => {
    expect(panel.header).toEqual(["province_code", "year", "series", "value"]);
    expect(panel.records.length).toBeGreaterThan(6000);
  });

  it("uses only province codes of the units table and years 2011-2022", () => {
    const codes = new Set(provinces.provinces.map((p) => p.code));
    for (const r of panel.records) {
      expect(codes.has(r.province_code), r.province_code).toBe(true);
      expect(r.year).toMatch(/^20(1[1-9]|2[0-2])$/);
    }
  });

  it("has only finite plain decimal values", () => {
    for (const r of panel.records) {
      expect(r.value, `${r.series} ${r.province_code} ${r.year}`).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number.isFinite(Number(r.value))).toBe(true);
    }
  });

  it("has no duplicate (series, province, year) keys", () => {
    expect(values.size).toBe(panel.records.length);
  });

  it("is sorted by series, province_code, year", () => {
    const keys = panel.records.map((r) => [r.series, r.province_code, Number(r.year)] as const);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1], keys[i]];
      const order = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2];
      expect(order, `line ${i + 2}`).toBeLessThan(0);
    }
  });
});

describe("sources.csv", () => {
  const panelSeries = new Set(panel.records.map((r) => r.series));
  const sourceSeries = sources.records.map((r) => r.series);

  it("has the documented columns", () => {
    expect(sources.header).toEqual(["series", "name_en", "name_zh", "unit", "source", "table", "vintage", "raw_file", "years", "notes"]);
    for (const r of sources.records) for (const [k, v] of Object.entries(r)) expect(v.trim(), `${r.series}.${k}`).not.toBe("");
  });

  it("has one row per series, each with panel rows, and every panel series is listed", () => {
    expect(new Set(sourceSeries).size).toBe(sourceSeries.length);
    for (const s of sourceSeries) expect(panelSeries.has(s), s).toBe(true);
    for (const s of panelSeries) expect(sourceSeries.includes(s), s).toBe(true);
  });

  it("states the years actually present in the panel", () => {
    for (const r of sources.records) {
      const years = [...new Set(panel.records.filter((p) => p.series === r.series).map((p) => Number(p.year)))].sort((a, b) => a - b);
      const spans: string[] = [];
      let start = years[0];
      for (let i = 1; i <= years.length; i++) {
        if (i === years.length || years[i] !== years[i - 1] + 1) {
          spans.push(start === years[i - 1] ? `${start}` : `${start}-${years[i - 1]}`);
          start = years[i];
        }
      }
      expect(r.years, r.series).toBe(spans.join(","));
    }
  });

  it("covers the series the study needs", () => {
    for (const s of [
      "gdp", "population", "rd_expenditure", "rd_fte", "invention_patents_granted", "tech_market_turnover_out",
      "budget_expenditure", "budget_st_expenditure", "higher_ed_students", "hitech_revenue", "software_revenue",
      "ecommerce_sales", "dfiic_coverage_breadth", "dfiic_usage_depth", "dfiic_digitization_level", "co2_emissions",
    ]) {
      expect(sourceSeries, s).toContain(s);
    }
  });
});

describe("published figures", () => {
  it("R&D expenditure (NBS R&D bulletin), 亿元", () => {
    expect(value("rd_expenditure", "广东", 2021)).toBe(4002.2);
    expect(value("rd_expenditure", "北京", 2021)).toBe(2629.3);
    expect(value("rd_expenditure", "上海", 2021)).toBe(1819.8);
  });

  it("R&D full-time equivalent, 人年", () => {
    expect(value("rd_fte", "广东", 2021)).toBe(885248);
  });

  it("invention patents granted, 件", () => {
    expect(value("invention_patents_granted", "广东", 2021)).toBe(102850);
  });

  it("technology market turnover by seller region, 万元 (source carries decimals)", () => {
    expect(text("tech_market_turnover_out", "北京", 2021)).toBe("70056516.856928");
    // SOURCES.md quotes 70,056,520 万元 (= 7005.65 亿元), a 7-significant-digit rounding
    expect(Number(value("tech_market_turnover_out", "北京", 2021).toPrecision(7))).toBe(70056520);
  });

  it("high-tech industry revenue, 亿元", () => {
    expect(value("hitech_revenue", "广东", 2021)).toBe(53915);
  });

  it("e-commerce sales, 亿元 (NBS publishes 31239.8)", () => {
    expect(text("ecommerce_sales", "北京", 2021)).toBe("31239.81949");
    expect(value("ecommerce_sales", "北京", 2021).toFixed(1)).toBe("31239.8");
  });

  it("apparent CO2 emissions, Mt (CEADs; full precision, published rounded)", () => {
    expect(text("co2_emissions", "广东", 2019)).toBe("552.2894168611658");
    expect(value("co2_emissions", "广东", 2019).toFixed(1)).toBe("552.3");
    expect(value("co2_emissions", "山东", 2019).toFixed(1)).toBe("1244.7");
  });

  it("students enrolled, 人", () => {
    expect(value("higher_ed_students", "广东", 2021)).toBe(2539779);
    expect(value("higher_ed_students", "北京", 2021)).toBe(616978);
    expect(value("higher_ed_students", "西藏", 2021)).toBe(41304);
  });

  it("PKU-DFIIC 2011-2023 edition", () => {
    expect(value("dfiic_index", "上海", 2021).toFixed(2)).toBe("458.97");
    expect(value("dfiic_index", "北京", 2021).toFixed(2)).toBe("445.44");
    expect(value("dfiic_index", "上海", 2020).toFixed(2)).toBe("431.93");
    expect(value("dfiic_index", "北京", 2020).toFixed(2)).toBe("417.88");
    expect(value("dfiic_index", "北京", 2011)).toBe(79.41);
    expect(value("dfiic_index", "西藏", 2011)).toBe(16.22);
  });

  it("GDP in the post-5th-economic-census vintage, 亿元", () => {
    expect(value("gdp", "北京", 2021)).toBe(44350.7);
    expect(value("gdp", "广东", 2021)).toBe(127577.4);
    expect(value("gdp", "北京", 2012)).toBe(19568.3);
    // not the first-published (40269.6 / 124369.7) or the PyPSA (41045.6) vintage
    expect(value("gdp", "北京", 2021)).not.toBe(40269.6);
  });

  it("year-end resident population (post-7th-census series), 万人", () => {
    expect(value("population", "北京", 2021)).toBe(2189);
    expect(value("population", "广东", 2021)).toBe(12684);
  });

  it("budget expenditure and its science and technology part, 亿元 (yearbook 7-6, 2021 rounded to 0.01)", () => {
    expect(value("budget_expenditure", "北京", 2021)).toBe(7205.12);
    expect(value("budget_st_expenditure", "北京", 2021)).toBe(449.45);
  });
});

describe("coverage", () => {
  it("has the 23 sample provinces complete 2012-2021 except the documented upstream gaps", () => {
    const missing: string[] = [];
    for (const series of new Set(panel.records.map((r) => r.series))) {
      for (const p of SAMPLE) {
        for (let y = 2012; y <= 2021; y++) {
          const key = `${series}|${code(p)}|${y}`;
          if (!values.has(key)) missing.push(key);
        }
      }
    }
    expect(missing.sort()).toEqual([...DOCUMENTED_GAPS].sort());
  });

  it("leaves missing cells absent, never zero-filled", () => {
    expect(panel.records.some((r) => r.series === "hitech_revenue" && r.year === "2017")).toBe(false);
    expect(panel.records.some((r) => r.series === "ecommerce_sales" && (r.year === "2011" || r.year === "2012"))).toBe(false);
    expect(text("co2_emissions", "西藏", 2019)).toBeUndefined();
    expect(text("software_revenue", "西藏", 2019)).toBeUndefined();
    expect(text("software_revenue", "青海", 2021)).toBeUndefined();
  });

  it("documents each sample gap in the notes of its series", () => {
    const notes = new Map(sources.records.map((r) => [r.series, r.notes]));
    expect(notes.get("hitech_revenue")).toContain("2017 missing upstream");
    expect(notes.get("ecommerce_sales")).toContain("2012 missing upstream");
    expect(notes.get("software_revenue")).toContain("青海 absent 2021");
  });
});
