/**
 * Reading delimited text files of a study. Files must be UTF-8 (a byte-order mark is allowed);
 * cells are read as text and checked by the caller, which knows what each column means.
 */
import { readFileSync } from "node:fs";
import { fromCSV } from "arquero";
import type { Problem } from "./problems.ts";

export interface TextTable {
  file: string;
  columns: string[];
  /** Cells by column name; row i of the data is line i + 2 of the file. */
  rows: Record<string, string>[];
}

export function readTextTable(
  path: string,
  label: string,
  required: readonly string[],
  problems: { add(p: Problem): void },
): TextTable | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    problems.add({ file: label, message: `cannot be read: ${(error as Error).message}` });
    return null;
  }

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    problems.add({ file: label, message: "is not valid UTF-8 text; save it as UTF-8 (CSV UTF-8 in Excel)" });
    return null;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const table = fromCSV(text, { autoType: false });
  const columns = table.columnNames().map((c: string) => c.trim());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    problems.add({
      file: label,
      row: 1,
      message: `missing required column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c}"`).join(", ")}; the header has ${columns.map((c) => `"${c}"`).join(", ")}`,
    });
    return null;
  }

  const raw = table.objects() as Record<string, unknown>[];
  const names = table.columnNames();
  const rows = raw.map((r) => {
    const out: Record<string, string> = {};
    names.forEach((name: string, j: number) => {
      const v = r[name];
      out[columns[j]] = v === undefined || v === null ? "" : String(v);
    });
    return out;
  });
  return { file: label, columns, rows };
}
