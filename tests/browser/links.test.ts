// Every link of the built default study resolves: linkinator crawls the site served over HTTP,
// starting from every page (so that a page nothing links to is checked too), and fetches every
// link, stylesheet, script, image and font it finds (CSS url()s included), checking each #anchor
// against the ids of the page it points to. Links outside the local server would be skipped by
// linkinator, and a skipped link fails the test: the site links to nothing outside itself.
// Links made by scripts (search results, the map's year control) are checked by pages.test.ts.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { LinkChecker, LinkState } from "linkinator";
import { serveSite, type Served } from "./serve.ts";
import { htmlFiles } from "../site/site.ts";

const siteDir = inject("siteDir");
let site: Served;

beforeAll(async () => {
  site = await serveSite(siteDir);
});

afterAll(async () => {
  await site?.close();
});

describe("links", () => {
  it("resolve everywhere on the site, anchors included, and none leaves it", async () => {
    const pages = htmlFiles(siteDir)
      .filter((p) => !p.startsWith("pagefind/"))
      .map((p) => `${site.origin}/${p.replace(/index\.html$/, "")}`);
    const result = await new LinkChecker().check({
      path: pages,
      recurse: true,
      checkCss: true,
      checkFragments: true,
      concurrency: 8,
      timeout: 10_000,
      linksToSkip: async (url) => !url.startsWith(`${site.origin}/`),
    });
    const bad = result.links.filter((l) => l.state !== LinkState.OK).map((l) => `${l.state} ${l.status ?? ""} ${l.url} (on ${l.parent ?? "-"})`);
    expect(bad).toEqual([]);
    // Every page, its stylesheet references and its downloads were reached.
    const urls = new Set(result.links.map((l) => l.url));
    for (const page of pages) expect(urls.has(page), page).toBe(true);
    expect([...urls].some((u) => u.endsWith(".woff2"))).toBe(true);
  });

  it("are checked for their anchors: a link to a missing id is caught", async () => {
    const copy = mkdtempSync(join(tmpdir(), "links-"));
    cpSync(siteDir, copy, { recursive: true });
    const file = join(copy, "levels", "index.html");
    writeFileSync(file, readFileSync(file, "utf8").replace('href="/spatial/"', 'href="/spatial/#nowhere"'));
    const served = await serveSite(copy);
    try {
      const result = await new LinkChecker().check({ path: `${served.origin}/levels/`, checkFragments: true, linksToSkip: async (url) => !url.startsWith(served.origin) });
      const broken = result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => l.url);
      expect(broken).toEqual([`${served.origin}/spatial/#nowhere`]);
    } finally {
      await served.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
