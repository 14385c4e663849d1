/**
 * The narrative as the pages read it: the build renders and checks the study's narrative
 * before Astro runs (src/narrative/load.ts), writes it as JSON and passes the file's path in
 * REPORT_NARRATIVE. Without it (a study with no narrative folder) there are no narrative pages.
 */
import { readFileSync } from "node:fs";
import type { Lang } from "../i18n/lang.ts";
import type { LocalText } from "../study/schema.ts";
import type { Block } from "./render.ts";

export interface NarrativePage {
  /** The file name without language and extension: background.en.md → background. */
  slug: string;
  order: number;
  title: LocalText;
  /** The label in the navigation (the title unless the front matter gives `nav`). */
  nav: LocalText;
  /** The report's pages whose results the page discusses, as site paths ("levels/"). */
  results: string[];
  body: Record<Lang, Block[]>;
}

export interface Narrative {
  /** In reading order: by `order`, then by slug. */
  pages: NarrativePage[];
}

/** The path of a narrative page inside a language's part of the site. */
export const narrativePath = (slug: string) => `narrative/${slug}/`;

let cached: { path: string; narrative: Narrative } | null = null;

/** The narrative of the study being built (no pages when the build passes none). */
export function narrative(): Narrative {
  const path = process.env.REPORT_NARRATIVE;
  if (!path) return { pages: [] };
  if (cached?.path !== path) cached = { path, narrative: JSON.parse(readFileSync(path, "utf8")) as Narrative };
  return cached.narrative;
}

/** The narrative pages as entries of the site's navigation, in their order, in both languages. */
export function narrativeNav(): { slug: string; title: LocalText; langs: readonly Lang[]; main: boolean }[] {
  return narrative().pages.map((p) => ({ slug: narrativePath(p.slug), title: p.nav, langs: ["en", "zh"], main: true }));
}
