// The data-quality page of the default site: its numbers add up (rows read = rows used + rows
// dropped, in total and per data file) and agree with the results.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { Results } from "../../src/pipeline/results.ts";

const siteDir = inject("siteDir");
const html = readFileSync(join(siteDir, "data-quality/index.html"), "utf8");
const results = JSON.parse(readFileSync(join(siteDir, "downloads/results.json"), "utf8")) as Results;

const number = (id: string) => Number(html.match(new RegExp(`id="${id}"[^>]*>(\\d+)<`))?.[1]);

/** The body rows of a table, as lists of cell texts. */
function table(id: string): string[][] {
  const body = html.match(new RegExp(`<table id="${id}">[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`))?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1].replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/\s+/g, " ").trim()));
}

describe("data-quality page", () => {
  it("shows rows read = rows used + rows dropped", () => {
    const read = number("rows-read");
    const used = number("rows-used");
    const dropped = number("rows-dropped");
    expect(read).toBe(results.validation.rowsRead);
    expect(used).toBe(results.validation.rowsUsed);
    expect(read).toBe(used + dropped);
    expect(html).toContain(`(${read} = ${used} + ${dropped})`);
  });

  it("lists the reasons for dropping, adding up to the rows dropped", () => {
    const rows = table("dropped");
    const reasons = rows.slice(0, -1);
    expect(reasons.map((r) => r[0])).toEqual(results.validation.dropped.map((d) => d.reason));
    expect(reasons.reduce((a, r) => a + Number(r[1]), 0)).toBe(number("rows-dropped"));
    expect(rows[rows.length - 1]).toEqual(["Total dropped", String(number("rows-dropped"))]);
  });

  it("lists each data file with its format, encoding and rows, adding up", () => {
    const files = table("inputs");
    expect(files).toHaveLength(results.validation.inputs.length);
    for (const [path, format, encoding, read, used, dropped] of files) {
      expect(path).toMatch(/panel\.csv$/);
      expect([format, encoding]).toEqual(["long", "UTF-8"]);
      expect(Number(read)).toBe(Number(used) + Number(dropped));
    }
    expect(files.reduce((a, f) => a + Number(f[3]), 0)).toBe(number("rows-read"));
  });

  it("counts the filled cells by method", () => {
    expect(number("filled")).toBe(results.filled.length);
    const methods = table("filled-by-method");
    expect(methods.reduce((a, m) => a + Number(m[1]), 0)).toBe(results.filled.length);
    expect(methods.map((m) => m[0])).toEqual([
      "linear interpolation between the nearest observed years",
      "the nearest observed year's value",
    ]);
  });
});

describe("data-quality page in Chinese", () => {
  const zh = readFileSync(join(siteDir, "zh/data-quality/index.html"), "utf8");
  const zhNumber = (id: string) => Number(zh.match(new RegExp(`id="${id}"[^>]*>(\\d+)<`))?.[1]);

  it("shows the same counts, and the reasons and the unused series in Chinese", () => {
    expect(zhNumber("rows-read")).toBe(number("rows-read"));
    expect(zhNumber("rows-used")).toBe(number("rows-used"));
    expect(zhNumber("rows-dropped")).toBe(number("rows-dropped"));
    expect(zh).toContain("未被任何指标公式使用的序列");
    expect(zh).toContain("研究期以外的年份");
    expect(zh).toContain(`（${number("rows-read")} = ${number("rows-used")} + ${number("rows-dropped")}）`);
  });

  it("names the series no formula uses", () => {
    expect(results.validation.inputs[0].unusedSeries).toEqual(["dfiic_index"]);
    expect(html).toContain("<code>dfiic_index</code>");
    expect(zh).toContain("<code>dfiic_index</code>");
  });
});
