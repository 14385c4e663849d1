// The default study's narrative: checked without a problem, no digit typed by hand, the same
// claims in both languages, and on the built site every page in both languages, in the
// navigation in its order, with every number equal to the results and every chart and link in
// place. Also: the documentation names every reference kind and predicate.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parseHTML } from "linkedom";
import type { Results } from "../../src/pipeline/results.ts";
import { buildNarrative, resultPages } from "../../src/narrative/load.ts";
import { handTypedDigits } from "../../src/narrative/render.ts";
import { kinds } from "../../src/narrative/references.ts";
import { predicates } from "../../src/narrative/claims.ts";
import { catalogue } from "../../src/site/catalogue.ts";
import { pages as navPages } from "../../src/site/nav.ts";
import { boundNumbers, directives, pageNumbers } from "./bound.ts";

const siteDir = inject("siteDir");
const folder = "data/nqp/narrative";
const files = readdirSync(folder).filter((f) => f.endsWith(".md")).sort();
const source = (file: string) => readFileSync(join(folder, file), "utf8");
const site = (path: string) => readFileSync(join(siteDir, path), "utf8");
const slugs = ["background", "discussion", "recommendations"];

let r: Results;
beforeAll(() => {
  r = JSON.parse(site("downloads/results.json")) as Results;
});

describe("the default narrative", () => {
  it("has background, discussion and recommendations in English and Chinese, every claim holding", () => {
    expect(files).toEqual(slugs.flatMap((s) => [`${s}.en.md`, `${s}.zh.md`]));
    const ids = new Set(catalogue(r, "en").keys());
    const built = buildNarrative("data/nqp", r, () => ids);
    expect(built.narrative.pages.map((p) => [p.slug, p.order])).toEqual([["background", 1], ["discussion", 2], ["recommendations", 3]]);
    expect(built.claims).toBeGreaterThan(100);
    expect(built.references).toBeGreaterThan(250);
  });

  it("has no digit typed by hand: every number comes from a reference", () => {
    for (const file of files) expect(handTypedDigits(source(file)), file).toEqual([]);
  });

  it("checks the same claims, in the same order, in both languages", () => {
    const claims = (file: string) => directives(source(file)).filter((d) => d.name === "claim").map((d) => JSON.stringify(d.attributes));
    for (const slug of slugs) expect(claims(`${slug}.zh.md`), slug).toEqual(claims(`${slug}.en.md`));
  });
});

describe("the narrative on the built site", () => {
  it("comes right after the overview in the navigation of every page, in its order, in both languages", () => {
    for (const [path, labels] of [
      ["index.html", ["Overview", "Background", "Discussion", "Recommendations", "Study"]],
      ["zh/levels/index.html", ["概览", "研究背景", "结果讨论", "政策建议", "研究设计"]],
      ["narrative/discussion/index.html", ["Overview", "Background", "Discussion", "Recommendations", "Study"]],
    ] as const) {
      const links = [...parseHTML(site(path)).document.querySelectorAll("header nav a")];
      expect(links.slice(0, 5).map((a) => a.textContent), path).toEqual(labels);
    }
    const zh = parseHTML(site("zh/narrative/recommendations/index.html")).document;
    expect(zh.querySelector('header nav a[aria-current="page"]')?.getAttribute("href")).toBe("/zh/narrative/recommendations/");
    expect(zh.querySelector("a.lang-switch")?.getAttribute("href")).toBe("/narrative/recommendations/");
    expect(zh.querySelector("h1")?.textContent).toBe("政策建议");
  });

  it("carries every bound number as the results give it, in both languages", () => {
    for (const slug of slugs) {
      for (const lang of ["en", "zh"] as const) {
        const page = `${lang === "zh" ? "zh/" : ""}narrative/${slug}/index.html`;
        const numbers = pageNumbers(site(page));
        expect(numbers.length, page).toBeGreaterThan(10);
        expect(numbers, page).toEqual(boundNumbers(source(`${slug}.${lang}.md`), r, lang));
      }
    }
    const html = site("narrative/discussion/index.html");
    const bth = r.means.find((m) => m.group === "bth" && m.year === 2021)?.score as number;
    expect(html).toContain(`<data value="${bth}">${bth.toFixed(3)}</data>`);
    const g = r.growth.find((x) => x.group === "yrb")?.cagr as number;
    expect(html).toContain(`<data value="${g}">${(g * 100).toFixed(1)}%</data>`);
  });

  it("embeds the charts it names, with their files, and links only to pages that exist", () => {
    for (const slug of slugs) {
      for (const lang of ["en", "zh"] as const) {
        const page = `${lang === "zh" ? "zh/" : ""}narrative/${slug}/index.html`;
        const d = parseHTML(site(page)).document;
        const named = directives(source(`${slug}.${lang}.md`)).filter((x) => x.name === "chart").map((x) => x.attributes.id);
        expect([...d.querySelectorAll("main figure.chart")].map((f) => f.id), page).toEqual(named);
        for (const a of d.querySelectorAll("main a[href]")) {
          const href = (a.getAttribute("href") ?? "").split("#")[0];
          expect(existsSync(join(siteDir, href, href.endsWith("/") ? "index.html" : "")), `${page}: ${href}`).toBe(true);
        }
      }
    }
    const results = [...parseHTML(site("narrative/discussion/index.html")).document.querySelectorAll(".narrative-results a")];
    expect(results.map((a) => a.textContent)).toEqual(["Levels and growth", "Spatial evolution", "Regional differences", "Dimensions"]);
  });
});

describe("the documentation", () => {
  it("describes every reference kind and claim predicate", () => {
    const doc = readFileSync("docs/narrative.md", "utf8");
    for (const kind of Object.keys(kinds)) expect(doc, kind).toContain(`| \`${kind}\` |`);
    for (const name of Object.keys(predicates)) expect(doc, name).toMatch(new RegExp(`^\\| [^|]*\`${name}\`[^|]* \\|`, "m"));
  });

  it("names as results pages only pages of the site", () => {
    const slugsOfSite = new Set(navPages.map((p) => p.slug));
    for (const [name, path] of Object.entries(resultPages)) expect(slugsOfSite.has(path), name).toBe(true);
  });
});
