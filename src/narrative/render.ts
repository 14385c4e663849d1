/**
 * One narrative page, from Markdown to HTML with remark and rehype (the plugins of
 * src/site/markdown.ts, plus front matter and directives): every bound number resolved from
 * the results, every claim checked, charts embedded by id. Nothing is silently dropped: an
 * unknown reference, a false claim, a raw HTML block or a formula KaTeX cannot render is a
 * problem with the file, line and column where it is written, and all problems of a file are
 * collected before the build stops.
 *
 * The page is returned as blocks: HTML between the charts, and the charts by id, which the page
 * renders with the site's own chart component.
 */
import katex from "katex";
import { remark } from "remark";
import remarkDirective from "remark-directive";
import remarkFrontmatter from "remark-frontmatter";
import remarkMath from "remark-math";
import remarkRehype from "remark-rehype";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import { checkClaim } from "./claims.ts";
import { FormatError, formatValue } from "./formats.ts";
import { unknownName } from "./names.ts";
import { BindingError, kinds, resolveReference, type Context } from "./references.ts";

/** A part of a page: HTML, or one of the site's charts by id. */
export type Block = { html: string } | { chart: string };

export interface Place {
  /** The file as the messages name it (relative to the study folder). */
  file: string;
  line: number;
  column: number;
}

export interface NarrativeProblem extends Place {
  message: string;
}

export interface RenderOptions {
  ctx: Context;
  /** The ids of the site's charts in the page's language. */
  chartIds: () => ReadonlySet<string>;
  /** The address of a path inside the language's part of the site ("levels/" → "/zh/levels/"). */
  link: (path: string) => string;
}

export interface RenderedPage {
  /** The YAML between the --- lines, and the line it starts on; null when there is none. */
  front: { yaml: string; line: number } | null;
  blocks: Block[];
  references: number;
  claims: number;
}

/** The Markdown tree as this module reads it: mdast nodes, with the directive fields. */
interface Node {
  type: string;
  value?: string;
  name?: string;
  depth?: number;
  url?: string;
  attributes?: Record<string, string | null | undefined> | null;
  children?: Node[];
  position?: { start: { line: number; column: number } };
  data?: Record<string, unknown>;
}

const processor = remark()
  .use(remarkFrontmatter, ["yaml"])
  .use(remarkDirective)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeKatex, { strict: "error" })
  .use(rehypeStringify);

/** The Markdown syntax tree of a narrative file (front matter, directives and math included). */
export function parseNarrative(text: string): Node {
  return processor.parse(text) as unknown as Node;
}

const attributesOf = (node: Node): Record<string, string> =>
  Object.fromEntries(Object.entries(node.attributes ?? {}).map(([k, v]) => [k, v ?? ""]));

/** Renders one narrative file; problems are added to `problems`. */
export function renderPage(file: string, text: string, options: RenderOptions, problems: NarrativeProblem[]): RenderedPage {
  const { ctx } = options;
  const tree = parseNarrative(text);
  const result: RenderedPage = { front: null, blocks: [], references: 0, claims: 0 };
  const problem = (node: Node, message: string) => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    problems.push({ file, line: start.line, column: start.column, message });
  };

  const reference = (node: Node): Node[] => {
    const name = node.name ?? "";
    const attributes = attributesOf(node);
    if (!kinds[name]) {
      const colon = Object.keys(attributes).length === 0 && (node.children ?? []).length === 0 ? " (a colon followed by a letter or digit starts a reference: write \\: for a plain colon)" : "";
      problem(node, unknownName("reference", name, [...Object.keys(kinds), "claim"]) + colon);
      return [];
    }
    if ((node.children ?? []).length > 0) problem(node, `${name} takes no [text]: write :${name}{…}`);
    try {
      const value = resolveReference(name, attributes, ctx);
      const text = formatValue(value, attributes.format, ctx.lang);
      result.references++;
      if (value.type === "real" || value.type === "integer") {
        return [{ type: "text", value: text, data: { hName: "data", hProperties: { value: String(value.value) } } }];
      }
      return [{ type: "text", value: text }];
    } catch (error) {
      if (!(error instanceof BindingError || error instanceof FormatError)) throw error;
      problem(node, `${name}: ${error.message}`);
      return [];
    }
  };

  const claim = (node: Node, inClaim: boolean): Node[] => {
    if (inClaim) problem(node, "a claim inside a claim: write each claim as a sentence of its own");
    const inner = transform(node.children ?? [], true);
    const sentence = plainText(inner).replace(/\s+/g, " ").trim();
    if (sentence === "") {
      problem(node, "a claim needs its sentence in [ ]: :claim[sentence]{predicate …}");
      return inner;
    }
    try {
      const verdict = checkClaim(attributesOf(node), ctx);
      result.claims++;
      if (!verdict.holds) problem(node, `the claim "${sentence}" does not hold: ${verdict.detail}; correct the sentence or its claim`);
    } catch (error) {
      if (!(error instanceof BindingError)) throw error;
      problem(node, `the claim "${sentence}": ${error.message}`);
    }
    return inner;
  };

  const transform = (nodes: readonly Node[], inClaim: boolean): Node[] => {
    const out: Node[] = [];
    for (const node of nodes) {
      if (node.type === "textDirective") {
        out.push(...(node.name === "claim" ? claim(node, inClaim) : reference(node)));
        continue;
      }
      if (node.type === "leafDirective" || node.type === "containerDirective") {
        problem(node, node.name === "chart" ? "a chart stands on a line of its own (::chart{id=…}), outside lists, quotes and tables" : `unknown block "${node.name}": the only block is ::chart{id=…}`);
        continue;
      }
      if (node.type === "html") {
        // A comment is the author's note to themselves; any other HTML would be dropped unseen.
        if (!/^<!--[\s\S]*-->$/.test((node.value ?? "").trim())) problem(node, "raw HTML is not rendered: write Markdown");
        continue;
      }
      if (node.type === "image" || node.type === "imageReference") {
        problem(node, "images are not part of a narrative page: embed one of the site's charts with ::chart{id=…}");
        continue;
      }
      if (node.type === "heading" && node.depth === 1) problem(node, "the page's title comes from its front matter: start sections with ##");
      if ((node.type === "link" || node.type === "definition") && node.url !== undefined && isInside(node.url)) node.url = options.link(node.url);
      if (node.type === "math" || node.type === "inlineMath") checkFormula(node, problem);
      if (node.children) node.children = transform(node.children, inClaim);
      out.push(node);
    }
    return out;
  };

  const charts = new Set<string>();
  let segment: Node[] = [];
  const flush = () => {
    if (segment.length > 0) result.blocks.push({ html: toHtml(segment) });
    segment = [];
  };
  for (const [i, node] of (tree.children ?? []).entries()) {
    if (node.type === "yaml") {
      if (i === 0) result.front = { yaml: node.value ?? "", line: 2 };
      continue;
    }
    if (node.type === "leafDirective" && node.name === "chart") {
      const id = chartId(node, options, charts, problem);
      if (id !== null) {
        flush();
        result.blocks.push({ chart: id });
        charts.add(id);
      }
      continue;
    }
    segment.push(...transform([node], false));
  }
  flush();
  return result;
}

function chartId(node: Node, options: RenderOptions, onPage: Set<string>, problem: (node: Node, message: string) => void): string | null {
  const attributes = attributesOf(node);
  if ((node.children ?? []).length > 0) problem(node, "::chart takes no [text]: its title, subtitle and source come with the chart");
  const unknown = Object.keys(attributes).filter((k) => k !== "id");
  if (unknown.length > 0) problem(node, `unknown parameter "${unknown[0]}" of chart: its one parameter is id`);
  const id = attributes.id;
  const ids = options.chartIds();
  if (!id) problem(node, "chart needs id= (one of the site's charts, e.g. regions-score)");
  else if (!ids.has(id)) problem(node, unknownName("chart", id, ids));
  else if (onPage.has(id)) problem(node, `chart ${id} is already on this page`);
  else return id;
  return null;
}

// A relative link is a page of the site in the page's language; absolute addresses, site-root
// paths and anchors are left as written.
const isInside = (url: string) => url !== "" && !/^([a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(url);

function checkFormula(node: Node, problem: (node: Node, message: string) => void): void {
  try {
    katex.renderToString(node.value ?? "", { displayMode: node.type === "math", throwOnError: true, strict: "error" });
  } catch (error) {
    problem(node, `formula cannot be rendered: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function toHtml(nodes: Node[]): string {
  const hast = processor.runSync({ type: "root", children: nodes } as never);
  return String(processor.stringify(hast as never)).trim();
}

/** The text of phrasing nodes, as a reader sees it. */
export function plainText(nodes: readonly Node[]): string {
  return nodes.map((n) => (typeof n.value === "string" ? n.value : plainText(n.children ?? []))).join("");
}

/**
 * Digits written by hand in a narrative file: in its text and code, outside directive
 * parameters, front matter and formulas. A narrative whose numbers all come from the results
 * has none. Each is returned with its place and the text around it.
 */
export function handTypedDigits(text: string): { line: number; column: number; text: string }[] {
  const found: { line: number; column: number; text: string }[] = [];
  const visit = (node: Node) => {
    if (node.type === "yaml" || node.type === "math" || node.type === "inlineMath") return;
    if ((node.type === "text" || node.type === "inlineCode" || node.type === "code") && /\p{Nd}/u.test(node.value ?? "")) {
      const start = node.position?.start ?? { line: 0, column: 0 };
      found.push({ line: start.line, column: start.column, text: node.value ?? "" });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(parseNarrative(text));
  return found;
}
