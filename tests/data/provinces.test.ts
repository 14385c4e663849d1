import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { UnknownProvinceError, createProvinceResolver, loadProvinceTable } from "../../scripts/lib/provinces.ts";

const TABLE = resolve(import.meta.dirname, "../../data/units/cn-provinces.csv");
const provinces = loadProvinceTable(TABLE);
const resolver = createProvinceResolver(provinces);
const where = { file: "test.csv", row: 7 };
const code = (name: string) => resolver.code(name, where);

describe("province table", () => {
  it("lists the 31 mainland provinces with unique codes", () => {
    expect(provinces).toHaveLength(31);
    expect(new Set(provinces.map((p) => p.code)).size).toBe(31);
    expect(new Set(provinces.map((p) => p.abbr)).size).toBe(31);
    expect(provinces.map((p) => p.code).slice(0, 3)).toEqual(["110000", "120000", "130000"]);
  });

  it("has no Hong Kong, Macao or Taiwan", () => {
    for (const code of ["710000", "810000", "820000"]) expect(provinces.some((p) => p.code === code)).toBe(false);
  });

  it("maps every form of every row back to its own code", () => {
    for (const p of provinces) {
      const forms = [p.code, p.code.slice(0, 2), `${p.code}000000`, `CN-${p.abbr}`, p.nameZh, p.nameZhFull, p.nameEn];
      for (const f of forms) expect(code(f), f).toBe(p.code);
    }
  });

  it("is rejected when a province is missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "provinces-"));
    const short = readFileSync(TABLE, "utf8").trimEnd().split("\n").slice(0, -1).join("\n") + "\n";
    writeFileSync(join(dir, "p.csv"), short);
    expect(() => loadProvinceTable(join(dir, "p.csv"))).toThrow(/30 provinces/);
  });
});

describe("province name mapping", () => {
  it("maps codes: six-digit, two-digit, twelve-digit NBS and ISO CN-xx", () => {
    expect(code("110000")).toBe("110000");
    expect(code("44")).toBe("440000");
    expect(code("440000000000")).toBe("440000");
    expect(code("CN-GD")).toBe("440000");
    expect(code("cn-nm")).toBe("150000");
    expect(code("CN-HA")).toBe("410000"); // Henan
    expect(code("CN-HE")).toBe("130000"); // Hebei
    expect(code("CN-HI")).toBe("460000"); // Hainan
  });

  it("maps short and full Chinese names, ignoring whitespace", () => {
    expect(code("北京")).toBe("110000");
    expect(code("北京市")).toBe("110000");
    expect(code("北   京")).toBe("110000");
    expect(code("\u3000北\u3000京")).toBe("110000");
    expect(code("内蒙古")).toBe("150000");
    expect(code("内蒙 古")).toBe("150000");
    expect(code("内蒙古自治区")).toBe("150000");
    expect(code("广西")).toBe("450000");
    expect(code("广西壮族自治区")).toBe("450000");
    expect(code("宁夏回族自治区")).toBe("640000");
    expect(code("新疆维吾尔自治区")).toBe("650000");
  });

  it("maps English names including the Inner Mongolia variants", () => {
    expect(code("Beijing")).toBe("110000");
    expect(code(" Guangdong")).toBe("440000");
    expect(code("Guangxi")).toBe("450000");
    for (const v of ["Inner Mongolia", "InnerMongolia", "Innermongolia", "Inner mongolia", "INNER MONGOLIA"]) {
      expect(code(v), v).toBe("150000");
    }
    expect(code("Shanxi")).toBe("140000");
    expect(code("Shaanxi")).toBe("610000");
    expect(code("Tibet")).toBe("540000");
  });

  it("recognises regional subtotals, including the OCR slip 尔部地区, as subtotals", () => {
    for (const s of ["全国", "全   国", "东部地区", "中部地区", "西部地区", "东北地区", "尔部地区", "National Total", " Eastern Region", "地方合计"]) {
      expect(resolver.resolve(s, where).kind, s).toBe("subtotal");
    }
    expect(resolver.resolve("尔部地区", where)).toEqual({ kind: "subtotal", label: "东部地区 (OCR slip 尔部地区)" });
    expect(() => resolver.code("全国", where)).toThrow(/test\.csv, row 7: "全国" is a regional subtotal/);
  });

  it("throws for an unknown name, naming the file, the row and the name", () => {
    const unknown = ["江两", "Hong Kong", "台湾", "Xizang Autonomous Region", "110100", "110101000000", "CN-ZZ", "", "北京省"];
    for (const name of unknown) {
      expect(() => resolver.resolve(name, { file: "raw/x.csv", row: 12 }), name).toThrow(UnknownProvinceError);
    }
    try {
      resolver.resolve("江两", { file: "raw/x.csv", row: 12 });
      expect.unreachable();
    } catch (error) {
      const e = error as UnknownProvinceError;
      expect(e.message).toBe('raw/x.csv, row 12: unknown province name "江两"');
      expect(e.file).toBe("raw/x.csv");
      expect(e.row).toBe(12);
      expect(e.nameFound).toBe("江两");
    }
  });
});
