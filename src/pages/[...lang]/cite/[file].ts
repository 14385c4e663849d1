// The citation files: BibTeX and CITATION.cff, in the page's language where it matters.
import type { APIRoute } from "astro";
import { results, siteUrl } from "../../../site/results.ts";
import { buildInfo } from "../../../site/build-info.ts";
import { bibtex, citationCff } from "../../../site/citation.ts";
import { langPaths, type Lang } from "../../../i18n/lang.ts";

export function getStaticPaths() {
  return langPaths().flatMap(({ params, props }) => ["citation.bib", "CITATION.cff"].map((file) => ({ params: { ...params, file }, props })));
}

export const GET: APIRoute = ({ params, props, site }) => {
  const { lang } = props as { lang: Lang };
  const url = siteUrl(site);
  const input = { r: results(), info: buildInfo(), url };
  return new Response(params.file === "citation.bib" ? bibtex(input, lang) : citationCff(input));
};
