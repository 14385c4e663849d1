/**
 * A grid of cells as a data file holds them, before anything is known about what they mean: the
 * common form of a CSV file and of a worksheet. Each row keeps the number a user sees in their
 * editor (the line of a CSV record, the row of a worksheet), so that every problem found later
 * can name its place.
 */

/** A cell: text, a number (worksheets), empty, or a spreadsheet error value such as #DIV/0!. */
export type Cell = string | number | null | { error: string };

export interface GridRow {
  /** 1-based line (CSV, where the record starts) or worksheet row. */
  row: number;
  cells: Cell[];
}

export interface Grid {
  /** The file as named in messages (relative to the working folder). */
  file: string;
  /** The worksheet, for workbooks. */
  sheet?: string;
  /** Worksheet columns are also named by letter (A, B, ..., AA) in messages. */
  lettered: boolean;
  rows: GridRow[];
}

/** Text of a cell for names, headers and years: trimmed; numbers as JavaScript writes them. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "object") return cell.error;
  return cell.trim();
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** Spreadsheet column letter of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** How a column is named in messages: its header, and for worksheets its letter too. */
export function columnName(grid: Grid, index: number, header: string): string {
  const name = header === "" ? `column ${index + 1}` : header;
  return grid.lettered ? `${columnLetter(index)}: ${name}` : name;
}
