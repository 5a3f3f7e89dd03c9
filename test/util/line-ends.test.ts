import { describe, expect, it } from "vitest";
import { loneCrAsLf } from "../../src/util/line-ends.js";

describe("line ends", () => {
  it("makes a CR alone an LF, one character for one, and leaves CRLF as it is", () => {
    expect(loneCrAsLf("a\rb\r\nc\r")).toBe("a\nb\r\nc\n");
    expect(loneCrAsLf("a\r\r\nb")).toBe("a\n\r\nb");
    const plain = "a\nb\r\n";
    expect(loneCrAsLf(plain)).toBe(plain);
    expect(loneCrAsLf("x\ry").length).toBe(3);
  });
});
