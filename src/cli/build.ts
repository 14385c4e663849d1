/**
 * The build: load and check the study, compute the results, write them with the downloads,
 * render and check the authors' narrative, render the site with Astro, and only then replace
 * the output folder. Every step writes into a fresh temporary folder; a failure anywhere leaves
 * the previous output as it was.
 *
 * Side effects are passed in (the logger) so that tests can run a build silently.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { performance } from "node:perf_hooks";
import { loadStudy } from "../study/load.ts";
import { computeResults } from "../pipeline/compute.ts";
import { downloadTables, toCsvText } from "../pipeline/tables.ts";
import { buildNarrative } from "../narrative/load.ts";
import type { Results } from "../pipeline/results.ts";

export interface Logger {
  info(message: string): void;
}

export const silent: Logger = { info() {} };

export interface ComputeOutput {
  results: Results;
  resultsFile: string;
}

function step<T>(log: Logger, what: string, run: () => T, describe: (value: T) => string): T {
  const start = performance.now();
  const value = run();
  log.info(`${what}: ${describe(value)} in ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return value;
}

/** Computes a study's results into `outDir` (results.json and downloads/). */
export function computeStudy(studyDir: string, outDir: string, log: Logger): ComputeOutput {
  const study = step(log, "read study", () => loadStudy(studyDir), (s) =>
    `${s.rowsRead} panel rows read, ${s.rowsUsed} used, ${s.rowsRead - s.rowsUsed} dropped; ` +
    `${s.sample.length} units × ${s.years.length} years × ${s.definition.indicators.length} indicators`);
  const results = step(log, "compute", () => computeResults(study), (r) =>
    `${r.scores.length} scores, ${r.dagum.length} Dagum decompositions, ${r.filled.length} filled cells`);

  mkdirSync(join(outDir, "downloads"), { recursive: true });
  const resultsFile = join(outDir, "results.json");
  writeFileSync(resultsFile, JSON.stringify(results));
  const tables = downloadTables(results);
  let bytes = 0;
  for (const table of tables) {
    const text = toCsvText(table);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(outDir, "downloads", table.file), text);
  }
  writeFileSync(join(outDir, "downloads", "results.json"), JSON.stringify(results, null, 1));
  copyFileSync(resolve(studyDir, "study.json"), join(outDir, "downloads", "study.json"));
  log.info(`write results: ${tables.length} CSV tables (${(bytes / 1024).toFixed(0)} KB) and results.json`);
  return { results, resultsFile };
}

export interface BuildOptions {
  study: string;
  outDir: string;
  base?: string;
  log: Logger;
}

/** Builds the whole site into `outDir`, replacing it only when every step succeeded. */
export async function buildSite(options: BuildOptions): Promise<void> {
  const outDir = resolve(options.outDir);
  const work = resolve(".cache", `build-${process.pid}-${Date.now().toString(36)}`);
  const site = join(work, "site");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  try {
    const { results, resultsFile } = computeStudy(options.study, join(work, "results"), options.log);
    if (options.base) process.env.REPORT_BASE = options.base;

    // The authors' narrative is rendered and its claims checked before Astro runs, so that a
    // false claim or an unknown reference stops the build with its file, line and column.
    // The charts have the same ids in both languages: they are listed once, when a page embeds one.
    const { catalogue } = await import("../site/catalogue.ts");
    let charts: Set<string> | null = null;
    const chartIds = () => (charts ??= new Set(catalogue(results, "en").keys()));
    const told = step(options.log, "narrative", () => buildNarrative(options.study, results, chartIds), (n) =>
      n.files === 0 ? "none (no Markdown files in the study's narrative/ folder)" : `${n.narrative.pages.length} pages from ${n.files} files, ${n.references} bound references, ${n.claims} checked claims`);
    const narrativeFile = join(work, "narrative.json");
    writeFileSync(narrativeFile, JSON.stringify(told.narrative));

    process.env.REPORT_RESULTS = resultsFile;
    process.env.REPORT_STUDY_DIR = resolve(options.study);
    process.env.REPORT_NARRATIVE = narrativeFile;
    process.env.ASTRO_TELEMETRY_DISABLED = "1";
    const start = performance.now();
    const { build } = await import("astro");
    await build({ root: process.cwd(), outDir: site, logLevel: "warn", mode: "production" });
    options.log.info(`render site: ${((performance.now() - start) / 1000).toFixed(2)} s`);

    renameSync(join(work, "results", "downloads"), join(site, "downloads"));
    swapInto(site, outDir);
    options.log.info(`output: ${outDir}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Replaces `target` by `fresh` with renames, so a reader never sees a half-written folder. */
function swapInto(fresh: string, target: string) {
  mkdirSync(dirname(target), { recursive: true });
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  try {
    renameSync(fresh, target);
  } catch (error) {
    if (existsSync(old)) renameSync(old, target);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}
