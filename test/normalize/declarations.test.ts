import { beforeAll, describe, expect, it } from "vitest";
import { loadTokenHasher } from "../../src/hashing.js";
import type { LanguageName } from "../../src/languages/language.js";
import { languageByName } from "../../src/languages/registry.js";
import { Normalizer } from "../../src/normalize/normalizer.js";

let normalizer: Normalizer;
beforeAll(async () => {
  normalizer = new Normalizer(await loadTokenHasher());
});

/** Whether the whole of `code`, as the lexer reads it, is declarations only. */
function declarationsOnly(code: string, language: LanguageName = "typescript"): boolean | undefined {
  const stream = normalizer.lex(code, languageByName(language));
  return stream.declarations?.read(stream.hashes, stream.count).declarationsOnly(0, stream.count);
}

describe("DeclarationReader", () => {
  it("reads overload signatures, interfaces and type aliases as declarations", () => {
    expect(declarationsOnly(`export function keep<T, S extends T>(test: (item: T, at: number) => item is S): Pipe<T, S>;
export function keep<T = unknown>(test: (item: T, at: number) => boolean): Pipe<T, T>;`)).toBe(true);
    expect(declarationsOnly(`export interface Listener<T> {
  closed?: boolean;
  next: (value: T) => void;
  fail(reason: unknown): void;
}`)).toBe(true);
    expect(declarationsOnly("export type Frozen<T> = T extends Map<infer K, infer V> ? ReadonlyMap<K, V> : { readonly [P in keyof T]: Frozen<T[P]> };")).toBe(true);
    expect(declarationsOnly("declare const version: string;")).toBe(true);
    expect(declarationsOnly("export type Handler<T = unknown, R = void> = (event: T) => R;")).toBe(true);
    expect(declarationsOnly("export type Mutable<T> = { -readonly [K in keyof T]: T[K] };")).toBe(true);
  });

  it("tells function signatures alone from type aliases and interfaces", () => {
    const signaturesOnly = (code: string): boolean => {
      const stream = normalizer.lex(code, languageByName("typescript"));
      return stream.declarations!.read(stream.hashes, stream.count).signaturesOnly(0, stream.count);
    };
    expect(signaturesOnly(`export function keep<T, S extends T>(test: (item: T, at: number) => item is S): Pipe<T, S>;
export function keep<T>(test: (item: T, at: number) => boolean): Pipe<T, T>;`)).toBe(true);
    expect(signaturesOnly("export type IfEmpty<T, Fallback = void> = keyof T extends never ? Fallback : T;")).toBe(false);
    expect(signaturesOnly("export interface Listener<T> { next(value: T): void }")).toBe(false);
    // An overload beside its implementation is code.
    expect(signaturesOnly("export function keep<T>(test: (item: T) => boolean): Pipe<T> { return pipe(test); }")).toBe(false);
  });

  it("reads the middle of a conditional type as declarations by its type words", () => {
    expect(declarationsOnly("T extends ReadonlySet<infer V> ? ReadonlySet<Frozen<V>> : T extends object ? { readonly [P in keyof T]: T[P] } : T")).toBe(true);
  });

  it("reads a function with a body as code, however little it does", () => {
    expect(declarationsOnly("export function keep<T>(test: Test<T>): Pipe<T, T> { return through(test); }")).toBe(false);
    expect(declarationsOnly("function wire(a: Node) { attach(a); }")).toBe(false);
    expect(declarationsOnly("export function keep<T>(test: Test<T>): Pipe<T, T> {\n  attach(test);\n}")).toBe(false);
  });

  it("reads calls, assignments and initializers as code", () => {
    expect(declarationsOnly("type Key = string;\nregister(handler, options);")).toBe(false);
    expect(declarationsOnly("type Key = string;\nstore.keep = pipes.keep;")).toBe(false);
    expect(declarationsOnly("class Store {\n  declare items: Item[];\n  size = 0;\n}")).toBe(false);
    expect(declarationsOnly("function keep(test: Test, limit: number = 10): void;")).toBe(false);
  });

  it("needs something only declarations have", () => {
    // Data and a bare list of names are neither code nor declarations.
    expect(declarationsOnly("const table = { alpha: 'a', beta: 'b' };")).toBe(false);
    expect(declarationsOnly("[first, second, third]")).toBe(false);
  });

  it("reads a stretch of a query as its whole reading does", () => {
    // A signature whose parameter list closes beyond the stretch, a call, then an interface.
    const code = "export function keep<T>(test: (item: T) => boolean): Pipe<T>;\nrun(keep(isEven));\nexport interface Listener { next(value: number): void }";
    const stream = normalizer.lex(code, languageByName("typescript"));
    const spans = stream.declarations!.read(stream.hashes, stream.count);
    const lineOf = (line: number): [number, number] => {
      const tokens = [...stream.startLines.subarray(0, stream.count)].flatMap((l, t) => (l === line ? [t] : []));
      return [tokens[0]!, tokens[tokens.length - 1]! + 1];
    };
    const [signature, call, listener] = [lineOf(1), lineOf(2), lineOf(3)];
    expect(spans.declarationsOnly(signature[0], signature[1])).toBe(true);
    // The signature up to its parameter list's `(` alone: the list still closes before a return type.
    const paren = code.indexOf("(");
    const upToParen = [...stream.startOffsets!.subarray(0, stream.count)].indexOf(paren) + 1;
    expect(spans.declarationsOnly(signature[0], upToParen)).toBe(true);
    expect(spans.declarationsOnly(signature[0], upToParen - 1)).toBe(false);
    expect(spans.declarationsOnly(call[0], call[1])).toBe(false);
    expect(spans.declarationsOnly(listener[0], listener[1])).toBe(true);
    expect(spans.declarationsOnly(signature[0], listener[1])).toBe(false);
  });

  it("reads nothing of Python", () => {
    expect(declarationsOnly("def keep(test: Callable[[T], bool]) -> Pipe: ...", "python")).toBeUndefined();
  });
});
