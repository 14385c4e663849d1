/**
 * Loading a study folder: `study.json`, the units file, the data files (in any supported
 * format) and the sources table. Everything is checked here, once; the returned `Study` is
 * valid by type.
 *
 * Problems are collected, not thrown one by one: a broken study file stops before the data are
 * read (nothing can be checked without it); otherwise every problem in the units, sources and
 * data files is reported together.
 *
 * Nothing is silently dropped: every row a data file yields is either used or dropped with a
 * reason, and the counts are returned per file and in total (`rows read = rows used + rows
 * dropped`). In wide layouts each value cell is one row.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { importFile } from "../importers/index.ts";
import type { At, RawRow } from "../importers/rows.ts";
import { parseCell, parseYear } from "./numbers.ts";
import { closest } from "./suggest.ts";
import { ProblemList, type Problem } from "./problems.ts";
import { readTextTable } from "./csv.ts";
import { FormulaSyntaxError, parseFormula, type Formula } from "./formula.ts";
import { studySchema, type DataFile, type StudyDefinition } from "./schema.ts";
import { UnitNames, readUnitsFile, type Unit } from "./units.ts";

export type { Unit } from "./units.ts";

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

/** What happened to one data file: the validation report's line for it. */
export interface DataFileReport {
  path: string;
  /** The format, with the layout of a workbook: "long", "xlsx (wide-years)". */
  format: string;
  /** How a text file was decoded; null for workbooks. */
  encoding: string | null;
  /** Worksheets read, for workbooks. */
  sheets: string[];
  rowsRead: number;
  rowsUsed: number;
  dropped: DropCount[];
  /** What the importer left out on purpose: header and footer lines, unread columns. */
  notes: string[];
  /** Series in the file that no indicator formula uses (their rows are dropped). */
  unusedSeries: string[];
}

/** Where a value used by the indicators came from. */
export interface Origin extends At {
  file: string;
}

export interface Study {
  dir: string;
  /** The study file as named in messages. */
  studyFile: string;
  /** The study file, with sample, region members and assignment written as unit codes. */
  definition: StudyDefinition;
  years: number[];
  /** The sample units, in the order of `definition.sample`. */
  sample: Unit[];
  units: Map<string, Unit>;
  formulas: Map<string, Formula>;
  /**
   * Raw series values used by the indicators: series id to a Float64Array laid out as
   * [unit index * years + year index], NaN where the data have no value.
   */
  series: Map<string, Float64Array>;
  /** The file, row and column of each value in `series` (same layout). */
  origins: Map<string, (Origin | undefined)[]>;
  /** Data rows used, as read (for the panel download). */
  panelRows: { unit: string; year: number; series: string; value: number }[];
  sources: SourceRow[];
  rowsRead: number;
  rowsUsed: number;
  dropped: DropCount[];
  /** One report per data file, in the order of `data.files`. */
  inputs: DataFileReport[];
  files: InputFile[];
}

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
  const studyFile = label(studyPath);
  const parsed = readDefinition(studyPath, studyFile, problems);
  problems.check();
  if (parsed === null) throw new Error("unreachable: a failed definition reports a problem");
  track(studyPath);

  const years: number[] = [];
  for (let y = parsed.years.start; y <= parsed.years.end; y++) years.push(y);

  const unitsPath = resolve(root, parsed.units.file);
  const unitsFile = label(unitsPath);
  track(unitsPath);
  const units = readUnitsFile(unitsPath, unitsFile, problems);
  const names = new UnitNames(units.values());
  const definition = units.size === 0 ? parsed : resolveUnits(parsed, names, unitsFile, studyFile, problems);

  const formulas = new Map<string, Formula>();
  definition.indicators.forEach((ind, i) => {
    try {
      formulas.set(ind.id, parseFormula(ind.formula));
    } catch (error) {
      if (!(error instanceof FormulaSyntaxError)) throw error;
      problems.add({ file: studyFile, column: `indicators[${i}].formula`, message: error.message });
    }
  });
  problems.check();

  const needed = new Map<string, string[]>();
  for (const [id, f] of formulas) for (const s of f.series) needed.set(s, [...(needed.get(s) ?? []), id]);

  const sourcesPath = resolve(root, definition.data.sources);
  track(sourcesPath);
  const sources = readSources(sourcesPath, label(sourcesPath), needed, problems);

  const sample = (definition.sample as string[]).map((code) => units.get(code) as Unit);
  if (definition.map) {
    const mapPath = resolve(root, definition.map.file);
    track(mapPath);
    checkMap(mapPath, label(mapPath), definition.map.object, sample, studyFile, problems);
  }
  const context: DataContext = { definition, sample, years, needed, names, unitsFile, sourcesFile: label(sourcesPath), studyFile };
  const data = readData(root, context, sources.negativeAllowed, label, track, problems);
  problems.check();

  const dropped = sumDrops(data.inputs.flatMap((f) => f.dropped));
  return {
    dir: root,
    studyFile,
    definition,
    years,
    sample,
    units,
    formulas,
    series: data.series,
    origins: data.origins,
    panelRows: data.used,
    sources: sources.rows,
    rowsRead: data.inputs.reduce((a, f) => a + f.rowsRead, 0),
    rowsUsed: data.used.length,
    dropped,
    inputs: data.inputs,
    files,
  };
}

function readDefinition(path: string, file: string, problems: ProblemList): StudyDefinition | null {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = e.code === "ENOENT" ? "does not exist: a study folder needs a study.json (see docs/study-format.md)" : `cannot be read as JSON: ${e.message}`;
    problems.add({ file, message: why });
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

/**
 * The sample, the region members and the assignment as unit codes: each may be written as a
 * code or any name of the unit. The sample defaults to every unit of the units file.
 */
function resolveUnits(
  def: StudyDefinition,
  names: UnitNames,
  unitsFile: string,
  file: string,
  problems: ProblemList,
): StudyDefinition {
  const code = (name: string, column: string): string | null => {
    const m = names.match(name);
    if (m.kind === "unit") return m.code;
    problems.add({ file, column, value: name, message: names.explain(name, m, unitsFile) });
    return null;
  };

  const sample = def.sample === undefined
    ? [...names.units.keys()]
    : def.sample.map((name, i) => code(name, `sample[${i}]`)).filter((c): c is string => c !== null);
  const inSample = new Set(sample);
  if (inSample.size < sample.length) {
    const seen = new Set<string>();
    sample.forEach((c, i) => {
      if (seen.has(c)) problems.add({ file, column: `sample[${i}]`, value: def.sample?.[i], message: `names unit ${c} a second time` });
      seen.add(c);
    });
  }

  const regions = def.regions.map((region, r) => ({
    ...region,
    members: region.members.flatMap((name, i) => {
      const c = code(name, `regions[${r}].members[${i}]`);
      if (c !== null && !inSample.has(c)) {
        problems.add({
          file,
          column: `regions[${r}].members[${i}]`,
          value: name,
          message: "is a region member but not in the sample: add it to \"sample\" or remove it from the region",
        });
      }
      return c === null ? [] : [c];
    }),
  }));

  let assignment = def.assignment;
  if (assignment !== undefined) {
    const byCode: Record<string, string> = {};
    for (const [name, region] of Object.entries(assignment)) {
      const c = code(name, `assignment.${name}`);
      if (c !== null) byCode[c] = region;
    }
    assignment = byCode;
  }
  if (def.method.overlap === "assigned" && def.sample === undefined) {
    const ids = new Set(def.regions.map((g) => g.id));
    for (const c of sample) {
      const region = assignment?.[c];
      if (region === undefined) problems.add({ file, column: `assignment.${c}`, message: `unit ${c} has no assigned region` });
      else if (!ids.has(region)) problems.add({ file, column: `assignment.${c}`, message: `unknown region "${region}"` });
    }
  }
  return { ...def, sample, regions, assignment };
}

interface Sources {
  rows: SourceRow[];
  /** Series whose sources row says negative values are genuine (`negative` = allowed). */
  negativeAllowed: Set<string>;
}

function readSources(path: string, file: string, needed: Map<string, string[]>, problems: ProblemList): Sources {
  const negativeAllowed = new Set<string>();
  const table = readTextTable(path, file, ["series", "unit", "source"], problems);
  if (table === null) return { rows: [], negativeAllowed };
  const seen = new Set<string>();
  const rows: SourceRow[] = [];
  table.rows.forEach((r, i) => {
    const row = table.lines[i];
    if (seen.has(r.series)) problems.add({ file, row, column: "series", value: r.series, message: "appears twice" });
    seen.add(r.series);
    const negative = (r.negative ?? "").trim().toLowerCase();
    if (negative === "allowed") negativeAllowed.add(r.series);
    else if (negative !== "") {
      problems.add({ file, row, column: "negative", value: r.negative, message: 'write "allowed" (negative values are genuine for this series) or leave the cell empty' });
    }
    rows.push({ ...r, series: r.series });
  });
  for (const [s, users] of needed) {
    if (!seen.has(s)) {
      const guess = closest(s, seen);
      const fix = guess !== null ? `did you mean "${guess}"? check the formula in study.json, or add a row naming its unit and source` : "add a row naming its unit and source";
      problems.add({ file, message: `has no row for series "${s}", which ${usedBy(users)}: ${fix}` });
    }
  }
  return { rows, negativeAllowed };
}

const usedBy = (ids: string[]) => `indicator${ids.length > 1 ? "s" : ""} ${ids.join(", ")} use${ids.length > 1 ? "" : "s"}`;

interface DataContext {
  definition: StudyDefinition;
  sample: Unit[];
  years: number[];
  /** Series a formula uses, with the indicators that use it. */
  needed: Map<string, string[]>;
  names: UnitNames;
  unitsFile: string;
  sourcesFile: string;
  studyFile: string;
}

/** Drop reasons, worded once (the data page and the tests quote them). */
export const DROP = {
  invalid: "invalid row (reported as an error)",
  aggregate: "national or regional total row, not a unit",
  unused: "series not used by any indicator formula",
  empty: "empty value (the cell counts as missing)",
  unit: "unit not in the study sample",
  year: "year outside the study years",
  duplicate: "exact duplicate of an earlier row",
} as const;

function readData(
  root: string,
  ctx: DataContext,
  negativeAllowed: Set<string>,
  label: (path: string) => string,
  track: (path: string) => void,
  problems: ProblemList,
) {
  const { definition: def, sample, years, needed, names } = ctx;
  const T = years.length;
  const series = new Map<string, Float64Array>();
  const origins = new Map<string, (Origin | undefined)[]>();
  for (const s of needed.keys()) {
    series.set(s, new Float64Array(sample.length * T).fill(NaN));
    origins.set(s, new Array(sample.length * T));
  }
  const unitIndex = new Map(sample.map((u, i) => [u.code, i]));
  const used: Study["panelRows"] = [];
  const inputs: DataFileReport[] = [];
  const seen = new Set<string>();
  const unused = new Set<string>();
  const outside = new Map<string, { problem: Problem; rows: number; fix: string }>();
  const range = `${years[0]}–${years[T - 1]}`;
  let unreadable = false;

  def.data.files.forEach((spec, f) => {
    const path = resolve(root, spec.path);
    const file = label(path);
    track(path);
    const report: DataFileReport = {
      path: file,
      format: spec.format === "xlsx" ? `xlsx (${spec.layout})` : spec.format,
      encoding: null,
      sheets: [],
      rowsRead: 0,
      rowsUsed: 0,
      dropped: [],
      notes: [],
      unusedSeries: [],
    };
    inputs.push(report);
    const imported = importFile(path, file, spec, { add: (p) => problems.add({ file, ...p }) });
    if (imported === null) {
      unreadable = true;
      return;
    }
    report.encoding = imported.encoding;
    report.sheets = imported.sheets;
    report.notes = imported.notes;

    const drops = new Map<string, number>();
    const drop = (reason: string) => drops.set(reason, (drops.get(reason) ?? 0) + 1);
    const add = (at: At, value: string, message: string) => problems.add({ file, ...at, value, message });
    const markers = (spec as DataFile).missingMarkers;

    for (const r of imported.rows) {
      report.rowsRead++;
      const m = names.match(r.unit);
      if (m.kind === "aggregate") {
        drop(DROP.aggregate);
        continue;
      }
      let bad = false;
      if (m.kind !== "unit") {
        add(r.unitAt, r.unit, names.explain(r.unit, m, ctx.unitsFile));
        bad = true;
      }
      const year = parseYear(r.year);
      if (year === null) {
        add(r.yearAt, r.year, "is not a year: write it as 2021 (2021年 is read as 2021)");
        bad = true;
      }
      if (!needed.has(r.series)) {
        unused.add(r.series);
        if (!report.unusedSeries.includes(r.series)) report.unusedSeries.push(r.series);
        drop(bad ? DROP.invalid : DROP.unused);
        continue;
      }
      seen.add(r.series);

      const cell = readValue(r, markers);
      if (!cell.ok) {
        add(r.valueAt, cell.text, `${cell.reason} (series ${r.series}, unit ${r.unit}, year ${r.year})`);
        bad = true;
      }
      if (bad || !cell.ok || m.kind !== "unit" || year === null) {
        drop(DROP.invalid);
        continue;
      }
      if (cell.value === null) {
        drop(DROP.empty);
        continue;
      }

      const u = unitIndex.get(m.code);
      const t = year - years[0];
      if (u === undefined || t < 0 || t >= T) {
        const unitOutside = u === undefined;
        if (spec.outside === "drop") {
          drop(unitOutside ? DROP.unit : DROP.year);
          continue;
        }
        const key = unitOutside ? `${f}|unit|${m.code}` : `${f}|year|${year}`;
        const group = outside.get(key);
        if (group !== undefined) group.rows++;
        else {
          const at = unitOutside ? r.unitAt : r.yearAt;
          const what = unitOutside ? `is a unit of ${ctx.unitsFile} but not in the study sample` : `is outside the study years ${range}`;
          const fix = unitOutside ? 'add the unit to "sample" in study.json, remove these rows' : "remove these rows or columns";
          outside.set(key, { problem: { file, ...at, value: unitOutside ? r.unit : r.year, message: what }, rows: 1, fix });
        }
        drop(DROP.invalid);
        continue;
      }

      if (cell.value < 0 && !negativeAllowed.has(r.series)) {
        const unit = sample[u];
        add(
          r.valueAt,
          cell.text,
          `is negative: series ${r.series}, which ${usedBy(needed.get(r.series) as string[])}, must not be negative ` +
            `(${unit.nameEn} (${unit.code}) in ${year}); if negative values are genuine for ${r.series}, write "allowed" ` +
            `in its "negative" column of ${ctx.sourcesFile}`,
        );
        drop(DROP.invalid);
        continue;
      }

      const arr = series.get(r.series) as Float64Array;
      const from = origins.get(r.series) as (Origin | undefined)[];
      const k = u * T + t;
      if (!Number.isNaN(arr[k])) {
        if (arr[k] !== cell.value) {
          const first = from[k] as Origin;
          const where = first.file === file && first.sheet === r.valueAt.sheet ? `row ${first.row}` : `${first.file}${first.sheet ? `[${first.sheet}]` : ""}:${first.row}`;
          add(r.valueAt, cell.text, `duplicates ${where} (${r.series}, ${m.code}, ${year}) with a different value ${arr[k]}`);
          drop(DROP.invalid);
        } else {
          drop(DROP.duplicate);
        }
        continue;
      }
      arr[k] = cell.value;
      from[k] = { file, ...r.valueAt };
      used.push({ unit: m.code, year, series: r.series, value: cell.value });
      report.rowsUsed++;
    }
    report.dropped = sumDrops([...drops].map(([reason, rows]) => ({ reason, rows })));
    report.unusedSeries.sort();
  });

  for (const { problem, rows, fix } of outside.values()) {
    const count = rows > 1 ? ` (this and ${rows - 1} more row${rows > 2 ? "s" : ""})` : "";
    problems.add({ ...problem, message: `${problem.message}${count}: ${fix}, or set "outside": "drop" for this file in study.json` });
  }

  // A file that could not be read may hold the series: its own problem is the one to fix first.
  if (!unreadable) {
    for (const [s, users] of needed) {
      if (seen.has(s)) continue;
      const there = [...unused].sort();
      const guess = closest(s, [...seen, ...unused]);
      const have = guess !== null
        ? ` (did you mean "${guess}"? check the formula in study.json)`
        : there.length > 0 ? `; the data files have ${there.slice(0, 12).join(", ")}${there.length > 12 ? ", …" : ""}` : "";
      const where = inputs.length === 1 ? { file: inputs[0].path } : { file: ctx.studyFile, column: "data.files" };
      problems.add({ ...where, message: `has no rows for series "${s}", which ${usedBy(users)}${have}` });
    }
  }
  return { series, origins, used, inputs };
}

type Value = { ok: true; value: number | null; text: string } | { ok: false; reason: string; text: string };

function readValue(r: RawRow, markers: readonly string[]): Value {
  const v = r.value;
  if (v === null) return { ok: true, value: null, text: "" };
  if (typeof v === "number") {
    return Number.isFinite(v) ? { ok: true, value: v, text: String(v) } : { ok: false, reason: "is not a finite number", text: String(v) };
  }
  if (typeof v === "object") {
    return { ok: false, reason: `is a spreadsheet error value: fix the formula in the workbook or clear the cell`, text: v.error };
  }
  const cell = parseCell(v, markers);
  return cell.ok ? { ok: true, value: cell.value, text: v.trim() } : { ok: false, reason: cell.reason, text: v.trim() };
}

function sumDrops(list: DropCount[]): DropCount[] {
  const total = new Map<string, number>();
  for (const d of list) total.set(d.reason, (total.get(d.reason) ?? 0) + d.rows);
  return [...total].map(([reason, rows]) => ({ reason, rows })).sort((a, b) => a.reason.localeCompare(b.reason));
}

/**
 * The study's map: a TopoJSON file whose object holds one feature per unit, with the unit's
 * code in the feature's `code` property. Checked here, so that a wrong path or a unit without
 * a shape stops the build before anything is computed.
 */
function checkMap(path: string, file: string, object: string, sample: readonly Unit[], studyFile: string, problems: ProblemList) {
  let topology: { type?: string; objects?: Record<string, { geometries?: { properties?: { code?: unknown } }[] }> };
  try {
    topology = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === "ENOENT"
      ? "does not exist: check map.file in study.json (relative to the study folder), or remove the map block"
      : `cannot be read as TopoJSON: ${(error as Error).message}`;
    problems.add({ file, message });
    return;
  }
  const geometries = topology.objects?.[object]?.geometries;
  if (topology.type !== "Topology" || !Array.isArray(geometries)) {
    const names = Object.keys(topology.objects ?? {});
    problems.add({
      file: studyFile,
      column: "map.object",
      value: object,
      message: `is not an object of ${file}${names.length > 0 ? `; it has ${names.map((n) => `"${n}"`).join(", ")}` : " (not a TopoJSON topology)"}`,
    });
    return;
  }
  const codes = new Set(geometries.map((g) => String(g.properties?.code ?? "")));
  const absent = sample.filter((u) => !codes.has(u.code));
  if (absent.length > 0) {
    problems.add({
      file,
      message:
        `has no shape for ${absent.map((u) => `${u.nameEn} (${u.code})`).join(", ")}: each sample unit needs a feature ` +
        `whose "code" property is its code`,
    });
  }
}
