// Every data file format to the same tidy rows, each with the place of its cells: long, wide
// by series, wide by year, the NBS export (UTF-8 and GBK), and Excel workbooks.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseDelimited } from "../../src/importers/csv.ts";
import { importFile, type FileSpec } from "../../src/importers/index.ts";
import type { ImportProblem } from "../../src/importers/rows.ts";
import { decodeText } from "../../src/importers/text.ts";

const fixtures = resolve(import.meta.dirname, "../fixtures/importers");

function read(file: string, spec: Omit<FileSpec, "path">, dir = fixtures) {
  const problems: ImportProblem[] = [];
  const result = importFile(join(dir, file), file, { path: file, ...spec }, { add: (p) => problems.push(p) });
  return { result, problems };
}

/** Rows as `unit|year|series|value @ row:column of the value`. */
const tidy = (r: ReturnType<typeof read>["result"]) =>
  r?.rows.map((x) => `${x.unit}|${x.year}|${x.series}|${x.value} @ ${x.valueAt.sheet ? `${x.valueAt.sheet}!` : ""}${x.valueAt.row}:${x.valueAt.column}`);

describe("text", () => {
  it("reads UTF-8 with and without a byte-order mark, and GBK", () => {
    expect(decodeText(Buffer.from("a,b\n"))).toEqual({ ok: true, text: "a,b\n", encoding: "utf-8" });
    expect(decodeText(Buffer.from("\uFEFFa,北京\n"))).toEqual({ ok: true, text: "a,北京\n", encoding: "utf-8 (BOM)" });
    expect(decodeText(Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]))).toEqual({ ok: true, text: "北京", encoding: "gb18030" });
  });

  it("names what it cannot read and how to save it", () => {
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toEqual({ ok: false, message: "is UTF-16 text; save it as UTF-8 (in Excel: CSV UTF-8)" });
    expect(decodeText(Buffer.from("PK\x03\x04rest"))).toEqual({ ok: false, message: 'is a zip archive, not text: if it is an Excel workbook, give it "format": "xlsx"' });
    expect(decodeText(Buffer.from([0x61, 0x2c, 0xff, 0x0a]))).toEqual({
      ok: false,
      message: "is neither UTF-8 nor GBK/GB18030 text (line 1, byte 2 is not UTF-8); save it as UTF-8 (in Excel: CSV UTF-8)",
    });
    expect(decodeText(Buffer.from([0xb1, 0xb1]), "utf-8")).toEqual({
      ok: false,
      message: "is not valid UTF-8 (line 1, byte 0 is not UTF-8); save it as UTF-8 (in Excel: CSV UTF-8)",
    });
  });
});

describe("delimited text", () => {
  it("keeps the line each record starts on, through quoted line breaks and blank lines", () => {
    const grid = parseDelimited('a,b\n"x\ny",1\n\n"q ""r""",2\r\nlast,3', "t.csv");
    expect(grid.rows).toEqual([
      { row: 1, cells: ["a", "b"] },
      { row: 2, cells: ["x\ny", "1"] },
      { row: 5, cells: ['q "r"', "2"] },
      { row: 6, cells: ["last", "3"] },
    ]);
  });

  it("detects tab- and semicolon-separated files", () => {
    expect(parseDelimited("a\tb\n1\t2\n", "t.tsv").rows[1].cells).toEqual(["1", "2"]);
    expect(parseDelimited("a;b\n1;2\n", "t.csv").rows[1].cells).toEqual(["1", "2"]);
  });
});

describe("long", () => {
  it("reads the usual columns, or named ones, and maps series labels to ids", () => {
    const { result, problems } = read("long-labels.csv", {
      format: "long",
      columns: { unit: "省份" },
      seriesNames: { "互联网宽带接入用户 (万户)": "broadband_users", "移动互联网用户 (万户)": "mobile_users" },
    });
    expect(problems).toEqual([]);
    expect(tidy(result)).toEqual([
      "北京|2021|broadband_users|874.5 @ 2:数值",
      "北京|2021|mobile_users|3938.7 @ 3:数值",
      "内蒙古|2021|broadband_users|744.2 @ 4:数值",
    ]);
    expect(result?.notes).toEqual(["columns not read: 地区代码, 数据集, 单位"]);
  });

  it("names every missing column with the header it found", () => {
    const { result, problems } = read("wide-years.csv", { format: "long" });
    expect(result).toBeNull();
    expect(problems).toEqual([{
      row: 1,
      message:
        'missing required columns "year", "value"; the header has "province", "series", "2021", "2020年", "note" ' +
        '(rename the column, or name it in study.json: "columns": { "year": "…", "value": "…" })',
    }]);
  });
});

describe("wide by series", () => {
  it("reads one column per series; other columns are named in the notes", () => {
    const { result, problems } = read("wide-series.csv", { format: "wide-series" });
    expect(problems).toEqual([]);
    expect(tidy(result)).toEqual([
      "北京|2020|gdp|40269.6 @ 2:gdp",
      "北京|2020|population|2189 @ 2:population",
      "北京|2021|gdp|44350.7 @ 3:gdp",
      "北京|2021|population|2189 @ 3:population",
      "广西|2021|gdp|25209.1 @ 4:gdp",
      "广西|2021|population|5037 @ 4:population",
    ]);
    expect(result?.notes).toEqual(["columns not read: 名称"]);
  });
});

describe("wide by year", () => {
  it("reads 2021 and 2021年 headers, with the year's place in the header row", () => {
    const { result, problems } = read("wide-years.csv", { format: "wide-years", columns: { unit: "province" } });
    expect(problems).toEqual([]);
    expect(tidy(result)?.slice(0, 2)).toEqual(["Beijing|2021|gdp|44350.7 @ 2:2021", "Beijing|2020|gdp|40269.6 @ 2:2020年"]);
    expect(result?.rows[1].yearAt).toEqual({ sheet: undefined, row: 1, column: "2020年" });
    expect(result?.rows).toHaveLength(6);
    expect(result?.notes).toEqual(["columns not read: note"]);
  });
});

describe("NBS export", () => {
  const expected = [
    "北京市|2021|budget_revenue|5932.31 @ 4:2021年",
    "北京市|2020|budget_revenue|5483.89 @ 4:2020年",
    "北京市|2019|budget_revenue|5817.10 @ 4:2019年",
    "内蒙古自治区|2021|budget_revenue|2349.95 @ 5:2021年",
    "内蒙古自治区|2020|budget_revenue|2051.20 @ 5:2020年",
    "内蒙古自治区|2019|budget_revenue| @ 5:2019年",
    "广西壮族自治区|2021|budget_revenue|1800.15 @ 6:2021年",
    "广西壮族自治区|2020|budget_revenue|1716.94 @ 6:2020年",
    "广西壮族自治区|2019|budget_revenue|1811.89 @ 6:2019年",
  ];

  it("reads the header lines, years newest first, tabs before commas, and skips the footer", () => {
    const { result, problems } = read("nbs-export.csv", { format: "nbs", series: "budget_revenue" });
    expect(problems).toEqual([]);
    expect(tidy(result)).toEqual(expected);
    expect(result?.encoding).toBe("UTF-8 with byte-order mark");
    expect(result?.notes).toEqual([
      "header lines: 数据库：分省年度数据; 时间：2019年-2021年",
      "footer lines not read: 2 (from line 7: 注：1. 地方财政收入均为本级收入)",
    ]);
  });

  it("reads the same export saved as GBK, and says so", () => {
    const { result, problems } = read("nbs-export-gbk.csv", { format: "nbs", series: "budget_revenue" });
    expect(problems).toEqual([]);
    expect(tidy(result)).toEqual(expected);
    expect(result?.encoding).toBe("GBK/GB18030 (not UTF-8; read as GB18030)");
    expect(result?.notes[0]).toBe("read as GBK/GB18030: the file is not UTF-8");
  });

  it("asks for the series id, which an export does not carry", () => {
    const { problems } = read("nbs-export.csv", { format: "nbs" });
    expect(problems).toEqual([{ message: 'is an NBS export, which does not name its indicator: give its series id with "series": "…" in study.json' }]);
  });

  it("says when a file is not in the export layout", () => {
    const { problems } = read("wide-series.csv", { format: "nbs", series: "x" });
    expect(problems[0].message).toMatch(/^is not in the NBS export layout: no row starts with "地区"/);
  });

  const real = resolve(import.meta.dirname, "../../../shared/data-raw/Liushenwuzhu-Alpaca__province-economy/data/raw/nbs_exports");
  it.skipIf(!existsSync(real))("reads real exports: one indicator by year, and one year by indicator", () => {
    const revenue = read("分省年度数据地方财政数据.csv", { format: "nbs", series: "budget_revenue" }, real);
    expect(revenue.problems).toEqual([]);
    expect(revenue.result?.rows).toHaveLength(31 * 9);
    expect(tidy(revenue.result)?.[0]).toBe("北京市|2024|budget_revenue|6372.68 @ 4:2024年");
    const gdp = read("分省年度数据2021.csv", { format: "nbs", series: { "地区生产总值 (亿元)": "gdp" } }, real);
    expect(gdp.problems).toEqual([]);
    expect(gdp.result?.rows).toHaveLength(31);
    expect(tidy(gdp.result)?.[0]).toBe("北京市|2021|gdp|44350.7 @ 4:地区生产总值 (亿元)");
    expect(gdp.result?.rows[0].yearAt).toEqual({ sheet: undefined, row: 2, column: "时间" });
  });
});

describe("Excel workbooks", () => {
  const dir = mkdtempSync(join(tmpdir(), "xlsx-"));
  const book = join(dir, "book.xlsx");

  it("reads one sheet per series, and a long sheet, with sheet, row and column letter", async () => {
    const wb = new ExcelJS.Workbook();
    const broadband = wb.addWorksheet("宽带");
    broadband.addRow(["互联网宽带接入用户（万户）"]);
    broadband.addRow(["地区", 2021, "2020年"]);
    broadband.addRow(["北京市", 874.5, 826.2]);
    broadband.addRow(["Guangxi", { formula: "1/0", result: { error: "#DIV/0!" } }, "1,234"]);
    const long = wb.addWorksheet("long");
    long.addRow(["unit", "year", "series", "value"]);
    long.addRow(["110000", 2021, "gdp", 44350.7]);
    await wb.xlsx.writeFile(book);

    const perSeries = read("book.xlsx", { format: "xlsx", layout: "wide-years", header: 2, sheets: { 宽带: "broadband_users" }, columns: { unit: "地区" } }, dir);
    expect(perSeries.problems).toEqual([]);
    expect(tidy(perSeries.result)).toEqual([
      "北京市|2021|broadband_users|874.5 @ 宽带!3:B: 2021",
      "北京市|2020|broadband_users|826.2 @ 宽带!3:C: 2020年",
      "Guangxi|2021|broadband_users|[object Object] @ 宽带!4:B: 2021",
      "Guangxi|2020|broadband_users|1,234 @ 宽带!4:C: 2020年",
    ]);
    expect(perSeries.result?.rows[2].value).toEqual({ error: "#DIV/0!" });
    expect(perSeries.result?.sheets).toEqual(["宽带"]);
    expect(perSeries.result?.notes).toEqual(["worksheets not read: long"]);

    const single = read("book.xlsx", { format: "xlsx", sheet: "long" }, dir);
    expect(tidy(single.result)).toEqual(["110000|2021|gdp|44350.7 @ long!2:D: value"]);
  });

  it("names a missing worksheet, and a file that is not a workbook", () => {
    expect(read("book.xlsx", { format: "xlsx", sheet: "GDP" }, dir).problems).toEqual([
      { message: 'has no worksheet "GDP"; its worksheets are "宽带", "long"' },
    ]);
    expect(read("wide-series.csv", { format: "xlsx" }).problems).toEqual([
      { message: 'is not an .xlsx workbook (not a zip archive); for a CSV file give its layout as "format"' },
    ]);
  });

  it("reads the same workbook twice to the same rows", () => {
    const a = read("book.xlsx", { format: "xlsx", sheet: "long" }, dir);
    const b = read("book.xlsx", { format: "xlsx", sheet: "long" }, dir);
    expect(a).toEqual(b);
    expect(readFileSync(book).length).toBeGreaterThan(0);
  });
});
