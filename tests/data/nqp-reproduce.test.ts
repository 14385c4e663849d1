/**
 * Re-runs the importer on the raw data into a temporary folder and compares the bytes with the
 * committed files. Runs only where the raw data folder (../shared/data-raw) is present.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../scripts/import-nqp.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const RAW = resolve(ROOT, "../shared/data-raw");

describe.skipIf(!existsSync(RAW))("import-nqp on the raw data", () => {
  it("reproduces the committed panel.csv and sources.csv byte for byte", async () => {
    const out = mkdtempSync(join(tmpdir(), "import-nqp-"));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await main(["--raw", RAW, "--out", out]);
    } finally {
      log.mockRestore();
    }
    for (const f of ["panel.csv", "sources.csv"]) {
      const fresh = readFileSync(join(out, f));
      const committed = readFileSync(resolve(ROOT, "data/nqp", f));
      expect(fresh.equals(committed), `${f} differs from a fresh import`).toBe(true);
    }
  }, 60_000);
});
