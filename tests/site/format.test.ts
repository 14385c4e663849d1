import { describe, expect, it } from "vitest";
import { possessive } from "../../src/site/format.ts";

describe("possessive", () => {
  it("adds 's, or only ' after a final s", () => {
    expect(possessive("Beijing")).toBe("Beijing's");
    expect(possessive("Northern lowlands")).toBe("Northern lowlands'");
    expect(possessive("Guangdong-Hong Kong-Macao Greater Bay Area (Guangdong only)")).toBe("Guangdong-Hong Kong-Macao Greater Bay Area (Guangdong only)'s");
  });
});
