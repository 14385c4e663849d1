// Every kind of malformed input stops the build with a message that names the file, the row,
// the column, the value and the fix; all problems of a stage are reported together. Each case
// is a folder under tests/fixtures/errors/ (see its README).
import { describe, expect, it } from "vitest";
import { errorCase } from "./cases.ts";
import { computeResults } from "../../src/pipeline/compute.ts";
import { loadStudy } from "../../src/study/load.ts";
import { StudyInputError, formatProblem } from "../../src/study/problems.ts";

/** The problems of loading and computing a case, as printed, with the case's folder removed. */
function messages(name: string): string[] {
  const dir = errorCase(name);
  try {
    computeResults(loadStudy(dir));
  } catch (error) {
    if (!(error instanceof StudyInputError)) throw error;
    return error.problems.map((p) => formatProblem(p).replaceAll(`${dir}/`, ""));
  }
  return [];
}

describe("malformed input", () => {
  it("a file that does not exist, or is not what its format says", () => {
    expect(messages("unreadable-file")).toEqual([
      "data/extra.csv: does not exist: check its path in study.json (relative to the study folder)",
      'extra.xlsx: is not an .xlsx workbook (not a zip archive); for a CSV file give its layout as "format"',
    ]);
  });

  it("a file in neither UTF-8 nor GBK", () => {
    expect(messages("undecodable-file")).toEqual([
      "extra.csv: is neither UTF-8 nor GBK/GB18030 text (line 2, byte 32 is not UTF-8); save it as UTF-8 (in Excel: CSV UTF-8)",
    ]);
  });

  it("a GBK file is read, and the report says so", () => {
    const study = loadStudy(errorCase("gbk-file"));
    const gbk = study.inputs[1];
    expect(gbk).toMatchObject({ encoding: "GBK/GB18030 (not UTF-8; read as GB18030)", rowsRead: 4 });
    expect(gbk.notes).toEqual(["read as GBK/GB18030: the file is not UTF-8"]);
    expect(gbk.dropped).toEqual([{ reason: "series not used by any indicator formula", rows: 4 }]);
  });

  it("missing required columns, all named, with the header found", () => {
    expect(messages("missing-columns")).toEqual([
      'extra.csv:1: missing required columns "year", "value"; the header has "unit", "yr", "series", "val" ' +
        '(rename the column, or name it in study.json: "columns": { "year": "…", "value": "…" })',
    ]);
  });

  it("a record with more or fewer fields than its header, which would shift values between columns", () => {
    // Line 4 quotes its thousands separator (reported as a number problem); line 5 only ends
    // with an empty field, which is allowed.
    expect(messages("field-count")).toEqual([
      'extra.csv:2: value "A,2020,x,1,234.5" has 5 fields, the header has 4: a number must be written without thousands separators (1234.5, not 1,234.5), and a text containing the delimiter must be quoted',
      'extra.csv:3: value "A,2021,x" has 3 fields, the header has 4: a field is missing (an empty value still needs its delimiter)',
      'extra.csv:4 column "value": value "1,234.5" is not a number: remove the thousands separators (series x, unit A, year 2022)',
    ]);
  });

  it("numbers with thousands separators, full-width digits, dashes, dots, percent signs or words", () => {
    // Line 7 holds "-", which this file declares as its missing marker: not a problem.
    expect(messages("bad-numbers")).toEqual([
      'extra.csv:2 column "value": value "1,000" is not a number: remove the thousands separators (series x, unit A, year 2020)',
      'extra.csv:3 column "value": value "１２" is not a number: it uses full-width digits; write "12" (series x, unit A, year 2021)',
      'extra.csv:4 column "value": value "—" is not a number: leave the cell empty for a missing value, or declare "—" in this file\'s "missingMarkers" in study.json (series x, unit A, year 2022)',
      'extra.csv:5 column "value": value ".." is not a number: leave the cell empty for a missing value, or declare ".." in this file\'s "missingMarkers" in study.json (series x, unit B, year 2020)',
      'extra.csv:6 column "value": value "12%" is not a number: write percentages without the % sign (series x, unit B, year 2022)',
      'extra.csv:8 column "value": value "8 yuan" is not a number (series x, unit C, year 2021)',
    ]);
  });

  it("the same unit, year and series twice with different values, within or across files", () => {
    expect(messages("duplicates")).toEqual([
      'extra.csv:3 column "x": value "13" duplicates panel.csv:3 (x, A, 2021) with a different value 12',
    ]);
  });

  it("unknown unit names or codes, with a suggestion one edit away; total rows are dropped", () => {
    const units = "units.csv: write its code, its Chinese or English name, or add this spelling to the aliases column of units.csv";
    expect(messages("unknown-units")).toEqual([
      `extra.csv:2 column "unit": value "Q" is not a unit of ${units}`,
      `extra.csv:3 column "unit": value "Betta" is not a unit of units.csv (did you mean "Beta"?): write its code, its Chinese or English name, or add this spelling to the aliases column of units.csv`,
    ]);
  });

  it("years outside the study, units outside the sample, and years that are not years", () => {
    const drop = 'or set "outside": "drop" for this file in study.json';
    expect(messages("outside-years")).toEqual([
      'extra.csv:6 column "year": value "abc" is not a year: write it as 2021 (2021年 is read as 2021)',
      `extra.csv:2 column "year": value "2019" is outside the study years 2020–2022 (this and 1 more row): remove these rows or columns, ${drop}`,
      `extra.csv:4 column "year": value "2023" is outside the study years 2020–2022: remove these rows or columns, ${drop}`,
      `extra.csv:5 column "unit": value "E" is a unit of units.csv but not in the study sample: add the unit to "sample" in study.json, remove these rows, ${drop}`,
    ]);
  });

  it("a series the index system needs that no file has", () => {
    expect(messages("missing-series")).toEqual([
      'sources.csv: has no row for series "patents", which indicator level uses: add a row naming its unit and source',
      'panel.csv: has no rows for series "patents", which indicator level uses; the data files have w',
    ]);
  });

  it("a region member that is not a unit, or not in the sample; members may be names", () => {
    expect(messages("region-member")).toEqual([
      'study.json column "regions[1].members[1]": value "X" is not a unit of units.csv: write its code, its Chinese or English name, or add this spelling to the aliases column of units.csv',
      'study.json column "regions[1].members[2]": value "E" is a region member but not in the sample: add it to "sample" or remove it from the region',
    ]);
  });

  it("an indicator with a constant value", () => {
    expect(messages("constant-indicator")).toEqual([
      'study.json column "indicators[1]": value "level" is constant (every value is 4): an indicator that does not vary ' +
        "carries no information and has no entropy weight; remove it, or set method.entropy.dropConstant to true",
    ]);
  });

  it("a formula that divides by zero, at the cell holding the zero", () => {
    expect(messages("division-by-zero")).toEqual([
      'panel.csv:20 column "value": value "0" is a divisor of indicator ratio ("x / y * 100") for Gamma (C) in 2021, ' +
        "which divides by zero; correct the value, or change the formula",
    ]);
  });

  it("a negative value, unless the sources table allows it for that series", () => {
    expect(messages("negative-value")).toEqual([
      'panel.csv:29 column "value": value "-2" is negative: series z, which indicator level uses, must not be negative ' +
        '(Beta (B) in 2021); if negative values are genuine for z, write "allowed" in its "negative" column of sources.csv',
    ]);
  });
});
