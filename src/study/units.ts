/**
 * The units of a study (provinces, cities, counties, or the regions of another country) and the
 * ONE mapping from any name a data file may use to a unit's code.
 *
 * A units file is a CSV with the columns
 *   code          required; the code every result uses (GB/T 2260 `110000`, `A`, `MX-AGU`, ...)
 *   name_zh       required; short Chinese name (北京), or any local name
 *   name_en       required; English name (Beijing, Inner Mongolia)
 *   name_zh_full  optional; full Chinese name (北京市, 内蒙古自治区)
 *   parent        optional; the code or name of the larger unit it belongs to (a city's
 *                 province); shown where two units share a name
 *   aliases       optional; more names, separated by `|` (CN-BJ|Peking)
 * Other columns (such as `abbr`) are kept out of the mapping.
 *
 * A name matches a unit when, after Unicode NFKC folding (full-width letters and digits become
 * ASCII) it is
 *   - the code itself;
 *   - for all-digit codes, the same digits with trailing zeros removed on both sides, so the
 *     two-digit `11` and the twelve-digit statistical code `110000000000` both name `110000`;
 *   - a Chinese name, full name or alias, with all whitespace removed (北 京, 内蒙 古);
 *   - an English name, code or alias compared in lower case with everything but letters and
 *     digits removed (Inner Mongolia, InnerMongolia, Innermongolia, INNER MONGOLIA).
 * Aggregate rows of official tables (全国, 东部地区, National Total, ...) are recognised as such,
 * unless a unit has that name, so that importers drop and count them rather than fail. A name
 * shared by two units is ambiguous and never guessed.
 */
import type { Problem } from "./problems.ts";
import { readTextTable } from "./csv.ts";

export interface Unit {
  code: string;
  nameZh: string;
  nameZhFull: string;
  nameEn: string;
  parent: string | null;
  aliases: string[];
}

export type UnitMatch =
  | { kind: "unit"; code: string }
  | { kind: "aggregate"; label: string }
  | { kind: "ambiguous"; codes: string[] }
  | { kind: "unknown"; suggestion: string | null };

/** Labels of national and regional totals in official tables (folded as names are). */
const AGGREGATES = [
  "全国", "全国合计", "合计", "总计", "地方合计", "中央", "东部", "中部", "西部", "东北",
  "东部地区", "中部地区", "西部地区", "东北地区", "东部合计", "中部合计", "西部合计", "东北合计",
  "National Total", "National", "Total", "Eastern Region", "Central Region", "Middle Region",
  "Western Region", "Northeast Region", "Northeastern Region",
];

/** Chinese and other non-Latin names: NFKC, whitespace (including U+3000) removed. */
export function foldName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/gu, "");
}

/** Latin names and codes: NFKC, lower case, only letters and digits kept. */
export function foldLatin(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/[^a-z0-9]/g, "");
}

function stripZeros(digits: string): string {
  return digits.replace(/0+$/, "");
}

const isLatin = (s: string) => /^[\x20-\x7e]*$/.test(s);

/** The name index of a set of units. */
export class UnitNames {
  readonly units: ReadonlyMap<string, Unit>;
  private readonly keys = new Map<string, Set<string>>();
  private readonly aggregates = new Map<string, string>();

  constructor(units: Iterable<Unit>) {
    const byCode = new Map<string, Unit>();
    for (const u of units) byCode.set(u.code, u);
    this.units = byCode;

    for (const u of byCode.values()) {
      if (/^\d+$/.test(u.code) && stripZeros(u.code) !== "") this.put(`#${stripZeros(u.code)}`, u.code);
      for (const name of [u.code, u.nameZh, u.nameZhFull, u.nameEn, ...u.aliases]) {
        if (name.trim() === "") continue;
        this.put(this.key(name), u.code);
      }
    }
    for (const label of AGGREGATES) {
      const k = this.key(label);
      if (!this.keys.has(k)) this.aggregates.set(k, label);
    }
  }

  private key(name: string): string {
    const s = name.normalize("NFKC").trim();
    return isLatin(s) ? `a:${foldLatin(s)}` : `z:${foldName(s)}`;
  }

  private put(key: string, code: string) {
    const set = this.keys.get(key) ?? new Set<string>();
    set.add(code);
    this.keys.set(key, set);
  }

  /** Adds an alias for an aggregate label (for example an OCR slip seen in one source). */
  addAggregate(name: string, label: string): void {
    const k = this.key(name);
    if (!this.keys.has(k)) this.aggregates.set(k, label);
  }

  match(name: string): UnitMatch {
    const raw = name.normalize("NFKC").trim();
    if (raw === "") return { kind: "unknown", suggestion: null };
    if (this.units.has(raw)) return { kind: "unit", code: raw };

    const found = /^\d+$/.test(raw) ? this.keys.get(`#${stripZeros(raw)}`) : this.keys.get(this.key(raw));
    if (found !== undefined && found.size === 1) return { kind: "unit", code: [...found][0] };
    if (found !== undefined) return { kind: "ambiguous", codes: [...found].sort() };

    const aggregate = this.aggregates.get(this.key(raw));
    if (aggregate !== undefined) return { kind: "aggregate", label: aggregate };
    return { kind: "unknown", suggestion: this.suggest(raw) };
  }

  /** A unit name one edit away from an unknown name, when exactly one unit is that close. */
  private suggest(raw: string): string | null {
    const k = this.key(raw);
    const near = new Set<string>();
    for (const [key, codes] of this.keys) {
      if (key.startsWith("#") || key[0] !== k[0] || codes.size !== 1) continue;
      if (withinOneEdit(key.slice(2), k.slice(2))) near.add([...codes][0]);
    }
    if (near.size !== 1) return null;
    const u = this.units.get([...near][0]) as Unit;
    return k[0] === "a" ? u.nameEn : u.nameZh;
  }

  /** A sentence saying why a name did not map, with the fix. */
  explain(name: string, match: UnitMatch, file: string): string {
    if (match.kind === "ambiguous") {
      const which = match.codes.map((c) => {
        const u = this.units.get(c) as Unit;
        return `${c} (${u.nameZh}${u.parent ? `, in ${u.parent}` : ""})`;
      });
      return `names more than one unit: ${which.join(", ")}; write the code instead`;
    }
    const hint = match.kind === "unknown" && match.suggestion ? ` (did you mean "${match.suggestion}"?)` : "";
    return `is not a unit of ${file}${hint}: write its code, its Chinese or English name, or add this spelling to the aliases column of ${file}`;
  }
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1 || Math.min(x.length, y.length) === 0) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  let j = 0;
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++;
  return x.length - i - j <= 1 && y.length - i - j <= 1;
}

/** Reads and checks a units file; every problem is added to `problems`. */
export function readUnitsFile(path: string, file: string, problems: { add(p: Problem): void }): Map<string, Unit> {
  const units = new Map<string, Unit>();
  const table = readTextTable(path, file, ["code", "name_zh", "name_en"], problems);
  if (table === null) return units;
  table.rows.forEach((r, i) => {
    const row = table.lines[i];
    const code = r.code.trim();
    if (code === "") {
      problems.add({ file, row, column: "code", message: "is empty: every unit needs a code" });
      return;
    }
    if (units.has(code)) {
      problems.add({ file, row, column: "code", value: code, message: "appears twice: codes must be unique" });
      return;
    }
    for (const column of ["name_zh", "name_en"]) {
      if (r[column].trim() === "") problems.add({ file, row, column, message: `is empty: unit ${code} needs a name` });
    }
    const aliases = (r.aliases ?? "").split("|").map((a) => a.trim()).filter((a) => a !== "");
    units.set(code, {
      code,
      nameZh: r.name_zh.trim(),
      nameEn: r.name_en.trim(),
      nameZhFull: (r.name_zh_full ?? "").trim() || r.name_zh.trim(),
      parent: (r.parent ?? "").trim() || null,
      aliases,
    });
  });
  return units;
}
