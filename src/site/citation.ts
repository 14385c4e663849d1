/**
 * How to cite the site: a formatted citation in each language, BibTeX, CITATION.cff and the
 * citation meta tags (Highwire Press tags, read by Google Scholar and reference managers), all
 * from the study file and the build's date and version.
 */
import type { Results } from "../pipeline/results.ts";
import type { Lang } from "../i18n/lang.ts";
import type { BuildInfo } from "./build-info.ts";

export interface CitationInput {
  r: Results;
  info: BuildInfo;
  /** The address of the site's home page when known (absolute), else null. */
  url: string | null;
}

const year = (info: BuildInfo) => info.date?.slice(0, 4) ?? null;

/** A key for BibTeX: letters and digits of the study id and the year. */
export function citationKey({ r, info }: CitationInput): string {
  const id = r.study.id.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "study";
  return `${id}_${year(info) ?? "nd"}`;
}

/** Escapes the characters TeX treats specially. */
export function texEscape(s: string): string {
  return s.replace(/[\\{}&%$#_^~]/g, (c) =>
    c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\textasciicircum{}" : c === "~" ? "\\textasciitilde{}" : `\\${c}`,
  );
}

export function bibtex(input: CitationInput, lang: Lang): string {
  const { r, info, url } = input;
  const fields: [string, string][] = [
    ["title", `{${texEscape(r.study.title[lang])}}`],
    // Each author in braces: names may be organisations, which BibTeX must not split.
    ["author", r.study.authors.map((a) => `{${texEscape(a.name)}}`).join(" and ")],
  ];
  if (year(info)) fields.push(["year", year(info) as string]);
  if (info.date) fields.push(["date", info.date]);
  fields.push(["howpublished", lang === "zh" ? "静态报告网站" : "Static report website"]);
  fields.push(["version", texEscape(info.version)]);
  if (url) fields.push(["url", url]);
  fields.push(["note", texEscape(lang === "zh" ? `许可：${r.study.licence}` : `Licence: ${r.study.licence}`)]);
  if (lang === "zh") fields.push(["langid", "chinese"]);
  return `@misc{${citationKey(input)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(",\n")}\n}\n`;
}

/** A formatted reference: APA-like in English, GB/T 7714 style in Chinese. */
export function formatted(input: CitationInput, lang: Lang): string {
  const { r, info, url } = input;
  const authors = r.study.authors.map((a) => a.name);
  if (lang === "zh") {
    const date = info.date ? `（${info.date}）` : "";
    return `${authors.join("，")}. ${r.study.title.zh}[EB/OL]. 版本 ${info.version}. ${date}${url ? ` ${url}` : ""}`.trim();
  }
  const list = authors.length <= 2 ? authors.join(" & ") : `${authors.slice(0, -1).join(", ")}, & ${authors[authors.length - 1]}`;
  return `${list} (${year(info) ?? "n.d."}). ${r.study.title.en} [Report website, version ${info.version}].${url ? ` ${url}` : ""}`;
}

const yamlString = (s: string) => JSON.stringify(s);

/** CITATION.cff (Citation File Format 1.2.0) for the study's report. */
export function citationCff(input: CitationInput, options: { dated: boolean } = { dated: true }): string {
  const { r, info, url } = input;
  const lines = [
    "cff-version: 1.2.0",
    `message: ${yamlString("If you use these results, please cite them as below.")}`,
    `title: ${yamlString(r.study.title.en)}`,
    "type: dataset",
    "authors:",
    ...r.study.authors.flatMap((a) => [`  - name: ${yamlString(a.name)}`, ...(a.affiliation ? [`    affiliation: ${yamlString(a.affiliation)}`] : [])]),
    `abstract: ${yamlString(r.study.abstract.en)}`,
    `license: ${yamlString(r.study.licence)}`,
    `version: ${yamlString(info.version)}`,
  ];
  if (options.dated && info.date) lines.push(`date-released: ${yamlString(info.date)}`);
  if (url) lines.push(`url: ${yamlString(url)}`);
  lines.push("keywords:", ...r.study.dimensions.map((d) => `  - ${yamlString(d.name.en)}`), "  - TOPSIS", "  - entropy weights", "  - Dagum Gini decomposition");
  return lines.join("\n") + "\n";
}

/** The citation meta tags of every page, as name/content pairs. */
export function citationMeta(input: CitationInput, lang: Lang, pageTitle: string): [string, string][] {
  const { r, info, url } = input;
  const tags: [string, string][] = [["citation_title", r.study.title[lang]]];
  for (const a of r.study.authors) {
    tags.push(["citation_author", a.name]);
    if (a.affiliation) tags.push(["citation_author_institution", a.affiliation]);
  }
  if (info.date) {
    const date = info.date.replace(/-/g, "/");
    tags.push(["citation_publication_date", date], ["citation_online_date", date]);
  }
  tags.push(["citation_language", lang === "zh" ? "zh" : "en"]);
  tags.push(["citation_technical_report_institution", r.study.authors[0]?.affiliation ?? r.study.authors[0]?.name ?? ""]);
  tags.push(["citation_keywords", r.study.dimensions.map((d) => d.name[lang]).join("; ")]);
  tags.push(["citation_abstract", r.study.abstract[lang]]);
  if (url) tags.push(["citation_public_url", url]);
  tags.push(["DC.title", `${pageTitle} · ${r.study.title[lang]}`]);
  return tags.filter(([, v]) => v !== "");
}
