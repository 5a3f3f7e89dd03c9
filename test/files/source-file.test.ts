import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeSource, readSourceFile } from "../../src/files/source-file.js";
import { PathFilter, globToRegExp } from "../../src/files/glob.js";
import { temporaryDirectory } from "../helpers.js";

describe("source files", () => {
  it("decodes UTF-8 source and classifies what is not source", () => {
    expect(decodeSource(Buffer.from("const a = 1;\n"), "a.js")).toEqual({ ok: true, text: "const a = 1;\n" });
    expect(decodeSource(Buffer.from([]), "a.js")).toMatchObject({ ok: false, reason: "empty" });
    expect(decodeSource(Buffer.from(" \n\t\n"), "a.js")).toMatchObject({ ok: false, reason: "empty" });
    expect(decodeSource(Buffer.from([0x61, 0x00, 0x62]), "a.js")).toMatchObject({ ok: false, reason: "binary" });
    expect(decodeSource(Buffer.from([0x61, 0xff, 0x62]), "a.js")).toMatchObject({ ok: false, reason: "invalid-utf8" });
    expect(decodeSource(Buffer.from("x".repeat(100)), "a.js", 10)).toMatchObject({ ok: false, reason: "too-large" });
    expect(decodeSource(Buffer.from("var a=1;"), "lib.min.js")).toMatchObject({ ok: false, reason: "minified" });
    expect(decodeSource(Buffer.from(`var a=[${"1,".repeat(2000)}];`), "bundle.js")).toMatchObject({ ok: false, reason: "minified" });
  });

  it("reads files without loading oversized ones, and reports unreadable paths", () => {
    const dir = temporaryDirectory();
    try {
      const big = join(dir.path, "big.js");
      writeFileSync(big, "x".repeat(5000));
      expect(readSourceFile(big, 1000)).toMatchObject({ ok: false, reason: "too-large" });
      expect(readSourceFile(join(dir.path, "missing.js"))).toMatchObject({ ok: false, reason: "unreadable", detail: "no such file (ENOENT)" });
      // A folder is not a file: refused before it is opened.
      expect(readSourceFile(dir.path)).toMatchObject({ ok: false, reason: "not-a-file" });
      // Classic Mac line endings read as LF ones.
      const mac = join(dir.path, "mac.py");
      writeFileSync(mac, "a = 1\rb = 2\r\nc = 3\r");
      expect(readSourceFile(mac)).toMatchObject({ ok: true, text: "a = 1\nb = 2\r\nc = 3\n" });
    } finally {
      dir.cleanup();
    }
  });

  it("reads each file as it is, whatever was read before it", () => {
    // Files are read into one buffer the thread keeps (READ_BUFFER_BYTES): a short file after a
    // long one, a binary one after text and a file past the buffer's size each read alone.
    const dir = temporaryDirectory();
    try {
      const write = (name: string, content: string | Buffer): string => {
        writeFileSync(join(dir.path, name), content);
        return join(dir.path, name);
      };
      const long = "const long = [1, 2, 3];\n".repeat(10_000);
      const huge = `// ${"é".repeat(60)}\n`.repeat(40_000);
      expect(readSourceFile(write("long.js", long))).toEqual({ ok: true, text: long });
      expect(readSourceFile(write("short.js", "let a = 1;\n"))).toEqual({ ok: true, text: "let a = 1;\n" });
      expect(readSourceFile(write("nul.js", Buffer.from([0x61, 0x00])))).toMatchObject({ ok: false, reason: "binary" });
      expect(readSourceFile(write("huge.js", huge), 64 * 1024 * 1024)).toEqual({ ok: true, text: huge });
      expect(readSourceFile(join(dir.path, "short.js"))).toEqual({ ok: true, text: "let a = 1;\n" });
      expect(readSourceFile(join(dir.path, "long.js"))).toEqual({ ok: true, text: long });
    } finally {
      dir.cleanup();
    }
  });
});

describe("globs", () => {
  it("matches ** across folders, * within one, and bare names at any depth", () => {
    expect(globToRegExp("test/**").test("test/a/b.js")).toBe(true);
    expect(globToRegExp("test/**").test("src/test/b.js")).toBe(false);
    expect(globToRegExp("**/test/**").test("src/test/b.js")).toBe(true);
    expect(globToRegExp("*.d.ts").test("types/index.d.ts")).toBe(true);
    expect(globToRegExp("src/*.js").test("src/a/b.js")).toBe(false);
    expect(globToRegExp("a?c.py").test("abc.py")).toBe(true);
    const filter = new PathFilter(["lib/**"], ["**/*.test.js"]);
    expect(filter.accepts("lib/x.js")).toBe(true);
    expect(filter.accepts("lib/x.test.js")).toBe(false);
    expect(filter.accepts("src/x.js")).toBe(false);
  });
});
