// Helpers for the tests of a narrative: the numbers its Markdown binds, resolved independently
// of the renderer, and the numbers a built page carries in its <data> elements.
import { parseHTML } from "linkedom";
import type { Results } from "../../src/pipeline/results.ts";
import type { Lang } from "../../src/i18n/lang.ts";
import { parseNarrative } from "../../src/narrative/render.ts";
import { resolveReference } from "../../src/narrative/references.ts";

interface Node {
  type: string;
  name?: string;
  attributes?: Record<string, string | null | undefined> | null;
  children?: Node[];
}

const attributesOf = (n: Node) => Object.fromEntries(Object.entries(n.attributes ?? {}).map(([k, v]) => [k, v ?? ""]));

/** Every directive of a narrative file in reading order: its name and attributes. */
export function directives(text: string): { name: string; attributes: Record<string, string> }[] {
  const out: { name: string; attributes: Record<string, string> }[] = [];
  const visit = (n: Node) => {
    if (n.type.endsWith("Directive")) out.push({ name: n.name ?? "", attributes: attributesOf(n) });
    for (const c of n.children ?? []) visit(c);
  };
  visit(parseNarrative(text) as unknown as Node);
  return out;
}

/** The numbers a narrative file binds, in reading order, resolved against `r`. */
export function boundNumbers(text: string, r: Results, lang: Lang): number[] {
  return directives(text)
    .filter((d) => d.name !== "claim" && d.name !== "chart")
    .map((d) => resolveReference(d.name, d.attributes, { r, lang }))
    .flatMap((v) => (v.type === "real" || v.type === "integer" ? [v.value] : []));
}

/** The numbers of a built page's text (its <data> elements outside the charts), in order. */
export function pageNumbers(html: string): number[] {
  const main = parseHTML(html).document.querySelector("main");
  return [...(main?.querySelectorAll("data") ?? [])].filter((d) => !d.closest("figure")).map((d) => Number(d.getAttribute("value")));
}
