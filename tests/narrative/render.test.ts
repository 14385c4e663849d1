// One narrative file rendered against the tiny study's results: references bound into <data>
// elements, claims rendered as their sentence or reported with the file, line, column and
// sentence, charts split out, links into the site, and everything that would be lost reported
// rather than dropped. Also the scan for digits typed by hand.
import { beforeAll, describe, expect, it } from "vitest";
import { loadStudy } from "../../src/study/load.ts";
import { computeResults } from "../../src/pipeline/compute.ts";
import type { Results } from "../../src/pipeline/results.ts";
import { handTypedDigits, renderPage, type NarrativeProblem, type RenderedPage } from "../../src/narrative/render.ts";
import type { Lang } from "../../src/i18n/lang.ts";

let r: Results;
beforeAll(() => {
  r = computeResults(loadStudy("tests/fixtures/tiny"));
});

const front = "---\ntitle: T\norder: 1\n---\n";

function render(body: string, lang: Lang = "en"): { page: RenderedPage; problems: string[]; html: string } {
  const problems: NarrativeProblem[] = [];
  const page = renderPage(`narrative/t.${lang}.md`, front + body, { ctx: { r, lang }, chartIds: () => new Set(["regions-score", "dagum-total"]), link: (p) => `/base/${lang === "zh" ? "zh/" : ""}${p}` }, problems);
  const html = page.blocks.map((b) => ("html" in b ? b.html : `[chart ${b.chart}]`)).join("\n");
  return { page, problems: problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`), html };
}

const north = () => r.means.find((m) => m.group === "north" && m.year === 2022)?.score ?? NaN;
const south = () => r.means.find((m) => m.group === "south" && m.year === 2022)?.score ?? NaN;

describe("renderPage", () => {
  it("binds each number into a <data> element with its full value, and names as text", () => {
    const { html, problems, page } = render("North scored :score{region=north year=last} in :year{at=last}, :name{region=south} :rank{region=south year=last format=ordinal-words}.");
    expect(problems).toEqual([]);
    const southRank = south() > north() ? "first" : "second";
    expect(html).toBe(`<p>North scored <data value="${north()}">${north().toFixed(3)}</data> in 2022, South <data value="${southRank === "first" ? 1 : 2}">${southRank}</data>.</p>`);
    expect(page.references).toBe(4);
    expect(page.front).toEqual({ yaml: "title: T\norder: 1", line: 2 });
  });

  it("renders a true claim as its sentence, and reports a false one with its place and sentence", () => {
    const [hi, lo] = north() > south() ? ["north", "south"] : ["south", "north"];
    const ok = render(`:claim[${hi} leads with :score{region=${hi} year=last}]{leads a=${hi} b=${lo} year=last}.`);
    expect(ok.problems).toEqual([]);
    expect(ok.html).toMatch(new RegExp(`^<p>${hi} leads with <data value="[0-9.e-]+">[0-9.]+</data>.</p>$`));
    expect(ok.page.claims).toBe(1);
    const bad = render(`Text.\nMore :claim[${lo} leads (:score{region=${lo} year=last})]{leads a=${lo} b=${hi} year=last}.`, "zh");
    const score = (g: string) => (g === "north" ? north() : south());
    expect(bad.problems).toEqual([
      `narrative/t.zh.md:6:6: the claim "${lo} leads (${score(lo).toFixed(3)})" does not hold: the score of ${lo} in 2022 is ${Number(score(lo).toPrecision(4))}, of ${hi} ${Number(score(hi).toPrecision(4))}; correct the sentence or its claim`,
    ]);
  });

  it("reports every unknown name, parameter, year and format at once, each at its directive", () => {
    const { problems } = render(":scor{region=north}\n:score{region=nort year=2022} :score{region=north year=2019}\n  :score{region=north year=last format=ordinal}");
    expect(problems).toEqual([
      'narrative/t.en.md:5:1: unknown reference "scor"; valid names close to it: score, tier, year, count, gini, name, rank, claim',
      'narrative/t.en.md:6:1: score: unknown region "nort"; valid names close to it: north, south, sample',
      "narrative/t.en.md:6:31: score: year=2019: the study has no year 2019; write a year from 2020 to 2022, first or last",
      "narrative/t.en.md:7:3: score: format ordinal needs a whole number, and this value is " + Number(north().toPrecision(4)) + "; the formats of a number are .Nf (N = 0 to 6), .N% (N = 0 to 6), auto",
    ]);
  });

  it("explains that a colon before a letter starts a reference, and accepts an escaped colon", () => {
    expect(render("Note:this.").problems[0]).toMatch(/unknown reference "this".*write \\: for a plain colon\)$/);
    expect(render("Note\\:this and 3\\:1.").problems).toEqual([]);
  });

  it("splits the page at embedded charts, and checks their ids and places", () => {
    const { page, problems } = render("Before.\n\n::chart{id=regions-score}\n\nAfter.\n\n::chart{id=dagum-totl}\n\n::chart{id=regions-score}\n\n- ::chart{id=dagum-total}\n");
    expect(page.blocks).toEqual([{ html: "<p>Before.</p>" }, { chart: "regions-score" }, { html: "<p>After.</p>\n<ul>\n<li></li>\n</ul>" }]);
    expect(problems).toEqual([
      'narrative/t.en.md:11:1: unknown chart "dagum-totl"; valid names close to it: dagum-total, regions-score',
      "narrative/t.en.md:13:1: chart regions-score is already on this page",
      "narrative/t.en.md:15:3: a chart stands on a line of its own (::chart{id=…}), outside lists, quotes and tables",
    ]);
  });

  it("links relative paths into the site in the page's language, and leaves other links alone", () => {
    const { html } = render("[levels](levels/#x), [top](/), [out](https://example.org/), [here](#a), [ref][r]\n\n[r]: regions/north/", "zh");
    expect(html).toBe('<p><a href="/base/zh/levels/#x">levels</a>, <a href="/">top</a>, <a href="https://example.org/">out</a>, <a href="#a">here</a>, <a href="/base/zh/regions/north/">ref</a></p>');
  });

  it("reports what would be lost: raw HTML, images, a second title, a bad formula, a claim in a claim", () => {
    const { problems, html } = render("# Title\n\n<div>x</div>\n\n<!-- a note -->\n\n![map](map.png)\n\n$\\frac{1}$ and $G_w$\n\n:claim[a :claim[b]{rank region=north year=last top=2}]{rank region=north year=last top=2}");
    expect(problems.map((p) => p.replace(/formula cannot be rendered: .*/, "formula cannot be rendered"))).toEqual([
      "narrative/t.en.md:5:1: the page's title comes from its front matter: start sections with ##",
      "narrative/t.en.md:7:1: raw HTML is not rendered: write Markdown",
      "narrative/t.en.md:11:1: images are not part of a narrative page: embed one of the site's charts with ::chart{id=…}",
      "narrative/t.en.md:13:1: formula cannot be rendered",
      "narrative/t.en.md:15:10: a claim inside a claim: write each claim as a sentence of its own",
    ]);
    expect(html).toContain('<span class="katex">');
    expect(html).not.toContain("a note");
  });

  it("needs a claim's sentence and its predicate", () => {
    expect(render(":claim{leads a=north b=south year=last}").problems).toEqual(["narrative/t.en.md:5:1: a claim needs its sentence in [ ]: :claim[sentence]{predicate …}"]);
    expect(render(":claim[North leads]").problems[0]).toMatch(/^narrative\/t\.en\.md:5:1: the claim "North leads": a claim starts with its predicate/);
  });
});

describe("handTypedDigits", () => {
  it("finds digits in text, claims and code, but not in parameters, front matter or formulas", () => {
    const text = "---\ntitle: T 2021\norder: 1\n---\nIn :year{at=last} growth was :growth{region=north}.\n\n:claim[It rose by 5 points]{rose score region=north from=2020 to=2022}, see `x1`.\n\n$x_1$\n";
    expect(handTypedDigits(text)).toEqual([
      { line: 7, column: 8, text: "It rose by 5 points" },
      { line: 7, column: 77, text: "x1" },
    ]);
    expect(handTypedDigits("---\ntitle: T\norder: 1\n---\n:score{region=north year=2021 format=.3f} in :year{at=last}.\n")).toEqual([]);
    expect(handTypedDigits("Full-width ２０２１.")).toHaveLength(1);
  });
});
