/**
 * The layouts a table of official statistics comes in, each turned into tidy rows:
 *
 *   long         one row per unit, year and series: columns unit, year, series, value
 *                (the series column may be left out when the file holds one series)
 *   wide-series  one row per unit and year, one column per series
 *   wide-years   one row per unit (and series), one column per year: 2021, 2021年
 *   nbs          the National Bureau of Statistics export (分省年度数据): header lines
 *                `数据库：…` and `时间：…`, a `地区` row with the years as columns, newest first,
 *                full unit names, a tab before each comma, `注：` and `数据来源：` footer lines
 *
 * The header is the first non-blank row, unless `header` names another. Blank rows, and note
 * rows below the table (`注：…`, `数据来源：…`, `Source: …`), are skipped and counted.
 */
import { cellText, columnName, isBlank, type Cell, type Grid, type GridRow } from "./grid.ts";
import type { At, ImportProblems, Imported, RawRow } from "./rows.ts";
import { parseYear } from "../study/numbers.ts";

export interface ColumnNames {
  unit?: string;
  year?: string;
  series?: string;
  value?: string;
}

export interface LayoutOptions {
  /** The names of the columns, where they differ from the usual ones. */
  columns?: ColumnNames;
  /**
   * long, wide-years, nbs: the one series of the whole file (its id). wide-series, nbs with
   * series as columns: the columns to read, header to series id.
   */
  series?: string | Record<string, string>;
  /** long, wide-years: labels in the series column to series ids. */
  seriesNames?: Record<string, string>;
  /** wide-series: the one year of the whole file. */
  year?: number;
  /** The row (1-based line or worksheet row) of the header, when it is not the first. */
  header?: number;
}

/** Usual column names, in order of preference (compared trimmed and in lower case). */
const USUAL: Record<keyof ColumnNames, string[]> = {
  unit: [
    "unit", "unit_code", "province_code", "code", "地区代码", "province", "省份", "地区", "region", "city", "城市",
    "county", "区县", "district", "state", "州", "country", "国家", "name", "名称",
  ],
  year: ["year", "年份", "年度", "年"],
  series: ["series", "indicator", "variable", "指标"],
  value: ["value", "数值", "值"],
};

const NOTE = /^(注|数据来源|资料来源|说明|note|notes|source|sources)\s*([：:]|$)/i;

export function missingColumns(missing: readonly string[], columns: readonly string[]): string {
  const list = missing.map((c) => `"${c}"`).join(", ");
  const header = columns.length === 0 ? "the file is empty" : `the header has ${columns.map((c) => `"${c}"`).join(", ")}`;
  return `missing required column${missing.length > 1 ? "s" : ""} ${list}; ${header}`;
}

interface Table {
  header: GridRow;
  headers: string[];
  body: GridRow[];
  notes: string[];
}

/** Splits a grid into its header and data rows, skipping blank rows and note rows. */
function table(grid: Grid, headerRow: number | undefined, problems: ImportProblems): Table | null {
  const at = headerRow === undefined ? grid.rows.findIndex((r) => r.cells.some((c) => !isBlank(c))) : grid.rows.findIndex((r) => r.row === headerRow);
  if (at < 0) {
    problems.add({
      sheet: grid.sheet,
      row: headerRow,
      message: headerRow === undefined ? "is empty" : `has no row ${headerRow} (the "header" option)`,
    });
    return null;
  }
  const header = grid.rows[at];
  const body: GridRow[] = [];
  const skipped: string[] = [];
  for (const r of grid.rows.slice(at + 1)) {
    const filled = r.cells.filter((c) => !isBlank(c));
    if (filled.length === 0) continue;
    const first = cellText(filled[0]);
    if (filled.length === 1 && NOTE.test(first)) {
      skipped.push(`${r.row}`);
      continue;
    }
    if (!grid.lettered && !fieldsFit(header, r, problems)) continue;
    body.push(r);
  }
  const notes = skipped.length > 0 ? [`note rows below the table not read: ${place(grid)} ${skipped.join(", ")}`] : [];
  return { header, headers: header.cells.map(cellText), body, notes };
}

/**
 * A record of delimited text must have as many fields as its header: one more is most often a
 * number written with a thousands separator ("1,234.5" read as 1 and 234.5), one fewer a lost
 * field. Either would shift values into the wrong column, so both are errors. Empty fields
 * after the last column (NBS exports end every line with a comma) do not count.
 */
function fieldsFit(header: GridRow, r: GridRow, problems: ImportProblems): boolean {
  const width = lastFilled(header.cells) + 1;
  const fields = lastFilled(r.cells) + 1;
  if (fields > width) {
    problems.add({
      row: r.row,
      value: r.cells.map(cellText).join(","),
      message:
        `has ${fields} fields, the header has ${width}: a number must be written without thousands ` +
        `separators (1234.5, not 1,234.5), and a text containing the delimiter must be quoted`,
    });
    return false;
  }
  if (fields < width && r.cells.length < width) {
    problems.add({
      row: r.row,
      value: r.cells.map(cellText).join(","),
      message: `has ${r.cells.length} fields, the header has ${width}: a field is missing (an empty value still needs its delimiter)`,
    });
    return false;
  }
  return true;
}

function lastFilled(cells: readonly Cell[]): number {
  for (let j = cells.length - 1; j >= 0; j--) if (!isBlank(cells[j])) return j;
  return -1;
}

function place(grid: Grid): string {
  return grid.lettered ? "rows" : "lines";
}

/** The index of a named column, or the first usual one; -1 when absent. */
function findColumn(headers: readonly string[], name: string | undefined, role: keyof ColumnNames): number {
  const lower = headers.map((h) => h.toLowerCase());
  if (name !== undefined) return lower.indexOf(name.trim().toLowerCase());
  for (const usual of USUAL[role]) {
    const j = lower.indexOf(usual);
    if (j >= 0) return j;
  }
  return -1;
}

/** Finds the required columns, reporting every missing one with the header found. */
function requireColumns(
  grid: Grid,
  t: Table,
  roles: (keyof ColumnNames)[],
  options: LayoutOptions,
  problems: ImportProblems,
): Record<string, number> | null {
  const found: Record<string, number> = {};
  const missing: string[] = [];
  for (const role of roles) {
    const name = options.columns?.[role];
    const j = findColumn(t.headers, name, role);
    if (j < 0) missing.push(name ?? role);
    found[role] = j;
  }
  if (missing.length === 0) return found;
  const unnamed = roles.filter((r) => options.columns?.[r] === undefined && found[r] < 0);
  const hint = unnamed.length > 0
    ? ` (rename the column, or name it in study.json: "columns": { ${unnamed.map((r) => `"${r}": "…"`).join(", ")} })`
    : "";
  problems.add({ sheet: grid.sheet, row: t.header.row, message: missingColumns(missing, t.headers.filter((h) => h !== "")) + hint });
  return null;
}

function at(grid: Grid, row: number, j: number, headers: readonly string[]): At {
  return { sheet: grid.sheet, row, column: columnName(grid, j, headers[j] ?? "") };
}

/** A value cell: text trimmed (the NBS exports put a tab before each comma), else as is. */
function valueOf(cell: Cell | undefined): Cell {
  if (cell === undefined) return null;
  return typeof cell === "string" ? cell.trim() : cell;
}

function seriesId(label: string, names: Record<string, string> | undefined): string {
  return names?.[label] ?? label;
}

/** Columns that are none of the used ones, named in the report so nothing is dropped unseen. */
function unread(grid: Grid, t: Table, used: Set<number>): string[] {
  const width = Math.max(t.headers.length, ...t.body.map((r) => r.cells.length));
  const names: string[] = [];
  for (let j = 0; j < width; j++) {
    if (used.has(j)) continue;
    const hasData = t.body.some((r) => !isBlank(r.cells[j]));
    if (t.headers[j] === "" && !hasData) continue;
    names.push(columnName(grid, j, t.headers[j] ?? ""));
  }
  return names.length > 0 ? [`columns not read: ${names.join(", ")}`] : [];
}

export function readLong(grid: Grid, options: LayoutOptions, problems: ImportProblems): Imported | null {
  const t = table(grid, options.header, problems);
  if (t === null) return null;
  const fixed = typeof options.series === "string" ? options.series : undefined;
  const roles: (keyof ColumnNames)[] = fixed === undefined ? ["unit", "year", "series", "value"] : ["unit", "year", "value"];
  const c = requireColumns(grid, t, roles, options, problems);
  if (c === null) return null;

  const rows: RawRow[] = t.body.map((r) => ({
    unit: cellText(r.cells[c.unit]),
    unitAt: at(grid, r.row, c.unit, t.headers),
    year: cellText(r.cells[c.year]),
    yearAt: at(grid, r.row, c.year, t.headers),
    series: fixed ?? seriesId(cellText(r.cells[c.series]), options.seriesNames),
    value: valueOf(r.cells[c.value]),
    valueAt: at(grid, r.row, c.value, t.headers),
  }));
  return { rows, notes: [...t.notes, ...unread(grid, t, new Set(Object.values(c)))] };
}

const SERIES_ID = /^[a-z][a-z0-9_]*$/;

export function readWideSeries(grid: Grid, options: LayoutOptions, problems: ImportProblems, yearAt?: At): Imported | null {
  const t = table(grid, options.header, problems);
  if (t === null) return null;
  const roles: (keyof ColumnNames)[] = options.year === undefined ? ["unit", "year"] : ["unit"];
  const c = requireColumns(grid, t, roles, options, problems);
  if (c === null) return null;

  const map = typeof options.series === "object" ? options.series : undefined;
  const series: { j: number; id: string }[] = [];
  t.headers.forEach((h, j) => {
    if (j === c.unit || j === c.year) return;
    const id = map === undefined ? (SERIES_ID.test(h) ? h : undefined) : map[h];
    if (id !== undefined) series.push({ j, id });
  });
  if (map !== undefined) {
    const absent = Object.keys(map).filter((h) => !t.headers.includes(h));
    if (absent.length > 0) {
      problems.add({ sheet: grid.sheet, row: t.header.row, message: missingColumns(absent, t.headers.filter((h) => h !== "")) + ' (the "series" option of this file names them)' });
    }
  }
  if (series.length === 0) {
    problems.add({
      sheet: grid.sheet,
      row: t.header.row,
      message: 'has no series columns: name each column by its series id (lowercase letters, digits and _), or map the headers to series ids with "series": { "header": "series_id" }',
    });
    return null;
  }

  const rows: RawRow[] = [];
  for (const r of t.body) {
    for (const s of series) {
      rows.push({
        unit: cellText(r.cells[c.unit]),
        unitAt: at(grid, r.row, c.unit, t.headers),
        year: options.year === undefined ? cellText(r.cells[c.year]) : String(options.year),
        yearAt: options.year === undefined ? at(grid, r.row, c.year, t.headers) : yearAt ?? { sheet: grid.sheet, row: r.row, column: '"year" option' },
        series: s.id,
        value: valueOf(r.cells[s.j]),
        valueAt: at(grid, r.row, s.j, t.headers),
      });
    }
  }
  const used = new Set([c.unit, ...(options.year === undefined ? [c.year] : []), ...series.map((s) => s.j)]);
  return { rows, notes: [...t.notes, ...unread(grid, t, used)] };
}

export function readWideYears(grid: Grid, options: LayoutOptions, problems: ImportProblems): Imported | null {
  const t = table(grid, options.header, problems);
  if (t === null) return null;
  const fixed = typeof options.series === "string" ? options.series : undefined;
  const roles: (keyof ColumnNames)[] = fixed === undefined ? ["unit", "series"] : ["unit"];
  const c = requireColumns(grid, t, roles, options, problems);
  if (c === null) return null;

  const years: { j: number; year: string }[] = [];
  t.headers.forEach((h, j) => {
    if (j !== c.unit && j !== c.series && parseYear(h) !== null) years.push({ j, year: String(parseYear(h)) });
  });
  if (years.length === 0) {
    problems.add({
      sheet: grid.sheet,
      row: t.header.row,
      message: `has no year columns: a wide-years table needs headers such as 2021 or 2021年; the header has ${t.headers.filter((h) => h !== "").map((h) => `"${h}"`).join(", ")}`,
    });
    return null;
  }

  const rows: RawRow[] = [];
  for (const r of t.body) {
    const id = fixed ?? seriesId(cellText(r.cells[c.series]), options.seriesNames);
    for (const y of years) {
      rows.push({
        unit: cellText(r.cells[c.unit]),
        unitAt: at(grid, r.row, c.unit, t.headers),
        year: y.year,
        yearAt: at(grid, t.header.row, y.j, t.headers),
        series: id,
        value: valueOf(r.cells[y.j]),
        valueAt: at(grid, r.row, y.j, t.headers),
      });
    }
  }
  const used = new Set([c.unit, ...(fixed === undefined ? [c.series] : []), ...years.map((y) => y.j)]);
  return { rows, notes: [...t.notes, ...unread(grid, t, used)] };
}

/**
 * An NBS 分省年度数据 export. One-indicator tables (years as columns) carry no indicator name:
 * `series` gives its id. Tables of one year with the indicators as columns (`时间：2021年`) need
 * `series` as a map from column header (e.g. `地区生产总值 (亿元)`) to series id.
 */
export function readNbs(grid: Grid, options: LayoutOptions, problems: ImportProblems): Imported | null {
  const h = grid.rows.findIndex((r) => cellText(r.cells[0]) === "地区");
  if (h < 0) {
    problems.add({
      sheet: grid.sheet,
      message: 'is not in the NBS export layout: no row starts with "地区" (expected header lines 数据库：…, 时间：…, then 地区, 2021年, 2020年, …)',
    });
    return null;
  }
  const head = grid.rows.slice(0, h).map((r) => r.cells.map(cellText).filter((c) => c !== "").join(" "));
  const footerAt = grid.rows.findIndex((r, i) => i > h && /^(注|数据来源|数|资料来源)([：:]|$)/.test(cellText(r.cells[0])));
  const end = footerAt < 0 ? grid.rows.length : footerAt;
  const trimmed: Grid = { ...grid, rows: grid.rows.slice(h, end) };
  const notes = [
    ...(head.length > 0 ? [`header lines: ${head.join("; ")}`] : []),
    ...(footerAt >= 0 ? [`footer lines not read: ${grid.rows.length - footerAt} (from line ${grid.rows[footerAt].row}: ${cellText(grid.rows[footerAt].cells[0]).slice(0, 40)})`] : []),
  ];
  const columns = { unit: "地区" };

  let result: Imported | null;
  if (typeof options.series === "object") {
    const timeRow = grid.rows.slice(0, h).find((r) => cellText(r.cells[0]).startsWith("时间"));
    const year = options.year ?? (timeRow ? parseYear(cellText(timeRow.cells[0]).replace(/^时间[：:]\s*/, "")) : null);
    if (year === null || year === undefined) {
      problems.add({
        sheet: grid.sheet,
        row: timeRow?.row,
        message: 'has the indicators as columns but no single year on its "时间：" line: give the year with "year": 2021',
      });
      return null;
    }
    const yearAt = timeRow ? { sheet: grid.sheet, row: timeRow.row, column: "时间" } : undefined;
    result = readWideSeries(trimmed, { ...options, columns, year }, problems, yearAt);
  } else {
    if (options.series === undefined) {
      problems.add({
        sheet: grid.sheet,
        message: 'is an NBS export, which does not name its indicator: give its series id with "series": "…" in study.json',
      });
      return null;
    }
    result = readWideYears(trimmed, { ...options, columns }, problems);
  }
  return result === null ? null : { rows: result.rows, notes: [...notes, ...result.notes] };
}
