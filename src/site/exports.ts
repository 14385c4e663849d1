/**
 * The bundled downloads: one Excel workbook with a sheet per table (and a sheet describing every
 * column), and a zip of everything (the CSV tables, the workbook, the results, the study file,
 * the citation files and a data dictionary). Both are built from the same tables as the CSV
 * files, and dated with the build's date, so the same inputs give the same bytes.
 */
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { strToU8 } from "fflate";
import type { Results } from "../pipeline/results.ts";
import { downloadTables, toCsvText, type DownloadTable } from "../pipeline/tables.ts";
import { buildInfo } from "./build-info.ts";
import { bibtex, citationCff } from "./citation.ts";
import { workbook, zipFiles, type Sheet } from "./xlsx.ts";

/** A file-name-safe form of the study id. */
export function studySlug(r: Results): string {
  return r.study.id.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "study";
}

export const workbookName = (r: Results) => `${studySlug(r)}-tables.xlsx`;
export const zipName = (r: Results) => `${studySlug(r)}-all.zip`;

/** Every column of every table, for the dictionary sheet and dictionary.csv. */
export function dictionary(tables: readonly DownloadTable[]): DownloadTable {
  return {
    file: "dictionary.csv",
    title: { en: "Every column of every table", zh: "各表各列说明" },
    columns: [
      { name: "file", description: { en: "File (and sheet) name", zh: "文件（及工作表）名" } },
      { name: "column", description: { en: "Column name", zh: "列名" } },
      { name: "description", description: { en: "Meaning (English)", zh: "含义（英文）" } },
      { name: "description_zh", description: { en: "Meaning (Chinese)", zh: "含义（中文）" } },
    ],
    rows: tables.flatMap((t) => t.columns.map((c) => ({ file: t.file, column: c.name, description: c.description.en, description_zh: c.description.zh }))),
  };
}

const cached = new Map<string, { workbook: Uint8Array; zip: Uint8Array }>();

function asSheet(t: DownloadTable): Sheet {
  const names = t.columns.map((c) => c.name);
  return { name: t.file.replace(/\.csv$/, ""), columns: names, rows: t.rows.map((row) => names.map((n) => row[n] ?? null)) };
}

export function exports(r: Results): { workbook: Uint8Array; zip: Uint8Array } {
  const key = `${r.study.id}|${r.scores.length}`;
  const hit = cached.get(key);
  if (hit) return hit;
  const info = buildInfo();
  const tables = downloadTables(r);
  const dict = dictionary(tables);
  const book = workbook([asSheet(dict), ...tables.map(asSheet)], info.date);

  const studyFile = r.files.find((f) => basename(f.path) === "study.json");
  const files: [string, Uint8Array][] = [
    ["README.txt", strToU8(readme(r, tables))],
    ...tables.map((t): [string, Uint8Array] => [`downloads/${t.file}`, strToU8(toCsvText(t))]),
    ["downloads/dictionary.csv", strToU8(toCsvText(dict))],
    ["downloads/results.json", strToU8(JSON.stringify(r, null, 1))],
    ...(studyFile ? [[`downloads/study.json`, readFileSync(resolve(process.env.REPORT_STUDY_DIR ?? ".", studyFile.path))] as [string, Uint8Array]] : []),
    [workbookName(r), book],
    ["CITATION.cff", strToU8(citationCff({ r, info, url: null }))],
    ["citation.bib", strToU8(bibtex({ r, info, url: null }, "en"))],
  ];
  const out = { workbook: book, zip: zipFiles(files, info.date) };
  cached.set(key, out);
  return out;
}

function readme(r: Results, tables: readonly DownloadTable[]): string {
  const info = buildInfo();
  return [
    r.study.title.en,
    r.study.title.zh,
    "",
    `Version ${info.version}${info.date ? `, ${info.date}` : ""}${info.commit ? `, commit ${info.commit}` : ""}. Licence: ${r.study.licence}.`,
    "",
    "downloads/        every table as CSV (UTF-8 with a byte-order mark), the results as JSON and the study file",
    `${workbookName(r)}  the same tables as one Excel workbook, a sheet per table`,
    "CITATION.cff, citation.bib  how to cite",
    "",
    "Tables:",
    ...tables.map((t) => `  ${t.file.padEnd(20)} ${t.title.en} / ${t.title.zh} (${t.rows.length} rows)`),
    "  dictionary.csv       every column of every table, in English and Chinese",
    "",
  ].join("\r\n");
}
