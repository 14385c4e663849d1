/**
 * What built this site: the tool's version and commit, and the date the site carries. The date
 * comes from SOURCE_DATE_EPOCH when it is set, else from the commit, never from the clock, so
 * that building the same commit twice gives the same bytes.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export interface BuildInfo {
  /** The tool's version (package.json). */
  version: string;
  /** The git commit the tool was built from; null outside a git checkout. */
  commit: string | null;
  /** True when tracked files differed from the commit. */
  dirty: boolean;
  /** The site's date, ISO "YYYY-MM-DD"; null when neither source gives one. */
  date: string | null;
  dateSource: "SOURCE_DATE_EPOCH" | "commit" | null;
  node: string;
  astro: string;
}

let cached: BuildInfo | null = null;

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

function packageVersion(path: string): string {
  try {
    return (JSON.parse(readFileSync(path, "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

const isoDate = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

export function buildInfo(): BuildInfo {
  if (cached) return cached;
  const commit = git(["rev-parse", "HEAD"]);
  const dirty = commit !== null && (git(["status", "--porcelain", "--untracked-files=no"]) ?? "") !== "";
  const epoch = process.env.SOURCE_DATE_EPOCH;
  let date: string | null = null;
  let dateSource: BuildInfo["dateSource"] = null;
  if (epoch && /^\d+$/.test(epoch)) {
    date = isoDate(Number(epoch));
    dateSource = "SOURCE_DATE_EPOCH";
  } else {
    const committed = git(["log", "-1", "--format=%ct"]);
    if (committed && /^\d+$/.test(committed)) {
      date = isoDate(Number(committed));
      dateSource = "commit";
    }
  }
  cached = {
    version: packageVersion("package.json"),
    commit,
    dirty,
    date,
    dateSource,
    node: process.version,
    astro: packageVersion("node_modules/astro/package.json"),
  };
  return cached;
}
