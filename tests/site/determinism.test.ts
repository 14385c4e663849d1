// The same inputs give the same bytes: two builds of the default study with the same
// SOURCE_DATE_EPOCH, one under another clock (ten years later), time zone and locale, are
// identical file for file, and carry the date of SOURCE_DATE_EPOCH. Without it, the site
// carries the date of the commit (the build of the test setup).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { read } from "./site.ts";

const epoch = "1700000000"; // 2023-11-14 22:13:20 UTC: a date no clock here gives.
const made: string[] = [];

function build(env: Record<string, string>, preload?: string): string {
  const out = mkdtempSync(join(tmpdir(), "determinism-"));
  made.push(out);
  const args = [...(preload ? ["--import", preload] : []), "scripts/build.ts", "--out", out];
  const run = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, ...env } });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  return out;
}

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

const publicationDate = (dir: string) => read(dir, "index.html").match(/<meta name="citation_publication_date" content="([^"]+)"/)?.[1];

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("a build", () => {
  it("gives byte-identical output under another clock, time zone and locale", () => {
    const a = build({ SOURCE_DATE_EPOCH: epoch, TZ: "Pacific/Kiritimati", LC_ALL: "zh_CN.UTF-8", LANG: "zh_CN.UTF-8" });
    const b = build({ SOURCE_DATE_EPOCH: epoch, TZ: "Etc/GMT+12", LC_ALL: "C", LANG: "C" }, "./tests/site/determinism-clock.ts");
    const list = files(a);
    expect(list.length).toBeGreaterThan(500);
    expect(files(b)).toEqual(list);
    const differ = list.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
    expect(differ).toEqual([]);

    expect(publicationDate(a)).toBe("2023/11/14");
    expect(read(a, "cite/CITATION.cff")).toContain(`date-released: "2023-11-14"`);
  }, 120_000);

  it("dates the site by its commit when SOURCE_DATE_EPOCH is not set", () => {
    const committed = Number(execFileSync("git", ["log", "-1", "--format=%ct"], { encoding: "utf8" }).trim());
    const date = new Date(committed * 1000).toISOString().slice(0, 10).replace(/-/g, "/");
    expect(publicationDate(inject("siteDir"))).toBe(date);
  });
});
