import { describe, expect, it } from "vitest";
import { languageByName, languageForFile, languageForInterpreterLine, languageForPath, languageNames } from "../../src/languages/registry.js";

describe("language registry", () => {
  it("maps extensions to languages, case-insensitively", () => {
    expect(languageForPath("a/b.ts")?.name).toBe("typescript");
    expect(languageForPath("a/b.TSX")?.name).toBe("tsx");
    expect(languageForPath("b.mjs")?.name).toBe("javascript");
    expect(languageForPath("b.cjs")?.name).toBe("javascript");
    expect(languageForPath("b.py")?.name).toBe("python");
    expect(languageForPath("tools/idle.pyw")?.name).toBe("python");
    expect(languageForPath("b.rs")).toBeUndefined();
    expect(languageForPath("Makefile")).toBeUndefined();
  });

  it("tells a script without an extension by the interpreter its #! line names", () => {
    const line = (text: string) => languageForInterpreterLine(text)?.name;
    expect(line("#!/usr/bin/env python3\nimport os\n")).toBe("python");
    expect(line("#!/usr/bin/python3.11 -u\n")).toBe("python");
    expect(line("#! /usr/local/bin/pypy3\n")).toBe("python");
    expect(line("#!/usr/bin/env -S node --no-warnings\n")).toBe("javascript");
    expect(line("#!/usr/bin/env NODE_ENV=production node\r\n")).toBe("javascript");
    expect(line("#!/usr/bin/env ts-node\n")).toBe("typescript");
    // Runtimes of more than one language, other interpreters, and no #! line at all name none.
    expect(line("#!/usr/bin/env deno\n")).toBeUndefined();
    expect(line("#!/bin/sh\nexec python3 \"$0\"\n")).toBeUndefined();
    expect(line("#!/usr/bin/env\n")).toBeUndefined();
    expect(line("import os\n#!/usr/bin/python\n")).toBeUndefined();
  });

  it("reads a file's start only when its name has no extension", () => {
    let asked = 0;
    const start = () => {
      asked++;
      return "#!/usr/bin/env node\n";
    };
    expect(languageForFile("tool.py", start)?.name).toBe("python");
    // A file with an extension reftrack does not know is not read for a #! line.
    expect(languageForFile("build.sh", start)).toBeUndefined();
    expect(asked).toBe(0);
    expect(languageForFile("bin/tool", start)?.name).toBe("javascript");
    expect(asked).toBe(1);
    expect(languageForFile("bin/tool", () => undefined)).toBeUndefined();
  });

  it("knows the four languages by name and rejects others clearly", () => {
    expect(languageNames).toEqual(["typescript", "tsx", "javascript", "python"]);
    expect(() => languageByName("cobol")).toThrow(/unknown language "cobol" \(known: typescript, tsx, javascript, python, or py, ts, js\)/);
    expect(languageByName("PY").name).toBe("python");
  });
});
