/**
 * Reading the small tables of a study (the units file, the sources table) by column name.
 * UTF-8, with or without a byte-order mark, or GBK/GB18030 (see importers/text.ts); cells are
 * trimmed and checked by the caller, which knows what each column means.
 */
import { readFileSync } from "node:fs";
import { parseDelimited } from "../importers/csv.ts";
import { cellText } from "../importers/grid.ts";
import { decodeText, type Encoding } from "../importers/text.ts";
import type { Problem } from "./problems.ts";

export interface TextTable {
  file: string;
  columns: string[];
  /** Cells by column name. */
  rows: Record<string, string>[];
  /** The line each row starts on. */
  lines: number[];
  encoding: Encoding;
}

/** Reads a file's bytes, or reports why it cannot be read. */
export function readBytes(path: string, file: string, problems: { add(p: Problem): void }): Buffer | null {
  try {
    return readFileSync(path);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why =
      e.code === "ENOENT" ? "does not exist: check the path in study.json (relative to the study folder)"
      : e.code === "EISDIR" ? "is a folder, not a file"
      : e.code === "EACCES" ? "cannot be read: permission denied"
      : `cannot be read: ${e.message}`;
    problems.add({ file, message: why });
    return null;
  }
}

export function readTextTable(
  path: string,
  file: string,
  required: readonly string[],
  problems: { add(p: Problem): void },
): TextTable | null {
  const bytes = readBytes(path, file, problems);
  if (bytes === null) return null;
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    problems.add({ file, message: decoded.message });
    return null;
  }

  const grid = parseDelimited(decoded.text, file);
  const header = grid.rows[0];
  const columns = header === undefined ? [] : header.cells.map(cellText);
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    problems.add({ file, row: header?.row ?? 1, message: missingColumns(missing, columns) });
    return null;
  }

  const body = grid.rows.slice(1);
  const rows = body.map((r) => {
    const out: Record<string, string> = {};
    columns.forEach((name, j) => {
      if (name !== "") out[name] = cellText(r.cells[j]);
    });
    return out;
  });
  return { file, columns, rows, lines: body.map((r) => r.row), encoding: decoded.encoding };
}

export function missingColumns(missing: readonly string[], columns: readonly string[]): string {
  const list = missing.map((c) => `"${c}"`).join(", ");
  const header = columns.length === 0 ? "the file is empty" : `the header has ${columns.map((c) => `"${c}"`).join(", ")}`;
  return `missing required column${missing.length > 1 ? "s" : ""} ${list}; ${header}`;
}
