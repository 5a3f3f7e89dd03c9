import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "tree-sitter";
import { afterAll, describe, expect, it } from "vitest";
import { applyForm, formatterQuotes, renameNames } from "../../bench/quality/forms.js";
import { Rng, type Snippet } from "../../bench/snippets.js";
import type { LanguageName } from "../../src/languages/language.js";
import { languageByName } from "../../src/languages/registry.js";

// The quality benchmark's disguises decide what its renamed figures mean: these pin what each
// one changes and what it leaves alone.

const PYTHON = [
  "def total_price(items, rate):",
  '    """Sum the prices of items, taxed at rate."""',
  "    # the tax applies to every line",
  "    subtotal = sum(item.price for item in items)",
  "    if subtotal > 0:",
  '        log.info("total %s", subtotal)',
  "    return subtotal * (1 + rate)",
].join("\n");

const JAVASCRIPT = [
  "function totalPrice(items, rate) {",
  "    // the tax applies to every line",
  "    const subtotal = items.reduce((sum, item) => sum + item.price, 0);",
  '    log.info("total", subtotal);',
  "    return subtotal * (1 + rate);",
  "}",
].join("\n");

const folder = mkdtempSync(join(tmpdir(), "reftrack-forms-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A whole file as a snippet: the disguises read the file the snippet was taken from. */
function snippet(code: string, language: LanguageName, name = "fixture"): Snippet {
  const file = join(folder, `${name}.${language === "python" ? "py" : "js"}`);
  writeFileSync(file, code);
  return { code, language, file, startLine: 1, endLine: code.split("\n").length };
}

function parsesCleanly(code: string, language: LanguageName): boolean {
  const parser = new Parser();
  parser.setLanguage(languageByName(language).grammar());
  return !parser.parse(code).rootNode.hasError;
}

describe("names-only disguise", () => {
  it("renames every identifier consistently and keeps strings, docstrings and comments as written", () => {
    const out = renameNames(snippet(PYTHON, "python"), new Rng(1)).code;
    expect(out).toContain('"""Sum the prices of items, taxed at rate."""');
    expect(out).toContain("# the tax applies to every line");
    expect(out).toContain('"total %s"');
    const code = out.replace(/"""[\s\S]*?"""|"[^"\n]*"|#[^\n]*/g, "");
    for (const name of ["total_price", "items", "rate", "subtotal", "item"]) expect(code).not.toMatch(new RegExp(`\\b${name}\\b`));
    // Member names after a dot are the library's, not the copier's.
    expect(out).toContain(".price");
    expect(out).toContain(".info(");
    // One new name per old one, wherever it occurs.
    const assigned = /^\s+(\w+) = \w+\(/m.exec(out)![1];
    expect(out).toMatch(new RegExp(`if ${assigned} > 0:`));
    expect(out).toMatch(new RegExp(`return ${assigned} \\*`));
    expect(parsesCleanly(out, "python")).toBe(true);
  });

  it("keeps the layout a JavaScript parser accepts, comments included", () => {
    const out = renameNames(snippet(JAVASCRIPT, "javascript"), new Rng(2)).code;
    expect(out).toContain("// the tax applies to every line");
    expect(out).toContain('"total"');
    expect(out).not.toMatch(/\btotalPrice\b|\bsubtotal\b/);
    expect(out.split("\n")).toHaveLength(JAVASCRIPT.split("\n").length);
    expect(parsesCleanly(out, "javascript")).toBe(true);
  });
});

describe("renamed disguise", () => {
  it("also replaces string contents and drops comment lines, where names-only keeps them", () => {
    const source = snippet(PYTHON, "python");
    const renamed = applyForm("renamed", source, new Rng(1)).code;
    const namesOnly = applyForm("names-only", source, new Rng(1)).code;
    expect(renamed).not.toContain("Sum the prices");
    expect(renamed).not.toContain("# the tax");
    expect(renamed).toMatch(/"""s\d+"""/);
    expect(namesOnly).toContain("Sum the prices");
    // The same draws name the same identifiers alike in both forms: only the text differs.
    expect(renamed.replace(/\s+/g, " ")).toContain(/def (\w+)\(/.exec(namesOnly)![0]);
    expect(parsesCleanly(renamed, "python")).toBe(true);
  });
});

describe("reformatted disguise", () => {
  it("writes strings in double quotes as black and prettier do, leaving one holding a double quote as written", () => {
    expect(formatterQuotes("'plain'")).toBe('"plain"');
    expect(formatterQuotes("'don\\'t'")).toBe('"don\'t"');
    expect(formatterQuotes("'say \"hi\"'")).toBe("'say \"hi\"'");
    expect(formatterQuotes("'''doc'''")).toBe('"""doc"""');
    expect(formatterQuotes("rb'\\d'")).toBe('rb"\\d"');
    // A raw string's backslash is its text: it stays.
    expect(formatterQuotes("r'it\\'s'")).toBe('r"it\\\'s"');
    expect(formatterQuotes('"already"')).toBe('"already"');
    expect(formatterQuotes("`template ${x}`")).toBe("`template ${x}`");
  });

  it("changes the quotes of a file's strings and nothing of their contents, and still parses", () => {
    const python = ["def greet(name):", "    '''Say hello.'''", "    print('hello', name, 'it\\'s me')"].join("\n");
    const out = applyForm("reformatted", snippet(python, "python", "quotes"), new Rng(3)).code;
    expect(out).toContain('"""Say hello."""');
    expect(out).toContain('"hello"');
    expect(out).toContain('"it\'s me"');
    expect(parsesCleanly(out, "python")).toBe(true);
    const javascript = ["const greeting = 'hello';", "const quoted = 'say \"hi\"';", "module.exports = { greeting, quoted };"].join("\n");
    const js = applyForm("reformatted", snippet(javascript, "javascript", "quotes"), new Rng(3)).code;
    expect(js).toContain('"hello"');
    expect(js).toContain("'say \"hi\"'");
    expect(parsesCleanly(js, "javascript")).toBe(true);
  });
});
