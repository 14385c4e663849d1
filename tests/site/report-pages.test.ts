// A study may leave optional pages out (study.json report.pages): they are not built, not in the
// navigation, and no link anywhere on the site points at them.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("report.pages", () => {
  const study = mkdtempSync(join(tmpdir(), "pages-"));
  cpSync("tests/fixtures/tiny", study, { recursive: true });
  const definition = JSON.parse(readFileSync(join(study, "study.json"), "utf8"));
  definition.report = { pages: ["levels", "inequality"] };
  writeFileSync(join(study, "study.json"), JSON.stringify(definition));
  const out = mkdtempSync(join(tmpdir(), "pages-out-"));
  const run = spawnSync(process.execPath, ["scripts/build.ts", "--study", study, "--out", out], { encoding: "utf8" });

  it("builds only the pages the study asks for, besides those every site has", () => {
    expect(run.status, run.stderr).toBe(0);
    for (const slug of ["", "levels/", "inequality/", "data/", "data-quality/", "cite/", "reproduce/", "search/"]) {
      expect(existsSync(join(out, slug, "index.html")), slug).toBe(true);
      expect(existsSync(join(out, "zh", slug, "index.html")), `zh/${slug}`).toBe(true);
    }
    for (const slug of ["study/", "index-system/", "methods/", "spatial/", "map/", "dimensions/", "regions/", "units/", "units/A/", "regions/north/"]) {
      expect(existsSync(join(out, slug, "index.html")), slug).toBe(false);
    }
  });

  it("links to no page that was left out", () => {
    const html = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".html"))
      .map((e) => join(e.parentPath, e.name));
    const missing = new Set<string>();
    for (const file of html) {
      for (const m of readFileSync(file, "utf8").matchAll(/href="(\/[^"#?]*)/g)) {
        const path = m[1];
        const target = path.endsWith("/") ? join(out, path, "index.html") : join(out, path);
        if (!existsSync(target)) missing.add(`${file.slice(out.length)} → ${path}`);
      }
    }
    expect([...missing]).toEqual([]);
    const nav = readFileSync(join(out, "index.html"), "utf8");
    expect(nav).toContain('href="/levels/"');
    expect(nav).not.toContain('href="/methods/"');
  });

  it("rejects a page name it does not know", () => {
    definition.report = { pages: ["levels", "maps"] };
    writeFileSync(join(study, "study.json"), JSON.stringify(definition));
    const bad = spawnSync(process.execPath, ["scripts/compute.ts", "--study", study, "--out", mkdtempSync(join(tmpdir(), "x-"))], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('study.json column "report.pages[1]"');
  });
});

describe("report.pages and the narrative", () => {
  it("stops the build where the narrative discusses or links a page the study leaves out", () => {
    const data = mkdtempSync(join(tmpdir(), "pages-data-"));
    cpSync("data", data, { recursive: true });
    const file = join(data, "nqp", "study.json");
    const definition = JSON.parse(readFileSync(file, "utf8"));
    definition.report = { pages: ["study", "index-system", "methods", "spatial", "inequality", "dimensions", "regions"] };
    writeFileSync(file, JSON.stringify(definition));
    const out = mkdtempSync(join(tmpdir(), "pages-data-out-"));
    const run = spawnSync(process.execPath, ["scripts/build.ts", "--study", join(data, "nqp"), "--out", out], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/narrative\/discussion\.en\.md:1:1: front matter: results: levels is a page this study leaves out \(study\.json report\.pages\)/);
    expect(readdirSync(out)).toEqual([]);
  });
});
