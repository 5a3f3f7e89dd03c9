import type { TokenHasher } from "../hashing.js";
import type { LanguageDefinition, Lexicon } from "../languages/language.js";
import { BOILERPLATE_PREFIX_CHARS, PARAMETER_LIST_LOOKAHEAD_CHARS } from "../options.js";
import { DeclarationReader } from "./declarations.js";
import { charBeforeColon, followedByKeyColon, isWordStart, nextCharCode } from "./lexical-chars.js";
import { inExportList } from "./lexical-lookaround.js";
import { OperatorTable, WordTable } from "./lexical-tables.js";
import { literalClassHashes } from "./token-stream.js";

/**
 * What the lexer knows of one language: its token hashes and lookup tables, and the rules that
 * decide from the characters around a word what the parser would have made of it (a keyword or a
 * name, a key, a skipped import). One per language, shared by every run (lexical-run.ts).
 */

/** Where a token came from, for the context rules that classify the next one. */
export const enum Kind {
  None,
  Word,
  Keyword,
  Number,
  String,
  Punct,
}

/** Whether a statement is left out, and of which kind (see startsSkippedStatement). */
export const enum Skipped {
  No,
  Statement,
  /** An entry of a `require` map: it ends at its comma. */
  Pair,
}

const enum WordClass {
  /** Always a keyword. */
  Reserved,
  /** A keyword when an operand follows (see Lexicon.callableKeywords). */
  Callable,
  /** A keyword when a name or bracket follows on its line. */
  Contextual,
  /** A keyword in a type position. */
  Type,
}

/** Marks a class body's `{` on the bracket stack (other entries are the bracket's character code). */
export const CLASS_BODY = -1;
/** Marks a switch body's `{`, where `default:` and `case x:` are labels, not keys. */
export const SWITCH_BODY = -2;
/** Marks an enum body's `{`, whose members' names are keys. */
export const ENUM_BODY = -3;

/** Tokens after which a name is in a type position (`x: string`, `A | number`, `Map<string, T>`). */
const TYPE_POSITION_AFTER = new Set([":", "?:", "-?:", "+?:", "|", "&", "<", "keyof", "=>", "as", "extends", "satisfies", "readonly"]);

/** `import X = N.X`: a TypeScript alias, which the grammar reads as code, not as an import. */
const IMPORT_ALIAS = /^[ \t]+[\w$]+[ \t]*=(?![=>])[ \t]*(?!require\b)[\w$]/;

/**
 * Whether `async`, ending at `end`, modifies what follows it on its line and so is a keyword: a
 * function, a method's name, an arrow's parameter, or an arrow's parameter list (a call `async(x)`
 * is none: its `)` is not followed by `=>` or a return type).
 */
function asyncModifies(source: string, end: number): boolean {
  const next = nextCharCode(source, end);
  if (next !== 40) return isWordStart(next) || next === 42 || next === 91 || next === 35;
  const close = matchingParenthesis(source, source.indexOf("(", end));
  return close >= 0 && /^[ \t]*(?:=>|:)/.test(source.slice(close + 1, close + 4));
}

/**
 * Whether the parameter list opened at `open` is followed on its line by a body (`) {`, and with
 * `returnType` `): T {`). Looked for on the line alone: a call statement spanning lines is then
 * read no further.
 */
function bodyFollows(source: string, open: number, returnType = true): boolean {
  const stop = lineEnd(source, open);
  const close = matchingParenthesis(source, open, stop);
  if (close < 0) return false;
  const c = nextCharCode(source, close + 1);
  if (c === 123) return true;
  // A return type, up to the body's brace; a `;` or `}` first ends a statement instead.
  if (!returnType || c !== 58) return false;
  for (let i = source.indexOf(":", close) + 1; i < stop; i++) {
    const d = source.charCodeAt(i);
    if (d === 123) return true;
    if (d === 59 || d === 125) return false;
  }
  return false;
}

/** The `)` closing the `(` at `open`, looked for before `stop` and within PARAMETER_LIST_LOOKAHEAD_CHARS; -1 when not there. */
function matchingParenthesis(source: string, open: number, stop = source.length): number {
  let depth = 0;
  const end = Math.min(stop, open + PARAMETER_LIST_LOOKAHEAD_CHARS);
  for (let i = open; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return i;
  }
  return -1;
}

/**
 * Whether `this`, starting at `start`, is a type (`m(): this`, `A | this`): after a return type's
 * `):` or a type operator. Elsewhere it is the value (`c ? f(x) : this`).
 */
function thisIsType(source: string, start: number, previousText: string, inTypeArguments: boolean, innermostBracket: number | undefined): boolean {
  // `this.x`, `this[k]`, `this(…)` are the value's.
  const next = nextCharCode(source, start + 4);
  const typeArgument = inTypeArguments && (previousText === "<" || previousText === ",");
  // `ReadonlyArray<this["Target"]>`: an indexed access type, in type arguments.
  if (next === 91 && typeArgument) return true;
  if (next === 46 || next === 40 || (next === 91 && source.charCodeAt(start + 5) !== 93)) return false;
  if (THIS_TYPE_AFTER.has(previousText)) return true;
  // `Promise<this>`, `<T = this>`: a type argument or a type parameter's default.
  if (typeArgument || (inTypeArguments && previousText === "=")) return true;
  return annotatesParameterOrReturn(source, start, previousText, innermostBracket);
}

/** Whether the `[` at `open` closes (within a line) before `(`: a computed member name and its parameters. */
function parametersAfterBracket(source: string, open: number): boolean {
  let depth = 0;
  const stop = Math.min(source.length, open + COMPUTED_NAME_CHARS);
  for (let i = open; i < stop; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) return false;
    if (c === 91) depth++;
    else if (c === 93 && --depth === 0) return nextCharCode(source, i + 1) === 40;
  }
  return false;
}

/** How far a computed member name's brackets are followed (parametersAfterBracket). */
const COMPUTED_NAME_CHARS = 200;

/** Whether the word at `start` follows a parameter's colon (`(x, array: this)`) or a return type's (`): this`). */
function annotatesParameterOrReturn(source: string, start: number, previousText: string, innermostBracket: number | undefined): boolean {
  return previousText === ":" && (innermostBracket === 40 || charBeforeColon(source, start) === 41);
}

/**
 * Whether a Python soft keyword ending at `end` begins a statement: the rest of its line, not
 * beginning with `,`, `.`, `:` or `=` (the word is then a name: `type, value = …`, `match: str`),
 * holds `char` outside brackets and strings, before any comment, and not as part of an operator
 * (`:=`, `==`): a block header's `:` (`match command.split():`, `case 1: return "uint8"`) or an
 * alias's `=` (`type X[T] = list[T]`, `type(self).x = 1`). A bracket left open goes on onto the
 * next lines (`case (⏎ A() | B()⏎ ):`), up to HEADER_SPAN_CHARS.
 */
function statementHolds(source: string, end: number, char: number): boolean {
  const first = lineEnd(source, end);
  let at = end;
  while (at < first && (source.charCodeAt(at) === 32 || source.charCodeAt(at) === 9)) at++;
  if (at === first || ",.:=".includes(source[at]!)) return false;
  const stop = Math.min(source.length, end + HEADER_SPAN_CHARS);
  let depth = 0;
  for (; at < stop; at++) {
    const c = source.charCodeAt(at);
    if (c === 10 && depth <= 0) return false;
    if (c === 35) {
      if (depth <= 0) return false;
      at = lineEnd(source, at) - 1;
    } else if (c === 34 || c === 39) {
      const close = source.indexOf(source[at]!, at + 1);
      if (close < 0 || close > lineEnd(source, at)) return false;
      at = close;
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if (c === char && depth === 0 && source.charCodeAt(at + 1) !== 61 && !"=!<>:+-*/%&|^@".includes(source[at - 1]!)) return true;
  }
  return false;
}

/** How far a soft keyword's statement is read for its colon or `=` when brackets span lines. */
const HEADER_SPAN_CHARS = 500;

/** Where the line holding `from` ends: its newline, or the source's end. */
function lineEnd(source: string, from: number): number {
  const end = source.indexOf("\n", from);
  return end < 0 ? source.length : end;
}

/** How the grammar reads `unique symbol`: one type, whose two words are each this token. */
const UNIQUE_SYMBOL = "unique symbol";

/** After `module`, what makes it a declaration: a name or a quoted module name. */
const MODULE_DECLARED = /^[ \t]+(?:[\w$]|["'])/;
/** After `namespace`, a name. */
const NAMESPACE_DECLARED = /^[ \t]+[\w$]/;

/** After a type keyword, what only a value is followed by: a member, an index, a comparison. */
const USED_AS_VALUE = /^[ \t]*(?:\??\.(?!\.)|\[(?![ \t]*\])|[=!]==?)/;

/** After a name beginning a line of a class or interface body: a member's type, parameters or value. */
const MEMBER_LINE_NEXT = /^[ \t]*(?:[?!]?:|\??[(<]|=(?![=>]))/;

/** An operator spelled as a word, after a contextual keyword used as a name. */
const OPERATOR_WORD_NEXT = /^[ \t]+(?:in|of|instanceof)\b/;

/** A mapped type's key clause ending the text: `[K in keyof T]`, `[P in T[number]]`. */
const MAPPED_TYPE_KEY = /\[[ \t]*[\w$]+[ \t]+in[ \t][^[\]]*(?:\[[^[\]]*\][^[\]]*)*\]$/;

/** Tokens after which `this` is a type: type operators (not `<`, which compares as often). */
const THIS_TYPE_AFTER = new Set(["|", "&", "keyof", "as", "extends", "satisfies"]);

/** Contextual keywords that modify a class member or accessor. */
const MEMBER_MODIFIERS = new Set(["static", "get", "set", "readonly", "private", "public", "protected", "override", "abstract", "declare", "accessor"]);

/** Tokens after which a name in a class body is a member's (`static x`, `get y()`, `} z()`). */
const MEMBER_NAME_AFTER = new Set([
  "{", "}", ";", "*", "static", "get", "set", "async", "readonly", "private", "public", "protected", "override",
  "abstract", "declare", "accessor",
]);

/** Keywords a statement `word (…) {` begins with: before a body, they are not an object's method. */
const BLOCK_HEADERS = new Set(["if", "for", "while", "switch", "catch", "with", "function"]);

/** Tokens that end an operand: a word after one is an operator's (`x as (T)`), not a call's callee. */
const OPERAND_END = new Set(["$id", ")", "]", "$str", "$num", "this"]);

/** Tokens after which `name:` in braces is an object's or type's key, not a typed variable (`let x: T`). */
const OBJECT_KEY_AFTER = new Set(["{", ",", ";", "readonly"]);

/** Whether a statement could end after this token (JavaScript has no newline token to say so). */
export function statementComplete(previous: Kind, previousText: string): boolean {
  if (previous === Kind.String || previous === Kind.Word || previous === Kind.Number) return true;
  return previous === Kind.Punct && (previousText === ")" || previousText === "]" || previousText === "}");
}

export class LexicalContext {
  readonly python: boolean;
  readonly lexicon: Lexicon;
  /** Every word that may be a keyword, with what kind: one lookup tells a plain name. */
  readonly words: WordTable<WordClass>;
  readonly operators: OperatorTable;
  readonly literalClasses: Uint32Array;
  readonly keptLiteralClasses: Uint32Array;
  /** The reading of declarations, for TypeScript and JavaScript (TokenStream.declarations). */
  readonly declarations: DeclarationReader | undefined;
  readonly idHash: number;
  readonly stringHash: number;
  readonly numberHash: number;
  readonly regexHash: number;
  private readonly hasher: TokenHasher;
  private readonly hashOf = new Map<string, number>();
  private readonly keywords: ReadonlyMap<string, string>;

  /** The language's module boilerplate rules for a `require` map's entry, a statement, and a function expression. */
  private readonly pairRules: readonly RegExp[];
  private readonly statementRules: readonly RegExp[];
  private readonly expressionRules: readonly RegExp[];

  constructor(
    readonly definition: LanguageDefinition,
    baseHasher: TokenHasher,
  ) {
    const rules = definition.moduleBoilerplate ?? [];
    this.pairRules = rules.filter((rule) => rule.types.includes("pair")).map((rule) => rule.pattern);
    this.statementRules = rules.filter((rule) => !rule.types.includes("pair") && !rule.types.includes("function_expression")).map((rule) => rule.pattern);
    this.expressionRules = rules.filter((rule) => rule.types.includes("function_expression")).map((rule) => rule.pattern);
    // Token hashes are seeded by language family (hashing.ts): no k-gram crosses families.
    this.hasher = baseHasher.forFamily(definition.lexicon.dialect);
    this.lexicon = definition.lexicon;
    this.python = this.lexicon.dialect === "python";
    this.keywords = new Map(Object.entries(this.lexicon.keywords));
    const classes = new Map<string, WordClass>();
    for (const word of this.lexicon.typeKeywords ?? []) classes.set(word, WordClass.Type);
    for (const word of this.lexicon.contextualKeywords ?? []) classes.set(word, WordClass.Contextual);
    for (const word of this.keywords.keys()) classes.set(word, WordClass.Reserved);
    for (const word of this.lexicon.callableKeywords ?? []) classes.set(word, WordClass.Callable);
    this.words = new WordTable(classes);
    this.operators = new OperatorTable(this.lexicon.operators, definition.formattingTokens, (text) => this.hash(text));
    ({ literalClasses: this.literalClasses, keptLiteralClasses: this.keptLiteralClasses } = literalClassHashes(definition, this.hasher));
    this.declarations = this.python ? undefined : new DeclarationReader((text) => this.hash(text));
    this.idHash = this.hash("$id");
    this.stringHash = this.hash(definition.literalTypes.string ?? "$str");
    this.numberHash = this.hash("$num");
    this.regexHash = this.hash("$re");
  }

  /** The hash of a token text, cached: token texts are few. */
  hash(text: string): number {
    let hash = this.hashOf.get(text);
    if (hash === undefined) {
      hash = this.hasher.hashToken(text);
      this.hashOf.set(text, hash);
    }
    return hash;
  }

  /** Whether `close` ends a block comment (else the span it closes is a string). */
  closesComment(close: string): boolean {
    return (this.lexicon.blockComment?.[0] ?? "") === close || (this.lexicon.blockComment?.[1] ?? "") === close;
  }

  /** The keyword text the word `entry` (of `words`) ending at `end` is read as here, or undefined for a name. */
  keywordText(source: string, entry: number, end: number, previousText: string, lineStart: boolean, inTypeArguments: boolean, innermostBracket: number | undefined): string | undefined {
    const word = this.words.word(entry);
    if (this.lexicon.dialect === "ecmascript" && (innermostBracket === 123 || innermostBracket === CLASS_BODY)) {
      // Any word is a name as a key (`{ extends: x }`, `{ type?: T }`) or a class's method (`delete(key) {}`).
      const next = nextCharCode(source, end);
      const classMember = innermostBracket === CLASS_BODY && (lineStart || MEMBER_NAME_AFTER.has(previousText));
      if ((lineStart || OBJECT_KEY_AFTER.has(previousText) || classMember) && previousText !== "?" && followedByKeyColon(source, end)) return undefined;
      // `return(value) { … }` in an object: a method, where no statement begins `word (…) {` (but
      // `return (x: T): U => {` returns an arrow).
      if (innermostBracket === 123 && next === 40 && (lineStart || OBJECT_KEY_AFTER.has(previousText)) && !BLOCK_HEADERS.has(word) && bodyFollows(source, source.indexOf("(", end), false)) return undefined;
      // Not `new (…)`: an interface's construct signature. `return?(…)`: an optional method.
      if (classMember && word !== "new" && (next === 40 || next === 60 || (next === 63 && source.charCodeAt(source.indexOf("?", end) + 1) === 40))) return undefined;
    }
    switch (this.words.value(entry)) {
      case WordClass.Reserved:
        if (this.lexicon.dialect === "ecmascript") {
          // `async` modifies what follows it on its line; else it is a name (`async.each(…)`, `{ async }`).
          if (word === "async" && !asyncModifies(source, end)) return undefined;
          if (word === "this" && this.lexicon.typeKeywordsAnywhere && thisIsType(source, end - 4, previousText, inTypeArguments, innermostBracket)) return "this_type";
          // `var undefined;`: a variable of that name.
          if (word === "undefined" && (previousText === "var" || previousText === "let" || previousText === "const")) return undefined;
          // `export { _delete as delete }`: any reserved word a binding is exported as.
          if (previousText === "as" && (word === "default" || inExportList(source, end - word.length))) return undefined;
          // `<in out K>`: a type parameter's variance, which the grammar reads as a name.
          if (word === "in" && inTypeArguments && (previousText === "<" || previousText === ",") && /^[ \t]+[\w$]/.test(source.slice(end, end + 3))) return undefined;
        }
        return this.keywords.get(word);
      case WordClass.Callable:
        // Python 2's `print x` is a statement; `print(x)` a call.
        return /^[ \t]*[\w"'>[-]/.test(source.slice(end, end + 3)) ? this.keywords.get(word) : undefined;
      case WordClass.Contextual: {
        // Python's soft keywords begin a statement: `match x:` and `case …:` a block's header,
        // `type X = …` an alias (the grammar reads any line `type … = …` so); else they are names.
        if (this.python) {
          // A statement's start: first on its line, outside brackets (not an argument continued there).
          if (!lineStart || innermostBracket !== undefined) return undefined;
          return statementHolds(source, end, word === "type" ? 61 : 58) ? word : undefined;
        }
        // `declare global { … }` names the global scope; `global` anywhere else is a name.
        if (word === "global") return previousText === "declare" ? word : undefined;
        // `from "./module"` in an export; `from` anywhere else is a name (`from[key]`, `from instanceof T`).
        if (word === "from") return /^[ \t]*["']/.test(source.slice(end, end + 3)) ? word : undefined;
        // `readonly (A | B)[]`: the array type's modifier, where a type is expected.
        if (word === "readonly" && nextCharCode(source, end) === 40) return TYPE_POSITION_AFTER.has(previousText) || previousText === "=" ? word : undefined;
        // `unique symbol` is one type, its two words read as one token each time, as the grammar's node.
        if (word === "unique") return /^[ \t]+symbol\b/.test(source.slice(end, end + 10)) ? UNIQUE_SYMBOL : undefined;
        // `module Name`, `module "name"`, `namespace A.B`; else a name (`module.exports`, `module['exports']`).
        if (word === "module" || word === "namespace") return (word === "module" ? MODULE_DECLARED : NAMESPACE_DECLARED).test(source.slice(end, end + 40)) ? word : undefined;
        // `using x = …`: a declaration only when a name follows.
        if (word === "using") return /^[ \t]+[\w$]/.test(source.slice(end, end + 3)) ? word : undefined;
        // `value as (A | B)`, `x is (…) => T`, `for (const o of (list))`: an operator after an
        // operand; `as(x)`, `of(1, 2)` and `f(as[i])` after anything else are names.
        const after = nextCharCode(source, end);
        if ((word === "as" || word === "is" || word === "of") && (after === 40 || (after === 91 && word === "as"))) return OPERAND_END.has(previousText) && !lineStart ? word : undefined;
        // A contextual keyword (`type`, `readonly`, `get`) is one when a name or bracket follows it on its line.
        const next = /^[ \t]*([\w$#"'`[{*]|$)/.exec(source.slice(end, end + 40));
        // `get [key]()`, `static [Symbol.iterator]()` begin a member; `set[i]`, `pos += get[k]` index a value.
        if (next?.[1] === "[" && (word === "get" || word === "set" || word === "static") && !lineStart && !MEMBER_NAME_AFTER.has(previousText) && previousText !== ",") return undefined;
        // `=> { set[0].push(x) }`: an accessor's computed name is followed by its parameters.
        if (next?.[1] === "[" && (word === "get" || word === "set") && !parametersAfterBracket(source, source.indexOf("[", end))) return undefined;
        // `export { as as _as }`, `{ x as as }`: the word `as` exported or exported as.
        if (word === "as" && (previousText === "as" || ((previousText === "{" || previousText === ",") && /^[ \t]+as\b/.test(source.slice(end, end + 4))))) return undefined;
        // `static of<T>()`, `get in()`: a member named by an operator word.
        if (innermostBracket === CLASS_BODY && MEMBER_MODIFIERS.has(word) && /^[ \t]+(?:in|of|instanceof)[ \t]*[(<]/.test(source.slice(end, end + 16))) return word;
        // Not an operator that is a word: `type in set`, `for (const type of types)`, `type instanceof T`.
        return next && next[1] !== "" && !OPERATOR_WORD_NEXT.test(source.slice(end, end + 13)) ? word : undefined;
      }
      case WordClass.Type:
        if (word === "symbol" && previousText === UNIQUE_SYMBOL) return UNIQUE_SYMBOL;
        // `): object is unknown[]`: a type predicate names its parameter.
        if (/^[ \t]+is\b/.test(source.slice(end, end + 5))) return undefined;
        // A value's use, wherever it stands: `i < string.length`, `number === 1`, `string[i]`.
        if (USED_AS_VALUE.test(source.slice(end, end + 4))) return undefined;
        // `hasProperty(u, symbol)`: an argument after the first, where no type stands (a
        // function type's parameters have names, a tuple's types are in brackets).
        if (previousText === "," && innermostBracket === 40 && !inTypeArguments) return undefined;
        // `[symbol](that: Equal)`: a method named by a variable's value.
        if (previousText === "[" && /^[ \t]*\][ \t]*\(/.test(source.slice(end, end + 8))) return undefined;
        // In JavaScript a type is only a Flow annotation's, after a parameter's or return type's
        // colon: elsewhere `string` is a name (`{ value: string }`, `c ? s : string`, `| string`).
        if (!this.lexicon.typeKeywordsAnywhere && !annotatesParameterOrReturn(source, end - word.length, previousText, innermostBracket)) return undefined;
        if (TYPE_POSITION_AFTER.has(previousText) || (inTypeArguments && previousText === ",")) return word;
        // In TypeScript a type's name is nearly always a type (`[number, string]`, `<T = number>`), unless used as a value.
        // A name annotated with a type (`(string: string)`, `object?: T`) is a name; its colon is
        // the name's own, where a conditional type's ` : ` stands apart (`? never : T`).
        if (this.lexicon.typeKeywordsAnywhere && !/^(?:[ \t]*(?:[.(]|=(?![=>]))|\??:)/.test(source.slice(end, end + 4))) return word;
        return undefined;
    }
  }

  /** An object literal's or type's key (`{ key: 1 }`): a member name, left out of name comparison. */
  isMemberKey(source: string, end: number, brackets: readonly number[], previousText: string, lineStart: boolean): boolean {
    if (this.python) return false;
    const innermost = brackets[brackets.length - 1];
    // A line's first name is a member's when its type, parameters or value follows, with or
    // without a `;` ending the line before.
    if (innermost === CLASS_BODY) return MEMBER_NAME_AFTER.has(previousText) || (lineStart && MEMBER_LINE_NEXT.test(source.slice(end, end + 4)));
    if (innermost === ENUM_BODY) return previousText === "{" || previousText === ",";
    // After a ternary's `?` (`cond ?⏎ value :⏎ other`) a name is its branch, not a key.
    if (innermost !== 123 || previousText === "?" || !(lineStart || OBJECT_KEY_AFTER.has(previousText) || MEMBER_NAME_AFTER.has(previousText))) return false;
    // A key, or an object's method (`code(cxt) { … }`: a call is not followed by a body).
    const next = nextCharCode(source, end);
    // `name?(…)` in TypeScript: an optional method (in JavaScript, a ternary's `x?(a):b`).
    if (next === 63 && this.lexicon.typeKeywordsAnywhere === true && source.charCodeAt(source.indexOf("?", end) + 1) === 40) return true;
    return followedByKeyColon(source, end) || (next === 40 && bodyFollows(source, source.indexOf("(", end)));
  }

  /**
   * Whether a statement starting here is left out, as the normalizer leaves out imports and module
   * boilerplate: at a line's start, or after a `;` or brace on it (a compact build's statements,
   * `var a;function _typeof(o) {…}`), or for a `require` map's entry, after its comma.
   */
  startsSkippedStatement(source: string, start: number, end: number, word: string | undefined, lineStart: boolean, previousText: string, brackets: readonly number[]): Skipped {
    if (this.python) {
      if (!lineStart && previousText !== ";") return Skipped.No;
      if (word === "import") return Skipped.Statement;
      return word === "from" && /^\s+[\w.]+\s+import\b/.test(source.slice(end, end + 200)) ? Skipped.Statement : Skipped.No;
    }
    // A function expression in parentheses: a bundler's generated wrapper, its body skipped to its brace.
    if (word === "function" && previousText === "(" && this.expressionRules.length > 0) {
      const text = source.slice(start, start + BOILERPLATE_PREFIX_CHARS);
      return this.expressionRules.some((pattern) => pattern.test(text)) ? Skipped.Statement : Skipped.No;
    }
    // Most words are neither: the test every word pays is these comparisons.
    const statementStart = lineStart || previousText === ";" || previousText === "{" || previousText === "}";
    if (!statementStart && previousText !== ",") return Skipped.No;
    // `import x = require("x")` is an import; `import X = N.X` (an alias, TypeScript) is code.
    // Not `import(…)`, `import.meta`, nor `import:` (an object's key).
    if (word === "import") return statementStart && !/^[ \t]*[(.:]/.test(source.slice(end, end + 4)) && !IMPORT_ALIAS.test(source.slice(end, end + 200)) ? Skipped.Statement : Skipped.No;
    // A map's entry (`key: require(…)`) begins an entry of braces, its key's colon next; a
    // statement, with one of the characters the language's boilerplate begins with.
    const pairMay = this.beginsEntry(lineStart, previousText, brackets) && followedByKeyColon(source, end);
    const firstChars = this.definition.moduleBoilerplateFirstChars;
    const statementMay = statementStart && this.statementRules.length > 0 && (firstChars === undefined || firstChars.includes(source[start]!));
    if (!pairMay && !statementMay) return Skipped.No;
    const text = source.slice(start, start + BOILERPLATE_PREFIX_CHARS);
    if (pairMay && this.pairRules.some((pattern) => pattern.test(text))) return Skipped.Pair;
    if (statementMay && this.statementRules.some((pattern) => pattern.test(text))) return Skipped.Statement;
    return Skipped.No;
  }

  /**
   * Whether a quoted key at `start` begins a `require` map's entry (`'chunk': require('./chunk')`),
   * left out as the normalizer leaves it: in braces, at a line's start or after `{` or a comma.
   */
  startsSkippedPair(source: string, start: number, lineStart: boolean, previousText: string, brackets: readonly number[]): boolean {
    if (this.python || !this.beginsEntry(lineStart, previousText, brackets)) return false;
    const text = source.slice(start, start + BOILERPLATE_PREFIX_CHARS);
    return this.pairRules.some((pattern) => pattern.test(text));
  }

  /** Whether a token here may begin a `require` map's entry: in braces, first on its line or after `{` or a comma. */
  private beginsEntry(lineStart: boolean, previousText: string, brackets: readonly number[]): boolean {
    return this.pairRules.length > 0 && brackets[brackets.length - 1] === 123 && (lineStart || previousText === "{" || previousText === ",");
  }

  /**
   * Whether the `?` at `at` begins a mapped type's `?:` (`{ [K in keyof T]?: T[K] }`), one token
   * there as `-?:` and `+?:` are; after any other `]` (`[key]?: T`) the two are apart.
   */
  mappedTypeOptional(source: string, at: number, previousText: string): boolean {
    return this.lexicon.typeKeywordsAnywhere === true && previousText === "]" && source.charCodeAt(at + 1) === 58 && MAPPED_TYPE_KEY.test(source.slice(Math.max(0, at - 200), at));
  }

  regexAllowed(previous: Kind, previousText: string): boolean {
    if (previous === Kind.None) return true;
    if (previous === Kind.Word || previous === Kind.Number || previous === Kind.String) return false;
    if (previous === Kind.Keyword) return !["this", "super", "true", "false", "null", "undefined"].includes(previousText);
    return previousText !== ")" && previousText !== "]" && previousText !== "}";
  }
}
