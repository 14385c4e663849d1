/**
 * Minimal RFC 4180 CSV reading and writing for the data importers.
 *
 * Reading: UTF-8 (a leading byte-order mark is removed), comma separated, double-quoted
 * fields with "" escapes, LF or CRLF line ends. Cells are returned untrimmed: the caller
 * knows whether stray whitespace (the NBS exports put a tab before every comma) matters.
 *
 * Writing: LF line ends, a final newline, no byte-order mark; a field is quoted only when it
 * contains a comma, a double quote or a line break. Same rows in, same bytes out.
 */
import { readFileSync } from "node:fs";

export function readUtf8(path: string): string {
  const bytes = readFileSync(path);
  let text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** Splits CSV text into rows of cells. A final line break does not make an extra row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
      i++;
    } else if (ch === "\n" || ch === "\r") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new Error("CSV text ends inside a quoted field");
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Reads a CSV file with a header line into records keyed by the (trimmed) header names. */
export function readCsvRecords(path: string): { header: string[]; records: Record<string, string>[] } {
  const rows = parseCsv(readUtf8(path));
  if (rows.length === 0) throw new Error(`${path}: empty file`);
  const header = rows[0].map((h) => h.trim());
  const records = rows.slice(1).map((cells, i) => {
    if (cells.length !== header.length) {
      throw new Error(`${path}, line ${i + 2}: ${cells.length} cells, the header has ${header.length}`);
    }
    const rec: Record<string, string> = {};
    header.forEach((h, j) => {
      rec[h] = cells[j];
    });
    return rec;
  });
  return { header, records };
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header.map(quote).join(",")];
  for (const r of rows) {
    if (r.length !== header.length) throw new Error(`row has ${r.length} fields, header has ${header.length}`);
    lines.push(r.map(quote).join(","));
  }
  return lines.join("\n") + "\n";
}
