import { describe, expect, it } from "vitest";
import { MethodError } from "../../src/core/errors.ts";

describe("MethodError", () => {
  it("carries the message and the structured fields", () => {
    const error = new MethodError("entropy: indicator 2 is constant (every value is 5)", {
      method: "entropy",
      indicator: 2,
      value: 5,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("MethodError");
    expect(error.message).toBe("entropy: indicator 2 is constant (every value is 5)");
    expect(error).toMatchObject({ method: "entropy", indicator: 2, value: 5 });
    expect(error.unit).toBeUndefined();
    expect(error.year).toBeUndefined();
  });
});
