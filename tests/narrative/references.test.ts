// Every kind of reference resolved against the default study's results, compared with the
// results themselves (the same numbers, exactly), and the messages of a reference that names
// nothing in them.
import { beforeAll, describe, expect, it } from "vitest";
import * as core from "../../src/core/index.ts";
import { loadStudy } from "../../src/study/load.ts";
import { computeResults } from "../../src/pipeline/compute.ts";
import type { Results } from "../../src/pipeline/results.ts";
import { resolveReference } from "../../src/narrative/references.ts";
import type { Lang } from "../../src/i18n/lang.ts";

let r: Results;
beforeAll(() => {
  r = computeResults(loadStudy("data/nqp"));
});

/** The value of a reference, written as in Markdown: "score region=bth year=2021". */
function value(ref: string, lang: Lang = "en"): number | string {
  const [kind, ...params] = ref.split(" ");
  const v = resolveReference(kind, Object.fromEntries(params.map((p) => p.split("=") as [string, string])), { r, lang });
  return v.type === "real" || v.type === "integer" ? v.value : v.type === "name" ? v.name : v.text;
}

describe("references resolve to the results", () => {
  it("score: regional and sample means, unit scores and sub-indices", () => {
    const mean = (g: string, y: number) => r.means.find((m) => m.group === g && m.year === y);
    expect(value("score region=bth year=2021")).toBe(mean("bth", 2021)?.score);
    expect(value("score region=bth year=last")).toBe(mean("bth", 2021)?.score);
    expect(value("score region=sample year=first")).toBe(mean("sample", 2012)?.score);
    expect(value("score region=yrd year=2016 dimension=nin")).toBe(mean("yrd", 2016)?.dims.nin);
    const beijing = r.scores.find((s) => s.unit === "110000" && s.year === 2021);
    expect(value("score unit=Beijing year=2021")).toBe(beijing?.score);
    expect(value("score unit=110000 year=2021 dimension=nke")).toBe(beijing?.dims.nke);
    expect(value("score unit=北京 year=2021")).toBe(beijing?.score);
  });

  it("growth: the site's growth by default, and the same function over other years", () => {
    const g = (id: string) => r.growth.find((x) => x.group === id);
    expect(value("growth region=yrb")).toBe(g("yrb")?.cagr);
    expect(value("growth region=sample measure=total")).toBe(g("sample")?.total);
    expect(value("growth region=gba measure=yoy")).toBe(g("gba")?.meanYoy);
    expect(value("growth unit=640000")).toBe(g("640000")?.cagr);
    expect(value("growth region=gba dimension=nin")).toBe(g("gba")?.dims.nin);
    const series = r.means.filter((m) => m.group === "bth" && m.year >= 2016).map((m) => m.score);
    expect(value("growth region=bth from=2016 to=last")).toBe(core.growth(series).cagr);
  });

  it("rank: units by score as the results rank them, regions and weights ordered here", () => {
    for (const s of r.scores.filter((x) => x.year === 2021)) expect(value(`rank unit=${s.unit} year=2021`)).toBe(s.rank);
    const regions = r.means.filter((m) => m.year === 2021 && m.group !== "sample").sort((a, b) => b.score - a.score).map((m) => m.group);
    regions.forEach((id, i) => expect(value(`rank region=${id} year=last`)).toBe(i + 1));
    const growth = r.growth.filter((x) => x.kind === "region").sort((a, b) => (b.cagr ?? 0) - (a.cagr ?? 0)).map((x) => x.group);
    growth.forEach((id, i) => expect(value(`rank region=${id} by=growth`)).toBe(i + 1));
    const weights = [...r.study.indicators].sort((a, b) => b.weight - a.weight).map((x) => x.id);
    weights.forEach((id, i) => expect(value(`rank indicator=${id}`)).toBe(i + 1));
    expect(value("rank dimension=nke")).toBe(1);
    const nke = r.means.filter((m) => m.year === 2021 && m.group !== "sample").sort((a, b) => b.dims.nke - a.dims.nke).map((m) => m.group);
    expect(value(`rank region=${nke[4]} year=last dimension=nke`)).toBe(5);
    // One-member regions have no within-region inequality to rank.
    const within = ["bth", "yrd", "yreb", "yrb"].sort((a, b) => (r.dagum[9].groups[b].Gjj ?? 0) - (r.dagum[9].groups[a].Gjj ?? 0));
    within.forEach((id, i) => expect(value(`rank region=${id} by=gini-within year=last`)).toBe(i + 1));
  });

  it("tier, Dagum, Gini, Theil, weights, indicator values and ratios", () => {
    expect(value("tier unit=Anhui year=2012")).toBe(r.scores.find((s) => s.unit === "340000" && s.year === 2012)?.tier);
    const d = r.dagum.find((x) => x.year === 2021);
    expect(value("dagum year=2021")).toBe(d?.G);
    expect(value("dagum component=Gnb year=2021")).toBe(d?.Gnb);
    expect(value("dagum component=Gb year=2021")).toBe(d?.Gb_gross);
    expect(value("dagum component=share_t year=2021")).toBe(d?.share_t);
    expect(value("gini-within region=yrd year=2021")).toBe(d?.groups.yrd.Gjj);
    const pair = d?.pairs.find((p) => p.key === "bth|yrb");
    expect(value("gini-between a=bth b=yrb year=2021")).toBe(pair?.Gjh);
    expect(value("gini-between a=yrb b=bth year=2021")).toBe(pair?.Gjh);
    expect(value("gini-between a=yrb b=bth year=2021 part=D")).toBe(pair?.D_jh);
    expect(value("gini year=2012")).toBe(r.gini[0].G);
    expect(value("theil part=share_b year=2021")).toBe(r.theil[9].share_b);
    expect(value("weight indicator=co2_intensity")).toBe(r.study.indicators.find((i) => i.id === "co2_intensity")?.weight);
    expect(value("weight dimension=nmo")).toBe(r.study.dimensions.find((x) => x.id === "nmo")?.weight);
    expect(value("value indicator=rd_intensity unit=Guangdong year=2021")).toBe(r.values.find((v) => v.unit === "440000" && v.year === 2021)?.values.rd_intensity);
    expect(value("value indicator=rd_intensity stat=sd year=2015")).toBe(r.study.indicators[0].stats.find((s) => s.year === 2015)?.sd);
    const score = (code: string) => r.scores.find((s) => s.unit === code && s.year === 2021)?.score ?? NaN;
    expect(value("ratio a=Beijing b=Hebei year=last")).toBe(score("110000") / score("130000"));
  });

  it("counts, member lists, names, years and the period, in both languages", () => {
    expect(value("count of=units")).toBe(23);
    expect(value("count of=regions")).toBe(5);
    expect(value("count of=indicators dimension=nin")).toBe(3);
    expect(value("count of=members region=yreb")).toBe(11);
    expect(value("count of=memberships")).toBe(r.study.regions.reduce((n, g) => n + g.members.length, 0));
    expect(value("count of=tier tier=1 year=last")).toBe(r.scores.filter((s) => s.year === 2021 && s.tier === 1).length);
    expect(value("members region=bth")).toBe("Beijing, Tianjin and Hebei");
    expect(value("members region=bth", "zh")).toBe("北京、天津和河北");
    expect(value("name region=gba")).toBe("Guangdong-Hong Kong-Macao Greater Bay Area (Guangdong only)");
    expect(value("name unit=640000", "zh")).toBe("宁夏");
    expect(value("indicator-unit indicator=co2_intensity", "zh")).toBe("吨/万元");
    expect(value("year at=first")).toBe("2012");
    expect(value("period")).toBe("2012–2021");
    expect(value("period", "zh")).toBe("2012—2021");
  });
});

describe("a reference that names nothing in the results", () => {
  const fails = (ref: string) => expect(() => value(ref));

  it("lists the valid names close to an unknown one", () => {
    fails("scor region=bth year=2021").toThrow('unknown reference "scor"; valid names close to it: score');
    fails("score region=bht year=2021").toThrow('unknown region "bht"; valid names close to it: bth');
    fails("score unit=Bejing year=2021").toThrow('unknown unit "Bejing"; valid names close to it: Beijing');
    fails("score region=bth yeer=2021").toThrow('unknown parameter "yeer" of score; valid names close to it: year');
    fails("dagum component=share_bn year=2021").toThrow('unknown component value "share_bn"; valid names close to it: share_nb');
    fails("rank indicator=co2").toThrow(/unknown indicator "co2"; valid names close to it: .*co2_intensity/);
  });

  it("names a missing parameter, a year outside the study and a conflicting pair", () => {
    fails("score region=bth").toThrow("score needs year= (a year from 2012 to 2021, first or last)");
    fails("score region=bth year=2022").toThrow("year=2022: the study has no year 2022; write a year from 2012 to 2021, first or last");
    fails("score region=bth year=latest").toThrow("year=latest is not a year");
    fails("score region=bth unit=Beijing year=2021").toThrow("score takes region= or unit=, not region= and unit= together");
    fails("growth region=bth from=2021 to=2012").toThrow("growth needs from= before to= (got from=2021 to=2012)");
    fails("rank region=gba by=gini-within year=last").toThrow("region gba has one member: it has no within-region inequality to rank");
    fails("rank region=bth by=growth year=last").toThrow("rank takes no year= (growth is ranked from the first to the last year)");
    fails("count of=tier tier=7 year=last").toThrow("tier=7: the tiers are 1 to 4");
    fails("period year=2021").toThrow("period takes no parameters (got year=)");
  });
});
