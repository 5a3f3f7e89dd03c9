import { readFileSync } from "node:fs";
import { join } from "node:path";
import Parser from "tree-sitter";
import { describe, expect, it } from "vitest";
import type { LanguageName } from "../../src/languages/language.js";
import { languageByName } from "../../src/languages/registry.js";
import { FIELD_MASK, HAS_CHILDREN, RECORD_WORDS, syntaxWalkAddon, WALK_ACTION_TABLE_SIZE, WalkAction } from "../../src/normalize/syntax-walk.js";
import { FIXTURES } from "../helpers.js";

interface WalkedNode {
  symbol: number;
  start: number;
  end: number;
  field: number;
  hasChildren: boolean;
  pastSubtree: number;
}

const addon = syntaxWalkAddon();

function nativeWalk(code: string, language: LanguageName, actions: Uint8Array): { nodes: WalkedNode[]; hasError: boolean } {
  const grammar = languageByName(language).grammar();
  const { records, count, hasError } = addon.walk(addon.createWalker(grammar), code, actions);
  const nodes: WalkedNode[] = [];
  for (let i = 0; i < count; i++) {
    const at = i * RECORD_WORDS;
    nodes.push({
      symbol: records[at]!,
      start: records[at + 1]!,
      end: records[at + 2]!,
      field: records[at + 3]! & FIELD_MASK,
      hasChildren: (records[at + 3]! & HAS_CHILDREN) !== 0,
      pastSubtree: records[at + 4]!,
    });
  }
  return { nodes, hasError };
}

/** The same walk through tree-sitter's Node binding: the reference the native walk must reproduce. */
function bindingWalk(code: string, language: LanguageName, actions: Uint8Array): { nodes: WalkedNode[]; hasError: boolean } {
  const parser = new Parser();
  const grammar = languageByName(language).grammar();
  parser.setLanguage(grammar);
  const tree = parser.parse(code);
  const fieldIds = new Map(addon.grammarSymbols(grammar).fields.map((name, id) => [name, id]));
  const nodes: WalkedNode[] = [];
  const open: number[] = [];
  const cursor = tree.walk();
  let descend = true;
  for (;;) {
    if (descend) {
      const action = actions[cursor.nodeTypeId]!;
      if (action !== WalkAction.Omit) {
        nodes.push({
          symbol: cursor.nodeTypeId,
          start: cursor.startIndex,
          end: cursor.endIndex,
          field: fieldIds.get(cursor.currentFieldName ?? "") ?? 0,
          hasChildren: cursor.currentNode.childCount > 0,
          pastSubtree: nodes.length + 1,
        });
        if (action === WalkAction.Descend && cursor.gotoFirstChild()) {
          open.push(nodes.length - 1);
          continue;
        }
      }
    }
    if (cursor.gotoNextSibling()) {
      descend = true;
      continue;
    }
    if (!cursor.gotoParent()) break;
    nodes[open.pop()!]!.pastSubtree = nodes.length;
    descend = false;
  }
  return { nodes, hasError: tree.rootNode.hasError };
}

function table(language: LanguageName, pick: (name: string, named: boolean) => WalkAction): Uint8Array {
  const symbols = addon.grammarSymbols(languageByName(language).grammar());
  const actions = new Uint8Array(WALK_ACTION_TABLE_SIZE);
  symbols.names.forEach((name, id) => (actions[id] = pick(name, symbols.named[id]!)));
  actions[65535] = pick("ERROR", true);
  return actions;
}

const everyNode = (language: LanguageName): Uint8Array => table(language, () => WalkAction.Descend);
/** Strings and names as leaves, comments omitted: the shape of the normalizer's table. */
const normalizerLike = (language: LanguageName): Uint8Array =>
  table(language, (name) =>
    /comment/.test(name) ? WalkAction.Omit : /string|identifier/.test(name) ? WalkAction.Leaf : WalkAction.Descend,
  );

const samples: [LanguageName, string][] = [
  ["typescript", readFileSync(join(FIXTURES, "corpus", "alpha", "src", "debounce.ts"), "utf8")],
  ["tsx", "const App = () => <div className=\"a\">{items.map((i) => <Item key={i} />)}</div>; // done\n"],
  ["javascript", "/* ü */ const s = `é ${'😀'.length}`;\nfunction f(a, b) { return a?.b ?? b; }\n"],
  ["python", 'def greet(name: str) -> str:\n    """Say hi. 😀"""\n    return f"hé {name}"  # comment\n'],
  ["python", "def broken(:\n    return ]\nx = [1, 2\n"],
];

describe("native syntax walk", () => {
  it("writes the nodes a walk through tree-sitter's Node binding visits, in the same order, with the same offsets and fields", () => {
    for (const [language, code] of samples) {
      for (const actions of [everyNode(language), normalizerLike(language)]) {
        const native = nativeWalk(code, language, actions);
        const binding = bindingWalk(code, language, actions);
        expect(native.hasError).toBe(binding.hasError);
        expect(native.nodes.length).toBeGreaterThan(5);
        expect(native.nodes).toEqual(binding.nodes);
      }
    }
  });

  it("gives offsets in UTF-16 code units, as JavaScript strings index", () => {
    const code = "const é = '😀😀'; const b = 'ß';\n";
    const { nodes } = nativeWalk(code, "typescript", normalizerLike("typescript"));
    const names = addon.grammarSymbols(languageByName("typescript").grammar()).names;
    const strings = nodes.filter((n) => names[n.symbol] === "string").map((n) => code.slice(n.start, n.end));
    expect(strings).toEqual(["'😀😀'", "'ß'"]);
    const identifiers = nodes.filter((n) => names[n.symbol] === "identifier").map((n) => code.slice(n.start, n.end));
    expect(identifiers).toEqual(["é", "b"]);
    // A lone surrogate (invalid UTF-16, but a valid JavaScript string) is one unit, as JavaScript counts it.
    const broken = "const a = '\uD800x'; const b = 'y';\n";
    const walked = nativeWalk(broken, "typescript", normalizerLike("typescript")).nodes;
    expect(walked.filter((n) => names[n.symbol] === "string").map((n) => broken.slice(n.start, n.end))).toEqual(["'\uD800x'", "'y'"]);
  });

  it("writes neither an omitted node nor its subtree, and a leaf without its children", () => {
    const code = "# note\ndef f(x):\n    return 'a' + x\n";
    const omitFunctions = table("python", (name) => (name === "function_definition" ? WalkAction.Omit : WalkAction.Descend));
    expect(nativeWalk(code, "python", omitFunctions).nodes.length).toBe(2); // module, comment
    const leafStrings = table("python", (name) => (name === "string" ? WalkAction.Leaf : WalkAction.Descend));
    const { nodes } = nativeWalk(code, "python", leafStrings);
    const names = addon.grammarSymbols(languageByName("python").grammar()).names;
    const string = nodes.findIndex((n) => names[n.symbol] === "string");
    expect(nodes[string]!.hasChildren).toBe(true);
    expect(nodes[string]!.pastSubtree).toBe(string + 1);
    expect(names[nodes[string + 1]!.symbol]).toBe("+");
    // The root's subtree is every record.
    expect(nodes[0]!.pastSubtree).toBe(nodes.length);
  });

  it("reports recovered syntax errors and still writes the tree", () => {
    const { nodes, hasError } = nativeWalk("def broken(:\n    return ]\n", "python", everyNode("python"));
    expect(hasError).toBe(true);
    expect(nodes.some((n) => n.symbol === 65535)).toBe(true);
    expect(nativeWalk("", "python", everyNode("python"))).toEqual({ nodes: [expect.objectContaining({ start: 0, end: 0 })], hasError: false });
  });

  it("refuses what is not a grammar, a walker or a full action table with a one-line error", () => {
    expect(() => addon.createWalker({} as Parser.Language)).toThrow(/^syntax walk: not a tree-sitter grammar$/);
    expect(() => addon.grammarSymbols({} as Parser.Language)).toThrow(/^syntax walk: not a tree-sitter grammar$/);
    const walker = addon.createWalker(languageByName("python").grammar());
    expect(() => addon.walk(walker, "x = 1", new Uint8Array(10))).toThrow(/^syntax walk: actions must be a Uint8Array of 65536 entries$/);
    expect(() => addon.walk({} as typeof walker, "x = 1", everyNode("python"))).toThrow(/^syntax walk: not a walker$/);
    const grammarExternal = (languageByName("python").grammar() as unknown as { language: typeof walker }).language;
    expect(() => addon.walk(grammarExternal, "x = 1", everyNode("python"))).toThrow(/^syntax walk: not a walker$/);
  });
});
