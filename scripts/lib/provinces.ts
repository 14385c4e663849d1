/**
 * The province table (`data/units/cn-provinces.csv`) and the ONE function that maps any name
 * form met in the raw files to a GB/T 2260 six-digit code.
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

/** Labels of regional subtotal rows (whitespace-free Chinese, or English folded like names). */
const SUBTOTALS_ZH = new Map<string, string>([
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
]);
const SUBTOTALS_EN = new Map<string, string>([
  ["nationaltotal", "全国"],
  ["national", "全国"],
  ["china", "全国"],
  ["easternregion", "东部地区"],
  ["middleregion", "中部地区"],
  ["centralregion", "中部地区"],
  ["westernregion", "西部地区"],
  ["northeastregion", "东北地区"],
  ["northeasternregion", "东北地区"],
]);

const COLUMNS = ["code", "name_zh", "name_zh_full", "name_en", "abbr"] as const;

function fold(name: string): string {
  return name.normalize("NFKC").replace(/[\s\u3000]+/g, "");
}

function foldEnglish(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/[^a-z]/g, "");
}

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
  const byAbbr = new Map<string, string>();
  const byZh = new Map<string, string>();
  const byEn = new Map<string, string>();
  const put = (map: Map<string, string>, key: string, code: string, what: string) => {
    const prev = map.get(key);
    if (prev !== undefined && prev !== code) throw new Error(`province table: ${what} "${key}" is used by ${prev} and ${code}`);
    map.set(key, code);
  };
  for (const p of provinces) {
    if (byCode.has(p.code)) throw new Error(`province table: code ${p.code} appears twice`);
    byCode.set(p.code, p);
    put(byAbbr, p.abbr, p.code, "abbr");
    put(byZh, fold(p.nameZh), p.code, "Chinese name");
    put(byZh, fold(p.nameZhFull), p.code, "Chinese name");
    put(byEn, foldEnglish(p.nameEn), p.code, "English name");
  }
  for (const k of SUBTOTALS_ZH.keys()) if (byZh.has(k)) throw new Error(`subtotal label "${k}" is also a province name`);
  for (const k of SUBTOTALS_EN.keys()) if (byEn.has(k)) throw new Error(`subtotal label "${k}" is also a province name`);

  const resolve = (name: string, where: Where): Resolved => {
    const s = fold(String(name));
    const province = (code: string | undefined): Resolved | null =>
      code !== undefined && byCode.has(code) ? { kind: "province", code } : null;
    let hit: Resolved | null = null;
    let m: RegExpMatchArray | null;
    if (/^\d{6}$/.test(s)) hit = province(s);
    else if (/^\d{2}$/.test(s)) hit = province(`${s}0000`);
    else if (/^\d{12}$/.test(s)) hit = s.endsWith("000000") ? province(s.slice(0, 6)) : null;
    else if ((m = s.match(/^CN-?([A-Za-z]{2})$/i))) hit = province(byAbbr.get(m[1].toUpperCase()));
    else if ((m = s.match(/^CN-?(\d{2})$/i))) hit = province(`${m[1]}0000`);
    else if (/[\u4e00-\u9fff]/.test(s)) {
      hit = province(byZh.get(s));
      const sub = SUBTOTALS_ZH.get(s);
      if (hit === null && sub !== undefined) hit = { kind: "subtotal", label: sub };
    } else if (/[A-Za-z]/.test(s)) {
      const e = foldEnglish(s);
      hit = province(byEn.get(e));
      const sub = SUBTOTALS_EN.get(e);
      if (hit === null && sub !== undefined) hit = { kind: "subtotal", label: sub };
    }
    if (hit === null) throw new UnknownProvinceError(String(name), where);
    return hit;
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
