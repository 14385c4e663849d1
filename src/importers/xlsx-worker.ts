/**
 * Loaded in a worker thread (see xlsx.ts): reads one .xlsx workbook with exceljs into plain rows
 * of cells, one list per worksheet.
 */
import ExcelJS from "exceljs";
import type { Cell } from "./grid.ts";

export interface SheetRows {
  name: string;
  rows: { row: number; cells: Cell[] }[];
}

/** An exceljs cell value as a grid cell: numbers stay numbers, dates become ISO dates. */
function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("error" in v) return { error: String(v.error) };
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? null : toCell(result);
  }
  if ("text" in v) return String((v as { text: unknown }).text);
  return String(v);
}

export async function readSheets(path: string): Promise<SheetRows[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets.map((ws) => {
    const rows: SheetRows["rows"] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells[c - 1] = toCell(cell.value);
      });
      for (let j = 0; j < cells.length; j++) if (cells[j] === undefined) cells[j] = null;
      rows.push({ row: r, cells });
    });
    return { name: ws.name, rows };
  });
}
