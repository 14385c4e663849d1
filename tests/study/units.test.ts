// The one name-to-code mapping: codes, full and short Chinese names, English names, aliases,
// aggregate rows, ambiguity, and the units file it is built from.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ProblemList } from "../../src/study/problems.ts";
import { UnitNames, readUnitsFile, type Unit } from "../../src/study/units.ts";

const provinces = readUnitsFile(resolve(import.meta.dirname, "../../data/units/cn-provinces.csv"), "cn-provinces.csv", new ProblemList());
const names = new UnitNames(provinces.values());
const code = (name: string) => {
  const m = names.match(name);
  return m.kind === "unit" ? m.code : m.kind;
};

describe("unit names", () => {
  it("maps codes: exact, two-digit, twelve-digit statistical codes and ISO aliases", () => {
    expect(code("110000")).toBe("110000");
    expect(code("44")).toBe("440000");
    expect(code("440000000000")).toBe("440000");
    expect(code("１１００００")).toBe("110000");
    expect(code("CN-GD")).toBe("440000");
    expect(code("cn-nm")).toBe("150000");
    expect(code("110100")).toBe("unknown");
    expect(code("110101000000")).toBe("unknown");
  });

  it("maps full and short Chinese names, ignoring whitespace", () => {
    expect(code("广西壮族自治区")).toBe("450000");
    expect(code("广西")).toBe("450000");
    expect(code("内蒙古自治区")).toBe("150000");
    expect(code("内蒙 古")).toBe("150000");
    expect(code("\u3000北\u3000京市")).toBe("110000");
    expect(code("新疆维吾尔自治区")).toBe("650000");
  });

  it("maps English names in any spacing and case", () => {
    for (const v of ["Inner Mongolia", "InnerMongolia", "Innermongolia", "INNER MONGOLIA", " inner-mongolia "]) {
      expect(code(v), v).toBe("150000");
    }
    expect(code("Guangxi")).toBe("450000");
    expect(code("Shaanxi")).toBe("610000");
    expect(code("Shanxi")).toBe("140000");
  });

  it("recognises national and regional total rows", () => {
    for (const v of ["全国", "全 国", "东部地区", "National Total", "Eastern Region"]) expect(code(v), v).toBe("aggregate");
  });

  it("does not guess an unknown name, and suggests a unit one edit away", () => {
    expect(names.match("Hong Kong")).toEqual({ kind: "unknown", suggestion: null });
    expect(names.match("北京省")).toEqual({ kind: "unknown", suggestion: "北京" });
    expect(names.match("Guangdon")).toEqual({ kind: "unknown", suggestion: "Guangdong" });
    expect(names.explain("北京省", names.match("北京省"), "units.csv")).toBe(
      'is not a unit of units.csv (did you mean "北京"?): write its code, its Chinese or English name, or add this spelling to the aliases column of units.csv',
    );
  });

  it("reports a name two units share as ambiguous, with their parents", () => {
    const unit = (code: string, nameZh: string, parent: string): Unit => ({ code, nameZh, nameZhFull: nameZh, nameEn: code, parent, aliases: [] });
    const counties = new UnitNames([unit("110105", "朝阳区", "北京"), unit("220104", "朝阳区", "长春"), unit("211300", "朝阳市", "辽宁")]);
    const m = counties.match("朝阳区");
    expect(m).toEqual({ kind: "ambiguous", codes: ["110105", "220104"] });
    expect(counties.explain("朝阳区", m, "units.csv")).toBe("names more than one unit: 110105 (朝阳区, in 北京), 220104 (朝阳区, in 长春); write the code instead");
    expect(counties.match("211300")).toEqual({ kind: "unit", code: "211300" });
  });

  it("lets a unit's own name win over an aggregate label", () => {
    const zones = new UnitNames([{ code: "E", nameZh: "东部", nameZhFull: "东部地区", nameEn: "East", parent: null, aliases: [] }]);
    expect(zones.match("东部地区")).toEqual({ kind: "unit", code: "E" });
  });
});

describe("units file", () => {
  it("reads names, parents and aliases", () => {
    expect(provinces.size).toBe(31);
    expect(provinces.get("150000")).toEqual({
      code: "150000", nameZh: "内蒙古", nameZhFull: "内蒙古自治区", nameEn: "Inner Mongolia", parent: null, aliases: ["CN-NM"],
    });
  });

  it("reports an empty or repeated code and a missing name with their rows", () => {
    const problems = new ProblemList();
    readUnitsFile(resolve(import.meta.dirname, "../fixtures/errors/units-file/units.csv"), "units.csv", problems);
    expect(problems.items).toEqual([
      { file: "units.csv", row: 3, column: "code", value: "A", message: "appears twice: codes must be unique" },
      { file: "units.csv", row: 4, column: "code", message: "is empty: every unit needs a code" },
      { file: "units.csv", row: 5, column: "name_en", message: "is empty: unit D needs a name" },
    ]);
  });
});
