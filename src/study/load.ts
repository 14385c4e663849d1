/**
 * Loading a study folder: `study.json`, the unit list, the tidy panel of raw series and the
 * sources table. Everything is checked here, once; the returned `Study` is valid by type.
 *
 * Nothing is silently dropped: every panel row is either used or dropped with a reason, and
 * the counts are returned (`rows read = rows used + rows dropped`).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseCell } from "./numbers.ts";
import { ProblemList } from "./problems.ts";
import { readTextTable } from "./csv.ts";
import { FormulaSyntaxError, parseFormula, type Formula } from "./formula.ts";
import { studySchema, type StudyDefinition } from "./schema.ts";

export interface Unit {
  code: string;
  nameZh: string;
  nameEn: string;
  nameZhFull: string;
}

export interface SourceRow {
  series: string;
  [column: string]: string;
}

export interface DropCount {
  reason: string;
  rows: number;
}

export interface InputFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface Study {
  dir: string;
  definition: StudyDefinition;
  years: number[];
  /** The sample units, in the order of `definition.sample`. */
  sample: Unit[];
  units: Map<string, Unit>;
  formulas: Map<string, Formula>;
  /**
   * Raw series values used by the indicators: series id to a Float64Array laid out as
   * [unit index * years + year index], NaN where the panel has no row.
   */
  series: Map<string, Float64Array>;
  /** Panel rows used, as read (for the panel download). */
  panelRows: { unit: string; year: number; series: string; value: number }[];
  sources: SourceRow[];
  rowsRead: number;
  rowsUsed: number;
  dropped: DropCount[];
  files: InputFile[];
}

const panelUnitColumns = ["unit", "province_code", "unit_code"];

export function loadStudy(dir: string): Study {
  const root = resolve(dir);
  const problems = new ProblemList();
  const files: InputFile[] = [];
  const label = (path: string) => {
    const rel = relative(process.cwd(), path);
    return rel === "" || rel.startsWith("..") ? path : rel;
  };
  const track = (path: string) => {
    try {
      const bytes = readFileSync(path);
      files.push({ path: label(path), sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length });
    } catch {
      // an unreadable file is reported where it is read
    }
  };

  const studyPath = resolve(root, "study.json");
  const definition = readDefinition(studyPath, label(studyPath), problems);
  problems.check();
  if (definition === null) throw new Error("unreachable: a failed definition reports a problem");
  track(studyPath);

  const years: number[] = [];
  for (let y = definition.years.start; y <= definition.years.end; y++) years.push(y);

  const unitsPath = resolve(root, definition.units.file);
  track(unitsPath);
  const units = readUnits(unitsPath, label(unitsPath), problems);
  checkMembership(definition, units, label(studyPath), problems);

  const formulas = new Map<string, Formula>();
  definition.indicators.forEach((ind, i) => {
    try {
      formulas.set(ind.id, parseFormula(ind.formula));
    } catch (error) {
      if (!(error instanceof FormulaSyntaxError)) throw error;
      problems.add({ file: label(studyPath), column: `indicators[${i}].formula`, message: error.message });
    }
  });
  problems.check();

  const needed = new Set<string>();
  for (const f of formulas.values()) for (const s of f.series) needed.add(s);

  const sourcesPath = resolve(root, definition.data.sources);
  track(sourcesPath);
  const sources = readSources(sourcesPath, label(sourcesPath), needed, problems);

  const panelPath = resolve(root, definition.data.panel);
  track(panelPath);
  const sample = definition.sample.map((code) => units.get(code)).filter((u): u is Unit => u !== undefined);
  const panel = readPanel(panelPath, label(panelPath), definition, sample, years, needed, units, problems);
  problems.check();

  return {
    dir: root,
    definition,
    years,
    sample,
    units,
    formulas,
    series: panel.series,
    panelRows: panel.used,
    sources,
    rowsRead: panel.rowsRead,
    rowsUsed: panel.used.length,
    dropped: panel.dropped,
    files,
  };
}

function readDefinition(path: string, file: string, problems: ProblemList): StudyDefinition | null {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    problems.add({ file, message: `cannot be read as JSON: ${(error as Error).message}` });
    return null;
  }
  const parsed = studySchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.add({ file, column: formatPath(issue.path), message: issue.message });
    }
    return null;
  }
  return parsed.data;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? String(key) : `.${String(key)}`;
  return out || "(top level)";
}

function readUnits(path: string, file: string, problems: ProblemList): Map<string, Unit> {
  const units = new Map<string, Unit>();
  const table = readTextTable(path, file, ["code", "name_zh", "name_en"], problems);
  if (table === null) return units;
  table.rows.forEach((r, i) => {
    const code = r.code.trim();
    if (code === "") {
      problems.add({ file, row: i + 2, column: "code", message: "is empty" });
    } else if (units.has(code)) {
      problems.add({ file, row: i + 2, column: "code", value: code, message: "appears twice" });
    } else {
      units.set(code, {
        code,
        nameZh: r.name_zh.trim(),
        nameEn: r.name_en.trim(),
        nameZhFull: (r.name_zh_full ?? r.name_zh).trim(),
      });
    }
  });
  return units;
}

function checkMembership(def: StudyDefinition, units: Map<string, Unit>, file: string, problems: ProblemList) {
  if (units.size === 0) return;
  const inSample = new Set(def.sample);
  def.sample.forEach((code, i) => {
    if (!units.has(code)) {
      problems.add({ file, column: `sample[${i}]`, value: code, message: "is not a unit of the units file" });
    }
  });
  def.regions.forEach((region, r) => {
    region.members.forEach((code, i) => {
      if (!units.has(code)) {
        problems.add({ file, column: `regions[${r}].members[${i}]`, value: code, message: "is not a unit of the units file" });
      } else if (!inSample.has(code)) {
        problems.add({ file, column: `regions[${r}].members[${i}]`, value: code, message: "is a region member but not in the sample" });
      }
    });
  });
}

function readSources(path: string, file: string, needed: Set<string>, problems: ProblemList): SourceRow[] {
  const table = readTextTable(path, file, ["series", "unit", "source"], problems);
  if (table === null) return [];
  const seen = new Set<string>();
  const rows: SourceRow[] = [];
  table.rows.forEach((r, i) => {
    if (seen.has(r.series)) problems.add({ file, row: i + 2, column: "series", value: r.series, message: "appears twice" });
    seen.add(r.series);
    rows.push({ ...r, series: r.series });
  });
  for (const s of needed) {
    if (!seen.has(s)) problems.add({ file, message: `has no row for series "${s}", which a formula uses` });
  }
  return rows;
}

function readPanel(
  path: string,
  file: string,
  def: StudyDefinition,
  sample: Unit[],
  years: number[],
  needed: Set<string>,
  units: Map<string, Unit>,
  problems: ProblemList,
) {
  const series = new Map<string, Float64Array>();
  for (const s of needed) series.set(s, new Float64Array(sample.length * years.length).fill(NaN));
  const used: Study["panelRows"] = [];
  const drops = new Map<string, number>();
  const drop = (reason: string) => drops.set(reason, (drops.get(reason) ?? 0) + 1);

  const probe = readTextTable(path, file, ["year", "series", "value"], problems);
  if (probe === null) return { series, used, dropped: [], rowsRead: 0 };
  const unitColumn = panelUnitColumns.find((c) => probe.columns.includes(c));
  if (unitColumn === undefined) {
    problems.add({ file, row: 1, message: `missing the unit column: name it one of ${panelUnitColumns.join(", ")}` });
    return { series, used, dropped: [], rowsRead: probe.rows.length };
  }

  const unitIndex = new Map(sample.map((u, i) => [u.code, i]));
  const seriesSeen = new Set<string>();
  const firstRow = new Map<string, number>();

  probe.rows.forEach((r, i) => {
    const row = i + 2;
    const code = r[unitColumn].trim();
    const id = r.series.trim();
    const year = Number(r.year.trim());
    const cell = parseCell(r.value);

    let bad = false;
    if (!units.has(code)) {
      problems.add({ file, row, column: unitColumn, value: code, message: "is not a unit of the units file" });
      bad = true;
    }
    if (!Number.isInteger(year)) {
      problems.add({ file, row, column: "year", value: r.year, message: "is not a whole year" });
      bad = true;
    }
    if (!cell.ok) {
      problems.add({ file, row, column: "value", value: r.value, message: `${cell.reason} (series ${id}, unit ${code}, year ${r.year})` });
      bad = true;
    }
    if (bad || !cell.ok) return drop("invalid row (reported as an error)");
    seriesSeen.add(id);

    if (cell.value === null) return drop("empty value (the cell counts as missing)");
    if (!needed.has(id)) return drop("series not used by any indicator formula");
    const u = unitIndex.get(code);
    if (u === undefined) return drop("unit not in the study sample");
    const t = year - def.years.start;
    if (t < 0 || t >= years.length) return drop("year outside the study years");

    const arr = series.get(id) as Float64Array;
    const key = `${code}|${year}|${id}`;
    const k = u * years.length + t;
    if (!Number.isNaN(arr[k])) {
      if (arr[k] !== cell.value) {
        problems.add({
          file,
          row,
          column: "value",
          value: r.value,
          message: `duplicates row ${firstRow.get(key)} (${id}, ${code}, ${year}) with a different value ${arr[k]}`,
        });
      }
      return drop("exact duplicate of an earlier row");
    }
    arr[k] = cell.value;
    firstRow.set(key, row);
    used.push({ unit: code, year, series: id, value: cell.value });
  });

  for (const s of needed) {
    if (!seriesSeen.has(s)) problems.add({ file, message: `has no rows for series "${s}", which a formula uses` });
  }

  const dropped = [...drops].map(([reason, rows]) => ({ reason, rows })).sort((a, b) => a.reason.localeCompare(b.reason));
  return { series, used, dropped, rowsRead: probe.rows.length };
}

