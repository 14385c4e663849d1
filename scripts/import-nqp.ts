/**
 * import-nqp — builds the tidy data of the default study ("new quality productivity" of the
 * provinces of China's major national strategic regions) from the raw tables in data-raw.
 *
 * READS (read-only; described in ../shared/data-raw/SOURCES.md; override with --raw <dir>):
 *   huhuaping__techme/data-csv/{RDIntense,RDLaborHour,RDPatentAuthority,MarketPush,
 *       IndustryOperation,PublicBudget}.csv        NBS R&D bulletin, China Statistical Yearbook
 *                                                  on Science and Technology, China Statistical
 *                                                  Yearbook finance chapter (techme package data)
 *   upstream1119__statistical-modeling_CUC_PYH/data_raw/nbs/NBS_地区生产总值_GDP_省级_2011-2022.csv,
 *       .../NBS_年末常住人口_省级_2011-2022.csv      NBS data.stats.gov.cn exports (GDP, population)
 *   upstream1119__statistical-modeling_CUC_PYH/data_raw/carbon_emissions/表观碳排放清单_1997-2022.xlsx
 *                                                  CEADs apparent CO2 inventory
 *   pedrohcgs__claude-code-my-workflow/data-csv/PKU_DFIIC_province.csv   PKU-DFIIC 2011-2023
 *   127ww__nqp-spatial-development/data/raw/面板原始数据_合并版v2.xlsx     students, software,
 *                                                  e-commerce (author-merged panel)
 *   and, as cross-checks that must agree cell by cell (identical cells are collapsed and
 *   counted, a differing cell stops the import naming both files):
 *   Liushenwuzhu-Alpaca__province-economy/data/raw/nbs_exports/分省年度数据{.2019csv,2020,2021,.2022csv}.csv
 *       (GDP 2019-2022), pik-piam__PyPSA-China-PIK/resources/data/population/historical_population.csv
 *       (population), column 数字普惠金融总指数 of the 127ww merged panel (PKU-DFIIC aggregate),
 *       and pik-piam__PyPSA-China-PIK/resources/data/regions/province_codes.csv (checks the abbr
 *       column of the province table).
 *   data/units/cn-provinces.csv (the province table; every name form is mapped through it).
 *
 * WRITES (override the folder with --out <dir>):
 *   data/nqp/panel.csv    province_code,year,series,value — long, sorted by series, province_code,
 *                         year; years 2011-2022; values exactly as in the source (no rounding,
 *                         no derived ratios); a missing source cell is an absent row.
 *   data/nqp/sources.csv  series,name_en,name_zh,unit,source,table,vintage,raw_file,years,notes
 *
 * Regional subtotal rows (全国, 东部地区, ...) are dropped and counted; an unknown province name,
 * an unexpected table layout or two different values for one (series, province, year) stop the
 * import. Output is deterministic: same input, same bytes.
 *
 * Run: npx node scripts/import-nqp.ts [--raw <dir>] [--out <dir>]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { formatCsv, parseCsv, readCsvRecords, readUtf8 } from "./lib/csv.ts";
import { PanelBuilder, exactNumber } from "./lib/panel.ts";
import { createProvinceResolver, loadProvinceTable, type ProvinceResolver } from "./lib/provinces.ts";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const FIRST_YEAR = 2011;
const LAST_YEAR = 2022;

/** The 23 provinces of the default study and its years, for the coverage report. */
export const SAMPLE = [
  "北京", "天津", "河北", "上海", "江苏", "浙江", "安徽", "广东", "江西", "湖北", "湖南", "重庆",
  "四川", "贵州", "云南", "青海", "甘肃", "宁夏", "内蒙古", "陕西", "山西", "河南", "山东",
];
const SAMPLE_FIRST = 2012;
const SAMPLE_LAST = 2021;

// ---------------------------------------------------------------------------------------------
// Observations read from raw files

type RawValue = string | number | null;

interface Obs {
  name: string;
  year: number;
  value: RawValue;
  /** Row or cell reference in the file. */
  at: string;
}

interface Reading {
  /** Path relative to the raw folder. */
  file: string;
  obs: Obs[];
}

class Raw {
  readonly dir: string;
  private books = new Map<string, Promise<ExcelJS.Workbook>>();
  constructor(dir: string) {
    this.dir = dir;
  }
  path(file: string): string {
    return join(this.dir, file);
  }
  workbook(file: string): Promise<ExcelJS.Workbook> {
    let wb = this.books.get(file);
    if (wb === undefined) {
      const book = new ExcelJS.Workbook();
      wb = book.xlsx.readFile(this.path(file)).then(() => book);
      this.books.set(file, wb);
    }
    return wb;
  }
}

function parseYear(text: string, where: string): number {
  const m = text.trim().match(/^(\d{4})(\.0)?$/);
  if (!m) throw new Error(`${where}: "${text}" is not a year`);
  return Number(m[1]);
}

/** The value of an exceljs cell: number, non-empty text, or null for an empty cell. */
function cellValue(v: ExcelJS.CellValue, where: string): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("").trim() || null;
  if (typeof v === "object" && "formula" in v) {
    const r = (v as { result?: unknown }).result;
    if (typeof r === "number") return r;
    if (r === undefined || r === null || r === "") return null;
  }
  throw new Error(`${where}: unexpected cell content ${JSON.stringify(v)}`);
}

function cellText(v: ExcelJS.CellValue, where: string): string {
  const c = cellValue(v, where);
  return c === null ? "" : String(c);
}

/**
 * techme package data converted to CSV (SOURCES.md §1c): columns province, province_norm, year,
 * chn_block4, value, units, variables. The name used is `province_norm`; the original
 * `province` must either fold to the same name or be one of the OCR slips listed in §1c.
 */
const TECHME_OCR_SLIPS = new Map([
  ["江两", "江西"],
  ["江四", "江西"],
  ["内蒙占", "内蒙古"],
  ["山两", "山西"],
  ["两藏", "西藏"],
  ["四藏", "西藏"],
  ["浙汀", "浙江"],
]);

function techme(raw: Raw, name: string, variable: string, unit: string): Reading {
  const file = `huhuaping__techme/data-csv/${name}.csv`;
  const { header, records } = readCsvRecords(raw.path(file));
  for (const c of ["province", "province_norm", "year", "value", "units", "variables"]) {
    if (!header.includes(c)) throw new Error(`${file}: missing column ${c}`);
  }
  const obs: Obs[] = [];
  records.forEach((r, i) => {
    if (r.variables !== variable) return;
    const at = `line ${i + 2}`;
    if (r.units !== unit) throw new Error(`${file}, ${at}: unit "${r.units}" for ${variable}, expected "${unit}"`);
    const folded = r.province.replace(/\s+/g, "");
    if (folded !== r.province_norm && TECHME_OCR_SLIPS.get(folded) !== r.province_norm) {
      throw new Error(`${file}, ${at}: province "${r.province}" normalised to "${r.province_norm}", which is not a documented OCR fix`);
    }
    obs.push({ name: r.province_norm, year: parseYear(r.year, `${file}, ${at}`), value: r.value === "" ? null : r.value, at });
  });
  if (obs.length === 0) throw new Error(`${file}: no rows for variable ${variable}`);
  return { file, obs };
}

/** Rows of an NBS data.stats.gov.cn export up to the footer (注/数据来源), cells trimmed. */
function nbsRows(raw: Raw, file: string): { time: string; header: string[]; rows: { cells: string[]; line: number }[] } {
  const lines = parseCsv(readUtf8(raw.path(file))).map((cells) => cells.map((c) => c.trim()));
  if (!lines[0]?.[0]?.startsWith("数据库：")) throw new Error(`${file}: line 1 is not "数据库：..."`);
  if (!lines[1]?.[0]?.startsWith("时间：")) throw new Error(`${file}: line 2 is not "时间：..."`);
  const header = lines[2];
  if (header?.[0] !== "地区") throw new Error(`${file}: line 3 does not start with 地区`);
  const rows: { cells: string[]; line: number }[] = [];
  let footer = false;
  for (let i = 3; i < lines.length; i++) {
    const cells = lines[i];
    const first = cells[0] ?? "";
    if (/^(注|数)/.test(first)) footer = true;
    if (footer) {
      if (cells.slice(1).some((c) => c !== "")) throw new Error(`${file}, line ${i + 1}: data after the footer`);
      continue;
    }
    if (cells.every((c) => c === "")) continue;
    rows.push({ cells, line: i + 1 });
  }
  return { time: lines[1][0], header, rows };
}

/** NBS export with years as columns ("2022年", "2021年", ...). */
function nbsByYear(raw: Raw, file: string): Reading {
  const { header, rows } = nbsRows(raw, file);
  const years = header.map((h, j) => {
    if (j === 0 || h === "") return null;
    const m = h.match(/^(\d{4})年$/);
    if (!m) throw new Error(`${file}: header cell "${h}" is not a year`);
    return Number(m[1]);
  });
  const obs: Obs[] = [];
  for (const { cells, line } of rows) {
    years.forEach((y, j) => {
      if (y === null) return;
      obs.push({ name: cells[0], year: y, value: cells[j] === "" || cells[j] === undefined ? null : cells[j], at: `line ${line}, ${y}年` });
    });
  }
  return { file, obs };
}

/** NBS one-year export with indicators as columns; takes the column named `indicator`. */
function nbsOneYear(raw: Raw, file: string, indicator: string): Reading {
  const { time, header, rows } = nbsRows(raw, file);
  const m = time.match(/^时间：(\d{4})年$/);
  if (!m) throw new Error(`${file}: line 2 "${time}" does not name one year`);
  const year = Number(m[1]);
  const j = header.indexOf(indicator);
  if (j < 0) throw new Error(`${file}: no column "${indicator}"`);
  return {
    file,
    obs: rows.map(({ cells, line }) => ({ name: cells[0], year, value: cells[j] === "" ? null : cells[j], at: `line ${line}` })),
  };
}

/** PyPSA-China resources: '#' comment line, then region,2024,2023,... with English names. */
function pypsaWide(raw: Raw, file: string): Reading {
  const text = readUtf8(raw.path(file));
  const lines = parseCsv(text);
  const skip = lines.findIndex((cells) => !cells[0].startsWith("#"));
  const header = lines[skip];
  if (header[0] !== "region") throw new Error(`${file}: header does not start with "region"`);
  const obs: Obs[] = [];
  for (let i = skip + 1; i < lines.length; i++) {
    const cells = lines[i];
    header.forEach((h, j) => {
      if (j === 0) return;
      obs.push({ name: cells[0], year: parseYear(h, `${file} header`), value: cells[j] === "" ? null : cells[j], at: `line ${i + 1}, ${h}` });
    });
  }
  return { file, obs };
}

/** PKU-DFIIC province CSV; prov_code, prov_name and prov_name_eng must all name the same province. */
function pku(raw: Raw, column: string, provinces: ProvinceResolver): Reading {
  const file = "pedrohcgs__claude-code-my-workflow/data-csv/PKU_DFIIC_province.csv";
  const { header, records } = readCsvRecords(raw.path(file));
  if (!header.includes(column)) throw new Error(`${file}: no column ${column}`);
  const obs = records.map((r, i) => {
    const where = { file, row: `line ${i + 2}` };
    const code = provinces.code(r.prov_code, where);
    for (const alt of [r.prov_name, r.prov_name_eng]) {
      if (provinces.code(alt, where) !== code) throw new Error(`${file}, line ${i + 2}: "${alt}" and prov_code ${r.prov_code} disagree`);
    }
    return { name: r.prov_code, year: parseYear(r.year, `${file}, line ${i + 2}`), value: r[column] === "" ? null : r[column], at: `line ${i + 2}` };
  });
  return { file, obs };
}

/** CEADs apparent CO2 inventory: one sheet per year, the total row across province columns. */
async function ceadsApparent(raw: Raw): Promise<Reading> {
  const file = "upstream1119__statistical-modeling_CUC_PYH/data_raw/carbon_emissions/表观碳排放清单_1997-2022.xlsx";
  const label = "Total apparent CO2 emissions (mt)";
  const wb = await raw.workbook(file);
  const obs: Obs[] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === "NOTE") continue;
    if (!/^\d{4}$/.test(ws.name)) throw new Error(`${file}: unexpected sheet "${ws.name}"`);
    const year = Number(ws.name);
    const head = ws.getRow(1);
    if (cellText(head.getCell(2).value, `${file} ${ws.name}!B1`) !== "Items") throw new Error(`${file}, sheet ${ws.name}: B1 is not "Items"`);
    const totals: number[] = [];
    ws.eachRow((row, r) => {
      const a = cellText(row.getCell(1).value, `${file} ${ws.name}!A${r}`);
      const b = cellText(row.getCell(2).value, `${file} ${ws.name}!B${r}`);
      if (a === label || b === label) totals.push(r);
    });
    if (totals.length !== 1) throw new Error(`${file}, sheet ${ws.name}: ${totals.length} rows labelled "${label}"`);
    const row = ws.getRow(totals[0]);
    for (let c = 3; c <= ws.columnCount; c++) {
      const name = cellText(head.getCell(c).value, `${file} ${ws.name}!${head.getCell(c).address}`);
      const cell = row.getCell(c);
      if (name === "") {
        if (cellValue(cell.value, cell.address) !== null) throw new Error(`${file}, sheet ${ws.name}: value in ${cell.address} under an empty header`);
        continue;
      }
      obs.push({ name, year, value: cellValue(cell.value, `${file} ${ws.name}!${cell.address}`), at: `sheet ${ws.name}, cell ${cell.address}` });
    }
  }
  return { file, obs };
}

/** 127ww merged panel: one sheet, header row 1, columns 省份 and 年份, one column per variable. */
async function mergedPanel(raw: Raw, column: string): Promise<Reading> {
  const file = "127ww__nqp-spatial-development/data/raw/面板原始数据_合并版v2.xlsx";
  const wb = await raw.workbook(file);
  if (wb.worksheets.length !== 1) throw new Error(`${file}: expected one sheet`);
  const ws = wb.worksheets[0];
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, c) => {
    header[c] = cellText(cell.value, cell.address);
  });
  const col = header.indexOf(column);
  const pcol = header.indexOf("省份");
  const ycol = header.indexOf("年份");
  if (col < 0 || pcol < 0 || ycol < 0) throw new Error(`${file}: missing column "${column}", 省份 or 年份`);
  const obs: Obs[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const cell = row.getCell(col);
    const where = `${file} ${cell.address}`;
    const y = cellValue(row.getCell(ycol).value, where);
    obs.push({
      name: cellText(row.getCell(pcol).value, where),
      year: parseYear(String(y), where),
      value: cellValue(cell.value, where),
      at: `row ${r}, cell ${cell.address}`,
    });
  });
  return { file, obs };
}

// ---------------------------------------------------------------------------------------------
// Series

interface SeriesMeta {
  series: string;
  name_en: string;
  name_zh: string;
  unit: string;
  source: string;
  table: string;
  vintage: string;
  raw_file: string;
  notes: string;
}

interface SeriesSpec extends Omit<SeriesMeta, "raw_file"> {
  /** First reading is the source of record (its file is `raw_file`); the others are cross-checks. */
  read(raw: Raw, provinces: ProvinceResolver): Promise<Reading[]>;
}

const TECHME = "huhuaping/techme package data (its data/*.rda sets, converted to CSV)";
const MERGED = "127ww/nqp-spatial-development author-merged panel 面板原始数据_合并版v2.xlsx";
const NBS_EXPORT = "upstream1119__statistical-modeling_CUC_PYH/data_raw/nbs";
const PKU_SOURCE = "PKU-DFIIC 北京大学数字普惠金融指数 2011-2023 (4th edition, 2024), PKU Institute of Digital Finance & Ant Group Research";
const PKU_TABLE = "sheet Provinces of 北京大学数字普惠金融指数（PKU-DFIIC）2011-2023.xlsx, cleaned Stata file converted to CSV";
const PKU_NOTES =
  "Academic use; cite Guo Feng et al. (2020) 经济学(季刊) 19(4):1401-1418. 2011-2015 values carry 2 decimals, 2016+ full precision (as in the file). " +
  "Other editions (2011-2020, 2011-2021) were not compared and may differ; do not mix editions.";

const SPECS: SeriesSpec[] = [
  {
    series: "gdp",
    name_en: "Gross regional product (current prices)",
    name_zh: "地区生产总值",
    unit: "亿元",
    source: "National Bureau of Statistics, data.stats.gov.cn 分省年度数据 (export)",
    table: "分省年度数据 > 国民经济核算 > 地区生产总值(亿元), 31 provinces x 2011-2022",
    vintage: "post-5th-economic-census revision (NBS systematic revision of 1992-2023 regional GDP after the 5th national economic census)",
    notes:
      "Chosen because it is the only GDP file covering 2011-2022 for all 31 provinces in one vintage. Vintage identified against published figures: " +
      "北京 2021 44350.7 and 广东 2021 127577.4 equal the post-5th-census one-year NBS exports (first published 40269.6 / 124369.7; PyPSA-China-PIK file 41045.6 / 124719.5); " +
      "北京 2012 19568.3 (PyPSA-China-PIK file 19024.7; yearbook value 17879.4 in the EPS 宏观经济数据库 table). The companion GDP-index export in the same folder carries the NBS note on the 5th-census revision. " +
      "Cross-checked cell by cell against four one-year NBS exports (Liushenwuzhu-Alpaca__province-economy/data/raw/nbs_exports/分省年度数据{.2019csv,2020,2021,.2022csv}.csv, 2019-2022): identical. " +
      "Not used: PyPSA-China-PIK historical_gdp.csv (an earlier revised NBS vintage, before the 5th-census revision) and the EPS 宏观经济数据库 / merged-panel GDP " +
      "(each year as printed in the following yearbook, so vintages change along the series, e.g. 天津 2018 18809.64 then 2019 14104.28). " +
      "The export was re-saved upstream (plain commas, footer truncated to 注/数).",
    read: async (raw) => [
      nbsByYear(raw, `${NBS_EXPORT}/NBS_地区生产总值_GDP_省级_2011-2022.csv`),
      ...["分省年度数据.2019csv.csv", "分省年度数据2020.csv", "分省年度数据2021.csv", "分省年度数据.2022csv.csv"].map((f) =>
        nbsOneYear(raw, `Liushenwuzhu-Alpaca__province-economy/data/raw/nbs_exports/${f}`, "地区生产总值 (亿元)"),
      ),
    ],
  },
  {
    series: "population",
    name_en: "Year-end resident population",
    name_zh: "年末常住人口",
    unit: "万人",
    source: "National Bureau of Statistics, data.stats.gov.cn 分省年度数据 (export)",
    table: "分省年度数据 > 人口 > 年末常住人口(万人), 31 provinces x 2011-2022",
    vintage: "current NBS series, revised after the 7th population census (2021 北京 2189, 广东 12684)",
    notes:
      "Cross-checked cell by cell against pik-piam__PyPSA-China-PIK/resources/data/population/historical_population.csv (NBS, 2011-2022 part): identical. " +
      "Revised series, not the yearbook figures as first published; integers in 万人. Re-saved CSV upstream (footer truncated to 数).",
    read: async (raw) => [
      nbsByYear(raw, `${NBS_EXPORT}/NBS_年末常住人口_省级_2011-2022.csv`),
      pypsaWide(raw, "pik-piam__PyPSA-China-PIK/resources/data/population/historical_population.csv"),
    ],
  },
  {
    series: "rd_expenditure",
    name_en: "R&D expenditure (GERD)",
    name_zh: "研究与试验发展(R&D)经费",
    unit: "亿元",
    source: `NBS R&D bulletin 全国科技经费投入统计公报 (annual), via ${TECHME}`,
    table: "bulletin table 各地区研究与试验发展(R&D)经费情况 (R&D经费 column); techme RDIntense, variable v4_ztr_jf_RD (RD经费)",
    vintage: "each year's bulletin as published (the following year)",
    notes:
      "Rounded to 0.1 亿元 as published. Audited against the techme tidy bulletin tables (data-raw/public-site/nbs-RD-bulletin/02-xls/raw-2012, -2016, -2021.xlsx): identical. " +
      "R&D intensity (% of GDP) in the same file is a ratio and is not imported.",
    read: async (raw) => [techme(raw, "RDIntense", "v4_ztr_jf_RD", "亿元")],
  },
  {
    series: "rd_fte",
    name_en: "Full-time equivalent of R&D personnel, total",
    name_zh: "R&D人员全时当量 合计",
    unit: "人年",
    source: `《中国科技统计年鉴》 China Statistical Yearbook on Science and Technology, via ${TECHME}`,
    table: "各地区研究与试验发展(R&D)人员全时当量 (table 1-4 in the 2022 edition; numbering varies), 合计 column; techme RDLaborHour, v4_zh_qsdl_hj",
    vintage: "yearbook edition of the following year (year = reference year)",
    notes: "Audited against the original yearbook tables raw-2012.xlsx and raw-2021.xlsx (techme data-raw/tech-yearbook/part01-over/01-labor-hour): identical.",
    read: async (raw) => [techme(raw, "RDLaborHour", "v4_zh_qsdl_hj", "人年")],
  },
  {
    series: "invention_patents_granted",
    name_en: "Domestic invention patents granted",
    name_zh: "国内专利申请授权数 发明",
    unit: "件",
    source: `《中国科技统计年鉴》 China Statistical Yearbook on Science and Technology, via ${TECHME}`,
    table: "国内三种专利(申请)授权数按地区分布 (table 8-8 in the 2022 edition, 7-8 in 2014), 发明 column; techme RDPatentAuthority, v4_cg_zlsq2_fm",
    vintage: "yearbook edition of the following year (year = reference year)",
    notes: "Invention patents only (utility models and designs excluded). Audited against raw-2013.xlsx and raw-2021.xlsx: identical.",
    read: async (raw) => [techme(raw, "RDPatentAuthority", "v4_cg_zlsq2_fm", "件")],
  },
  {
    series: "tech_market_turnover_out",
    name_en: "Technology market contract value, by seller (exporting) region",
    name_zh: "技术市场输出技术成交金额",
    unit: "万元",
    source: `《中国科技统计年鉴》 China Statistical Yearbook on Science and Technology, via ${TECHME}`,
    table: "技术市场技术输出地域(合同金额) (table 8-37 in the 2022 edition); techme MarketPush, v4_cg_jssc_je (金额)",
    vintage: "yearbook edition of the following year (year = reference year)",
    notes:
      "By seller region (输出), not buyer (吸纳). 2011 absent upstream (the package has 2000, 2005, 2010, 2012-2023); 西藏 2012-2016 empty upstream. " +
      "Precision as carried by the package (whole 万元 in 2019, 2020 and 2022, up to 8 decimals otherwise): 北京 2021 is 70056516.856928 万元 (often quoted rounded as 7005.65 亿元). " +
      "Audited against raw-type-funds-2021.xlsx and raw-type-funds-2020-edited.xlsx: identical.",
    read: async (raw) => [techme(raw, "MarketPush", "v4_cg_jssc_je", "万元")],
  },
  {
    series: "budget_expenditure",
    name_en: "Local general public budget expenditure, total",
    name_zh: "地方一般公共预算支出 合计",
    unit: "亿元",
    source: `《中国统计年鉴》 China Statistical Yearbook, finance chapter, via ${TECHME}`,
    table: "分地区一般公共预算支出 (table 7-6 in the 2022 edition), 合计 column; techme PublicBudget, v6_cz_yszc_hj",
    vintage: "yearbook edition of the following year (year = reference year)",
    notes:
      "Decimals vary by year as carried by the package (4 decimals in 2012-2014 and 2017, 2 otherwise); 2021 is rounded to 0.01 in the package " +
      "(original yearbook raw-2021.xlsx: 北京 7205.1201 vs 7205.12 here; max difference 0.0049). " +
      "Another NBS export (NBS_地方一般公共预算支出_省级_2011-2022.csv) is a different rendering (2 decimals; 上海 2022 9393.00 vs 9393.16 here) and is not used.",
    read: async (raw) => [techme(raw, "PublicBudget", "v6_cz_yszc_hj", "亿元")],
  },
  {
    series: "budget_st_expenditure",
    name_en: "Local general public budget expenditure on science and technology",
    name_zh: "地方一般公共预算支出 科学技术",
    unit: "亿元",
    source: `《中国统计年鉴》 China Statistical Yearbook, finance chapter, via ${TECHME}`,
    table: "分地区一般公共预算支出 (table 7-6 in the 2022 edition), 科学技术 column; techme PublicBudget, v6_cz_yszc_kxjs",
    vintage: "yearbook edition of the following year (year = reference year)",
    notes: "Same table and precision caveats as budget_expenditure (2021 rounded to 0.01 in the package; max difference to raw-2021.xlsx 0.0049).",
    read: async (raw) => [techme(raw, "PublicBudget", "v6_cz_yszc_kxjs", "亿元")],
  },
  {
    series: "higher_ed_students",
    name_en: "Students enrolled (school level not labelled upstream; magnitudes of regular higher education, undergraduate and junior college)",
    name_zh: "在校学生数 (普通高校本专科, 上游未标注)",
    unit: "人",
    source: MERGED,
    table: "column 在校学生数（人）",
    vintage: "as compiled by the panel author (2026); original publication not stated",
    notes:
      "The school level is not labelled upstream; magnitudes match 普通高等学校本专科在校学生数 (广东 2021 2539779, 北京 616978, 西藏 41304). " +
      "Check against 《中国统计年鉴》 before publication.",
    read: async (raw) => [await mergedPanel(raw, "在校学生数（人）")],
  },
  {
    series: "hitech_revenue",
    name_en: "High-tech industry revenue from principal business",
    name_zh: "高技术产业主营业务收入",
    unit: "亿元",
    source: `《中国科技统计年鉴》 China Statistical Yearbook on Science and Technology (high-tech industry chapter), via ${TECHME}`,
    table: "各地区高技术产业生产经营情况 (table 5-2 in the 2022 edition, 5-3 in 2013), 主营业务收入 column; techme IndustryOperation, v4_cy_scjy_zyyw",
    vintage: "yearbook edition of the following year (year = reference year)",
    notes:
      "2017 missing upstream: absent from this panel; a study fills it only as its missing-value treatment says. Precision varies: 1 decimal 2011-2014, 5 decimals 2015-2016, whole 亿元 2018+ as carried by the package; " +
      "2021 was rounded by the package author (original raw-2021.xlsx: 广东 53914.92928, 北京 10311.2193; max difference 0.50). " +
      "Jumps kept as published: 北京 6573 (2020), 10311 (2021), 7642 (2022); 青海 259 (2021), 946 (2022).",
    read: async (raw) => [techme(raw, "IndustryOperation", "v4_cy_scjy_zyyw", "亿元")],
  },
  {
    series: "software_revenue",
    name_en: "Software product revenue",
    name_zh: "软件产品收入",
    unit: "亿元",
    source: MERGED,
    table: "column 软件产品收入（亿元）",
    vintage: "as compiled by the panel author (2026); original publication not stated",
    notes:
      "A component of 软件业务收入, not the total. 西藏 absent in all years and all provinces absent in 2011 upstream; 青海 absent 2021 (and 2023) upstream; " +
      "青海 values are tiny and erratic (2018 0.34557, 2019 0.03244, 2020 0.2, 2022 0.11815); other drops kept as published (内蒙古 2016 16.33992 -> 2017 5.03853, 贵州 2016 50.2687 -> 2017 19.10948). " +
      "2020 values carry 1-2 decimals where other years carry 4-5 (广东 2020 2667.8): the column was apparently filled from another rendering for 2020.",
    read: async (raw) => [await mergedPanel(raw, "软件产品收入（亿元）")],
  },
  {
    series: "ecommerce_sales",
    name_en: "E-commerce sales of enterprises",
    name_zh: "电子商务销售额",
    unit: "亿元",
    source: MERGED,
    table: "column 电子商务销售额（亿元） (NBS 企业信息化及电子商务情况)",
    vintage: "as compiled by the panel author (2026); matches the NBS value where checked",
    notes:
      "2011 and 2012 missing upstream: absent from this panel; a study fills them only as its missing-value treatment says. 北京 2021 31239.81949 in the file (NBS publishes 31239.8). " +
      "Large step 2013 -> 2014 (上海 4422.57212 -> 12436.96963), possibly a change of coverage in the first survey years; volatile in small provinces (青海 2014 60.36546 -> 2015 643.7421). " +
      "2020 values carry 1 decimal where other years carry 4-5 (北京 2020 25831.8): the column was apparently filled from another rendering for 2020.",
    read: async (raw) => [await mergedPanel(raw, "电子商务销售额（亿元）")],
  },
  {
    series: "dfiic_index",
    name_en: "Peking University Digital Financial Inclusion Index, aggregate",
    name_zh: "数字普惠金融指数 总指数",
    unit: "index",
    source: PKU_SOURCE,
    table: `${PKU_TABLE}, column index_aggregate`,
    vintage: "2011-2023 edition",
    notes:
      `${PKU_NOTES} Cross-checked cell by cell against column 数字普惠金融总指数 of the 127ww merged panel ` +
      "(127ww__nqp-spatial-development/data/raw/面板原始数据_合并版v2.xlsx, stored there as text from 2016): identical.",
    read: async (raw, p) => [pku(raw, "index_aggregate", p), await mergedPanel(raw, "数字普惠金融总指数")],
  },
  {
    series: "dfiic_coverage_breadth",
    name_en: "Peking University Digital Financial Inclusion Index, coverage breadth",
    name_zh: "数字普惠金融指数 覆盖广度",
    unit: "index",
    source: PKU_SOURCE,
    table: `${PKU_TABLE}, column coverage_breadth`,
    vintage: "2011-2023 edition",
    notes: PKU_NOTES,
    read: async (raw, p) => [pku(raw, "coverage_breadth", p)],
  },
  {
    series: "dfiic_usage_depth",
    name_en: "Peking University Digital Financial Inclusion Index, usage depth",
    name_zh: "数字普惠金融指数 使用深度",
    unit: "index",
    source: PKU_SOURCE,
    table: `${PKU_TABLE}, column usage_depth`,
    vintage: "2011-2023 edition",
    notes: PKU_NOTES,
    read: async (raw, p) => [pku(raw, "usage_depth", p)],
  },
  {
    series: "dfiic_digitization_level",
    name_en: "Peking University Digital Financial Inclusion Index, digitization level",
    name_zh: "数字普惠金融指数 数字化程度",
    unit: "index",
    source: PKU_SOURCE,
    table: `${PKU_TABLE}, column digitization_level`,
    vintage: "2011-2023 edition",
    notes: PKU_NOTES,
    read: async (raw, p) => [pku(raw, "digitization_level", p)],
  },
  {
    series: "co2_emissions",
    name_en: "Apparent CO2 emissions, total",
    name_zh: "表观二氧化碳排放总量",
    unit: "Mt CO2",
    source: "CEADs 中国碳核算数据库, provincial apparent CO2 emission inventory (Shan et al. 2016, 2018, 2020; Guan et al. 2021; Xu et al. 2024)",
    table: "表观碳排放清单 1997-2022, one sheet per year, row 'Total apparent CO2 emissions (mt)'",
    vintage: "1997-2022 release (apparent emission accounting method)",
    notes:
      "西藏 is not covered by CEADs (absent, not zero). Full-precision values as in the file (广东 2019 552.2894168611658, published rounded 552.3). " +
      "The IPCC-sectoral CEADs inventory (广东 2019 569.1) uses another method and is not mixed in. Free for research with citation (ceads.net).",
    read: async (raw) => [await ceadsApparent(raw)],
  },
];

// ---------------------------------------------------------------------------------------------

interface SeriesStats {
  rows: number;
  years: number[];
  provinces: Set<string>;
  subtotals: Map<string, number>;
  empty: number;
  outside: number;
  collapsed: number;
}

function spans(years: number[]): string {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = ys[0];
  for (let i = 1; i <= ys.length; i++) {
    if (i === ys.length || ys[i] !== ys[i - 1] + 1) {
      parts.push(start === ys[i - 1] ? `${start}` : `${start}-${ys[i - 1]}`);
      start = ys[i];
    }
  }
  return parts.join(",");
}

function checkAbbreviations(raw: Raw, provinces: ProvinceResolver): string {
  const file = "pik-piam__PyPSA-China-PIK/resources/data/regions/province_codes.csv";
  const { records } = readCsvRecords(raw.path(file));
  const nonMainland = new Set(["hongkong", "macau", "macao", "taiwan"]);
  let matched = 0;
  const skipped: string[] = [];
  records.forEach((r, i) => {
    const name = r["Full name"];
    if (nonMainland.has(name.toLowerCase().replace(/[^a-z]/g, ""))) {
      skipped.push(name);
      return;
    }
    const code = provinces.code(name, { file, row: `line ${i + 2}` });
    if (provinces.byCode(code).abbr !== r.Code) {
      throw new Error(`${file}, line ${i + 2}: ${name} has code ${r.Code}, the province table says ${provinces.byCode(code).abbr}`);
    }
    matched++;
  });
  if (matched !== 31) throw new Error(`${file}: ${matched} mainland provinces, expected 31`);
  return `abbr column: ${matched} of 31 agree with ${file} (non-mainland rows skipped: ${skipped.join(", ")})`;
}

function parseArgs(argv: string[]): { raw: string; out: string; units: string } {
  const opts = { raw: resolve(REPO, "../shared/data-raw"), out: resolve(REPO, "data/nqp"), units: resolve(REPO, "data/units/cn-provinces.csv") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return resolve(v);
    };
    if (a === "--raw") opts.raw = next();
    else if (a === "--out") opts.out = next();
    else if (a === "--units") opts.units = next();
    else throw new Error(`unknown argument ${a}; usage: import-nqp.ts [--raw <dir>] [--out <dir>] [--units <csv>]`);
  }
  return opts;
}

export async function main(argv: string[]): Promise<void> {
  const started = performance.now();
  const opts = parseArgs(argv);
  const raw = new Raw(opts.raw);
  const provinces = createProvinceResolver(loadProvinceTable(opts.units));
  const sample = SAMPLE.map((n) => provinces.code(n, { file: "import-nqp.ts SAMPLE", row: n }));

  console.log(`raw data: ${opts.raw}`);
  console.log(checkAbbreviations(raw, provinces));

  const panel = new PanelBuilder();
  const stats = new Map<string, SeriesStats>();
  const meta: SeriesMeta[] = [];

  for (const spec of SPECS) {
    const readings = await spec.read(raw, provinces);
    const st: SeriesStats = { rows: 0, years: [], provinces: new Set(), subtotals: new Map(), empty: 0, outside: 0, collapsed: 0 };
    for (const { file, obs } of readings) {
      for (const o of obs) {
        const where = { file, row: o.at };
        const r = provinces.resolve(o.name, where);
        if (r.kind === "subtotal") {
          st.subtotals.set(r.label, (st.subtotals.get(r.label) ?? 0) + 1);
          continue;
        }
        if (o.year < FIRST_YEAR || o.year > LAST_YEAR) {
          st.outside++;
          continue;
        }
        if (o.value === null || o.value === "") {
          st.empty++;
          continue;
        }
        panel.add(spec.series, r.code, o.year, exactNumber(o.value, `${file}, ${o.at}`), { file, at: o.at });
      }
    }
    const { read: _read, ...rest } = spec;
    meta.push({ ...rest, raw_file: readings[0].file });
    stats.set(spec.series, st);
  }

  const rows = panel.rows();
  for (const row of rows) {
    const st = stats.get(row.series) as SeriesStats;
    st.rows++;
    st.years.push(row.year);
    st.provinces.add(row.province_code);
  }

  // per-series report
  const gapsBySeries = new Map<string, string[]>();
  const have = new Set(rows.map((r) => `${r.series}|${r.province_code}|${r.year}`));
  for (const { series } of meta) {
    const st = stats.get(series) as SeriesStats;
    st.collapsed = panel.collapsed.get(series) ?? 0;
    const missingProvinces = provinces.provinces.filter((p) => !st.provinces.has(p.code)).map((p) => p.nameZh);
    const subtotalRows = [...st.subtotals.values()].reduce((a, b) => a + b, 0);
    const parts = [
      `${series}: ${st.rows} rows`,
      `years ${spans(st.years)}`,
      `${st.provinces.size} provinces${missingProvinces.length ? ` (absent: ${missingProvinces.join(" ")})` : ""}`,
      `dropped ${subtotalRows} subtotal rows${subtotalRows ? ` (${[...st.subtotals].map(([k, n]) => `${k} ${n}`).join(", ")})` : ""}, ${st.empty} empty cells, ${st.outside} outside ${FIRST_YEAR}-${LAST_YEAR}`,
      `${st.collapsed} identical duplicates collapsed`,
    ];
    console.log(parts.join("; "));
    if (st.rows === 0) throw new Error(`${series}: no rows`);

    const byYear = new Map<number, string[]>();
    for (let y = SAMPLE_FIRST; y <= SAMPLE_LAST; y++) {
      for (const code of sample) {
        if (!have.has(`${series}|${code}|${y}`)) {
          if (!byYear.has(y)) byYear.set(y, []);
          (byYear.get(y) as string[]).push(provinces.byCode(code).nameZh);
        }
      }
    }
    gapsBySeries.set(
      series,
      [...byYear].map(([y, names]) => (names.length === sample.length ? `${y} all ${sample.length}` : `${y} ${names.join(" ")}`)),
    );
  }

  console.log(`gaps in the ${sample.length} sample provinces, ${SAMPLE_FIRST}-${SAMPLE_LAST}:`);
  let anyGap = false;
  for (const [series, gaps] of gapsBySeries) {
    if (gaps.length === 0) continue;
    anyGap = true;
    console.log(`  ${series}: ${gaps.join("; ")}`);
  }
  if (!anyGap) console.log("  none");

  // write
  mkdirSync(opts.out, { recursive: true });
  const panelText = formatCsv(
    ["province_code", "year", "series", "value"],
    rows.map((r) => [r.province_code, String(r.year), r.series, r.value]),
  );
  const sourcesText = formatCsv(
    ["series", "name_en", "name_zh", "unit", "source", "table", "vintage", "raw_file", "years", "notes"],
    [...meta]
      .sort((a, b) => (a.series < b.series ? -1 : a.series > b.series ? 1 : 0))
      .map((m) => {
        const st = stats.get(m.series) as SeriesStats;
        const gaps = gapsBySeries.get(m.series) as string[];
        const coverage = `${st.provinces.size} provinces, ${st.rows} cells; sample (${sample.length} provinces, ${SAMPLE_FIRST}-${SAMPLE_LAST}) gaps: ${gaps.length ? gaps.join("; ") : "none"}.`;
        return [m.series, m.name_en, m.name_zh, m.unit, m.source, m.table, m.vintage, m.raw_file, spans(st.years), `${coverage} ${m.notes}`];
      }),
  );
  const panelPath = join(opts.out, "panel.csv");
  const sourcesPath = join(opts.out, "sources.csv");
  writeFileSync(panelPath, panelText);
  writeFileSync(sourcesPath, sourcesText);

  const collapsed = [...panel.collapsed.values()].reduce((a, b) => a + b, 0);
  console.log(
    `total: ${rows.length} rows, ${meta.length} series, ${collapsed} identical duplicates collapsed; ` +
      `wrote ${panelPath} (${Buffer.byteLength(panelText)} bytes), ${sourcesPath} (${Buffer.byteLength(sourcesText)} bytes) ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`import-nqp: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
