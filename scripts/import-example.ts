/**
 * import-example — writes the data files of the example study `examples/digital-economy-zones/`
 * (the digital economy of the 31 mainland provinces in China's four economic zones, 2015-2021)
 * in the forms researchers receive such data, so that the example exercises the importers:
 *
 *   broadband-nbs.csv   NBS 分省年度数据 export layout (header lines, 地区 row with years newest
 *                       first, a tab before each comma, full province names, 注/数据来源 footer)
 *   internet.csv        the long layout of the NBS data API as scraped upstream (省份, 地区代码,
 *                       年份, 数据集, 指标, 数值, 单位), two indicators, 2015-2024
 *   digital.xlsx        a workbook: sheet PKU-DFIIC (one row per province and year, one column
 *                       per sub-index, English names) and sheet 电子商务销售额 (a title row, then
 *                       provinces by years)
 *   population-gdp.csv  one row per province and year, one column per series, short Chinese
 *                       names, saved in GBK as Excel does on a Chinese-language system
 *   units.csv, sources.csv
 *
 * READS (read-only): ../shared/data-raw/ (SOURCES.md §5 PKU-DFIIC, §8 NBS internet indicators,
 * transcribed), data/nqp/panel.csv (GDP, year-end population and e-commerce sales, imported from
 * the raw NBS exports and the merged panel of SOURCES.md §6 by import-nqp.ts) and
 * data/units/cn-provinces.csv. Values are written exactly as in their source; no value is
 * derived here (the ratios are the study's formulas). study.json and README.md of the example
 * are written by hand.
 *
 * Run: npx node scripts/import-example.ts [--raw <dir>] [--out <dir>]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { formatCsv, parseCsv, readUtf8 } from "./lib/csv.ts";

const REPO = resolve(import.meta.dirname, "..");
const FIRST = 2015;
const LAST = 2021;

interface Province {
  code: string;
  nameZh: string;
  nameZhFull: string;
  nameEn: string;
  abbr: string;
}

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ""])));
}

function provinces(): Province[] {
  return records(readUtf8(join(REPO, "data/units/cn-provinces.csv"))).map((r) => ({
    code: r.code,
    nameZh: r.name_zh,
    nameZhFull: r.name_zh_full,
    nameEn: r.name_en,
    abbr: r.abbr,
  }));
}

/** §8: the transcribed internet block, keyed by indicator, 12-digit code and year. */
function internet(raw: string) {
  const file = join(raw, "yingyingchen866__ai-dev-learning/week2-realdata/data/raw/nbs_digital_economy__INTERNET_SUBSET__TRANSCRIBED.csv");
  const rows = records(readUtf8(file));
  if (rows.length !== 930) throw new Error(`${file}: ${rows.length} rows, expected 930`);
  return rows;
}

/** The NBS export layout, as data.stats.gov.cn writes it. */
function nbsExport(rows: Record<string, string>[], indicator: string, list: Province[]): string {
  const years = [...new Set(rows.map((r) => Number(r["年份"])))].sort((a, b) => b - a);
  const value = new Map(rows.filter((r) => r["指标"] === indicator).map((r) => [`${r["地区代码"].slice(0, 6)}|${r["年份"]}`, r["数值"]]));
  const lines = [
    "\uFEFF数据库：分省年度数据 ",
    `时间：${years[years.length - 1]}年-${years[0]}年 `,
    ["地区", ...years.map((y) => `${y}年`)].map((c) => `${c}\t,`).join(""),
  ];
  for (const p of list) {
    const cells = [p.nameZhFull, ...years.map((y) => value.get(`${p.code}|${y}`) ?? "")];
    lines.push(cells.map((c) => `${c}\t,`).join(""));
  }
  lines.push("注：互联网宽带接入用户指期末在电信企业登记注册，通过xDSL、FTTH、Cable Modem、LAN、无线等方式接入互联网的用户。");
  lines.push("数据来源：国家统计局");
  return lines.join("\r\n") + "\r\n";
}

/** GBK bytes of a text, from the inverse of the platform's GBK decoder. */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder("gbk", { fatal: true });
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (!table.has(ch)) table.set(ch, [a, b]);
      } catch {
        // not a GBK character
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (bytes === undefined) throw new Error(`"${ch}" has no GBK encoding`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

/**
 * The same bytes on every run: the zip entries of a workbook carry the time they were written,
 * so every entry's DOS time and date (local and central headers) are set to 2024-01-01 00:00.
 */
function fixZipTimes(zip: Buffer): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("workbook: no end of central directory");
  const entries = zip.readUInt16LE(end + 10);
  const time = 0;
  const date = ((2024 - 1980) << 9) | (1 << 5) | 1;
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error("workbook: unexpected central directory entry");
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(date, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error("workbook: unexpected local header");
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

async function main() {
  const { values } = parseArgs({
    options: {
      raw: { type: "string", default: resolve(REPO, "../shared/data-raw") },
      out: { type: "string", default: resolve(REPO, "examples/digital-economy-zones") },
    },
  });
  const raw = values.raw as string;
  const out = values.out as string;
  mkdirSync(out, { recursive: true });
  const list = provinces();
  const start = performance.now();

  writeFileSync(
    join(out, "units.csv"),
    formatCsv(["code", "name_zh", "name_zh_full", "name_en", "aliases"], list.map((p) => [p.code, p.nameZh, p.nameZhFull, p.nameEn, `CN-${p.abbr}`])),
  );

  const net = internet(raw);
  writeFileSync(join(out, "broadband-nbs.csv"), nbsExport(net, "互联网宽带接入用户 (万户)", list));
  const mobile = net.filter((r) => r["指标"] !== "互联网宽带接入用户 (万户)");
  const header = ["省份", "地区代码", "年份", "数据集", "指标", "数值", "单位"];
  writeFileSync(join(out, "internet.csv"), formatCsv(header, mobile.map((r) => header.map((h) => r[h]))));

  const panel = records(readUtf8(join(REPO, "data/nqp/panel.csv")));
  const value = new Map(panel.map((r) => [`${r.series}|${r.province_code}|${r.year}`, r.value]));
  const get = (series: string, code: string, year: number) => {
    const v = value.get(`${series}|${code}|${year}`);
    if (v === undefined) throw new Error(`data/nqp/panel.csv has no ${series} for ${code} in ${year}`);
    return v;
  };

  const years: number[] = [];
  for (let y = FIRST; y <= LAST; y++) years.push(y);
  const wide = formatCsv(
    ["省份", "年份", "population", "gdp"],
    list.flatMap((p) => years.map((y) => [p.nameZh, String(y), get("population", p.code, y), get("gdp", p.code, y)])),
  );
  writeFileSync(join(out, "population-gdp.csv"), encodeGbk(wide.replace(/\n/g, "\r\n")));

  const book = new ExcelJS.Workbook();
  book.creator = "scripts/import-example.ts";
  book.created = new Date(Date.UTC(2024, 0, 1));
  book.modified = book.created;
  const dfiic = book.addWorksheet("PKU-DFIIC");
  const columns = ["year", "prov_name", "prov_name_eng", "prov_code", "index_aggregate", "coverage_breadth", "usage_depth", "digitization_level"];
  dfiic.addRow(columns);
  const dfiicFile = join(raw, "pedrohcgs__claude-code-my-workflow/data-csv/PKU_DFIIC_province.csv");
  for (const r of records(readUtf8(dfiicFile))) {
    dfiic.addRow(columns.map((c) => (c === "prov_name" || c === "prov_name_eng" ? r[c] : Number(r[c]))));
  }
  const ecommerce = book.addWorksheet("电子商务销售额");
  ecommerce.addRow(["电子商务销售额（亿元）"]);
  ecommerce.addRow(["地区", ...[...years].reverse().map((y) => `${y}年`)]);
  for (const p of list) ecommerce.addRow([p.nameZhFull, ...[...years].reverse().map((y) => Number(get("ecommerce_sales", p.code, y)))]);
  const zip = Buffer.from(await book.xlsx.writeBuffer());
  writeFileSync(join(out, "digital.xlsx"), fixZipTimes(zip));

  const sources: string[][] = [
    ["broadband_users", "Internet broadband subscribers", "互联网宽带接入用户", "万户",
      "National Bureau of Statistics, data.stats.gov.cn 分省年度数据 > 运输和邮电 > 互联网主要指标发展情况",
      "nbs_digital_economy.csv of yingyingchen866/ai-dev-learning, transcribed by hand (SOURCES.md §8); written here in the NBS export layout",
      "2015-2024 as published in 2025", "Provincial sums reproduce the national totals (2021: 53,578.4 ten thousand subscribers)."],
    ["mobile_internet_users", "Mobile internet users", "移动互联网用户", "万户", "National Bureau of Statistics, data.stats.gov.cn 分省年度数据 > 运输和邮电 > 互联网主要指标发展情况",
      "as broadband_users (SOURCES.md §8), long layout of the data API", "2015-2024 as published in 2025", "Beijing 2017 (4,639.72) is a spike, as in the source."],
    ["mobile_internet_traffic", "Mobile internet access traffic", "移动互联网接入流量", "万GB", "National Bureau of Statistics, data.stats.gov.cn 分省年度数据 > 运输和邮电 > 互联网主要指标发展情况",
      "as broadband_users (SOURCES.md §8), long layout of the data API", "2015-2024 as published in 2025", ""],
    ["dfiic_coverage_breadth", "PKU Digital Financial Inclusion Index, coverage breadth", "数字普惠金融指数 覆盖广度", "index",
      "PKU-DFIIC 北京大学数字普惠金融指数 2011-2023 (4th edition, 2024), PKU Institute of Digital Finance & Ant Group Research",
      "sheet Provinces, cleaned and converted to CSV (SOURCES.md §5), column coverage_breadth", "2011-2023 edition", "Academic use; cite Guo Feng et al. (2020), 经济学(季刊) 19(4):1401-1418."],
    ["dfiic_digitization_level", "PKU Digital Financial Inclusion Index, digitisation level", "数字普惠金融指数 数字化程度", "index",
      "PKU-DFIIC 2011-2023 (as dfiic_coverage_breadth)", "column digitization_level (SOURCES.md §5)", "2011-2023 edition", "As dfiic_coverage_breadth."],
    ["ecommerce_sales", "E-commerce sales of enterprises", "电子商务销售额", "亿元",
      "127ww/nqp-spatial-development merged panel (SOURCES.md §6), NBS 企业信息化及电子商务情况, via data/nqp/panel.csv",
      "column 电子商务销售额（亿元）", "as compiled by the panel author", "Beijing 2021 31,239.8 equals the NBS value."],
    ["gdp", "Gross regional product (current prices)", "地区生产总值", "亿元", "National Bureau of Statistics, data.stats.gov.cn 分省年度数据 (export), via data/nqp/panel.csv",
      "分省年度数据 > 国民经济核算 > 地区生产总值", "post-5th-economic-census revision", "See data/nqp/sources.csv."],
    ["population", "Year-end resident population", "年末常住人口", "万人", "National Bureau of Statistics, data.stats.gov.cn 分省年度数据 (export), via data/nqp/panel.csv",
      "分省年度数据 > 人口 > 年末常住人口", "revised after the 7th population census", "See data/nqp/sources.csv."],
  ];
  writeFileSync(join(out, "sources.csv"), formatCsv(["series", "name_en", "name_zh", "unit", "source", "table", "vintage", "notes"], sources));

  console.log(`wrote units.csv, broadband-nbs.csv, internet.csv, population-gdp.csv (GBK), digital.xlsx and sources.csv to ${out} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

await main();
