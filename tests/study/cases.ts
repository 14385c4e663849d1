// The malformed-input cases of tests/fixtures/errors/ as study folders (see its README).
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const fixtures = new URL("../fixtures/", import.meta.url).pathname;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: Json): v is { [key: string]: Json } => typeof v === "object" && v !== null && !Array.isArray(v);

/** Objects merged key by key; anything else (arrays included) replaced. */
function merge(base: Json, patch: Json): Json {
  if (!isObject(base) || !isObject(patch)) return patch;
  const out: { [key: string]: Json } = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = k in base ? merge(base[k], v) : v;
  return out;
}

/** The tiny study with a case's files copied over it and its study.patch.json merged in. */
export function errorCase(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `case-${name}-`));
  cpSync(join(fixtures, "tiny"), dir, { recursive: true });
  const from = join(fixtures, "errors", name);
  for (const file of readdirSync(from)) {
    if (file !== "study.patch.json") {
      // A text file standing in for a broken workbook is kept as `name.xlsx.txt` (the
      // repository tracks no spreadsheet) and copied under its `.xlsx` name.
      cpSync(join(from, file), join(dir, file.replace(/\.xlsx\.txt$/, ".xlsx")));
      continue;
    }
    const study = JSON.parse(readFileSync(join(dir, "study.json"), "utf8"));
    const patch = JSON.parse(readFileSync(join(from, file), "utf8"));
    writeFileSync(join(dir, "study.json"), JSON.stringify(merge(study, patch), null, 1));
  }
  return dir;
}
