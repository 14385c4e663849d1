/**
 * One data file of a study, in any of the supported formats, to tidy rows with their places.
 * Text files are decoded (UTF-8 or GBK/GB18030) and split into cells; workbooks are read sheet
 * by sheet; then the file's layout turns the cells into rows.
 */
import { readFileSync } from "node:fs";
import { parseDelimited, type Delimiter } from "./csv.ts";
import type { Grid } from "./grid.ts";
import { readLong, readNbs, readWideSeries, readWideYears, type LayoutOptions } from "./layouts.ts";
import type { ImportProblems, Imported } from "./rows.ts";
import { decodeText, encodingLabel, type EncodingOption } from "./text.ts";
import { readWorkbook } from "./xlsx.ts";

export type Format = "long" | "wide-series" | "wide-years" | "nbs" | "xlsx";
export type Layout = Exclude<Format, "xlsx">;

/** A data file entry of study.json, as the schema checked it. */
export interface FileSpec extends LayoutOptions {
  format: Format;
  path: string;
  encoding?: EncodingOption;
  delimiter?: Delimiter;
  layout?: Layout;
  sheet?: string;
  sheets?: Record<string, string>;
}

export interface ImportResult extends Imported {
  /** How the text was decoded (text files), e.g. "UTF-8" or "GBK/GB18030 (not UTF-8; …)". */
  encoding: string | null;
  /** The worksheets read (workbooks). */
  sheets: string[];
}

const readers: Record<Layout, (grid: Grid, options: LayoutOptions, problems: ImportProblems) => Imported | null> = {
  long: readLong,
  "wide-series": readWideSeries,
  "wide-years": readWideYears,
  nbs: readNbs,
};

/** Reads one data file; null when it cannot be read at all (the problems say why). */
export function importFile(path: string, file: string, spec: FileSpec, problems: ImportProblems): ImportResult | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why =
      e.code === "ENOENT" ? "does not exist: check its path in study.json (relative to the study folder)"
      : e.code === "EISDIR" ? "is a folder, not a file"
      : `cannot be read: ${e.message}`;
    problems.add({ message: why });
    return null;
  }
  return spec.format === "xlsx" ? importWorkbook(path, file, bytes, spec, problems) : importText(file, bytes, spec, problems);
}

function importText(file: string, bytes: Buffer, spec: FileSpec, problems: ImportProblems): ImportResult | null {
  const decoded = decodeText(bytes, spec.encoding ?? "auto");
  if (!decoded.ok) {
    problems.add({ message: decoded.message });
    return null;
  }
  const grid = parseDelimited(decoded.text, file, spec.delimiter);
  const imported = readers[spec.format as Layout](grid, spec, problems);
  if (imported === null) return null;
  const notes = decoded.encoding === "gb18030" ? ["read as GBK/GB18030: the file is not UTF-8", ...imported.notes] : imported.notes;
  return { ...imported, notes, encoding: encodingLabel(decoded.encoding), sheets: [] };
}

function importWorkbook(path: string, file: string, bytes: Buffer, spec: FileSpec, problems: ImportProblems): ImportResult | null {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const old = bytes[0] === 0xd0 && bytes[1] === 0xcf;
    problems.add({
      message: old
        ? "is an old Excel .xls workbook: open it in Excel and save it as .xlsx"
        : 'is not an .xlsx workbook (not a zip archive); for a CSV file give its layout as "format"',
    });
    return null;
  }
  const book = readWorkbook(path, file);
  if (!book.ok) {
    problems.add({ message: book.message });
    return null;
  }
  const names = book.sheets.map((s) => s.sheet as string);
  const layout = spec.layout ?? "long";
  const jobs: { grid: Grid; options: LayoutOptions }[] = [];

  const sheet = (name: string): Grid | null => {
    const grid = book.sheets.find((s) => s.sheet === name);
    if (grid === undefined) {
      problems.add({ message: `has no worksheet "${name}"; its worksheets are ${names.map((n) => `"${n}"`).join(", ")}` });
      return null;
    }
    return grid;
  };

  if (spec.sheets !== undefined) {
    for (const [name, series] of Object.entries(spec.sheets)) {
      const grid = sheet(name);
      if (grid !== null) jobs.push({ grid, options: { ...spec, series } });
    }
  } else if (spec.sheet !== undefined) {
    const grid = sheet(spec.sheet);
    if (grid !== null) jobs.push({ grid, options: spec });
  } else if (book.sheets.length > 0) {
    jobs.push({ grid: book.sheets[0], options: spec });
  } else {
    problems.add({ message: "has no worksheets" });
  }
  if (jobs.length === 0) return null;

  const result: ImportResult = { rows: [], notes: [], encoding: null, sheets: jobs.map((j) => j.grid.sheet as string) };
  let failed = false;
  for (const job of jobs) {
    const imported = readers[layout](job.grid, job.options, problems);
    if (imported === null) {
      failed = true;
      continue;
    }
    result.rows.push(...imported.rows);
    result.notes.push(...imported.notes.map((n) => (jobs.length > 1 ? `sheet ${job.grid.sheet}: ${n}` : n)));
  }
  const unread = names.filter((n) => !result.sheets.includes(n));
  if (unread.length > 0) result.notes.push(`worksheets not read: ${unread.join(", ")}`);
  return failed ? null : result;
}
