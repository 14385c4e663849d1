/**
 * The narrative of a study: the Markdown files of its `narrative/` folder, one per page and
 * language (`background.en.md`, `background.zh.md`), each with front matter
 *
 *   ---
 *   title: Discussion of the findings
 *   nav: Discussion          (optional: a shorter label for the navigation)
 *   order: 2
 *   results: [levels, inequality]   (optional: the report's pages whose results it discusses)
 *   ---
 *
 * read, rendered and checked against the results at build time. Every problem in every file
 * is collected; then the build stops with all of them, each with its file, line and column.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml, YAMLError } from "yaml";
import { OPTIONAL_PAGES, type Results } from "../pipeline/results.ts";
import type { Lang } from "../i18n/lang.ts";
import { hrefIn } from "../site/results.ts";
import { StudyInputError } from "../study/problems.ts";
import { unknownName } from "./names.ts";
import { renderPage, type Block, type NarrativeProblem } from "./render.ts";
import type { Narrative, NarrativePage } from "./site.ts";

/** The report's pages a narrative page may say it discusses, by name, and their paths. */
export const resultPages: Record<string, string> = {
  study: "study/",
  "index-system": "index-system/",
  methods: "methods/",
  levels: "levels/",
  spatial: "spatial/",
  inequality: "inequality/",
  dimensions: "dimensions/",
  regions: "regions/",
  data: "data/",
};

const frontKeys = ["title", "nav", "order", "results"];
const fileName = /^([a-z0-9][a-z0-9-]*)\.(en|zh)\.md$/;
const langNames: Record<Lang, string> = { en: "English", zh: "Chinese" };

export interface NarrativeBuild {
  narrative: Narrative;
  files: number;
  references: number;
  claims: number;
}

interface Front {
  title: string;
  nav: string;
  order: number;
  results: string[];
}

interface ReadPage {
  file: string;
  slug: string;
  lang: Lang;
  front: Front | null;
  blocks: Block[];
}

/**
 * Reads, renders and checks the narrative of the study in `studyDir` against its results.
 * `chartIds` gives the ids of the site's charts in a language. Throws StudyInputError with
 * every problem found; a study without a `narrative/` folder has no narrative pages.
 */
export function buildNarrative(studyDir: string, r: Results, chartIds: (lang: Lang) => ReadonlySet<string>): NarrativeBuild {
  const dir = join(studyDir, "narrative");
  const build: NarrativeBuild = { narrative: { pages: [] }, files: 0, references: 0, claims: 0 };
  if (!existsSync(dir)) return build;

  const problems: NarrativeProblem[] = [];
  const read: ReadPage[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith(".md") && statSync(join(dir, f)).isFile()).sort();
  for (const name of files) {
    const file = `narrative/${name}`;
    const match = fileName.exec(name);
    if (!match) {
      problems.push({ file, line: 1, column: 1, message: "name a narrative file <page>.en.md or <page>.zh.md (lowercase letters, digits and -), one per page and language" });
      continue;
    }
    const [, slug, lang] = match as unknown as [string, string, Lang];
    const text = readFileSync(join(dir, name), "utf8").replace(/^\uFEFF/, "");
    // A link to a page the study's report.pages leaves out would lead nowhere.
    const link = (path: string) => {
      if (!pageIncluded(r, path)) {
        problems.push({ file, line: 1, column: 1, message: `links to ${path}, a page this study leaves out (study.json report.pages)` });
      }
      return hrefIn(lang, path);
    };
    const page = renderPage(file, text, { ctx: { r, lang }, chartIds: () => chartIds(lang), link }, problems);
    build.files++;
    build.references += page.references;
    build.claims += page.claims;
    const front = page.front ? readFront(file, page.front, problems) : null;
    if (!page.front) problems.push({ file, line: 1, column: 1, message: "a narrative page starts with its front matter: a line ---, then title: and order:, then a line ---" });
    read.push({ file, slug, lang, front, blocks: page.blocks });
  }

  build.narrative.pages = pair(read, problems);
  for (const page of read) {
    for (const name of page.front?.results ?? []) {
      if (!pageIncluded(r, resultPages[name] ?? "")) {
        problems.push({ file: page.file, line: 1, column: 1, message: `front matter: results: ${name} is a page this study leaves out (study.json report.pages)` });
      }
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    throw new StudyInputError(problems.map((p) => ({ file: `${p.file}:${p.line}:${p.column}`, message: p.message })));
  }
  return build;
}

function readFront(file: string, front: { yaml: string; line: number }, problems: NarrativeProblem[]): Front | null {
  const at = (line: number, message: string) => problems.push({ file, line, column: 1, message });
  let data: unknown;
  try {
    data = parseYaml(front.yaml);
  } catch (error) {
    if (!(error instanceof YAMLError)) throw error;
    // The parser's own "at line …, column …" counts within the front matter: the place says it.
    const reason = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    at(front.line + (error.linePos?.[0].line ?? 1) - 1, `front matter: ${reason}`);
    return null;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    at(front.line, "front matter: write title: and order: as YAML");
    return null;
  }
  const lineOf = (key: string) => front.line + Math.max(0, front.yaml.split("\n").findIndex((l) => l.startsWith(`${key}:`)));
  const values = data as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (!frontKeys.includes(key)) at(lineOf(key), `front matter: ${unknownName("key", key, frontKeys)}`);
  }
  const { title, nav, order, results } = values;
  const before = problems.length;
  if (typeof title !== "string" || title.trim() === "") at(lineOf("title"), "front matter: title: is the page's title, as text");
  if (nav !== undefined && (typeof nav !== "string" || nav.trim() === "")) at(lineOf("nav"), "front matter: nav: is the page's label in the navigation, as text");
  if (typeof order !== "number" || !Number.isFinite(order)) at(lineOf("order"), "front matter: order: is a number that places the page among the narrative pages");
  const names = results ?? [];
  if (!Array.isArray(names) || names.some((x) => typeof x !== "string")) {
    at(lineOf("results"), `front matter: results: is a list of the report's pages, e.g. [levels, inequality]; they are ${Object.keys(resultPages).join(", ")}`);
  } else {
    for (const name of names as string[]) {
      if (!resultPages[name]) at(lineOf("results"), `front matter: ${unknownName("results page", name, Object.keys(resultPages))}`);
    }
  }
  if (problems.length > before) return null;
  return { title: title as string, nav: (nav as string | undefined) ?? (title as string), order: order as number, results: names as string[] };
}

/** Joins each page's two languages; both must exist and agree on order and results. */
function pair(read: ReadPage[], problems: NarrativeProblem[]): NarrativePage[] {
  const bySlug = new Map<string, Partial<Record<Lang, ReadPage>>>();
  for (const p of read) bySlug.set(p.slug, { ...bySlug.get(p.slug), [p.lang]: p });
  const pages: NarrativePage[] = [];
  for (const [slug, langs] of bySlug) {
    const { en, zh } = langs;
    if (!en || !zh) {
      const have = (en ?? zh) as ReadPage;
      const missing: Lang = en ? "zh" : "en";
      problems.push({ file: have.file, line: 1, column: 1, message: `has no ${langNames[missing]} counterpart: write narrative/${slug}.${missing}.md` });
      continue;
    }
    if (!en.front || !zh.front) continue;
    if (en.front.order !== zh.front.order) {
      problems.push({ file: zh.file, line: 1, column: 1, message: `order: ${zh.front.order} differs from ${en.file} (order: ${en.front.order}); a page has one place in both languages` });
    }
    if (en.front.results.join() !== zh.front.results.join()) {
      problems.push({ file: zh.file, line: 1, column: 1, message: `results: [${zh.front.results.join(", ")}] differs from ${en.file} ([${en.front.results.join(", ")}])` });
    }
    pages.push({
      slug,
      order: en.front.order,
      title: { en: en.front.title, zh: zh.front.title },
      nav: { en: en.front.nav, zh: zh.front.nav },
      results: en.front.results.map((name) => resultPages[name]),
      body: { en: en.blocks, zh: zh.blocks },
    });
  }
  return pages.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

/** Whether the site has a page (optional pages may be left out by study.json report.pages). */
function pageIncluded(r: Results, path: string): boolean {
  const first = path.replace(/^\//, "").split("/")[0];
  const page = first === "units" ? "regions" : first === "map" ? "spatial" : first;
  return !(OPTIONAL_PAGES as readonly string[]).includes(page) || (r.study.pages as readonly string[]).includes(page);
}
