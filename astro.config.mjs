// The site is rendered from a results file computed beforehand (scripts/build.ts sets
// REPORT_RESULTS); the base path for hosting under a sub-path comes from REPORT_BASE, and the
// site's own address, when known, from REPORT_SITE (it then appears in the citations).
// After the pages are written, Pagefind indexes them: one index per language, Chinese with its
// own word segmentation (Pagefind's extended build, which the npm package runs). Markdown with
// formulas is rendered by src/site/markdown.ts (remark-math and rehype-katex), not by Astro.
import { defineConfig } from "astro/config";
import { fileURLToPath } from "node:url";

/** Builds the search index into <out>/pagefind/ and reports what it indexed. */
function pagefind() {
  return {
    name: "report-pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const { createIndex, close } = await import("pagefind");
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({ rootSelector: "main", excludeSelectors: ["[data-pagefind-ignore]", "svg", ".map-sprite"] });
        if (!index) throw new Error(`search index: ${errors.join("; ")}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join("; ")}`);
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
        await close();
        logger.info(`search index: ${added.page_count} pages`);
      },
    },
  };
}

export default defineConfig({
  base: process.env.REPORT_BASE || "/",
  site: process.env.REPORT_SITE || undefined,
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  compressHTML: true,
  devToolbar: { enabled: false },
  // KaTeX's fonts as files of the site, never inlined as data: URLs (the pages' content security
  // policy allows fonts from the site only).
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [pagefind()],
});
