import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { kgramHashes } from "../../src/fingerprint/winnow.js";
import { type TokenHasher, loadTokenHasher } from "../../src/hashing.js";
import type { LanguageName } from "../../src/languages/language.js";
import { languageByName, languageForPath } from "../../src/languages/registry.js";
import { LexicalNormalizer } from "../../src/normalize/lexical.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import type { TokenStream } from "../../src/normalize/token-stream.js";
import { FIXTURES } from "../helpers.js";

let hasher: TokenHasher;
let normalizer: Normalizer;
beforeAll(async () => {
  hasher = await loadTokenHasher();
  normalizer = new Normalizer(hasher);
});

function parsed(code: string, language: LanguageName): TokenStream {
  return normalizer.normalize(code, languageByName(language));
}

function lexed(code: string, language: LanguageName, insideOf?: string): TokenStream {
  return new LexicalNormalizer(languageByName(language), hasher).tokens(code, insideOf ? { insideOf } : undefined);
}

/** Token by token: the abstract token, its lines and its name hash. */
function rows(tokens: TokenStream): string[] {
  return Array.from(tokens.hashes, (hash, i) => `${hash} ${tokens.startLines[i]}-${tokens.endLines[i]} ${tokens.names[i]}`);
}

function codeFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return codeFiles(path);
    return languageForPath(path) ? [path] : [];
  });
}

const EXAMPLES = join(FIXTURES, "..", "..", "examples");

describe("lexical normalizer", () => {
  it("reads every fixture and example file exactly as the parser does: tokens, lines and names", () => {
    const files = [...codeFiles(join(FIXTURES, "corpus")), ...codeFiles(EXAMPLES)];
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const language = languageForPath(file)!.name;
      const code = readFileSync(file, "utf8");
      expect(rows(lexed(code, language)), file).toEqual(rows(parsed(code, language)));
    }
  });

  it("records where each token lies: its offsets slice its text out of the source, lines agreeing", () => {
    const code = 'const total = items.reduce((sum, item) => sum + item.price, 0); // sum\nlog(`${total} €`, /x+/g);\n';
    const tokens = lexed(code, "javascript");
    const texts = Array.from({ length: tokens.count }, (_, i) => code.slice(tokens.startOffsets![i], tokens.endOffsets![i]));
    expect(texts).toEqual(["const", "total", "=", "items", ".", "reduce", "(", "(", "sum", "item", ")", "=>", "sum", "+", "item", ".", "price", "0", ")", "log", "(", "`${total} €`", "/x+/g", ")"]);
    for (let i = 0; i < tokens.count; i++) expect(code.slice(0, tokens.startOffsets![i]).split("\n").length).toBe(tokens.startLines[i]);
  });

  it("drops compiled module plumbing as the parser does: re-exports and an export list of any length", () => {
    const list = Array.from({ length: 12 }, (_, i) => `exports.kSymbolNumber${i}`).join(" = ");
    const code = [
      '"use strict";',
      `${list} = void 0;`,
      'Object.defineProperty(exports, "v1", {\n  enumerable: true,\n  get: function () {\n    return _v.default;\n  }\n});',
      "exports.kSymbolNumber0 = Symbol('kSymbolNumber0');",
      "function f(a) { return join(a, 1); }",
    ].join("\n");
    expect(rows(lexed(code, "javascript"))).toEqual(rows(parsed(code, "javascript")));
    // Nothing of lines 2–8 is a token: the directive, then the kept assignment on line 9.
    expect(Array.from(lexed(code, "javascript").startLines).filter((line) => line >= 2 && line <= 8)).toEqual([]);
    expect(lexed(code, "javascript").startLines[1]).toBe(9);
  });

  const asParsed: [string, LanguageName, string][] = [
    ["`module` and `namespace` declare only when a name follows; else they are names.", "javascript", "module['exports'] = colors;\nmodule.exports = function (x) { return x; };\n"],
    ["TypeScript's module and namespace declarations beside a variable named `module`.", "typescript", "declare module 'pkg' {\n  export const a: number;\n}\nnamespace A.B {\n  export const b = 1;\n}\nconst module = load();\nmodule.run();\n"],
    ["`import.meta` and `new.target` are meta properties, not members.", "javascript", "const here = new URL('.', import.meta.url);\nfunction F() { if (!new.target) throw new Error('new'); }\n"],
    ["The name a binding is exported as.", "typescript", "const fastUri = 1;\nexport { fastUri as default };\n"],
    ["`unique symbol`, and `this` as a parameter's type, a type argument and a default.", "typescript", "interface S {\n  readonly dispose: unique symbol;\n  setup(cb: (err: Error | null, repl: this) => void): Promise<this>;\n  each<T = this>(f: (x: T) => void): void;\n}\n"],
    ["In JavaScript `string` is a name but in a parameter's or return type's annotation.", "javascript", "function wrap(string) {\n  const parts = { license: string, value: string };\n  return string.length > 2 ? parts : string;\n}\nfunction typed(x: string): number { return 1; }\n"],
    ["Members named by keywords: `static of<T>()`, `delete (…)`, `readonly delete:`, `return?(…)`, `async()`.", "typescript", "declare class Stream<T> {\n  static of<T>(...elements: T[]): Stream<T>;\n}\ninterface Cache {\n  delete (name: string): Promise<boolean>,\n  readonly delete: (name: string) => void\n  return?(value?: number): void;\n  async(): Promise<number>\n}\n"],
    ["`set[i]` and `get[k]` index values; `get [key]()` names an accessor.", "javascript", "function f(set, get) {\n  if (!set[i].test(version)) pos += get[k];\n}\nclass A {\n  get [key]() { return 1; }\n}\n"],
    ["`using` declares; a type predicate names its parameter; `import:` is a key.", "typescript", "using pool = piscina;\nexport function isArray(object: unknown): object is unknown[];\nconst rules = {\n  import: (x) => token('import'),\n};\n"],
    ["Template literal types are read as their parts; template strings beside them as one string.", "typescript", "type Key = `${number}:${number}`;\ntype Wide = `a${Extract<K, `${D}${string}`>}`;\ninterface Props {\n  property: `${Start}${string}`;\n  fields: Array<`${string}Node` | `${string}Nodes`>;\n}\nconst label = f(ok ? `yes ${a}` : `no`, `${b}px`);\n"],
    ["A qualified type's last name is a type's name in an alias and a constraint, whatever word it is.", "typescript", "type Handle = net.Socket;\nexport type ChildNode = AtRule.default | Comment;\ndeclare function write<T extends NodeJS.ArrayBufferView>(buffer: T): void;\n"],
    ["Python's soft keywords: `match` and `case` headers, the `_` wildcard and dotted values in a pattern, `type` aliases; else names.", "python", "def f(command, info):\n    match command.split():\n        case [name, _]:\n            return State.PASSED\n        case State.FAILED | _ if name:\n            return None\n        case 1: return self.size\n        case (\n            Blocked(size)\n            | State.DONE | _\n        ):\n            return size\n    match = re.match(name)\n    type, value, tb = info\n    call(\n        type(self), configs=1)\n    type(self).x = 1\n\ntype Pair[T] = tuple[T, T]\n"],
    ["A declaration of requires that goes on across lines beginning with commas is one import.", "javascript", "var async = require('./async.js')\n  , abort = require('./abort.js')\n  ;\n\nmodule.exports = iterate;\nfunction iterate(list) { return abort(list); }\n"],
    ["A type parameter's variance is a name; `as` and `satisfies` qualify a type.", "typescript", "export interface Brand<in out K extends string | symbol> {\n  readonly [TypeId]: { readonly [k in K]: K };\n}\nclass Box<in T, out U> {}\nconst id = Symbol.for(key) as Clock.ClockTypeId;\nconst c = d satisfies Config.Options;\nfor (const k in o) {}\n"],
    ["A compact build's helpers and requires are left out after a `;` or brace on their line.", "javascript", "var _window$dateFns;function _typeof(o) {\"@babel/helpers - typeof\";return typeof o;}function add(a, b) {var _x = _interopRequireDefault(require(\"x\"));return a + b;}\nvar m = { a: require('./a'), b: require('./b'), c: 1 };\n"],
    ["A `require` map's entries with quoted keys are left out.", "javascript", "module.exports = {\n  'chunk': require('./chunk'), 'compact': require('./compact'),\n  x: 1, 'y': 2\n};\n"],
    ["A Python import after a `;` on its line is left out.", "python", "x = 1; import os\ny = os.sep\n"],
    ["Keywords exported as names, a cast to a parenthesized type, keyword keys after `readonly`, a ternary's branch at a line's start.", "typescript", "export { _delete as delete, try_ as try, H as as, as as I };\nconst a = [1, 2] as const, b = void 0 as void;\nconst x = options.onOtherDone as (\n  A | B\n);\nas(x);\ntype C = { readonly if: P; readonly while: Q };\nfunction g() {\n  const t = this.m() ?\n    this :\n    other;\n}\n"],
    ["`set[0]` in a block is a value; computed members' names: `get [k]()`, `[symbol](…)`; `this[…]` as a type argument.", "typescript", "const f = (m) => { set[0].push(...m.set); };\nclass A { get [k]() { return 1; } set [k](v) {} }\ninterface E {\n  [symbol](that: Equal): boolean;\n  readonly type: ReadonlyArray<this[\"Target\"]>;\n}\n"],
    ["`as`, `is` and `of` before a bracket are operators after an operand, else names; a type keyword as a later argument is a value.", "typescript", "out[i] = f(as[i], bs[i]);\nconst y = x as [A, B];\ntype T = Either<this[\"Target\"], this[\"Out1\"]>;\nexport declare const isFunction: (value: unknown) => value is (...args: any[]) => any;\nexport const isEqual = (u: unknown): u is Equal => hasProperty(u, symbol);\nfor (const o of (input as Iterable<Option<any>>)) {}\nconst z = of(1, 2);\nfunction g(a: string, b: number): void {}\nvar undefined;\n"],
    ["An object type inside type arguments, and the arguments after it.", "typescript", "type A = Pick<S, { [K in keyof S]: S[K] }[keyof S]>;\ntype B = Map<string, Array<{ a: number }>>;\nif (a<b) { x = 1 } y = c >> 2;\n"],
    ["An object's methods named by keywords (`return(value) {`), beside statements and a returned arrow.", "typescript", "const it = {\n  next() { return 1; },\n  return(value) { return value; },\n  throw(e) { throw e; }\n};\nfunction f() {\n  if (a) { x(); }\n  try { y(); }\n  catch (e) { z(); }\n  return (day: CalendarDay): Modifiers => {\n    return day;\n  };\n}\n"],
    ["U+2028 and U+2029 end a line comment, and no line.", "javascript", "// note\u2028x = 1;\nconst s = 'p\u2029q'; // end\u2029y = 2;\n/* c\u2028 */ z = 3;\n"],
    ["A regular expression inside a template's substitution holds its own quotes.", "javascript", "const e = str => `\"${str.replace(/\\\\([\\s\\S])|(\")/g, \"\\\\$1$2\")}\"`;\nconst t = /^[^\\s\"=]+$/;\nconst d = `${a / b} and ${c}`;\n"],
  ];
  it.each(asParsed)("reads as the parser does: %s", (_, language, code) => {
    expect(rows(lexed(code, language))).toEqual(rows(parsed(code, language)));
  });

  it("finds at least 95% of the file's k-grams in every 20-line window cut from it", () => {
    for (const file of [...codeFiles(join(FIXTURES, "corpus")), ...codeFiles(EXAMPLES)]) {
      const language = languageForPath(file)!.name;
      const text = readFileSync(file, "utf8");
      const whole = parsed(text, language);
      const lines = text.split("\n");
      for (let start = 0; start + 20 <= lines.length; start += 3) {
        const window = lines.slice(start, start + 20).join("\n");
        // The file's own tokens on these lines: what the index holds for them.
        const first = whole.startLines.findIndex((line) => line > start);
        let end = first;
        while (end < whole.count && whole.endLines[end]! <= start + 20) end++;
        const wanted = kgramHashes({ ...whole, count: end - first, hashes: whole.hashes.subarray(first, end) }, 14);
        const got = new Set(kgramHashes(lexed(window, language), 14));
        const found = wanted.filter((hash) => got.has(hash)).length;
        expect(found / Math.max(1, wanted.length), `${file} from line ${start + 1}`).toBeGreaterThanOrEqual(0.95);
      }
    }
  });

  it.each<[string, LanguageName, string]>([
    ["comments and imports are dropped", "typescript", 'import { a } from "a";\n// note\n/* block\n comment */\nconst x = a(1);\n'],
    ["a template with substitutions is one string", "typescript", "const s = `a ${b + `c${d}`} e`;\nf(s);\n"],
    ["a regular expression is told from division", "javascript", "const r = /a[/]b/g.test(x) ? y / 2 : z / w;\n"],
    ["nested type arguments close with one token per level", "typescript", "let m: Map<string, Array<number>> = new Map();\n"],
    ["contextual keywords are names where used as names", "typescript", "type T = { type: string };\nconst type = 1;\nfor (const item of list) item.get(type);\n"],
    ["keywords are names as keys, and labels in a switch", "javascript", "const m = { default: a, extends: b };\nswitch (k(x)) {\n  case 1: y();\n  default: z();\n}\n"],
    ["class members named like keywords are names", "typescript", "class S {\n  delete(key: string) { return this.get(key); }\n  get size(): number { return 1; }\n}\n"],
    ["interface members and mapped types read as the grammar's tokens", "typescript", "interface A {\n  readonly a: string\n  readonly b?: number\n}\ntype R<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];\n"],
    ["a mapped type's optional marker, `readonly` before a parenthesized type and `this` as a type", "typescript", "type P<T> = { [K in keyof T]?: readonly (T[K] | null)[] };\ninterface I { [Symbol.iterator]?: number }\nclass B {\n  m(): this { return this.n; }\n  k(): A | this { return this; }\n}\n"],
    ["type keywords used as names and values, and `bigint` as the grammar reads it", "typescript", "function g(number: number, object?: unknown): bigint {\n  if (number === 1 && string.length > 0) return string[0];\n  return x as number;\n}\ntype Q = T extends string ? never : T;\n"],
    ["`async` is a name unless it modifies what follows it", "javascript", "async.waterfall([a, b], done);\nconst o = { async, b: async(x) };\nconst f = async (x) => x;\nclass A { async run() {} async *gen() {} }\n"],
    ["`from`, `global` and contextual keywords before an operator word are names but in their statements", "typescript", "export { aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccccccccccc, dddddddddddddddddddddddddddd, eeeeeeeeeeeeeeeeeeeeeeeeeeeeee, ffffffffffffffffffffffffffffff } from './b';\nfor (const n in from) names[n] = from[n];\nif (type in set) x = global[type];\ndeclare global {\n  interface Window { with(index: number): void; new (x: number): Window }\n}\n"],
    ["class and interface fields without semicolons are members, as the grammar names them", "typescript", "class A {\n  a: number\n  b?: string[]\n  m() { return this.a }\n}\ninterface I {\n  x: number[]\n  y?: I\n  z(k: string): void\n}\n"],
    ["an object's methods and an enum's members are keys; a call is not", "typescript", "const noLogs = {\n  log() {},\n  code(cxt: Cxt): void {\n    report(cxt)\n  },\n}\nenum Kind {\n  Additional = \"additional\",\n  Missing = Other.Missing,\n}\n"],
    ["JSX: tags' tokens, attributes as keys, text as one string with its white space, expressions as code", "tsx", "export function Toast({ toast, ...props }: Props) {\n  const icon = <ToastIcon toast={toast} data-id=\"x\" />;\n  return (\n    <Bar className={cx(\"a\", props.b)} aria-label='t'>\n      {icon}\n      <Message>Hello {toast.name}!  Welcome back,\n        friend.</Message>\n      <>\n        <b>one</b> two\n      </>\n    </Bar>\n  );\n}\nconst id = <T,>(x: T) => x;\n"],
    ["JSX in JavaScript, and `<` after a postfix increment compares", "javascript", "function L(p) { return cond ? <A.B on x=\"1\" /> : <i>{p.n}</i>; }\nfor (let s = 0; s++<p.times;) f(s);\n"],
    ["a qualified type's last name is the type's, where the colon is an annotation's for sure; a member's is not", "typescript", "class View extends React.Component<Props, {}> {\n  icon?: React.ReactNode;\n  render(): React.JSX.Element { return this.props.a.b; }\n}\ntype K = keyof React.JSX.IntrinsicElements;\nconst m = new Map<React.Key, T>();\nconst o = { a: b.c, d: e ? f : g.h };\nconst x: Foo.Bar = y.z;\nfunction f(props: React.Props<P>, b: ns.T): React.JSX.Element {\n  return a ? g(b) : c.d;\n}\nclass W { m(): this { return q ? f(x) : this; } }\n"],
    ["a declaration's header: type parameters' defaults hold braces, an interface extends types, optional methods", "typescript", "export declare abstract class Base<P, S = {}, SS = {}> extends React.Component<P, S, SS> implements ns.Disposable {\n    private timeoutIds;\n    constructor(props: P);\n    componentWillUpdate?(next: Readonly<{}>): void;\n}\nexport interface Legacy extends React.Component, ns.Target {\n    render(): React.ReactNode;\n}\n"],
    ["a TypeScript import alias is code, a require import is not", "typescript", "import fs = require(\"fs\");\nimport Dispatch = Interceptor.Dispatch;\nconst d: Dispatch = fs.read();\n"],
    ["require boilerplate is dropped like an import", "javascript", 'const fs = require("fs");\nconst { join } = require("path");\nmodule.exports = fs.read(join("a"));\n'],
    ["a require declaration is dropped past its commas, a require map's entry up to its comma", "javascript", 'var c = require("e").codes,\n  A = c.A,\n  B = c.B;\nconst m = {\n  a: require("./a"),\n  b: 2,\n};\n'],
    ["Python constants take the parser's names", "python", "x = None if flag is not True else False\n"],
    ["Python prefixed and triple-quoted strings are one token", "python", 'a = rb"\\x00" + f"{b!r}" + """multi\nline"""\n'],
    ["Python 2 print statements and Python 3 print calls", "python", "print x, y\nprint(x)\n"],
    ["Python imports, continued lines and bracketed imports are dropped", "python", "import os, \\\n    sys\nfrom a import (b,\n    c)\ny = os.path\n"],
  ])("%s", (_, language, code) => {
    expect(rows(lexed(code, language))).toEqual(rows(parsed(code, language)));
  });

  it("reads a fragment from inside a docstring when told it begins there", () => {
    const fragment = "    of it, and can't be parsed as code.\n    \"\"\"\n    total = price * count\n    return total\n";
    const inside = lexed(fragment, "python", '"""');
    // The docstring's tail is one string token, and the code after it reads as code.
    expect(inside.count).toBe(parsed('"""' + fragment, "python").count);
    expect(rows(inside).slice(1)).toEqual(rows(parsed('"""' + fragment, "python")).slice(1));
  });

  /** The whole file's tokens on lines `from`–`to`, numbered from 1 as a fragment of those lines is. */
  function fileRows(code: string, language: LanguageName, from: number, to: number): string[] {
    const whole = parsed(code, language);
    const rowsOnLines: string[] = [];
    for (let i = 0; i < whole.count; i++) {
      if (whole.startLines[i]! < from || whole.endLines[i]! > to) continue;
      rowsOnLines.push(`${whole.hashes[i]} ${whole.startLines[i]! - from + 1}-${whole.endLines[i]! - from + 1} ${whole.names[i]}`);
    }
    return rowsOnLines;
  }

  it.each<[string, LanguageName, string, number, number]>([
    ["keys of an object literal the fragment begins inside are member names, as in the file", "javascript",
      "const validators = {\n  isEmail: isEmail,\n  isURL: isURL,\n  toDate: convert.toDate,\n};\nexport default validators;\n", 2, 6],
    ["…and of a type the fragment begins inside", "typescript",
      "interface Options {\n  retries: number;\n  timeout?: number;\n}\nconst options: Options = { retries: 1 };\n", 2, 5],
    ["parameters of a list the fragment begins inside keep their names", "typescript",
      "function connect(\n  host: string,\n  port: number,\n) {\n  return open(host, port);\n}\n", 2, 6],
  ])("%s", (_, language, code, from, to) => {
    const fragment = code.split("\n").slice(from - 1, to).join("\n");
    expect(rows(lexed(fragment, language))).toEqual(fileRows(code, language, from, to));
  });

  // Written for this test: a dialog's trigger, nested in a toolbar, and a switch whose element is its render's own.
  const TOOLBAR = `export function Toolbar({onClose, label}: ToolbarProps) {
  return (
    <div role="toolbar">
      <Button
        aria-label={label}
        data-variant="quiet"
        {...closeProps}
        onPress={() => onClose('toolbar')}>
        Close the panel
      </Button>
      <Separator />
    </div>
  );
}
`;
  const SWITCH = `export function Switch(props: SwitchProps) {
  return (
    <label
      className={props.className}
      data-selected={state.isSelected || undefined}
      data-disabled={props.isDisabled || undefined} />
  );
}

export const defaultSize = 'medium';
`;

  it.each<[string, string, number, number]>([
    ["an element nested in another, then the other's children and closing tag", TOOLBAR, 5, 14],
    ["an element that is its render's own, then the code after it", SWITCH, 4, 10],
  ])("reads a fragment cut among a JSX tag's attributes as its file does, told it begins there: %s", (_, code, from, to) => {
    const fragment = code.split("\n").slice(from - 1, to).join("\n");
    const inside = new LexicalNormalizer(languageByName("tsx"), hasher).tokens(fragment, { insideTag: true });
    expect(rows(inside)).toEqual(fileRows(code, "tsx", from, to));
    // Read from its start, its attributes are assignments and the element's text is code.
    expect(rows(lexed(fragment, "tsx"))).not.toEqual(fileRows(code, "tsx", from, to));
  });

  it("marks the first line where two names follow each other: prose read as code", () => {
    const prose = '    exists, raise an OSError if it is False.\n    """\n    head, tail = split(name)\n';
    expect(normalizer.lex(prose, languageByName("python")).firstProseLine).toBe(1);
    // Dropped commas, keywords between names and a new line are not prose.
    const code = "head, tail = split(name)\nif tail is not None and not head:\n    tail\n    head\n";
    expect(normalizer.lex(code, languageByName("python")).firstProseLine).toBe(Number.POSITIVE_INFINITY);
    expect(normalizer.lex("for (const item of items) yield item;\nlet a = b\nc()\n", languageByName("javascript")).firstProseLine).toBe(Number.POSITIVE_INFINITY);
  });

  it("never throws on text that is not code", () => {
    for (const junk of ["", "\n\n", "'''", "`${", "/*", "/[", "))))]]]}}}", "\u0000\uffff", "@#$%^&*", "a".repeat(10_000)]) {
      for (const language of ["typescript", "javascript", "python"] as const) {
        expect(() => lexed(junk, language)).not.toThrow();
      }
    }
  });

  it("reads a stream's vocabulary and echo marks when first asked, as they were when it was read, whatever the lexer read since", () => {
    const python = new LexicalNormalizer(languageByName("python"), hasher);
    const first = "import os\nclass A(Base):\n    def __init__(self, path):\n        self.path = path\n        re.compile(path, flags=re.U)\n        os.path.join(path, 'x')\n";
    const stream = python.tokens(first);
    // The same lexer reads other code before the first stream's marks are asked for.
    python.tokens("def f(a, flags=0):\n    g(b=1)\n    self.x = y\n");
    const fresh = new LexicalNormalizer(languageByName("python"), hasher).tokens(first);
    const marked = (marks: Uint8Array | undefined): number[] => Array.from(marks ?? [], (mark, t) => (mark === 1 ? t : -1)).filter((t) => t >= 0);
    expect(marked(stream.vocabulary)).toEqual(marked(fresh.vocabulary));
    expect(marked(stream.echoes)).toEqual(marked(fresh.echoes));
    expect(marked(stream.vocabulary).length).toBeGreaterThan(0);
    expect(marked(stream.echoes).length).toBeGreaterThan(0);
    // Asked again, the same marks: read once.
    expect(stream.vocabulary).toBe(stream.vocabulary);
    expect(stream.echoes).toBe(stream.echoes);
    expect(python.tokens("x = 1\n").echoes).toBeUndefined();
  });
});
