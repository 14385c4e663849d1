// Each claim predicate, true and false, against the default study's results, and the messages
// of a claim that cannot be read.
import { beforeAll, describe, expect, it } from "vitest";
import { loadStudy } from "../../src/study/load.ts";
import { computeResults } from "../../src/pipeline/compute.ts";
import type { Results } from "../../src/pipeline/results.ts";
import { checkClaim } from "../../src/narrative/claims.ts";

let r: Results;
beforeAll(() => {
  r = computeResults(loadStudy("data/nqp"));
});

/** A claim's braces as written in Markdown, in order: "leads a=bth b=yrd year=2021". */
function attributes(text: string): Record<string, string> {
  return Object.fromEntries(text.split(" ").map((w) => (w.includes("=") ? (w.split("=") as [string, string]) : [w, ""])));
}
const holds = (text: string) => checkClaim(attributes(text), { r, lang: "en" }).holds;
const mean = (g: string, y: number) => r.means.find((m) => m.group === g && m.year === y)?.score ?? NaN;
const growth = (g: string) => r.growth.find((x) => x.group === g)?.cagr ?? NaN;

describe("claims are checked against the results", () => {
  it("leads and trails compare scores in a year", () => {
    const [a, b] = mean("bth", 2021) > mean("yrd", 2021) ? ["bth", "yrd"] : ["yrd", "bth"];
    expect(holds(`leads a=${a} b=${b} year=2021`)).toBe(true);
    expect(holds(`leads a=${b} b=${a} year=2021`)).toBe(false);
    expect(holds(`trails a=${b} b=${a} year=last`)).toBe(true);
    expect(holds(`leads a=${a} b=${a} year=2021`)).toBe(false);
    expect(holds("leads a=Beijing b=sample year=first")).toBe(true);
  });

  it("faster and slower compare growth", () => {
    const [a, b] = growth("yrb") > growth("gba") ? ["yrb", "gba"] : ["gba", "yrb"];
    expect(holds(`faster a=${a} b=${b}`)).toBe(true);
    expect(holds(`slower a=${a} b=${b}`)).toBe(false);
  });

  it("rank, tier and method compare with a given value", () => {
    const top = r.scores.find((s) => s.year === 2021 && s.rank === 1)?.unit;
    expect(holds(`rank unit=${top} year=last is=1`)).toBe(true);
    expect(holds(`rank unit=${top} year=last is=last`)).toBe(false);
    expect(holds(`rank unit=${top} year=last top=3`)).toBe(true);
    const bottom = r.scores.find((s) => s.year === 2021 && s.rank === 23)?.unit;
    expect(holds(`rank unit=${bottom} year=last is=last`)).toBe(true);
    const anhui = r.scores.find((s) => s.unit === "340000" && s.year === 2021)?.tier;
    expect(holds(`tier unit=Anhui year=last is=${anhui}`)).toBe(true);
    expect(holds(`tier unit=Anhui year=last is=${(anhui ?? 0) + 1}`)).toBe(false);
    expect(holds("method option=topsis.ideal is=panel")).toBe(r.method.topsis.ideal === "panel");
    expect(holds("method option=entropy.shift is=0.0001")).toBe(true);
  });

  it("rose, fell, widened and narrowed compare a quantity in two years", () => {
    const g = r.dagum.map((d) => d.G);
    expect(holds("narrowed dagum from=first to=last")).toBe(g[9] < g[0]);
    expect(holds("widened dagum from=first to=last")).toBe(g[9] > g[0]);
    expect(holds("rose score region=sample from=first to=last")).toBe(mean("sample", 2021) > mean("sample", 2012));
    expect(holds("fell score region=sample from=first to=last")).toBe(false);
    const w = (y: number) => r.dagum.find((d) => d.year === y)?.groups.yrd.Gjj ?? NaN;
    expect(holds("narrowed gini-within region=yrd from=2012 to=2016")).toBe(w(2016) < w(2012));
  });

  it("above and below compare a quantity with a number", () => {
    const share = r.dagum[9].share_nb ?? NaN;
    expect(holds(`above dagum component=share_nb year=last than=${share - 1e-9}`)).toBe(true);
    expect(holds(`above dagum component=share_nb year=last than=${share}`)).toBe(false);
    expect(holds(`below dagum component=share_nb year=last than=${share + 1e-9}`)).toBe(true);
    expect(holds("above count of=units than=22")).toBe(true);
  });

  it("says what the verdict rests on", () => {
    const v = checkClaim(attributes("widened gini-within region=yrd from=first to=last"), { r, lang: "en" });
    const w = r.dagum.map((d) => d.groups.yrd.Gjj ?? NaN);
    expect(v.detail).toBe(`gini-within region=yrd was ${Number(w[0].toPrecision(4))} in 2012 and ${Number(w[9].toPrecision(4))} in 2021 (it ${w[9] > w[0] ? "rose" : "fell"})`);
    expect(checkClaim(attributes("rank region=bth year=last is=2"), { r, lang: "en" }).detail).toMatch(/^bth ranks \d of 5 regions by score in 2021$/);
  });
});

describe("a claim that cannot be read", () => {
  const fails = (text: string) => expect(() => holds(text));

  it("names the predicate it needs, and the valid names close to a wrong one", () => {
    fails("a=bth b=yrd year=2021").toThrow("a claim starts with its predicate, e.g. {leads a=… b=… year=…}; the predicates are leads, trails, faster");
    fails("lead a=bth b=yrd year=2021").toThrow('unknown predicate "lead"; valid names close to it: leads');
    fails("year=2021 leads a=bth b=yrd").toThrow("write the predicate leads first");
    fails("leads a=bth b=yrd year=2021 extra").toThrow('a claim has one predicate; "extra" has no value');
    fails("leads a=bth b=yrd").toThrow("leads needs year=");
    fails("method option=topsis.idea is=panel").toThrow('unknown method option "topsis.idea"; valid names close to it: topsis.ideal');
  });

  it("needs the kind of a compared quantity, with years given as from= and to=", () => {
    fails("narrowed region=yrd from=first to=last").toThrow("narrowed needs the kind of quantity after it");
    fails("narrowed gini-withn region=yrd from=first to=last").toThrow('unknown reference "gini-withn"; valid names close to it: gini-within');
    fails("widened score region=bth from=first to=last").toThrow("widened and narrowed are said of inequality (dagum, gini, gini-within, gini-between, theil); for score write rose or fell");
    fails("rose score region=bth year=2021 from=first to=last").toThrow("give the two years as from= and to=, not year=");
    fails("rose weight dimension=nke from=first to=last").toThrow("the weights are the same in every year");
    fails("rose growth region=bth from=first to=last").toThrow("growth has no year: it cannot rise or fall from one year to another");
    fails("rose score region=bth from=last to=first").toThrow("from= must come before to= (got from=last to=first)");
    fails("above members region=bth than=1").toThrow("members is not a number: a claim compares numbers");
  });
});
