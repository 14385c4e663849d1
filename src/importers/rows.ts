/**
 * What every importer produces: tidy rows (unit, year, series, value) as written in the file,
 * each with the place of its unit, year and value cells, so that the loader can check them and
 * name the place of any problem. Nothing is interpreted here beyond the layout: unit names are
 * mapped, years and numbers parsed by the loader, the same way for every format.
 */
import type { Cell } from "./grid.ts";

/** A cell's place: worksheet (for workbooks), row and column as a user finds them. */
export interface At {
  sheet?: string;
  row: number;
  column: string;
}

export interface RawRow {
  unit: string;
  unitAt: At;
  year: string;
  yearAt: At;
  /** The series id (after any mapping of labels to ids). */
  series: string;
  value: Cell;
  valueAt: At;
}

/** Rows of one file, and what the layout left out on purpose (for the validation report). */
export interface Imported {
  rows: RawRow[];
  /** E.g. `columns not read: name, region`, `2 footer lines (注：, 数据来源：)`. */
  notes: string[];
}

/** Problems found by an importer; `sheet` names the worksheet of a workbook. */
export interface ImportProblem {
  sheet?: string;
  row?: number;
  column?: string;
  value?: string;
  message: string;
}

export interface ImportProblems {
  add(p: ImportProblem): void;
}
