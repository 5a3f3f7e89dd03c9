import { describe, expect, it } from "vitest";
import { printable } from "../../src/output/printable.js";

describe("printable", () => {
  it("writes control characters as escapes and leaves every other character as it is", () => {
    expect(printable("src/app.ts")).toBe("src/app.ts");
    expect(printable("ünï code/日本.py")).toBe("ünï code/日本.py");
    expect(printable("a\nb\r\tc")).toBe("a\\nb\\r\\tc");
    expect(printable("evil\u001b[31mred\u0007")).toBe("evil\\x1b[31mred\\x07");
    expect(printable("del\u007f c1\u009b")).toBe("del\\x7f c1\\x9b");
  });
});
