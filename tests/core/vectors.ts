// Loads the shared reference vectors (../shared/reference/vectors beside the checkout).

import { readFileSync } from "node:fs";

/** Parsed JSON of `shared/reference/vectors/<name>.json`, typed by the caller. */
export function loadVector<T>(name: string): T {
  const url = new URL(`../../../shared/reference/vectors/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as T;
}

/** Columns of a row-major matrix: `columns(rows)[j][i] = rows[i][j]`. */
export function columns(rows: readonly (readonly number[])[]): number[][] {
  const m = rows.length > 0 ? rows[0].length : 0;
  return Array.from({ length: m }, (_, j) => rows.map((row) => row[j]));
}
