/**
 * Delimited text (CSV, and tab- or semicolon-separated files) to a grid. RFC 4180 quoting:
 * double-quoted cells may hold delimiters, quotes written "" and line breaks; LF, CRLF or CR
 * line ends. Each record keeps the line it starts on, so a record with a line break inside a
 * quoted cell still gets the line a text editor shows. Blank lines are skipped. Cells are kept
 * as written: the layouts trim them (NBS exports put a tab before every comma).
 */
import type { Grid, GridRow } from "./grid.ts";

export type Delimiter = "," | "\t" | ";";

/**
 * The delimiter of a file: a comma unless the first line has no comma and has tabs (or
 * semicolons).
 */
export function detectDelimiter(text: string): Delimiter {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  if (first.includes(",")) return ",";
  if (first.includes("\t")) return "\t";
  if (first.includes(";")) return ";";
  return ",";
}

export function parseDelimited(text: string, file: string, delimiter: Delimiter = detectDelimiter(text)): Grid {
  const rows: GridRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;

  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== "") rows.push({ row: start, cells });
    cells = [];
    cell = "";
  };

  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        cell += ch;
        i++;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
      i++;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
      i++;
    } else if (ch === "\n" || ch === "\r") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      start = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return { file, lettered: false, rows };
}
