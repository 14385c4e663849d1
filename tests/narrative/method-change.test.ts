// A method option changed in a copy of the default study, and the site rebuilt with the same
// command a user runs. Either every number of the narrative follows the new results, or the
// build stops at each claim the new results contradict, naming its file, line, column and
// sentence, and leaves the previous output alone.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Results } from "../../src/pipeline/results.ts";
import { loadStudy } from "../../src/study/load.ts";
import { computeResults } from "../../src/pipeline/compute.ts";
import { pct } from "../../src/site/format.ts";
import { boundNumbers, pageNumbers } from "./bound.ts";

const defaults = JSON.parse(readFileSync(join(inject("siteDir"), "downloads/results.json"), "utf8")) as Results;

/** A copy of data/ (the study refers to ../units and ../geo) with the default study's method changed. */
function variant(change: (method: Record<string, Record<string, unknown>>) => void): string {
  const root = mkdtempSync(join(tmpdir(), "method-"));
  cpSync("data", join(root, "data"), { recursive: true });
  const file = join(root, "data/nqp/study.json");
  const study = JSON.parse(readFileSync(file, "utf8"));
  change(study.method);
  writeFileSync(file, JSON.stringify(study, null, 2));
  return join(root, "data/nqp");
}

const build = (study: string, out: string) => spawnSync(process.execPath, ["scripts/build.ts", "--study", study, "--out", out], { encoding: "utf8" });

/** Line and column (1-based) where `text` begins in a narrative file. */
function placeOf(file: string, text: string): string {
  const source = readFileSync(join("data/nqp/narrative", file), "utf8");
  const at = source.indexOf(text);
  if (at < 0) throw new Error(`${file} does not contain ${text}`);
  const before = source.slice(0, at).split("\n");
  return `narrative/${file}:${before.length}:${before[before.length - 1].length + 1}`;
}

describe("the TOPSIS ideal per year instead of over the panel", () => {
  let study: string;
  let r: Results;
  let run: ReturnType<typeof build>;
  const out = join(mkdtempSync(join(tmpdir(), "out-")), "site");

  beforeAll(() => {
    study = variant((m) => (m.topsis.ideal = "year"));
    r = computeResults(loadStudy(study));
    mkdirSync(out);
    writeFileSync(join(out, "index.html"), "previous build");
    run = build(study, out);
  }, 180_000);

  it("stops the build at each contradicted claim, with its place and its sentence in the new numbers", () => {
    expect(run.status).toBe(1);
    const growth = (id: string) => pct(r.growth.find((g) => g.group === id)?.cagr);
    // The sentences as they would have rendered: with the numbers of the new results.
    expect(run.stderr).toContain(
      `${placeOf("discussion.en.md", ":claim[The Yellow River Basin, which started lowest")}: the claim "The Yellow River Basin, which started lowest, grew fastest (${growth("yrb")} a year)" does not hold: yrb ranks 2 of 5 regions by growth; correct the sentence or its claim`,
    );
    expect(run.stderr).toContain(
      `${placeOf("discussion.zh.md", ":claim[起点最低的黄河流域增长最快")}: the claim "起点最低的黄河流域增长最快（年均${growth("yrb")}）" does not hold`,
    );
    const gjj = (y: number) => Number(r.dagum.find((d) => d.year === y)?.groups.yrb.Gjj?.toPrecision(4));
    expect(run.stderr).toContain(`gini-within region=yrb was ${gjj(2012)} in 2012 and ${gjj(2021)} in 2021 (it rose)`);
    // A sentence about the method itself is a claim too.
    expect(run.stderr).toContain(`${placeOf("background.en.md", ":claim[The best and worst values are taken over the whole panel")}: the claim "The best and worst values are taken over the whole panel,`);
    expect(run.stderr).toContain("does not hold: the study's method has topsis.ideal = year");
    expect(run.stderr).toMatch(/^error: the study has \d+ problems:\n {2}- narrative\/background\.en\.md:/);
    expect(run.stderr).toContain("nothing was written to the output folder.");
  });

  it("leaves the previous output as it was", () => {
    expect(readdirSync(out)).toEqual(["index.html"]);
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("previous build");
  });
});

describe("the entropy shift at 0 instead of 0.0001", () => {
  let r: Results;
  let run: ReturnType<typeof build>;
  const out = join(mkdtempSync(join(tmpdir(), "out-")), "site");

  beforeAll(() => {
    const study = variant((m) => (m.entropy.shift = 0));
    run = build(study, out);
    r = JSON.parse(readFileSync(join(out, "downloads/results.json"), "utf8")) as Results;
  }, 180_000);

  it("builds, every claim still holding", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/narrative: 3 pages from 6 files, \d+ bound references, \d+ checked claims/);
  });

  it("writes every bound number of every page from the new results", () => {
    const slugs = ["background", "discussion", "recommendations"];
    let changed = 0;
    let total = 0;
    for (const slug of slugs) {
      for (const lang of ["en", "zh"] as const) {
        const source = readFileSync(`data/nqp/narrative/${slug}.${lang}.md`, "utf8");
        const page = readFileSync(join(out, lang === "zh" ? "zh" : "", `narrative/${slug}/index.html`), "utf8");
        const numbers = pageNumbers(page);
        expect(numbers, `${lang} ${slug}`).toEqual(boundNumbers(source, r, lang));
        const before = boundNumbers(source, defaults, lang);
        numbers.forEach((n, i) => (changed += n === before[i] ? 0 : 1));
        total += numbers.length;
      }
    }
    // Counts, ranks and the like stay; the scores, weights and inequality measures move.
    expect(changed).toBeGreaterThan(total / 2);

    const html = readFileSync(join(out, "narrative/discussion/index.html"), "utf8");
    const score = r.means.find((m) => m.group === "bth" && m.year === 2021)?.score as number;
    const before = defaults.means.find((m) => m.group === "bth" && m.year === 2021)?.score as number;
    expect(score).not.toBe(before);
    expect(html).toContain(`<data value="${score}">${score.toFixed(3)}</data>`);
    expect(html).not.toContain(`<data value="${before}">`);
    const G = r.dagum.find((d) => d.year === 2021)?.G as number;
    expect(html).toContain(`<data value="${G}">${G.toFixed(3)}</data>`);
    const w = r.study.dimensions.find((d) => d.id === "nke")?.weight as number;
    expect(readFileSync(join(out, "zh/narrative/background/index.html"), "utf8")).toContain(`<data value="${w}">${pct(w)}</data>`);
  });
});
