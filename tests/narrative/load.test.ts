// A study's narrative folder read as a whole: pages paired across the two languages and put in
// their order, front matter checked, and every problem of every file reported at once.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadStudy } from "../../src/study/load.ts";
import { computeResults } from "../../src/pipeline/compute.ts";
import type { Results } from "../../src/pipeline/results.ts";
import { StudyInputError } from "../../src/study/problems.ts";
import { buildNarrative } from "../../src/narrative/load.ts";

let r: Results;
beforeAll(() => {
  r = computeResults(loadStudy("tests/fixtures/tiny"));
});

/** A study folder holding only a narrative with the given files. */
function study(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "narrative-"));
  mkdirSync(join(dir, "narrative"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, "narrative", name), text);
  return dir;
}

const charts = () => new Set(["regions-score"]);
const page = (title: string, order: number, body: string, extra = "") => `---\ntitle: ${title}\norder: ${order}\n${extra}---\n\n${body}\n`;

function problems(dir: string): string[] {
  try {
    buildNarrative(dir, r, charts);
  } catch (error) {
    if (error instanceof StudyInputError) return error.problems.map((p) => `${p.file}: ${p.message}`);
    throw error;
  }
  return [];
}

describe("buildNarrative", () => {
  it("pairs the languages, orders the pages and keeps their blocks", () => {
    const dir = study({
      "later.en.md": page("Later", 2, "Units: :count{of=units}."),
      "later.zh.md": page("其后", 2, "单元：:count{of=units}个。"),
      "first.en.md": page("First page", 1, "Hello.\n\n::chart{id=regions-score}", "nav: First\nresults: [levels, inequality]\n"),
      "first.zh.md": page("第一页", 1, "你好。\n\n::chart{id=regions-score}", "nav: 第一\nresults: [levels, inequality]\n"),
      "README.txt": "not a page",
    });
    const built = buildNarrative(dir, r, charts);
    expect(built.files).toBe(4);
    expect(built.references).toBe(2);
    expect(built.narrative.pages.map((p) => [p.slug, p.order, p.title.en, p.nav.en, p.nav.zh])).toEqual([
      ["first", 1, "First page", "First", "第一"],
      ["later", 2, "Later", "Later", "其后"],
    ]);
    expect(built.narrative.pages[0].results).toEqual(["levels/", "inequality/"]);
    expect(built.narrative.pages[0].body.zh).toEqual([{ html: "<p>你好。</p>" }, { chart: "regions-score" }]);
    expect(built.narrative.pages[1].body.en).toEqual([{ html: '<p>Units: <data value="4">4</data>.</p>' }]);
  });

  it("has no pages when the study has no narrative folder", () => {
    expect(buildNarrative("tests/fixtures/tiny", r, charts)).toEqual({ narrative: { pages: [] }, files: 0, references: 0, claims: 0 });
  });

  it("reports every problem of every file at once, in file and line order", () => {
    const dir = study({
      "a.en.md": page("A", 1, ":score{region=north year=2030}\n\n:claim[South leads]{leads a=south b=south year=last}"),
      "a.zh.md": page("甲", 2, "文字。", "results: [level]\n"),
      "b.en.md": "No front matter here.\n",
      "Bad Name.md": "x",
      "c.zh.md": "---\ntitle: [unclosed\norder: 1\n---\n",
      "d.en.md": page("D", 4, "Text.", "colour: blue\n"),
      "d.zh.md": "---\ntitle: 丁\norder: four\n---\n",
    });
    expect(problems(dir)).toEqual([
      "narrative/a.en.md:6:1: score: year=2030: the study has no year 2030; write a year from 2020 to 2022, first or last",
      'narrative/a.en.md:8:1: the claim "South leads" does not hold: the score of south in 2022 is ' + Number((r.means.find((m) => m.group === "south" && m.year === 2022)?.score ?? NaN).toPrecision(4)) + ", of south " + Number((r.means.find((m) => m.group === "south" && m.year === 2022)?.score ?? NaN).toPrecision(4)) + "; correct the sentence or its claim",
      'narrative/a.zh.md:4:1: front matter: unknown results page "level"; valid names close to it: levels, data, study, methods, regions, spatial, inequality, dimensions',
      "narrative/b.en.md:1:1: a narrative page starts with its front matter: a line ---, then title: and order:, then a line ---",
      "narrative/b.en.md:1:1: has no Chinese counterpart: write narrative/b.zh.md",
      "narrative/Bad Name.md:1:1: name a narrative file <page>.en.md or <page>.zh.md (lowercase letters, digits and -), one per page and language",
      "narrative/c.zh.md:1:1: has no English counterpart: write narrative/c.en.md",
      "narrative/c.zh.md:3:1: front matter: Flow sequence in block collection must be sufficiently indented and end with a ]",
      'narrative/d.en.md:4:1: front matter: unknown key "colour"; valid names close to it: order, title, nav, results',
      "narrative/d.zh.md:3:1: front matter: order: is a number that places the page among the narrative pages",
    ]);
  });

  it("needs the two languages of a page to agree on its place and results", () => {
    const dir = study({
      "a.en.md": page("A", 1, "x", "results: [levels]\n"),
      "a.zh.md": page("甲", 2, "x", "results: [spatial]\n"),
    });
    expect(problems(dir)).toEqual([
      "narrative/a.zh.md:1:1: order: 2 differs from narrative/a.en.md (order: 1); a page has one place in both languages",
      "narrative/a.zh.md:1:1: results: [spatial] differs from narrative/a.en.md ([levels])",
    ]);
  });
});
