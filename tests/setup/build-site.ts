// Builds the default study's site once for the site and browser tests, with the same command
// a user runs, into .cache/test-site (never into dist/).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

export const siteDir = ".cache/test-site";

export default function setup(): void {
  rmSync(siteDir, { recursive: true, force: true });
  const run = spawnSync(process.execPath, ["scripts/build.ts", "--out", siteDir], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the test build failed:\n${run.stdout}\n${run.stderr}`);
}
