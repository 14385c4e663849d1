/**
 * The province table (`data/units/cn-provinces.csv`) for the raw-data importer, over the one
 * name-to-code mapping of the study loader (`src/study/units.ts`), so that a raw file and a
 * user's data file are read with the same rules.
 *
 * Accepted forms, all derived from the table's columns (no hidden alias list):
 *   - six-digit code            110000
 *   - two-digit code            11          (PKU-DFIIC prov_code)
 *   - twelve-digit NBS code     110000000000 (statistical division code, province level)
 *   - ISO 3166-2 code           CN-BJ, cn-bj, CN-11
 *   - short Chinese name        北京, 内蒙古, 广西
 *   - full Chinese name         北京市, 内蒙古自治区, 广西壮族自治区
 *   - English name              Beijing, Inner Mongolia; compared in lower case with
 *                               everything but letters removed, so "InnerMongolia",
 *                               "Innermongolia" and "Inner mongolia" all match.
 * Whitespace anywhere in a name is ignored ("北   京", "内蒙 古", "　北  京") and full-width
 * characters are folded (NFKC) first.
 *
 * Regional subtotals (全国, 东部地区, "National Total", ... and the OCR slip 尔部地区 for
 * 东部地区) are recognised and returned as `subtotal`, so that callers drop them explicitly and
 * count them. Anything else throws an UnknownProvinceError naming the file, the row and the name.
 */
import { readCsvRecords } from "./csv.ts";
import { UnitNames } from "../../src/study/units.ts";

export interface Province {
  code: string;
  nameZh: string;
  nameZhFull: string;
  nameEn: string;
  abbr: string;
}

export type Resolved = { kind: "province"; code: string } | { kind: "subtotal"; label: string };

/** Where a name was met, for error messages: the raw file and a row (or cell) reference. */
export interface Where {
  file: string;
  row: number | string;
}

/** "row 12" for a row number; a text reference ("line 5, 2021年", "sheet 2019, cell C6") as is. */
function place(where: Where): string {
  return typeof where.row === "number" ? `row ${where.row}` : where.row;
}

export class UnknownProvinceError extends Error {
  readonly file: string;
  readonly row: number | string;
  readonly nameFound: string;
  constructor(name: string, where: Where) {
    super(`${where.file}, ${place(where)}: unknown province name "${name}"`);
    this.name = "UnknownProvinceError";
    this.file = where.file;
    this.row = where.row;
    this.nameFound = name;
  }
}

/** Subtotal labels met in the raw files, with the label they are counted under. */
const SUBTOTALS = new Map<string, string>([
  ["全国", "全国"],
  ["地方合计", "地方合计"],
  ["东部地区", "东部地区"],
  ["中部地区", "中部地区"],
  ["西部地区", "西部地区"],
  ["东北地区", "东北地区"],
  ["东部", "东部地区"],
  ["中部", "中部地区"],
  ["西部", "西部地区"],
  ["东北", "东北地区"],
  // OCR slip of 东部地区 in techme RDPatentValid 2014 (SOURCES.md §1c)
  ["尔部地区", "东部地区 (OCR slip 尔部地区)"],
  ["National Total", "全国"],
  ["National", "全国"],
  ["China", "全国"],
  ["Eastern Region", "东部地区"],
  ["Middle Region", "中部地区"],
  ["Central Region", "中部地区"],
  ["Western Region", "西部地区"],
  ["Northeast Region", "东北地区"],
  ["Northeastern Region", "东北地区"],
]);

const COLUMNS = ["code", "name_zh", "name_zh_full", "name_en", "abbr"] as const;

/** Reads and validates the province table: 31 rows, unique values in every column. */
export function loadProvinceTable(path: string): Province[] {
  const { header, records } = readCsvRecords(path);
  for (const c of COLUMNS) {
    if (!header.includes(c)) throw new Error(`${path}: missing column "${c}"`);
  }
  const provinces = records.map((r, i) => {
    const line = i + 2;
    const p: Province = {
      code: r.code,
      nameZh: r.name_zh,
      nameZhFull: r.name_zh_full,
      nameEn: r.name_en,
      abbr: r.abbr,
    };
    if (!/^[1-6]\d0000$/.test(p.code)) throw new Error(`${path}, line ${line}: code "${p.code}" is not a province-level GB/T 2260 code`);
    if (!/^[A-Z]{2}$/.test(p.abbr)) throw new Error(`${path}, line ${line}: abbr "${p.abbr}" is not two capital letters`);
    for (const [k, v] of Object.entries(p)) {
      if (v !== v.trim() || v === "") throw new Error(`${path}, line ${line}: ${k} "${v}" is empty or has surrounding spaces`);
    }
    if (!p.nameZhFull.startsWith(p.nameZh)) {
      throw new Error(`${path}, line ${line}: full name "${p.nameZhFull}" does not start with "${p.nameZh}"`);
    }
    return p;
  });
  if (provinces.length !== 31) throw new Error(`${path}: ${provinces.length} provinces, expected the 31 mainland provinces`);
  return provinces;
}

export interface ProvinceResolver {
  readonly provinces: readonly Province[];
  /** Maps a name in any accepted form; throws UnknownProvinceError for anything else. */
  resolve(name: string, where: Where): Resolved;
  /** Like resolve, but a subtotal is an error too: for places where only provinces may appear. */
  code(name: string, where: Where): string;
  byCode(code: string): Province;
}

export function createProvinceResolver(provinces: readonly Province[]): ProvinceResolver {
  const byCode = new Map<string, Province>();
  for (const p of provinces) {
    if (byCode.has(p.code)) throw new Error(`province table: code ${p.code} appears twice`);
    byCode.set(p.code, p);
  }
  const names = new UnitNames(
    provinces.map((p) => ({
      code: p.code,
      nameZh: p.nameZh,
      nameZhFull: p.nameZhFull,
      nameEn: p.nameEn,
      parent: null,
      aliases: [`CN-${p.abbr}`, `CN-${p.code.slice(0, 2)}`],
    })),
  );
  for (const [name, label] of SUBTOTALS) names.addAggregate(name, label);

  const resolve = (name: string, where: Where): Resolved => {
    const m = names.match(String(name));
    if (m.kind === "unit") return { kind: "province", code: m.code };
    if (m.kind === "aggregate") return { kind: "subtotal", label: m.label };
    throw new UnknownProvinceError(String(name), where);
  };

  return {
    provinces,
    resolve,
    code(name: string, where: Where): string {
      const r = resolve(name, where);
      if (r.kind !== "province") {
        throw new Error(`${where.file}, ${place(where)}: "${name}" is a regional subtotal (${r.label}), not a province`);
      }
      return r.code;
    },
    byCode(code: string): Province {
      const p = byCode.get(code);
      if (p === undefined) throw new Error(`no province with code ${code}`);
      return p;
    },
  };
}
