/**
 * Input problems. Everything that enters the build from a study folder is checked once, where
 * it enters; each problem names the file (and the worksheet of a workbook, as `file[sheet]`),
 * and where it applies the row (1-based, counting the header as row 1), the column and the
 * offending value. Problems are collected and reported together, so that a user fixes every
 * one in a single pass.
 */

export interface Problem {
  file: string;
  /** The worksheet, for workbooks. */
  sheet?: string;
  row?: number;
  column?: string;
  value?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  let place = p.file;
  if (p.sheet !== undefined) place += `[${p.sheet}]`;
  if (p.row !== undefined) place += `:${p.row}`;
  if (p.column !== undefined) place += ` column "${p.column}"`;
  const value = p.value === undefined ? "" : `value ${JSON.stringify(p.value)} `;
  return `${place}: ${value}${p.message}`;
}

/** Thrown when a study cannot be read; carries every problem found, not only the first. */
export class StudyInputError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const head = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`the study has ${head}:\n` + problems.map((p) => "  - " + formatProblem(p)).join("\n"));
    this.name = "StudyInputError";
    this.problems = problems;
  }
}

/** Collects problems; `check()` throws them all at once if there are any. */
export class ProblemList {
  readonly items: Problem[] = [];

  /**
   * Adds a problem once: in a wide table one bad unit name sits on a row of many value cells,
   * and the same problem would otherwise be listed once per cell.
   */
  add(problem: Problem): void {
    const key = JSON.stringify([problem.file, problem.row, problem.column, problem.value, problem.message]);
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.items.push(problem);
  }

  #seen = new Set<string>();

  get size(): number {
    return this.items.length;
  }

  check(): void {
    if (this.items.length > 0) throw new StudyInputError(this.items);
  }
}
