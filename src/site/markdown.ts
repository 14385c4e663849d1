/**
 * Markdown with TeX formulas to HTML: remark-math finds $…$ and $$…$$, rehype-katex renders
 * them at build time (the page needs KaTeX's stylesheet and fonts, served by the site, and no
 * script).
 */
import { remark } from "remark";
import remarkMath from "remark-math";
import remarkRehype from "remark-rehype";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";

// rehype-katex reports a formula KaTeX cannot render as a message on the file (and renders it
// in red); markdownToHtml turns such a message into an error, so a bad formula stops the build.
const processor = remark().use(remarkMath).use(remarkRehype).use(rehypeKatex, { strict: "error" }).use(rehypeStringify);

/**
 * Renders Markdown to HTML. A line that is a whole `$$…$$` formula is displayed as a block
 * (remark-math reads `$$` on one line as inline math, and wants the fences on their own lines).
 */
export function markdownToHtml(markdown: string): string {
  const blocks = markdown.replace(/^\$\$(.+)\$\$$/gm, (_, tex: string) => `$$\n${tex}\n$$`);
  const file = processor.processSync(blocks);
  const problems = file.messages.filter((m) => m.fatal !== null);
  if (problems.length > 0) throw new Error(`formula cannot be rendered: ${problems.map((m) => m.reason).join("; ")}`);
  return String(file);
}
