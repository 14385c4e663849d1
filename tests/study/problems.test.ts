import { describe, expect, it } from "vitest";
import { ProblemList, StudyInputError } from "../../src/study/problems.ts";

describe("ProblemList", () => {
  it("lists a problem once, however many cells of a row repeat it", () => {
    const list = new ProblemList();
    const unknown = { file: "data.csv", row: 8, column: "state", value: "Seewld", message: "is not a unit of units.csv" };
    for (let i = 0; i < 5; i++) list.add({ ...unknown });
    list.add({ ...unknown, row: 9 });
    expect(list.size).toBe(2);
    expect(() => list.check()).toThrow(StudyInputError);
    expect(() => list.check()).toThrow(/the study has 2 problems/);
  });
});
