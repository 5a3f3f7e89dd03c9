import { describe, expect, it } from "vitest";
import { languageByName, languageForPath, languageNames } from "../../src/languages/registry.js";

describe("language registry", () => {
  it("maps extensions to languages, case-insensitively", () => {
    expect(languageForPath("a/b.ts")?.name).toBe("typescript");
    expect(languageForPath("a/b.TSX")?.name).toBe("tsx");
    expect(languageForPath("b.mjs")?.name).toBe("javascript");
    expect(languageForPath("b.cjs")?.name).toBe("javascript");
    expect(languageForPath("b.py")?.name).toBe("python");
    expect(languageForPath("b.rs")).toBeUndefined();
    expect(languageForPath("Makefile")).toBeUndefined();
  });

  it("knows the four languages by name and rejects others clearly", () => {
    expect(languageNames).toEqual(["typescript", "tsx", "javascript", "python"]);
    expect(() => languageByName("cobol")).toThrow(/unknown language "cobol" \(known: typescript, tsx, javascript, python, or py, ts, js\)/);
    expect(languageByName("PY").name).toBe("python");
  });
});
