// The site is rendered from a results file computed beforehand (scripts/build.ts sets
// REPORT_RESULTS); the base path for hosting under a sub-path comes from REPORT_BASE.
import { defineConfig } from "astro/config";

export default defineConfig({
  base: process.env.REPORT_BASE || "/",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  compressHTML: true,
  devToolbar: { enabled: false },
});
