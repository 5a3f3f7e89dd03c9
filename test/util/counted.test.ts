import { describe, expect, it } from "vitest";
import { counted } from "../../src/util/counted.js";

describe("counted", () => {
  it("says one thing in the singular, and none or several in the plural", () => {
    expect(counted(1, "source")).toBe("1 source");
    expect(counted(0, "source")).toBe("0 sources");
    expect(counted(2, "posting list")).toBe("2 posting lists");
    expect(counted(1, "copy", "copies")).toBe("1 copy");
    expect(counted(3, "copy", "copies")).toBe("3 copies");
  });
});
