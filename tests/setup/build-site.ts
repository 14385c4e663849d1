// Builds the default study's site once per test run, with the same command a user runs, into
// a folder of its own under .cache/ (never into dist/), and hands its path to the tests.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const siteDir = `.cache/test-site-${process.pid}`;
  rmSync(siteDir, { recursive: true, force: true });
  const run = spawnSync(process.execPath, ["scripts/build.ts", "--out", siteDir], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the test build failed:\n${run.stdout}\n${run.stderr}`);
  project.provide("siteDir", siteDir);
  return () => rmSync(siteDir, { recursive: true, force: true });
}
